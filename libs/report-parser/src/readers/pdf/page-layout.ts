import { normaliseWidth } from '../../normalise';

/**
 * Page geometry → visual rows. Pure: takes the positioned text of one page and returns lines of cells in reading
 * order. Coordinates are top-down (y grows downwards, as on the rendered page), in points.
 *
 * Steps: cluster text into lines by vertical overlap, split each line into cells at column gaps, drop page marks
 * (`- 5 -`, `第 3 页`), pull vertically printed labels (one character per line, or a top-to-bottom text run) out of
 * the lines they cross, attach the fragments of wrapped row labels to the row whose values they sit beside, join
 * wrapped header cells into one header line, and give blank cells an empty slot where the header shows the columns.
 * Geometry only: no wording of any report is matched.
 */

export interface PageTextItem {
  text: string;
  /** Left edge and width of the text run. */
  x: number;
  width: number;
  /** Baseline, top-down. */
  baseline: number;
  /** Font size (the em height). */
  size: number;
  /** Text that runs top to bottom (vertical writing): it occupies `width` across and `height` down from its top. */
  vertical?: boolean;
  height?: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  items: PageTextItem[];
}

export interface LayoutCell {
  text: string;
  x: number;
  xEnd: number;
}

export interface LayoutLine {
  cells: LayoutCell[];
  /** Top of the line, for ordering and for joining pages. */
  top: number;
  /** True when the line holds at least one value cell (a number or a not-applicable mark) right of its labels. */
  hasValues: boolean;
}

/** A cell being assembled: its text may grow by wrapped fragments above and below. */
interface Piece {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

interface Line {
  pieces: Piece[];
  /** The band the line was started with: later items join only if they overlap it. */
  refTop: number;
  refBottom: number;
  refSize: number;
}

/** Dash-number-dash page marks and 第 N 页 (共 M 页). */
const PAGE_MARK = /^(?:[-－—–~]\s*\d{1,4}\s*[-－—–~]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)$/;
/** A value glued to a page mark: `769- 5 -`. */
const GLUED_PAGE_MARK = /^(.*\d)\s*[-－—–~]\s*\d{1,4}\s*[-－—–~]$/;
/** A bare page number or `3/6` in a margin. */
const MARGIN_NUMBER = /^(?:\d{1,4}|\d{1,4}\s*\/\s*\d{1,4})$/;
/** What a value cell may hold: a number (signed, with separators and a unit) or a not-applicable mark. */
const VALUE = /^(?:(?:[+\-]|增加?|减少?)?\d[\d,.]*(?:%|件|万元|元|个|次|条|项)?|[/\-—–]+)$/;
/** Labels that start a new item (一、 （三） 1. 2、 (4)), so they never continue the line above. */
const ENUMERATOR = /^(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[、.．](?!\d))/;

/** Horizontal gap, in font sizes, that separates two cells. */
const COLUMN_GAP = 0.8;
/** Gap, in font sizes, above which two runs in one cell are joined with a space. */
const WORD_GAP = 0.25;
/** Baseline difference, in font sizes, that separates two runs of one line into cells unless they touch. */
const BASELINE_SHIFT = 0.3;
/** Vertical overlap, as a share of the smaller font size, for two runs to be on one line. */
const SAME_LINE_OVERLAP = 0.5;
/** Largest gap between the lines of one wrapped cell, in font sizes. */
const WRAP_GAP = 1.2;
/** Points within which the edges of values in one column line up. */
const ALIGN_TOLERANCE = 4;
/** Bound on the ways of matching value columns to header columns that are tried. */
const MAX_MATCHINGS = 20000;
/** How far, in font sizes, a label group may be from the line of a row it is attached to. */
const NEARBY_ROWS = 20;
/** Page margins where bare numbers are page numbers, as a share of the page height. */
const MARGIN = 0.1;

/** A table column, from the header's lowest cells: blank slots are found against these. */
export interface TableColumn {
  x0: number;
  x1: number;
}

export interface PageLayout {
  lines: LayoutLine[];
  /** The columns of a table that runs to the foot of the page, for its continuation on the next page. */
  columns?: TableColumn[];
}

/** `carried`: the columns of a table that ended the previous page, in case this page continues it. */
export function layoutPage(page: PageGeometry, carried?: readonly TableColumn[]): PageLayout {
  const horizontal: PageTextItem[] = [];
  const verticalBlocks: Piece[] = [];
  for (const item of page.items) {
    if (!item.text.trim()) continue;
    if (item.vertical) verticalBlocks.push(verticalPiece(item));
    else horizontal.push(item);
  }
  const lines = clusterLines(horizontal);
  removePageMarks(lines, page.height);
  verticalBlocks.push(...extractVerticalStacks(lines));
  const nonEmpty = lines.filter((l) => l.pieces.length > 0);
  return assemble(nonEmpty, verticalBlocks, page.width, page.height, carried);
}

function verticalPiece(item: PageTextItem): Piece {
  const top = item.baseline - item.size;
  return {
    text: item.text.replace(/\s+/g, ''),
    x0: item.x,
    x1: item.x + Math.max(item.width, item.size),
    top,
    bottom: top + Math.max(item.height ?? item.size, item.size),
    size: item.size,
  };
}

function overlap(aTop: number, aBottom: number, bTop: number, bBottom: number): number {
  return Math.min(aBottom, bBottom) - Math.max(aTop, bTop);
}

/** Lines by vertical overlap with the band of the line's first run, then cells split at column gaps. */
function clusterLines(items: PageTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.baseline - a.size - (b.baseline - b.size) || a.x - b.x);
  const lines: Line[] = [];
  const members = new Map<Line, PageTextItem[]>();
  for (const item of sorted) {
    const top = item.baseline - item.size;
    let best: Line | undefined;
    let bestOverlap = 0;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 8; i--) {
      const line = lines[i];
      const shared = overlap(top, item.baseline, line.refTop, line.refBottom);
      if (shared >= SAME_LINE_OVERLAP * Math.min(item.size, line.refSize) && shared > bestOverlap) {
        best = line;
        bestOverlap = shared;
      }
    }
    if (!best) {
      best = { pieces: [], refTop: top, refBottom: item.baseline, refSize: item.size };
      lines.push(best);
      members.set(best, []);
    }
    members.get(best)?.push(item);
  }
  for (const line of lines) line.pieces = splitCells(members.get(line) ?? []);
  return lines;
}

