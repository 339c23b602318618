import type { DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import { readDoc } from './doc-reader';
import { readDocx } from './docx-reader';
import { readHtml } from './html-reader';
import { type ReaderLimits, resolveLimits } from './limits';
import { readPdf } from './pdf-reader';
import { sniff } from './sniff';
import { readPlainText } from './text-reader';
import { readXlsx } from './xlsx-reader';
import { describe } from './zip-container';

export { DEFAULT_READER_LIMITS, type ReaderLimits, resolveLimits } from './limits';
export { decodeText } from './decode-text';
export { detectFileKind, sniff } from './sniff';

export interface ReadOptions {
  /** The uploader's file name: informative only, the type is decided by content. */
  fileName?: string;
  limits?: Partial<ReaderLimits>;
}

async function dispatch(bytes: Uint8Array, limits: ReaderLimits): Promise<DocumentModel> {
  const sniffed = sniff(bytes);
  switch (sniffed.kind) {
    case 'pdf':
      return readPdf(bytes, limits);
    case 'docx':
      return readDocx(bytes, limits);
    case 'doc':
      return readDoc(bytes, limits);
    case 'xlsx':
      return readXlsx(bytes, limits);
    case 'html':
    case 'text': {
      const text = sniffed.text ?? '';
      if (text.length > limits.maxTextChars) {
        throw new ParseError(ParseErrorCode.TooLarge, '文件包含的文字过多，超过允许的上限', `${text.length} characters`);
      }
      return sniffed.kind === 'html' ? readHtml(text, limits.maxTextChars) : readPlainText(text);
    }
  }
}

/**
 * Bytes → document model. The type is sniffed from the content (never the name), the matching reader runs within
 * the limits, and every failure comes out as a ParseError with a stable code. A document with no text at all (an
 * empty .docx, a page of bare markup, a workbook of empty sheets) is empty_file.
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<DocumentModel> {
  const limits = resolveLimits(options.limits);
  if (bytes.byteLength > limits.maxBytes) {
    throw new ParseError(ParseErrorCode.TooLarge, undefined, `${bytes.byteLength} bytes, limit ${limits.maxBytes}`);
  }
  let document: DocumentModel;
  try {
    document = await dispatch(bytes, limits);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const name = options.fileName ? `${options.fileName}: ` : '';
    throw new ParseError(ParseErrorCode.Corrupt, undefined, `${name}${describe(error)}`);
  }
  if (!document.rows.some((row) => row.cells.some((cell) => cell.text.trim().length > 0))) {
    throw new ParseError(ParseErrorCode.Empty, undefined, `${document.fileKind} file without any text`);
  }
  return document;
}
