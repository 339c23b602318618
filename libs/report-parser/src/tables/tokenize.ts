import { normaliseText } from '../normalise';
import { parseCellValue } from './cell-value';
import { fuzzyMatch, matchAt, matchForm, splitNumbering, type CatalogEntry } from './label-catalog';

/**
 * A piece of one cell's text: a known label (row, group, column, band, anchor, end), a value chunk, or other text.
 * A cell usually gives one token; text where labels and numbers run together (`规章000规范性文件898989`) gives many.
 * Texts are normalised (width, Simplified), except a cell that is a single value, which keeps its printed text.
 */
export type Token =
  | {
      type: 'entry';
      entry: CatalogEntry;
      alternatives: CatalogEntry[];
      text: string;
      partial?: boolean;
      /** The label was printed with its item number (`2.`, `（一）`, `四、`). */
      numbered?: boolean;
    }
  | { type: 'value'; text: string; glued: boolean }
  | { type: 'text'; text: string };

/** Page footers glued to the end of a cell by PDF text layers: `769- 5 -`, `3 -4-`. */
const FOOTER = /\s*[-—]\s*\d{1,3}\s*[-—]\s*$/;

/** Characters a value chunk may hold (digits, separators, signs, units, n/a marks). */
const VALUE_CHAR = /[\d.,+\-−/—–元万件项个条次%减增]/;

interface Compact {
  text: string;
  /** For each compact index, the index in the normalised text. */
  toNorm: number[];
  norm: string;
}