function splitCells(items: PageTextItem[]): Piece[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  for (const item of sorted) {
    const text = item.text;
    const x1 = item.x + item.width;
    const top = item.baseline - item.size;
    if (current) {
      const gap = item.x - current.x1;
      const size = Math.min(current.size, item.size);
      const sameBaseline = Math.abs(item.baseline - current.bottom) <= BASELINE_SHIFT * size;
      if (gap < COLUMN_GAP * size && (sameBaseline || gap <= 0)) {
        const space = gap > WORD_GAP * size && !/\s$/.test(current.text) && !/^\s/.test(text) ? ' ' : '';
        current.text += space + text;
        current.x1 = Math.max(current.x1, x1);
        current.top = Math.min(current.top, top);
        current.bottom = Math.max(current.bottom, item.baseline);
        current.size = Math.max(current.size, item.size);
        continue;
      }
    }
    current = { text, x0: item.x, x1, top, bottom: item.baseline, size: item.size };
    pieces.push(current);
  }
  for (const piece of pieces) piece.text = piece.text.trim();
  return pieces.filter((p) => p.text.length > 0);
}

function compact(text: string): string {
  return normaliseWidth(text).replace(/\s+/g, '');
}

/**
 * Page marks anywhere (`- 5 -`, `第 3 页`), page marks glued to the last value of a row in a margin, and bare page
 * numbers alone on the first or last line of the page.
 */
function removePageMarks(lines: Line[], pageHeight: number): void {
  const inMargin = (line: Line) =>
    line.refBottom < pageHeight * MARGIN || line.refTop > pageHeight * (1 - MARGIN);
  for (const line of lines) {
    line.pieces = line.pieces.filter((p) => !PAGE_MARK.test(compact(p.text)));
    if (!inMargin(line)) continue;
    for (const piece of line.pieces) {
      const glued = GLUED_PAGE_MARK.exec(normaliseWidth(piece.text).trim());
      if (glued) piece.text = glued[1].trim();
    }
  }
  const withText = lines.filter((l) => l.pieces.length > 0);
  for (const line of [withText[0], withText[withText.length - 1]]) {
    if (!line || !inMargin(line) || line.pieces.length !== 1) continue;
    if (MARGIN_NUMBER.test(compact(line.pieces[0].text))) line.pieces = [];
  }
}

function isValue(text: string): boolean {
  return VALUE.test(compact(text));
}

function sameColumn(a: Piece, b: Piece): boolean {
  return Math.abs(a.x0 - b.x0) <= 3 || overlap(a.x0, a.x1, b.x0, b.x1) > 0;
}

