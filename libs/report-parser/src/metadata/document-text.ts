import type { DocRow, DocumentModel } from '../document';
import { normaliseText } from '../normalise';

/**
 * The prose of a document, line by line, in the forms the metadata readers match on. Metadata is read from what
 * the document says, so every line keeps its row's position; nothing here looks at file names or URLs.
 */
export interface ProseLine {
  /** The row's cells joined, with Word artefacts and markdown marks removed; otherwise as printed. */
  raw: string;
  /** Normalised (width, pinyin, Traditional → Simplified), Chinese-numeral years as digits, no whitespace. */
  compact: string;
  /** True for rows of a real table (`table` set by the reader). */
  inTable: boolean;
}

/** A flattened table row is a line; a whole page run into one line that happens to hold pipes is not. */
const MAX_PIPE_ROW_CHARS = 600;
const WORD_ARTEFACT = /\[bookmark:[^\]]*\]/gi;
const MARKDOWN_MARKS = /^\s*(?:#{1,6}\s*|>\s*)|\*\*/g;
const CHINESE_DIGITS: Record<string, string> = {
  '〇': '0', '零': '0', '○': '0', 'Ｏ': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5',
  '六': '6', '七': '7', '八': '8', '九': '9',
};
const CHINESE_YEAR = /([〇零○Ｏ一二三四五六七八九]{4})(?=年)/g;
/** A month or day in Chinese numerals right after a year or month: `年十二月`, `月三十一日`. */
const CHINESE_MONTH_DAY = /([年月])([一二三四五六七八九十]{1,3})(?=[月日])/g;

function chineseNumber(run: string): string {
  const tens = run.indexOf('十');
  if (tens < 0) return [...run].map((ch) => CHINESE_DIGITS[ch] ?? ch).join('');
  const high = tens === 0 ? 1 : Number(CHINESE_DIGITS[run.charAt(0)] ?? 1);
  const low = tens === run.length - 1 ? 0 : Number(CHINESE_DIGITS[run.charAt(tens + 1)] ?? 0);
  return String(high * 10 + low);
}

/** `二〇二三年十二月三十一日` → `2023年12月31日`: years, and the months and days that follow them. */
function chineseDatesToDigits(text: string): string {
  return text
    .replace(CHINESE_YEAR, (run) => [...run].map((ch) => CHINESE_DIGITS[ch] ?? ch).join(''))
    .replace(CHINESE_MONTH_DAY, (_match, unit: string, run: string) => unit + chineseNumber(run));
}

/** Normalised, whitespace-free form used for every match in this folder. */
export function compactText(text: string): string {
  return chineseDatesToDigits(normaliseText(text.replace(WORD_ARTEFACT, ''))).replace(/\s+/g, '');
}

function rowText(row: DocRow, fileKind: DocumentModel['fileKind']): string {
  const cells = row.cells.filter((cell) => !cell.covered).map((cell) => cell.text);
  // A PDF line is split at column gaps, often inside a word or a number (`202 | 3`): rejoin it without a gap.
  return cells.join(fileKind === 'pdf' ? '' : ' ');
}

/**
 * A row of a table that holds prose, not figures: pages laid out with tables put the whole report in one column,
 * and a sentence written across a table's full width is still a sentence. The format's own tables have at least
 * two columns and no long sentences.
 */
function isLayoutRow(row: DocRow, compact: string): boolean {
  if (row.cells.length === 1) return true;
  const written = row.cells.filter((cell) => !cell.covered && cell.text.trim() !== '');
  return written.length === 1 && compact.length >= 30 && /[，。；]/.test(compact);
}

/** readMetadata and splitSections both read the lines of one document: normalise them once. */
const LINES_CACHE = new WeakMap<DocumentModel, readonly ProseLine[]>();

export function proseLines(doc: DocumentModel): readonly ProseLine[] {
  const cached = LINES_CACHE.get(doc);
  if (cached) return cached;
  const lines: ProseLine[] = [];
  for (const row of doc.rows) {
    const raw = rowText(row, doc.fileKind).replace(WORD_ARTEFACT, '').replace(MARKDOWN_MARKS, '').trim();
    const compact = compactText(raw);
    if (compact === '') continue;
    // A flattened-text table row (`规章 | 0 | 0 | 0 |`) that reached us as a paragraph is still a table row.
    const pipeRow = row.cells.length === 1 && raw.length <= MAX_PIPE_ROW_CHARS && /(?:^\s*\||\|\s*$|\s\|\s)/.test(raw);
    lines.push({ raw, compact, inTable: (row.table !== undefined && !isLayoutRow(row, compact)) || pipeRow });
  }
  LINES_CACHE.set(doc, lines);
  return lines;
}

/**
 * All prose as one compact string. PDF lines are visual lines that wrap mid-sentence, so they are joined without a
 * break; other kinds keep a line break between paragraphs, which the patterns here never cross.
 */
export function flowText(doc: DocumentModel, lines: readonly ProseLine[]): string {
  return lines
    .filter((line) => !line.inTable)
    .map((line) => line.compact)
    .join(doc.fileKind === 'pdf' ? '' : '\n');
}
