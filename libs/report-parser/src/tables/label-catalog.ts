import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  PROACTIVE_2019,
  PROACTIVE_2021,
  REQUEST_COLUMNS,
  REQUEST_ROWS_2019,
  REQUEST_ROWS_2021,
  type FormatVersion,
} from '@nianbao/report-format';
import { compactLabel } from '../normalise';

/** The three standard tables, named by their key prefix. */
export type TableId = 'proactive' | 'requests' | 'appeals';

/**
 * What a printed label means:
 * - `row`: a data row of a table (its key is the row key, e.g. `normative_docs`, `denied.third_party`);
 * - `group`: a heading over rows (`（三）不予公开`) or, in table 四, over a group of five cells;
 * - `column`: a column header;
 * - `band`: a 第二十条 item heading of table 二 (its article number is never used);
 * - `anchor`: text that shows a table has started (a section heading, `信息内容`, `申请人情况`);
 * - `end`: a later section heading, after which no table cell is read.
 */
export type EntryKind = 'row' | 'group' | 'column' | 'band' | 'anchor' | 'end';

export interface CatalogEntry {
  /** Compact form matched against compact text (no spaces, Simplified, half-width). */
  form: string;
  kind: EntryKind;
  table: TableId | null;
  key: string;
  /** The item number printed before the label: a digit (`2.`) or a Chinese numeral (`（七）`, `四、`). */
  number?: string;
  /** The label is only this entry when its number is printed (`（七）总计`, `3.其他`). */
  requireNumber?: boolean;
  /** Which layout a column header belongs to, when only one has it. */
  format?: FormatVersion;
  /** Table 二 columns: the layout whose column definition this is. */
  columnFormat?: FormatVersion;
}