/**
 * Labels printed one character per line (`三` `、` `本` `年` …) cross the rows they sit beside; taken out of those
 * rows, they become one vertical block.
 */
interface Single {
  piece: Piece;
  line: Line;
}

function extractVerticalStacks(lines: Line[]): Piece[] {
  const singles: Single[] = [];
  for (const line of lines) {
    for (const piece of line.pieces) {
      const chars = compact(piece.text);
      if (chars.length >= 1 && chars.length <= 2 && /^[\u3400-\u9fff]/.test(chars)) singles.push({ piece, line });
    }
  }
  // A run's characters share a left edge: bucket them by it, ordered top to bottom, so each step looks only at the
  // few characters just below the last one and a page of many short cells stays near linear.
  const buckets = new Map<number, Single[]>();
  for (const single of singles) {
    const key = Math.round(single.piece.x0 / 3);
    for (const k of [key - 1, key, key + 1]) {
      const bucket = buckets.get(k);
      if (bucket) bucket.push(single);
      else buckets.set(k, [single]);
    }
  }
  for (const bucket of buckets.values()) bucket.sort((a, b) => a.piece.top - b.piece.top);
  singles.sort((a, b) => a.piece.x0 - b.piece.x0 || a.piece.top - b.piece.top);
  const used = new Set<Piece>();
  const blocks: Piece[] = [];
  for (const start of singles) {
    if (used.has(start.piece)) continue;
    const near = buckets.get(Math.round(start.piece.x0 / 3)) ?? [];
    const run = [start];
    let at = near.indexOf(start);
    for (;;) {
      const last = run[run.length - 1].piece;
      let next: Single | undefined;
      for (let i = at + 1; i < near.length; i++) {
        const candidate = near[i].piece;
        if (candidate.top - last.bottom > WRAP_GAP * last.size) break;
        if (candidate.top > last.top && !used.has(candidate) && Math.abs(candidate.x0 - last.x0) <= 1.5) {
          next = near[i];
          at = i;
          break;
        }
      }
      if (!next) break;
      run.push(next);
    }
    if (run.length < 3) continue;
    for (const member of run) {
      used.add(member.piece);
      member.line.pieces = member.line.pieces.filter((p) => p !== member.piece);
    }
    blocks.push({
      text: run.map((m) => compact(m.piece.text)).join(''),
      x0: Math.min(...run.map((m) => m.piece.x0)),
      x1: Math.max(...run.map((m) => m.piece.x1)),
      top: run[0].piece.top,
      bottom: run[run.length - 1].piece.bottom,
      size: run[0].piece.size,
    });
  }
  return blocks;
}

interface Row {
  labels: Piece[];
  values: Piece[];
  top: number;
  bottom: number;
  /** x where the row's values start: labels end before it. */
  valueX: number;
}

/** One label cell being built from a row's own label and the wrapped fragments joined to it. */
interface LabelGroup {
  parts: Piece[];
  row?: Row;
}

function groupBand(group: LabelGroup): { top: number; bottom: number } {
  return {
    top: Math.min(...group.parts.map((p) => p.top)),
    bottom: Math.max(...group.parts.map((p) => p.bottom)),
  };
}

/** Splits each line into labels and values; a line with values is a table row. */
function toRow(line: Line): Row | undefined {
  const firstValue = line.pieces.findIndex((p, i) => isValue(p.text) && line.pieces.slice(i).every((q) => isValue(q.text)));
  if (firstValue < 0) return undefined;
  const labels = line.pieces.slice(0, firstValue);
  const values = line.pieces.slice(firstValue);
  return {
    labels,
    values,
    top: Math.min(...line.pieces.map((p) => p.top)),
    bottom: Math.max(...line.pieces.map((p) => p.bottom)),
    valueX: values[0].x0,
  };
}

/**
 * A run of table rows and the label lines between them. The run ends at a line that reaches into the value
 * columns (a header, a paragraph) or at a wide empty gap; label lines just above the first row or below the last
 * (rows whose cells are all blank, at a page break) belong to it too.
 */
interface TableZone {
  rows: Row[];
  fragments: Line[];
  labelLimit: number;
}

function pieceSize(row: Row): number {
  return Math.max(...[...row.labels, ...row.values].map((p) => p.size));
}

function leftOf(line: Line, limit: number): boolean {
  return line.pieces.every((p) => p.x1 <= limit + 1);
}

