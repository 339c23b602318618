import type { DocCell, DocRow, DocumentModel } from '../document';
import { isValueText } from '../tables/cell-value';

/**
 * Plain text, as copied from web pages and office files, back into rows of cells. Tables reach us flattened in
 * several ways, often mixed in one file:
 * - a whole row on one line, cells joined by `|` (also markdown `| a | b |`, with `|---|` rules skipped);
 * - one cell per line, with or without blank lines between, ending in ` |`, or between bare `|` lines and `||`
 *   filler lines: a label line opens a row and the value lines under it join that row;
 * - one cell per tab-indented line, rows separated by blank lines (text extracted from .docx), where a line holding
 *   only a tab is an empty cell and an unindented line continues the cell above;
 * - a label on one line and its values on the next (`0 | 0 | 0 |`): two rows, which the table mapper pairs;
 * - blank cells written as lines holding a single `|` inside a row of cells ending in `|` (`一、… | 25 |`, `|`, `|`,
 *   `| 25 |`): each such `|` ends one blank cell. After a row's values, blanks beyond the table's width are colspan
 *   fillers, which the table mapper trims; blanks after a label with no value yet are kept only if a value follows.
 * Cells whose separators were lost altogether (`规章000`) stay as one cell; the table mapper splits them.
 * Every row keeps the 1-based line number where it starts.
 */

const MARKDOWN_RULE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const ONLY_PIPES = /^[\s|]*\|[\s|]*$/;

interface Builder {
  rows: DocRow[];
  /** The row being filled by one-cell-per-line text, if any. */
  open?: DocRow;
  tableIndex: number;
  inTable: boolean;
  /** The row whose last line ended in `|`: blank `|` lines after it may be its cells. */
  stream?: Stream;
}

interface Stream {
  row: DocRow;
  /** Blank cells seen after the row's label while it holds no value yet; kept only when a value follows them. */
  blanks: number;
  /** A bare `|` line was seen in this row. */
  sawBlank: boolean;
}

function cell(text: string): DocCell {
  return { text };
}

function emit(b: Builder, row: DocRow, isTable: boolean): void {
  if (isTable) {
    if (!b.inTable) b.tableIndex++;
    b.inTable = true;
    row.table = b.tableIndex;
  } else {
    b.inTable = false;
  }
  b.rows.push(row);
}

function closeOpen(b: Builder): void {
  if (!b.open) return;
  const row = b.open;
  b.open = undefined;
  emit(b, row, row.cells.length > 1);
}

/** One cell of one-cell-per-line text: a label or text line opens a row, a value line joins the open row. */
function addLineCell(b: Builder, text: string, line: number): void {
  if (b.open && isValueText(text)) {
    b.open.cells.push(cell(text));
    return;
  }
  closeOpen(b);
  b.open = { cells: [cell(text)], line };
}

function splitPipes(line: string): string[] {
  return line.split('|').map((part) => part.trim());
}

/** A row written on one line with `|` between cells; undefined when the line holds a single cell. */
function pipeRow(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.includes('|')) return undefined;
  const parts = splitPipes(trimmed);
  const markdown = trimmed.startsWith('|') && trimmed.endsWith('|');
  if (trimmed.startsWith('|')) parts.shift();
  if (markdown) {
    // `| a | 1 |  |`: the part after the closing pipe is not a cell; an empty cell before it is.
    parts.pop();
  } else {
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  }
  if (parts.length <= 1) return undefined;
  return parts;
}

function addStreamBlank(stream: Stream): void {
  if (stream.row.cells.length > 1) stream.row.cells.push(cell(''));
  else stream.blanks++;
}

/**
 * A line that goes on with the stream row's cells: a single `|` (one blank cell); a value ending in `|` after blank
 * cells (`0 |`); after a blank line, a line opening with `|` holding only values (`| 25 |`, whose opening `|` ends one
 * more blank cell). Returns false, and changes nothing, for any other line.
 */
