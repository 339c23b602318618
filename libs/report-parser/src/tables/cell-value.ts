import type { CellKind } from '@nianbao/report-format';
import { normaliseText } from '../normalise';

/** One table cell read into the spec's terms: a number (zero included), blank, not applicable or text. */
export interface CellValue {
  kind: CellKind;
  value: number | null;
  unit?: string;
}

/** Printed forms of "not applicable". A bare dash is n/a; a dash before digits is a sign. */
const NOT_APPLICABLE = new Set(['/', '//', '-', '--', '—', '——', '–', '无', '不适用', '空', 'n/a', 'na', '×']);

/** Units seen inside numeric cells, longest first. */
const UNITS = ['万元', '人次', '元', '件', '项', '个', '条', '次', '篇', '份'];

const UNIT_PATTERN = UNITS.join('|');

/**
 * A number as printed: optional sign or sign word (`+19`, `-8`, `减4`, `增加3`), digits with optional thousands
 * separators (`,` or space between groups of three) and decimals, optional unit, bare or bracketed (`3（件）`).
 */
const NUMBER = new RegExp(
  `^(?<sign>[+\\-−]|增加|减少|增|减)?\\s*(?<digits>\\d{1,3}(?:[, ]\\d{3})+|\\d+)(?<fraction>\\.\\d+)?\\s*(?:(?<unit>${UNIT_PATTERN})|\\((?<bracketed>${UNIT_PATTERN})\\))?$`,
);

/**
 * Padding lost in an encoding conversion before a number: a mirror that re-encodes the page turns an NBSP or U+3000
 * it cannot write into `?` (or U+FFFD), so `\u00a00` is printed `? 0`. Only marks directly before the digits count.
 */
const LOST_PADDING = /^[?\ufffd]+\s*(?=[\d+\-−])/;

/** Text as it is compared for values: normalised width and characters, `&nbsp;` entities and lost padding removed. */
export function cleanValueText(raw: string): string {
  return normaliseText(raw)
    .replace(/&nbsp;?/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LOST_PADDING, '');
}

/** Reads one cell's text. Never guesses: anything that is not clearly a number stays blank, n/a or text. */
export function parseCellValue(raw: string): CellValue {
  const text = cleanValueText(raw);
  if (text === '') return { kind: 'blank', value: null };
  if (NOT_APPLICABLE.has(text.toLowerCase())) return { kind: 'na', value: null };
  const match = NUMBER.exec(text);
  if (!match?.groups) return { kind: 'text', value: null };
  const { sign, digits, fraction } = match.groups;
  const unit = match.groups.unit ?? match.groups.bracketed;
  const magnitude = Number(digits.replace(/[, ]/g, '') + (fraction ?? ''));
  if (!Number.isFinite(magnitude)) return { kind: 'text', value: null };
  const negative = sign === '-' || sign === '−' || sign === '减' || sign === '减少';
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return unit ? { kind: 'number', value, unit } : { kind: 'number', value };
}

/** True when the text reads as a value cell of any kind except text (a number, blank or n/a). */
export function isValueText(raw: string): boolean {
  return parseCellValue(raw).kind !== 'text';
}