function tableZones(lines: Line[], rowOf: Map<Line, Row>): TableZone[] {
  const zones: TableZone[] = [];
  let zone: TableZone | undefined;
  let pending: Line[] = [];
  let lastBottom = 0;
  const close = () => {
    if (!zone) return;
    zone.fragments.push(...pending);
    zones.push(zone);
    zone = undefined;
    pending = [];
  };
  lines.forEach((line, index) => {
    const row = rowOf.get(line);
    if (!row) {
      if (!zone) return;
      // Label lines of a table are printed in the size of its labels (its numbers may be larger).
      const last = zone.rows[zone.rows.length - 1];
      const size = Math.min(...[...last.labels, ...last.values].map((p) => p.size));
      const alike = Math.max(size, line.refSize) <= 1.25 * Math.min(size, line.refSize);
      if (leftOf(line, zone.labelLimit) && alike && line.refTop - lastBottom <= 3 * line.refSize) {
        pending.push(line);
        lastBottom = Math.max(lastBottom, line.refBottom);
      } else close();
      return;
    }
    if (zone && row.top - lastBottom > 10 * pieceSize(row)) close();
    if (!zone) {
      zone = { rows: [], fragments: [], labelLimit: row.valueX };
      const reach = 2 * pieceSize(row);
      let below = row.top;
      for (let i = index - 1; i >= 0; i--) {
        const before = lines[i];
        if (rowOf.has(before) || !leftOf(before, row.valueX) || below - before.refBottom > reach) break;
        zone.fragments.push(before);
        below = before.refTop;
      }
    }
    zone.fragments.push(...pending);
    pending = [];
    zone.rows.push(row);
    zone.labelLimit = Math.min(zone.labelLimit, row.valueX);
    lastBottom = row.bottom;
  });
  close();
  return zones;
}

function assemble(
  lines: Line[],
  verticalBlocks: Piece[],
  pageWidth: number,
  pageHeight: number,
  carried: readonly TableColumn[] | undefined,
): PageLayout {
  const rowOf = new Map<Line, Row>();
  for (const line of lines) {
    const row = toRow(line);
    if (row) rowOf.set(line, row);
  }
  const zones = tableZones(lines, rowOf);

  // Text-only lines inside a table zone are label fragments: joined to the row they belong to.
  const absorbed = new Set<Line>();
  const leftOver = new Map<TableZone, Piece[]>();
  for (const zone of zones) {
    const groups: LabelGroup[] = [];
    for (const row of zone.rows) for (const label of row.labels) groups.push({ parts: [label], row });
    for (const line of zone.fragments) {
      absorbed.add(line);
      for (const piece of line.pieces) groups.push({ parts: [piece] });
    }
    joinWrappedLabels(groups);
    leftOver.set(zone, attachFloatingGroups(groups, zone.rows).map((orphan) => mergeParts(orphan.parts)));
    const labelsOf = new Map<Row, Piece[]>(zone.rows.map((row) => [row, []]));
    for (const group of groups) if (group.row) labelsOf.get(group.row)?.push(mergeParts(group.parts));
    for (const [row, labels] of labelsOf) row.labels = labels.sort((a, b) => a.x0 - b.x0);
  }

  // Header cells wrapped over lines above a table become one header line; the header's columns place blank cells.
  // A table continued from the previous page without its header uses the columns carried over.
  const headerLines: LayoutLine[] = [];
  const gridded = new Set<TableZone>();
  const continuedZones = new Set<TableZone>();
  let columns: TableColumn[] | undefined;
  zones.forEach((zone, index) => {
    const block = headerBlock(lines, zone, rowOf, absorbed);
    if (block.length === 0) {
      const continued = index === 0 && carried !== undefined && opensPage(lines, zone, rowOf, absorbed, pageHeight);
      columns = continued && carried && fillBlankSlots(zone, carried) ? [...carried] : undefined;
      if (columns) {
        gridded.add(zone);
        continuedZones.add(zone);
      }
      return;
    }
    for (const line of block) absorbed.add(line);
    const header = stackHeader(block);
    for (const cells of header) {
      headerLines.push({ cells: cells.map(toCell), top: Math.min(...cells.map((c) => c.top)), hasValues: false });
    }
    const found = headerColumns(zone, header.flat(), pageWidth);
    columns = found && fillBlankSlots(zone, found) ? found : undefined;
    if (columns) gridded.add(zone);
  });

  // A label line among the rows of a table whose columns are known, beside no numbers, is a row of blank cells;
  // so is one after the last row when the table runs on to the next page, or before the first row of its sequel.
  const standalone: Piece[] = [];
  const blankRows: LayoutLine[] = [];
  for (const zone of zones) {
    const first = zone.rows[0];
    const last = zone.rows[zone.rows.length - 1];
    const runsOn = closesPage(lines, zone, rowOf, absorbed, pageHeight);
    for (const piece of leftOver.get(zone) ?? []) {
      const placed =
        piece.top < first.top ? continuedZones.has(zone) : piece.top > last.bottom ? runsOn : true;
      if (!gridded.has(zone) || !placed) {
        standalone.push(piece);
        continue;
      }
      const blanks = first.values.map((v) => toCell({ ...v, text: '' }));
      blankRows.push({ cells: [toCell(piece), ...blanks], top: piece.top, hasValues: true });
    }
  }

  for (const block of verticalBlocks) {
    const host = zones.map((zone) => verticalLabelRow(block, zone)).find((row) => row !== undefined);
    if (host) host.labels.unshift(block);
    else standalone.push(block);
  }

  const output: LayoutLine[] = [];
  for (const line of lines) {
    if (absorbed.has(line)) continue;
    const row = rowOf.get(line);
    const pieces = row ? [...row.labels, ...row.values] : line.pieces;
    output.push({ cells: pieces.map(toCell), top: row ? row.top : line.refTop, hasValues: row !== undefined });
  }
  for (const block of standalone) {
    output.push({ cells: [toCell(block)], top: block.top, hasValues: false });
  }
  output.push(...headerLines, ...blankRows);
  output.sort((a, b) => a.top - b.top);
  const lastZone = zones[zones.length - 1];
  const endsPage = lastZone !== undefined && closesPage(lines, lastZone, rowOf, absorbed, pageHeight);
  return { lines: output, columns: endsPage ? columns : undefined };
}