function compactOf(norm: string): Compact {
  let text = '';
  const toNorm: number[] = [];
  for (let i = 0; i < norm.length; i++) {
    if (/\s/.test(norm[i]) || /[“”"'‘’「」]/.test(norm[i])) continue;
    text += norm[i];
    toNorm.push(i);
  }
  return { text, toNorm, norm };
}

function normSlice(c: Compact, from: number, to: number): string {
  if (from >= to) return '';
  return c.norm.slice(c.toNorm[from], c.toNorm[to - 1] + 1);
}

/** Whitespace in the normalised text between compact indices `at - 1` and `at`. */
function spaceBefore(c: Compact, at: number): boolean {
  if (at <= 0 || at >= c.text.length) return true;
  return c.toNorm[at] - c.toNorm[at - 1] > 1;
}

/** Index of the `)` closing the `(` at `open`, or the last index when the explanation is never closed. */
function closingParen(compact: string, open: number): number {
  let depth = 0;
  for (let i = open; i < compact.length; i++) {
    if (compact[i] === '(') depth++;
    else if (compact[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return compact.length - 1;
}

/** Splits one cell's text into tokens. */
export function tokenizeCell(raw: string): Token[] {
  const norm = normaliseText(raw).replace(/&nbsp;?/gi, ' ').replace(FOOTER, '');
  const c = compactOf(norm);
  const s = c.text;
  // A cell that is one value keeps its text as printed (the cell record's `raw`).
  if (s.length === 0 || parseCellValue(norm).kind !== 'text') return [{ type: 'value', text: raw.trim(), glued: false }];

  const fuzzy = wholeLabelTypo(s);
  if (fuzzy) return [{ type: 'entry', entry: fuzzy, alternatives: [fuzzy], text: norm.trim() }];

  const tokens: Token[] = [];
  const pushText = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.type === 'text') last.text += text;
    else tokens.push({ type: 'text', text });
  };
  let i = 0;
  while (i < s.length) {
    const matches = matchAt(s, i);
    const match = matches[0];
    if (match) {
      tokens.push({
        type: 'entry',
        entry: match.entry,
        alternatives: matches.filter((m) => m.end === match.end).map((m) => m.entry),
        text: normSlice(c, i, match.end),
        partial: match.partial,
        numbered: match.number !== undefined,
      });
      i = match.end;
      const explained = match.entry.kind === 'row' || match.entry.kind === 'column' || match.entry.kind === 'group';
      // `(…)` after a label explains it, unless it is the next item's number: `（六）其他处理（七）总计`.
      if (s[i] === '(' && explained && !/^\([一二三四五六七八九十]{1,2}\)/.test(s.slice(i, i + 4))) {
        const close = closingParen(s, i);
        // An explanation left open at the end of the cell: the label goes on in the next line or cell.
        if (s[close] !== ')') {
          const last = tokens[tokens.length - 1];
          if (last.type === 'entry') last.partial = true;
        }
        i = close + 1;
      }
      continue;
    }
    if (VALUE_CHAR.test(s[i]) && !(tokens[tokens.length - 1]?.type === 'text' && !spaceBefore(c, i))) {
      let j = i + 1;
      while (j < s.length && VALUE_CHAR.test(s[j]) && matchAt(s, j).length === 0) j++;
      while (j > i + 1 && /[,.]/.test(s[j - 1])) j--;
      const endsCleanly = j === s.length || spaceBefore(c, j) || matchAt(s, j).length > 0;
      const chunk = normSlice(c, i, j);
      if (endsCleanly && /\d|^[-—–/]+$/.test(chunk)) {
        const previous = tokens[tokens.length - 1];
        tokens.push({ type: 'value', text: chunk, glued: previous?.type === 'entry' && !spaceBefore(c, i) });
      } else {
        pushText(chunk);
      }
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < s.length && matchAt(s, j).length === 0 && !(VALUE_CHAR.test(s[j]) && spaceBefore(c, j))) j++;
    pushText(normSlice(c, i, j));
    i = j;
  }
  return markRunTogether(proseAsText(demoteProse(tokens), norm));
}

/** A sentence with numbers in it (`市科委 2024 年根据…`) and no table label is prose, not cells. */
function proseAsText(tokens: Token[], norm: string): Token[] {
  const labelled = tokens.some((t) => t.type === 'entry' && t.entry.kind !== 'end' && t.entry.kind !== 'anchor');
  const prose = tokens.some((t) => t.type === 'text' && matchForm(t.text).length > 6);
  if (labelled || !prose) return tokens;
  return tokens.some((t) => t.type === 'value') ? [{ type: 'text', text: norm.trim() }] : tokens;
}

/**
 * A cell holding several rows' labels is a table whose cell separators were lost: every number in it may be several
 * cells run together, whatever spacing is left.
 */
function markRunTogether(tokens: Token[]): Token[] {
  const rows = tokens.filter((t) => t.type === 'entry' && t.entry.kind === 'row').length;
  if (rows < 2) return tokens;
  return tokens.map((t) => (t.type === 'value' ? { ...t, glued: true } : t));
}

/** A cell that is one label with a typo in it. Exact and partial matches are tried first. */
function wholeLabelTypo(compact: string): CatalogEntry | undefined {
  if (compact.length > 45 || /\d/.test(splitNumbering(compact).rest)) return undefined;
  const exact = matchAt(compact, 0)[0];
  if (exact && exact.end >= compact.replace(/\(.*$/, '').length) return undefined;
  if (exact?.entry.kind === 'band' || exact?.entry.kind === 'anchor' || exact?.entry.kind === 'end') return undefined;
  return fuzzyMatch(matchForm(compact));
}

/**
 * Labels and numbers inside a sentence are prose, not cells: a label followed by words (`行政许可方面，全年…`), a row
 * label after words unless printed with its item number (`全年办理行政许可12件` but not `（四）无2.没有现成…`, a
 * label wrapped around a vertical heading), a column header between words, a number followed by words.
 */
function demoteProse(tokens: Token[]): Token[] {
  const wordy = (token: Token | undefined) => token?.type === 'text' && matchForm(token.text).length >= 2;
  return tokens.map((token, i) => {
    if (token.type === 'value') {
      // `行政处罚 46 件，…`: a number followed by words is part of a sentence.
      return wordy(tokens[i + 1]) ? { type: 'text', text: token.text } : token;
    }
    if (token.type !== 'entry') return token;
    const { kind } = token.entry;
    const labelLike = kind === 'row' || kind === 'group' || kind === 'column';
    const inSentence =
      (labelLike && wordy(tokens[i + 1])) ||
      (kind === 'column' && wordy(tokens[i - 1])) ||
      ((kind === 'row' || kind === 'group') && wordy(tokens[i - 1]) && !token.numbered && !token.partial);
    return inSentence ? { type: 'text', text: token.text } : token;
  });
}