function continueStream(stream: Stream, trimmed: string): boolean {
  if (trimmed === '|') {
    addStreamBlank(stream);
    stream.sawBlank = true;
    return true;
  }
  const leading = trimmed.startsWith('|');
  if (leading ? !stream.sawBlank : stream.blanks === 0 || !trimmed.endsWith('|')) return false;
  const parts = trimmed.split('|').map((part) => part.trim());
  const last = parts.pop() ?? '';
  if (last !== '') parts.push(last);
  const values = parts.filter((part) => part !== '');
  if (values.length !== 1 || !isValueText(values[0]) || (!leading && parts.length !== 1)) return false;
  for (const part of parts) {
    if (part === '') {
      addStreamBlank(stream);
      continue;
    }
    for (; stream.blanks > 0; stream.blanks--) stream.row.cells.push(cell(''));
    stream.row.cells.push(cell(part));
  }
  return true;
}

function readTabBlock(lines: readonly string[], start: number, b: Builder): number {
  const cells: DocCell[] = [];
  let i = start;
  for (; i < lines.length && (lines[i].startsWith('\t') || lines[i].trim() !== ''); i++) {
    const line = lines[i];
    if (line.includes('|')) break;
    if (line.startsWith('\t')) {
      cells.push(cell(line.trim()));
    } else if (cells.length > 0) {
      const last = cells[cells.length - 1];
      last.text = last.text === '' ? line.trim() : `${last.text}\n${line.trim()}`;
    }
  }
  const contentful = cells.filter((c) => c.text !== '');
  if (contentful.length > 0) {
    emit(b, { cells: contentful.length === 1 ? contentful : cells, line: start + 1 }, contentful.length > 1);
  }
  return i;
}

export function readPlainText(text: string): DocumentModel {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const b: Builder = { rows: [], tableIndex: 0, inTable: false };
  let i = 0;
  /** The last line was a cell ending in `|`: a tab-indented line after it is the row's last cell, not a block. */
  let afterPipeCell = false;
  while (i < lines.length) {
    const raw = lines[i];
    const line = i + 1;
    const trimmed = raw.trim();
    const pipeCell: boolean = afterPipeCell;
    afterPipeCell = false;
    if (raw.startsWith('\t') && !trimmed.includes('|') && !(pipeCell && trimmed !== '')) {
      closeOpen(b);
      b.stream = undefined;
      i = readTabBlock(lines, i, b);
      continue;
    }
    i++;
    if (trimmed === '') continue;
    if (b.stream && continueStream(b.stream, trimmed)) {
      afterPipeCell = trimmed !== '|';
      continue;
    }
    b.stream = undefined;
    if (ONLY_PIPES.test(trimmed) || MARKDOWN_RULE.test(trimmed)) continue;
    const cells = pipeRow(trimmed);
    if (cells) {
      closeOpen(b);
      const row: DocRow = { cells: cells.map(cell), line };
      emit(b, row, true);
      if (!trimmed.startsWith('|') && trimmed.endsWith('|')) b.stream = { row, blanks: 0, sawBlank: false };
      continue;
    }
    const tabbed = trimmed.split('\t').map((p) => p.trim()).filter((p) => p !== '');
    if (tabbed.length > 1) {
      closeOpen(b);
      emit(b, { cells: tabbed.map(cell), line }, true);
      continue;
    }
    const single = trimmed.replace(/^\|\s*/, '').split('|')[0].trim();
    if (single !== '') addLineCell(b, single, line);
    afterPipeCell = trimmed.includes('|') || (pipeCell && single === '');
    if (b.open && single !== '' && trimmed.endsWith('|') && !trimmed.startsWith('|')) {
      b.stream = { row: b.open, blanks: 0, sawBlank: false };
    }
  }
  closeOpen(b);
  return { fileKind: 'text', rows: b.rows };
}