/** True when nothing but page-edge text or label fragments precedes the zone's first row on the page. */
function opensPage(lines: Line[], zone: TableZone, rowOf: Map<Line, Row>, absorbed: Set<Line>, pageHeight: number): boolean {
  const first = lines.findIndex((l) => rowOf.get(l) === zone.rows[0]);
  return lines.slice(0, first).every((l) => absorbed.has(l) || l.refBottom < pageHeight * MARGIN);
}

/** True when nothing but page-edge text or label fragments follows the zone's last row on the page. */
function closesPage(lines: Line[], zone: TableZone, rowOf: Map<Line, Row>, absorbed: Set<Line>, pageHeight: number): boolean {
  const last = lines.findIndex((l) => rowOf.get(l) === zone.rows[zone.rows.length - 1]);
  return lines.slice(last + 1).every((l) => absorbed.has(l) || l.refTop > pageHeight * (1 - MARGIN));
}

/** Lines of a table's header: the text-only lines stacked closely above its first row. */
function headerBlock(lines: Line[], zone: TableZone, rowOf: Map<Line, Row>, absorbed: Set<Line>): Line[] {
  const firstRow = zone.rows[0];
  const start = lines.findIndex((l) => rowOf.get(l) === firstRow);
  // The header is printed no larger than the table's text; a larger line above it is a heading.
  const tableSize = Math.min(...[...firstRow.labels, ...firstRow.values].map((p) => p.size));
  const block: Line[] = [];
  let below = firstRow.top;
  for (let i = start - 1; i >= 0 && block.length < 8; i--) {
    const line = lines[i];
    if (absorbed.has(line)) continue;
    if (rowOf.has(line) || below - line.refBottom > 3 * line.refSize || line.refSize > 1.25 * tableSize) break;
    block.unshift(line);
    below = line.refTop;
  }
  return block;
}

/**
 * Header cells wrapped over lines join top to bottom; header cells whose bands overlap (a cell centred beside a
 * two-line one) share one header line, ordered by x.
 */
function stackHeader(block: Line[]): Piece[][] {
  const groups: LabelGroup[] = block.flatMap((line) => line.pieces.map((piece) => ({ parts: [piece] })));
  joinWrappedLabels(groups);
  const cells = groups.map((g) => mergeParts(g.parts)).sort((a, b) => a.top - b.top);
  const rows: Piece[][] = [];
  for (const cell of cells) {
    const row = rows.find((r) => r.some((c) => overlap(c.top, c.bottom, cell.top, cell.bottom) > 0.2 * cell.size));
    if (row) row.push(cell);
    else rows.push([cell]);
  }
  return rows.map((row) => row.sort((a, b) => a.x0 - b.x0 || a.top - b.top));
}

