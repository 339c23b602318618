import { Converter, Locale, type DictGroup } from 'opencc-js';

/**
 * Text normalisation applied before any matching. The raw text is always kept beside the normalised form: values
 * shown to people come from what the document printed.
 */

/**
 * Character-level Traditional → Simplified. The phrase-level Taiwan converter is not used: it rewrites mainland
 * words (文件 → 文档) that the format's labels depend on.
 */
const toSimplified = Converter({ from: 'tw', to: 'cn' });

/**
 * Every character that begins an entry of the dictionaries that converter applies (opencc's `tw2s` configuration:
 * its normalisation and conversion chains). Text holding none of them comes out of the converter unchanged, so the
 * converter, the slowest step of normalisation, runs only on text it may change. Undefined when the configuration
 * cannot be read (then every text is converted).
 */
const CONVERTIBLE: ReadonlySet<number> | undefined = (() => {
  const config: unknown = Locale.configs.tw2s;
  if (typeof config !== 'object' || config === null) return undefined;
  const chains = [
    (config as { conversionChain?: unknown }).conversionChain,
    (config as { normalizationChain?: unknown }).normalizationChain,
  ];
  const starts = new Set<number>();
  for (const chain of chains) {
    if (chain === undefined) continue;
    if (!Array.isArray(chain)) return undefined;
    for (const group of chain as DictGroup[]) {
      for (const dict of group) {
        const sources = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')[0]) : dict.map(([source]) => source);
        for (const source of sources) {
          const start = source.codePointAt(0);
          if (start !== undefined) starts.add(start);
        }
      }
    }
  }
  return starts.size > 0 ? starts : undefined;
})();

/** The lowest of those characters: most characters of a report (digits, punctuation) are below it. */
const LOWEST_CONVERTIBLE = CONVERTIBLE ? Math.min(...CONVERTIBLE) : 0;

function mayConvert(text: string): boolean {
  if (!CONVERTIBLE) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < LOWEST_CONVERTIBLE) continue;
    const point = text.codePointAt(i) ?? code;
    if (CONVERTIBLE.has(point)) return true;
    // A character outside the BMP is looked up whole (both halves of its surrogate pair).
    if (point > 0xffff) i++;
  }
  return false;
}

/**
 * Mirror sites convert mainland text to Traditional with Taiwan vocabulary; the words that matter for the tables are
 * turned back first (`規範性檔案` was `规范性文件`). Only Traditional spellings are touched: a Simplified 档案 is a
 * real word and stays.
 */
const TAIWAN_VOCABULARY: readonly [RegExp, string][] = [
  [/檔案/g, '文件'],
  [/資訊/g, '信息'],
  [/專案/g, '项目'],
];

/** Pinyin annotations some mirror sites insert after characters: `規(guī)章`, `本年制發(fā)件數(shù)`. */
const PINYIN_ANNOTATION = /\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)\)/g;

/** Width and whitespace: NFKC (full-width digits, letters and punctuation → ASCII), U+3000, NBSP and tabs → space. */
export function normaliseWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00a0\u2002-\u200b\u3000\ufeff]/g, ' ')
    .replace(/\t/g, ' ');
}

/**
 * The same texts are normalised again and again: a cell by the reader, the tokenizer and the value reader, a line
 * by the table mapper and the metadata readers, the format's labels and the usual numbers (`0`, `/`) in every
 * report. Short texts are remembered across reports, in two generations of at most `REMEMBERED` texts each, so
 * memory stays bounded however many reports one process parses. Longer texts (sentences, whole lines) seldom come
 * back in another report: they are remembered only while a document is being parsed (`whileParsing`).
 */
const REMEMBERED = 4096;
const MAX_REMEMBERED_LENGTH = 100;
let recent = new Map<string, string>();
let older = new Map<string, string>();
const documentTexts = new Map<string, string>();
let documentsOpen = 0;

/**
 * Runs `parse` (a report read and mapped, synchronously or not) with the long texts it normalises remembered until
 * it has finished. Parses running at once share what they remember; it is dropped when the last one finishes.
 */
export function whileParsing<T>(parse: () => T): T {
  documentsOpen++;
  let result: T;
  try {
    result = parse();
  } catch (error) {
    closeDocument();
    throw error;
  }
  if (result instanceof Promise) return result.finally(closeDocument) as T;
  closeDocument();
  return result;
}

function closeDocument(): void {
  if (--documentsOpen === 0) documentTexts.clear();
}

/** Full normalisation for matching labels: width, pinyin annotations, Traditional → Simplified. Keeps spaces. */
export function normaliseText(text: string): string {
  if (text.length > MAX_REMEMBERED_LENGTH) {
    if (documentsOpen === 0) return normaliseUncached(text);
    let long = documentTexts.get(text);
    if (long === undefined) {
      long = normaliseUncached(text);
      documentTexts.set(text, long);
    }
    return long;
  }
  let out = recent.get(text);
  if (out === undefined) {
    out = older.get(text) ?? normaliseUncached(text);
    if (recent.size >= REMEMBERED) {
      older = recent;
      recent = new Map();
    }
    recent.set(text, out);
  }
  return out;
}

function normaliseUncached(text: string): string {
  let out = normaliseWidth(text).replace(PINYIN_ANNOTATION, '');
  for (const [pattern, replacement] of TAIWAN_VOCABULARY) out = out.replace(pattern, replacement);
  return mayConvert(out) ? toSimplified(out) : out;
}

/** Normalised and with all whitespace removed: the form labels and headers are compared in. */
export function compactLabel(text: string): string {
  return normaliseText(text).replace(/\s+/g, '');
}
