declare module 'word-extractor' {
  namespace WordExtractor {
    interface ExtractedDocument {
      getBody(options?: { filterUnicode?: boolean }): string;
    }
  }
  class WordExtractor {
    extract(source: string | Buffer): Promise<WordExtractor.ExtractedDocument>;
  }
  export = WordExtractor;
}

declare module 'word-extractor/lib/word-ole-extractor' {
  class WordOleExtractor {
    writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  }
  export = WordOleExtractor;
}