/**
 * Blank cells are not printed, so a row of a table with blanks has fewer values than columns. When the header's
 * lowest cells give the columns and every value of the table falls under exactly one of them, each row gets an
 * empty cell where it printed nothing. Not for a table cut off at the page edge.
 */
function headerColumns(zone: TableZone, header: Piece[], pageWidth: number): TableColumn[] | undefined {
  // A table cut off at the page edge has columns whose values are missing, not blank.
  if (header.some((c) => c.x0 < 0 || c.x1 > pageWidth)) return undefined;
  // Header cells over the values: not over a row label, and reaching past where the values start (a first column's
  // header may end just before its right-aligned numbers).
  const labels = zone.rows.flatMap((r) => r.labels);
  const inValueArea = header.filter(
    (c) =>
      (c.x1 > zone.labelLimit + 1 || (c.x0 + c.x1) / 2 > zone.labelLimit - (c.x1 - c.x0)) &&
      !labels.some((l) => overlap(l.x0, l.x1, c.x0, c.x1) > 0),
  );
  const leaves = inValueArea.filter(
    (cell) => inValueArea.filter((other) => other !== cell && other.top > cell.top && overlap(cell.x0, cell.x1, other.x0, other.x1) > 0).length < 2,
  );
  const columns: TableColumn[] = [];
  for (const leaf of [...leaves].sort((a, b) => a.x0 - b.x0)) {
    const last = columns[columns.length - 1];
    if (last && overlap(last.x0, last.x1, leaf.x0, leaf.x1) > 0) last.x1 = Math.max(last.x1, leaf.x1);
    else columns.push({ x0: leaf.x0, x1: leaf.x1 });
  }
  return columns.length >= 2 ? columns : undefined;
}

/**
 * Gives each row an empty cell for every column it printed nothing in; false when the values do not fit the columns.
 *
 * Values of one column line up on their left edges, right edges or centres, whichever they share; those alignment
 * groups are matched to the header columns in order, so that every group sits at the same offset from its header
 * (a right-aligned number stands right of a left-aligned header by the same amount in every column). A column
 * blank in every row has no group; when two matchings fit about as well, nothing is filled.
 */
function fillBlankSlots(zone: TableZone, columns: readonly TableColumn[]): boolean {
  const values = zone.rows.flatMap((row) => row.values);
  const alignments = [(p: Piece) => p.x0, (p: Piece) => p.x1, (p: Piece) => (p.x0 + p.x1) / 2];
  const grouped = alignments
    .map((edge) => alignmentGroups(values, edge))
    .reduce((best, next) => (next.length < best.length ? next : best));
  const slots = matchGroups(grouped.map((g) => g.centre), columns);
  if (!slots) return false;
  const slotOf = new Map<Piece, number>();
  grouped.forEach((group, i) => group.members.forEach((p) => slotOf.set(p, slots[i])));
  const placements = zone.rows.map((row) => row.values.map((v) => slotOf.get(v) ?? -1));
  const clean = placements.every((slots) => slots.every((slot, i) => slot >= 0 && (i === 0 || slot > slots[i - 1])));
  if (!clean) return false;
  zone.rows.forEach((row, r) => {
    if (row.values.length === columns.length) return;
    const bySlot = new Map(placements[r].map((slot, i) => [slot, row.values[i]]));
    const size = row.values[0].size;
    row.values = columns.map(
      (column, slot) => bySlot.get(slot) ?? { text: '', x0: column.x0, x1: column.x1, top: row.top, bottom: row.bottom, size },
    );
  });
  return true;
}

/** Values whose chosen edge lies within a few points of the previous one, left to right, with their mean centre. */
function alignmentGroups(values: Piece[], edge: (p: Piece) => number): { members: Piece[]; centre: number }[] {
  const sorted = [...values].sort((a, b) => edge(a) - edge(b));
  const groups: Piece[][] = [];
  for (const value of sorted) {
    const last = groups[groups.length - 1];
    if (last && edge(value) - edge(last[last.length - 1]) <= ALIGN_TOLERANCE) last.push(value);
    else groups.push([value]);
  }
  return groups.map((members) => ({
    members,
    centre: members.reduce((sum, p) => sum + (p.x0 + p.x1) / 2, 0) / members.length,
  }));
}