/** Form used for matching: compact, without quotation marks. */
export function matchForm(text: string): string {
  return compactLabel(text).replace(/[“”"'‘’「」]/g, '');
}

const NUMBERING = /^(?:([1-9])[.、．]|\(([1-9])\)|\(([一二三四五六七八九十]{1,2})\)|([一二三四五六七八九十]{1,2})、)/;
/** The characters an item number can start with. */
const NUMBERING_START = /^[1-9(一二三四五六七八九十]/;
const NO_NUMBER: { number?: string; length: number } = { length: 0 };

/** Splits an item number off the front of a compact label: `2.重复申请` → `2`, `重复申请`. */
export function splitNumbering(compact: string): { number?: string; rest: string; length: number } {
  const match = NUMBERING.exec(compact);
  if (!match) return { rest: compact, length: 0 };
  const number = match[1] ?? match[2] ?? match[3] ?? match[4];
  return { number, rest: compact.slice(match[0].length), length: match[0].length };
}

/** The distinctive part of a printed row label: its last item, without its number and trailing explanation. */
function labelCore(label: string): { number?: string; core: string } {
  const parts = label.split(/\s+/);
  const last = matchForm(parts[parts.length - 1]);
  const { number, rest } = splitNumbering(last);
  return { number, core: rest.replace(/\(.*\)$/, '') };
}

function buildCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const add = (entry: CatalogEntry) => {
    if (entry.form.length === 0) return;
    if (!entries.some((e) => e.form === entry.form && e.key === entry.key && e.table === entry.table)) {
      entries.push(entry);
    }
  };

  // Table 二: rows and columns of both layouts.
  for (const [format, bands] of [
    ['2021', PROACTIVE_2021],
    ['2019', PROACTIVE_2019],
  ] as const) {
    for (const band of bands) {
      for (const row of band.rows) {
        for (const form of [row.label, ...row.aliases]) {
          add({ form: matchForm(form), kind: 'row', table: 'proactive', key: row.key });
        }
      }
      for (const column of band.columns) {
        const shared = column.key === 'decisions';
        for (const form of [column.label, ...column.aliases]) {
          add({
            form: matchForm(form).replace(/\(.*\)$/, ''),
            kind: 'column',
            table: 'proactive',
            key: column.key,
            columnFormat: format,
            format: shared ? undefined : format,
          });
        }
      }
    }
  }
  add({ form: '信息内容', kind: 'anchor', table: 'proactive', key: 'header' });
  add({ form: '主动公开政府信息情况', kind: 'anchor', table: 'proactive', key: 'heading' });

  // Table 三: rows of both layouts, groups, columns.
  for (const row of [...REQUEST_ROWS_2021, ...REQUEST_ROWS_2019]) {
    const { number, core } = labelCore(row.label);
    const requireNumber = core === '总计' || core === '其他';
    add({ form: core, kind: 'row', table: 'requests', key: row.key, number, requireNumber });
    for (const alias of row.aliases) {
      add({ form: matchForm(alias), kind: 'row', table: 'requests', key: row.key, number, requireNumber });
    }
  }
  const groups: [string, string, string][] = [
    ['本年度办理结果', 'outcomes', '三'],
    ['不予公开', 'denied', '三'],
    ['无法提供', 'unable', '四'],
    ['不予处理', 'not_processed', '五'],
  ];
  for (const [form, key, number] of groups) add({ form, kind: 'group', table: 'requests', key, number });
  // （六）其他处理 is the 2019 row `other_handling` above; in 2021 the same label heads the rows 1.–3.
  add({ form: '其他', kind: 'group', table: 'requests', key: 'other_handling', number: '六', requireNumber: true });
  for (const column of REQUEST_COLUMNS) {
    add({ form: matchForm(column.label), kind: 'column', table: 'requests', key: column.key });
  }
  add({ form: '社会公益', kind: 'column', table: 'requests', key: 'social_welfare' });
  add({ form: '小计', kind: 'column', table: 'requests', key: 'subtotal' });
  add({ form: '申请人情况', kind: 'anchor', table: 'requests', key: 'header' });
  add({ form: '法人或其他组织', kind: 'anchor', table: 'requests', key: 'header' });
  add({ form: '本列数据的勾稽关系', kind: 'anchor', table: 'requests', key: 'header' });
  add({ form: '收到和处理政府信息公开申请情况', kind: 'anchor', table: 'requests', key: 'heading' });

  // Table 四.
  for (const group of APPEAL_GROUPS) {
    add({ form: labelCore(group.label).core, kind: 'group', table: 'appeals', key: group.key });
  }
  add({ form: '行政诉讼', kind: 'anchor', table: 'appeals', key: 'header' });
  for (const column of APPEAL_COLUMNS) {
    add({ form: matchForm(column.label), kind: 'column', table: 'appeals', key: column.key });
  }
  for (const form of ['政府信息公开行政复议、行政诉讼情况', '行政复议、行政诉讼情况', '行政复议和行政诉讼情况']) {
    add({ form, kind: 'anchor', table: 'appeals', key: 'heading' });
  }

  for (const form of ['存在的主要问题', '主要问题', '其他需要报告的事项', '其他需要报告事项']) {
    add({ form, kind: 'end', table: null, key: 'end' });
  }
  return entries;
}

export const CATALOG: readonly CatalogEntry[] = buildCatalog();

/** Entries by their first character, longest form first. */
const BY_FIRST_CHAR: ReadonlyMap<string, readonly CatalogEntry[]> = (() => {
  const index = new Map<string, CatalogEntry[]>();
  for (const entry of CATALOG) {
    const list = index.get(entry.form[0]) ?? [];
    list.push(entry);
    index.set(entry.form[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.form.length - a.form.length);
  return index;
})();

/** The 第二十条 band heading; the article and item numbers vary in real reports and are not used. */
const BAND = /^第二十[一二三四五六七八九]?条第?\(?[一二三四五六七八九十]{1,2}\)?项?/;

export interface CatalogMatch {
  entry: CatalogEntry;
  /** Compact index where the match (including its number) starts and ends. */
  start: number;
  end: number;
  number?: string;
  /** True when only the beginning of the label was printed (a label wrapped or cut at the end of its cell). */
  partial?: boolean;
}

const BAND_ENTRY: CatalogEntry = { form: '第二十条', kind: 'band', table: 'proactive', key: 'band' };

function numberAccepted(entry: CatalogEntry, number: string | undefined): boolean {
  if (entry.requireNumber && number === undefined) return false;
  if (entry.requireNumber && entry.number !== undefined && number !== entry.number) return false;
  if (number !== undefined && /^\d$/.test(number)) return entry.number === number;
  return true;
}

/** Minimum printed length of a wrapped label's first part for it to count as that label. */
const MIN_PARTIAL = 4;

/**
 * The catalog entries that match compact text at `start`, best first: exact forms (longest first), then, when the
 * label runs to `cellEnd`, a label cut short (only its beginning printed, at least four characters).
 */
export function matchAt(compact: string, start: number, cellEnd: number = compact.length): CatalogMatch[] {
  // Called at every position of every cell: the patterns are only tried where their first character stands.
  const first = compact[start];
  const band = first === '第' ? BAND.exec(compact.slice(start, start + 16)) : null;
  if (band) return [{ entry: BAND_ENTRY, start, end: start + band[0].length }];
  const { number, length } = NUMBERING_START.test(first ?? '') ? splitNumbering(compact.slice(start, start + 5)) : NO_NUMBER;
  const matches: CatalogMatch[] = [];
  const candidates = length > 0 ? [length, 0] : [0];
  for (const offset of candidates) {
    const at = start + offset;
    const printedNumber = offset > 0 ? number : undefined;
    for (const entry of BY_FIRST_CHAR.get(compact[at]) ?? []) {
      if (!numberAccepted(entry, printedNumber)) continue;
      if (compact.startsWith(entry.form, at)) {
        matches.push({ entry, start, end: at + entry.form.length, number: printedNumber });
      }
    }
    if (matches.length > 0) return matches;
    const rest = compact.slice(at, cellEnd);
    if (rest.length >= MIN_PARTIAL && (printedNumber !== undefined || start === 0)) {
      const partial = CATALOG.filter(
        (e) =>
          (e.kind === 'row' || e.kind === 'group') &&
          e.form.length > rest.length &&
          e.form.startsWith(rest) &&
          numberAccepted(e, printedNumber),
      );
      if (partial.length > 0 && new Set(partial.map((e) => `${e.table}:${e.key}`)).size === 1) {
        return [{ entry: partial[0], start, end: cellEnd, number: printedNumber, partial: true }];
      }
    }
  }
  return matches;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * A whole label with a typo (`行政事业型收费`, `其他法律行政止公开`, `上年转结政府信息公开申请数量`): the one row or
 * column whose form is within one edit (two for labels of ten characters or more). Undefined when none or several.
 */
export function fuzzyMatch(label: string): CatalogEntry | undefined {
  const { number, rest } = splitNumbering(label);
  const core = rest.replace(/\(.*$/, '');
  if (core.length < 4 || core.length > 40) return undefined;
  const limit = core.length >= 10 ? 2 : 1;
  let best: CatalogEntry[] = [];
  let bestDistance = limit + 1;
  for (const entry of CATALOG) {
    if (entry.kind !== 'row' && entry.kind !== 'column') continue;
    if (entry.form.length < 4 || !numberAccepted(entry, number)) continue;
    const distance = editDistance(core, entry.form, limit);
    if (distance < bestDistance) {
      best = [entry];
      bestDistance = distance;
    } else if (distance === bestDistance && distance <= limit) {
      best.push(entry);
    }
  }
  if (bestDistance > limit) return undefined;
  const keys = new Set(best.map((e) => `${e.kind}:${e.table}:${e.key}`));
  return keys.size === 1 ? best[0] : undefined;
}