/**
 * The header column of each group (groups and columns both left to right): the order-keeping matching whose
 * offsets between group and column centres vary least and are smallest. Undefined when none is tight or two fit
 * about as well.
 */
function matchGroups(centres: number[], columns: readonly TableColumn[]): number[] | undefined {
  if (centres.length === 0 || centres.length > columns.length) return undefined;
  const columnCentres = columns.map((c) => (c.x0 + c.x1) / 2);
  const pitch = Math.min(...columnCentres.slice(1).map((c, i) => c - columnCentres[i]));
  // A matching scores the spread of its offsets plus how far, on average, its values stand from their headers.
  let best: { slots: number[]; spread: number; score: number } | undefined;
  let runnerUp = Infinity;
  let tried = 0;
  const choose = (from: number, slots: number[]): void => {
    if (tried > MAX_MATCHINGS) return;
    if (slots.length === centres.length) {
      tried++;
      const offsets = slots.map((slot, i) => centres[i] - columnCentres[slot]);
      const spread = Math.max(...offsets) - Math.min(...offsets);
      const score = spread + Math.abs(offsets.reduce((a, b) => a + b, 0) / offsets.length);
      if (!best || score < best.score) {
        runnerUp = best?.score ?? Infinity;
        best = { slots: [...slots], spread, score };
      } else if (score < runnerUp) runnerUp = score;
      return;
    }
    for (let column = from; column <= columns.length - (centres.length - slots.length); column++) {
      slots.push(column);
      choose(column + 1, slots);
      slots.pop();
    }
  };
  choose(0, []);
  if (!best || tried > MAX_MATCHINGS) return undefined;
  if (best.spread > 0.4 * pitch || runnerUp - best.score < 0.2 * pitch) return undefined;
  return best.slots;
}

/**
 * A vertically printed label is a merged cell over the rows beside it that have nothing in its column: like the
 * first slot of a merged cell, it opens the first of those rows.
 */
function verticalLabelRow(block: Piece, zone: TableZone): Row | undefined {
  const centre = (block.top + block.bottom) / 2;
  const first = zone.rows[0];
  const last = zone.rows[zone.rows.length - 1];
  if (centre < first.top || centre > last.bottom) return undefined;
  const free = (row: Row) => !row.labels.some((l) => l !== block && overlap(l.x0, l.x1, block.x0, block.x1) > 0);
  let at = zone.rows.findIndex((row) => row.bottom >= centre);
  if (at < 0 || !free(zone.rows[at])) return undefined;
  while (at > 0 && free(zone.rows[at - 1])) at--;
  return zone.rows[at];
}

function toCell(piece: Piece): LayoutCell {
  return { text: piece.text, x: round(piece.x0), xEnd: round(piece.x1) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Wrapped lines join directly, except between two Latin words or numbers, which keep a space. */
function joinLines(texts: string[]): string {
  return texts.reduce((joined, next) => (/[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(next) ? `${joined} ${next}` : joined + next));
}

function mergeParts(parts: Piece[]): Piece {
  const ordered = [...parts].sort((a, b) => a.top - b.top);
  return {
    text: joinLines(ordered.map((p) => p.text)),
    x0: Math.min(...ordered.map((p) => p.x0)),
    x1: Math.max(...ordered.map((p) => p.x1)),
    top: ordered[0].top,
    bottom: Math.max(...ordered.map((p) => p.bottom)),
    size: ordered[0].size,
  };
}

/** Index of the first item whose key is at least `y`, in items sorted by that key. */
function firstAtOrAfter<T>(sorted: readonly T[], key: (item: T) => number, y: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Wrapped label lines in one column join the line above them, unless the lower one starts a new numbered item or
 * both already belong to different rows.
 */
function joinWrappedLabels(groups: LabelGroup[]): void {
  const ordered = [...groups].sort((a, b) => a.parts[0].top - b.parts[0].top);
  // Every part, by its bottom edge, and the group it now belongs to: a lower line looks only at the parts ending
  // just above it, and among those only at the lowest part of each group.
  const owner = new Map<Piece, LabelGroup>();
  const lowest = new Map<LabelGroup, Piece>();
  for (const g of ordered) {
    for (const part of g.parts) owner.set(part, g);
    lowest.set(g, g.parts.reduce((a, b) => (b.bottom > a.bottom ? b : a)));
  }
  const byBottom = [...owner.keys()].sort((a, b) => a.bottom - b.bottom);
  // A piece with two or more pieces right below it spans their columns (a header over sub-headers): it is not
  // the first line of a wrapped cell.
  const byTop = [...owner.keys()].sort((a, b) => a.top - b.top);
  const spanning = new Set<Piece>();
  for (const piece of byTop) {
    let below = 0;
    let i = firstAtOrAfter(byTop, (p) => p.top, piece.bottom - 0.3 * piece.size);
    for (; i < byTop.length && byTop[i].top <= piece.bottom + WRAP_GAP * piece.size; i++) {
      if (byTop[i] !== piece && overlap(piece.x0, piece.x1, byTop[i].x0, byTop[i].x1) > 0) below++;
    }
    if (below >= 2) spanning.add(piece);
  }
  const firstEndingAfter = (y: number) => firstAtOrAfter(byBottom, (p) => p.bottom, y);
  for (const lower of ordered) {
    if (lower.parts.length === 0) continue;
    const head = lower.parts[0];
    if (ENUMERATOR.test(compact(head.text))) continue;
    let best: LabelGroup | undefined;
    let bestGap = Infinity;
    for (let i = firstEndingAfter(head.top - WRAP_GAP * head.size); i < byBottom.length; i++) {
      const last = byBottom[i];
      const gap = head.top - last.bottom;
      if (gap < -0.3 * head.size) break;
      const upper = owner.get(last);
      if (!upper || upper === lower || lowest.get(upper) !== last || spanning.has(last)) continue;
      if (gap > WRAP_GAP * Math.min(head.size, last.size)) continue;
      if (!sameColumn(last, head) || Math.max(last.size, head.size) > 1.25 * Math.min(last.size, head.size)) continue;
      if (upper.row && lower.row && upper.row !== lower.row) continue;
      if (gap < bestGap) {
        best = upper;
        bestGap = gap;
      }
    }
    if (!best) continue;
    for (const part of lower.parts) owner.set(part, best);
    best.parts.push(...lower.parts);
    const ownLowest = lowest.get(best);
    const mergedLowest = lowest.get(lower);
    if (mergedLowest && (!ownLowest || mergedLowest.bottom > ownLowest.bottom)) lowest.set(best, mergedLowest);
    best.row = best.row ?? lower.row;
    lower.parts = [];
    lower.row = undefined;
  }
  for (let i = groups.length - 1; i >= 0; i--) if (groups[i].parts.length === 0) groups.splice(i, 1);
}

/**
 * A label group without a row of its own (a row label printed above or below its numbers, a merged group label such
 * as （三）不予公开) goes to the row it sits beside: a row with no label first, else the row it overlaps most. Groups
 * beside no row are returned, to stay lines of their own.
 */
function attachFloatingGroups(groups: LabelGroup[], rows: Row[]): LabelGroup[] {
  // Each row's band (its line and the label groups it owns) and whether it has a label yet, kept up to date.
  const bands = new Map(rows.map((row) => [row, { top: row.top, bottom: row.bottom, labelled: false }]));
  const claim = (group: LabelGroup, row: Row) => {
    const band = bands.get(row);
    if (!band) return;
    const own = groupBand(group);
    band.top = Math.min(band.top, own.top);
    band.bottom = Math.max(band.bottom, own.bottom);
    band.labelled = true;
  };
  for (const group of groups) if (group.row) claim(group, group.row);
  // Rows are in reading order; a group can only sit beside rows within a few lines of it.
  const firstRowBelow = (y: number) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].bottom < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const group of groups) {
    if (group.row) continue;
    const band = groupBand(group);
    const size = group.parts[0].size;
    const reach = 0.5 * size;
    let best: Row | undefined;
    let bestScore = -Infinity;
    for (let i = firstRowBelow(band.top - NEARBY_ROWS * size); i < rows.length && rows[i].top <= band.bottom + NEARBY_ROWS * size; i++) {
      const row = rows[i];
      const rowBand = bands.get(row);
      if (!rowBand) continue;
      const shared = overlap(band.top - reach, band.bottom + reach, rowBand.top, rowBand.bottom);
      if (shared <= 0) continue;
      const centre = Math.abs((band.top + band.bottom) / 2 - (rowBand.top + rowBand.bottom) / 2);
      const score = (rowBand.labelled ? 0 : 1000) + shared - centre / 100;
      if (score > bestScore) {
        best = row;
        bestScore = score;
      }
    }
    group.row = best;
    if (best) claim(group, best);
  }
  const orphans = groups.filter((g) => !g.row);
  for (const orphan of orphans) groups.splice(groups.indexOf(orphan), 1);
  return orphans;
}
