import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  REQUEST_COLUMNS,
  cellDef,
  consistencyEquations,
  evaluateEquation,
  proactiveBands,
  type CellRecord,
  type CellSource,
  type Equation,
  type Finding,
  type FormatVersion,
  type TableFormats,
} from '@nianbao/report-format';
import type { DocRow, DocumentModel } from '../document';
import { cleanValueText, parseCellValue } from './cell-value';
import { matchForm, type CatalogEntry, type TableId } from './label-catalog';
import { splitRuns } from './split-runs';
import { tokenizeCell, type Token } from './tokenize';

/** What the table mapper read from a document. */
export interface TableReading {
  /** Layout of table 二 as its headers show it; undefined when table 二 was not found. */
  proactiveFormat?: FormatVersion;
  tableFormats: TableFormats;
  values: Record<string, number | null>;
  cells: Record<string, CellRecord>;
  /** `V.ambiguous_cells` findings: cells the text cannot decide. */
  findings: Finding[];
  /** True when any standard table (a header, band or row label) was seen. */
  tablesSeen: boolean;
}

/** A horizontal extent on a PDF page, in points. */
interface Span {
  from: number;
  to: number;
}

interface ValueCell {
  text: string;
  glued: boolean;
  source: CellSource;
  /** PDF: where the cell's text starts and ends, when the cell holds this one value. */
  span?: Span;
}

interface Segment {
  tokens: Token[];
  values: ValueCell[];
  source: CellSource;
  /** PDF: extents of the row's header-like cells (text without values, group labels or headings). */
  headerSpans: Span[];
}

interface PositionalRow {
  table: 'requests' | 'appeals';
  keys: string[];
  label: string;
  cells: ValueCell[];
}

/** How a row was read: cleanly (one reading), or not (flagged, several splits, placed later by position). */
interface Attempt {
  clean: boolean;
  finding?: Finding;
  pending?: PendingRow;
  positional?: PositionalRow;
}

/** A row of cells waiting for the consistency rules: one candidate when the text decides it, several otherwise. */
interface PendingRow {
  keys: string[];
  candidates: string[][];
  sources: CellSource[];
  label: string;
  /** Cut from digits run together: a split must satisfy the row's own rules even when it is the only one. */
  run?: boolean;
}

const APPLICANT_COUNT = REQUEST_COLUMNS.length;

function rowSource(row: DocRow): CellSource {
  const source: CellSource = {};
  if (row.page !== undefined) source.page = row.page;
  if (row.table !== undefined) source.table = row.table;
  if (row.row !== undefined) source.row = row.row;
  if (row.line !== undefined) source.line = row.line;
  return source;
}

/** Splits a document row into segments: label cells followed by the value cells that belong to them. */
function segmentsOf(row: DocRow): Segment[] {
  const base = rowSource(row);
  const segments: Segment[] = [];
  const headerSpans: Span[] = [];
  let current: Segment = { tokens: [], values: [], source: base, headerSpans };
  row.cells.forEach((cell, index) => {
    if (cell.covered) return;
    const tokens = tokenizeCell(cell.text);
    const span: Span | undefined = cell.x === undefined ? undefined : { from: cell.x, to: cell.xEnd ?? cell.x };
    const single = tokens.length === 1 ? span : undefined;
    const headerLike = tokens.every(
      (t) => t.type === 'text' || (t.type === 'entry' && (t.entry.kind === 'column' || t.entry.kind === 'row')),
    );
    if (span && headerLike) headerSpans.push(span);
    for (const token of tokens) {
      if (token.type === 'value') {
        const value: ValueCell = { text: token.text, glued: token.glued, source: { ...base, column: index + 1 } };
        if (single) value.span = single;
        current.values.push(value);
      } else {
        if (current.values.length > 0) {
          segments.push(current);
          current = { tokens: [], values: [], source: base, headerSpans: [] };
        }
        current.tokens.push(token);
      }
    }
  });
  segments.push(current);
  return segments.filter((s) => s.tokens.length > 0 || s.values.length > 0);
}

/** Nothing written in the cell (spaces, `&nbsp;`). */
function isBlank(text: string): boolean {
  return cleanValueText(text) === '';
}

function hasNumber(values: readonly ValueCell[]): boolean {
  return values.some((v) => !isBlank(v.text));
}

/** Whitespace-separated pieces of the row's values, and whether digits in them may hold several cells. */
function runPieces(values: readonly ValueCell[]): { pieces: string[]; runMode: boolean } {
  const pieces = values.flatMap((v) => v.text.split(/\s+/).filter((p) => p.length > 0));
  const runMode =
    values.some((v) => v.glued && /^\d/.test(v.text)) || pieces.some((p) => /^0\d/.test(p) && !/^0\./.test(p));
  return { pieces, runMode };
}

class TableMapper {
  private region: TableId | 'none' = 'none';
  private tablesSeen = false;
  private proactiveColumns: CatalogEntry[] = [];
  private lastWasColumn = false;
  private readonly formatVotes = { '2019': 0, '2021': 0 };
  private requestsVersion?: FormatVersion;
  private requestsSeen = false;
  private subtotalPosition?: number;
  private requestHeader: string[] = [];
  private appealsHeaderSeen = false;
  private appealsGroup?: string;
  /** Table 四's group labels seen in this block: two of them make a header even when the column labels are broken. */
  private readonly appealsGroupsSeen = new Set<string>();
  /** Table 四's numbers, by block: each time the table starts again (printed twice) a new block begins. */
  private readonly appealSegments: { block: number; group?: string; values: ValueCell[] }[] = [];
  private appealsBlock = 0;
  /**
   * Rows already read, by `table.row`: the first clean reading of a row wins; a reading that could not decide its
   * cells gives way to a clean copy of the same row later in the document (tables printed twice, once run together).
   */
  private readonly claimed = new Map<string, Attempt>();
  private readonly pending: PendingRow[] = [];
  /** Position of the segment being read, so that orphans can be paired with the segment right after them. */
  private sequence = 0;
  /** Labels without numbers; `incomplete` when the label is cut at the end of its cell (wrapped to the next line). */
  private readonly orphanLabels: {
    table: TableId;
    entry: CatalogEntry;
    columns: CatalogEntry[];
    at: number;
    incomplete: boolean;
  }[] = [];
  /** Numbers without a label; `wordy` when text that is no label (a wrapped label's second line) stands before them. */
  private readonly orphanValues: { table: TableId; values: ValueCell[]; at: number; wordy: boolean }[] = [];
  private readonly findings: Finding[] = [];
  /** PDF: column centres of table 三 (from a full row) and table 四 (from its header cells). */
  private requestColumns?: Span[];
  private readonly appealHeaderSpans: Span[] = [];
  /** PDF rows with blank cells left out of the text layer, placed by position once the columns are known. */
  private readonly positionalRows: PositionalRow[] = [];
  /** A row with fewer cells than its columns, kept back while nothing follows it: the text may have been cut. */
  private shortRow?: { rowId: string; keys: string[]; label: string; cells: ValueCell[] };

  read(doc: DocumentModel): TableReading {
    for (const row of doc.rows) {
      for (const segment of segmentsOf(row)) {
        this.settleShortRow(false);
        this.visit(segment);
      }
    }
    this.settleShortRow(true);
    this.pairOrphans();
    this.settleShortRow(false);
    this.placeAppeals();
    this.settleShortRow(false);
    this.placeByPosition();
    const proactiveFormat = this.proactiveFormat();
    const tableFormats: TableFormats = {};
    if (proactiveFormat) tableFormats.proactive = proactiveFormat;
    if (this.requestsSeen || this.pending.some((p) => p.keys[0]?.startsWith('requests.'))) {
      tableFormats.requests = this.requestsVersion ?? proactiveFormat ?? '2021';
    }
    const { values, cells } = this.resolve(tableFormats);
    return { proactiveFormat, tableFormats, values, cells, findings: this.findings, tablesSeen: this.tablesSeen };
  }

  private proactiveFormat(): FormatVersion | undefined {
    const { '2019': old, '2021': current } = this.formatVotes;
    if (old === 0 && current === 0) {
      return this.pending.some((p) => p.keys[0]?.startsWith('proactive.')) ? '2021' : undefined;
    }
    return old > current ? '2019' : '2021';
  }

  private choose(token: Extract<Token, { type: 'entry' }>): CatalogEntry {
    return token.alternatives.find((e) => e.table === this.region) ?? token.entry;
  }

  private visit(segment: Segment): void {
    let rowEntry: CatalogEntry | undefined;
    let rowText = '';
    let incomplete = false;
    let groupLabelled = false;
    for (const token of segment.tokens) {
      if (token.type !== 'entry') {
        this.lastWasColumn = false;
        continue;
      }
      const entry = this.choose(token);
      const wasColumn = this.lastWasColumn;
      this.lastWasColumn = false;
      switch (entry.kind) {
        case 'end':
          this.region = 'none';
          break;
        case 'anchor':
          this.enter(entry.table ?? 'none');
          if (entry.table === 'proactive' && entry.key === 'header') this.proactiveColumns = [];
          break;
        case 'band':
          this.enter('proactive');
          this.proactiveColumns = [];
          break;
        case 'column':
          if (entry.table === 'proactive') {
            if (this.region !== 'proactive' && this.region !== 'none') break;
            this.enter('proactive');
            if (!wasColumn) this.proactiveColumns = [];
            this.proactiveColumns.push(entry);
            this.lastWasColumn = true;
            if (entry.format) this.formatVotes[entry.format]++;
          } else if (entry.table === 'requests') {
            if (this.region === 'appeals') break;
            this.enter('requests');
            this.requestHeader.push(entry.key);
          } else if (entry.table === 'appeals') {
            if (this.region !== 'appeals' && entry.key === 'total') break;
            this.enter('appeals');
            this.appealsHeaderSeen = true;
          }
          break;
        case 'group':
          if (entry.table === 'appeals') {
            if (this.region === 'appeals' || this.region === 'requests') {
              this.enter('appeals');
              this.appealsGroup = entry.key;
              groupLabelled = true;
              // `行政复议 行政诉讼` / `未经复议直接起诉 复议后起诉` above column labels split into pieces (`结果` / `维持`).
              this.appealsGroupsSeen.add(entry.key);
              if (this.appealsGroupsSeen.size >= 2) this.appealsHeaderSeen = true;
            }
          } else if (this.region === 'requests' || this.region === 'proactive') {
            this.enter('requests');
            if (entry.key === 'other_handling') {
              rowEntry = entry;
              rowText = token.text;
            }
          }
          break;
        case 'row':
          if (entry.table === 'proactive' && this.region === 'proactive') {
            rowEntry = entry;
            rowText = token.text;
            if (entry.key === 'other_services' || entry.key === 'procurement') this.formatVotes['2019']++;
          } else if (entry.table === 'requests' && (this.region === 'requests' || this.region === 'proactive')) {
            this.enter('requests');
            rowEntry = entry;
            rowText = token.text;
          }
          if (rowEntry === entry) incomplete = token.partial === true;
          break;
      }
    }
    this.place(segment, rowEntry, rowText, incomplete, groupLabelled);
  }

  private enter(region: TableId | 'none'): void {
    if (region !== 'none') this.tablesSeen = true;
    if (region === 'requests') this.requestsSeen = true;
    if (region === 'appeals' && this.region !== 'appeals') {
      this.appealsHeaderSeen = false;
      this.appealsGroup = undefined;
      this.appealsGroupsSeen.clear();
      this.appealsBlock++;
    }
    this.region = region;
  }

  private place(
    segment: Segment,
    rowEntry: CatalogEntry | undefined,
    rowText: string,
    incomplete: boolean,
    groupLabelled: boolean,
  ): void {
    const { values } = segment;
    const at = ++this.sequence;
    if (this.region === 'appeals') {
      if (values.length === 0) this.appealHeaderSpans.push(...segment.headerSpans);
      const collected = this.appealSegments
        .filter((s) => s.block === this.appealsBlock)
        .reduce((n, s) => n + trimBlanks(s.values, 0).length, 0);
      const headed = this.appealsHeaderSeen || groupLabelled;
      if (headed && hasNumber(values) && collected < APPEAL_GROUPS.length * APPEAL_COLUMNS.length) {
        this.appealSegments.push({ block: this.appealsBlock, group: this.appealsGroup, values });
      }
      return;
    }
    if (this.region !== 'proactive' && this.region !== 'requests') return;
    const table = this.region;
    if (rowEntry && rowEntry.table === table) {
      if (values.length === 0) {
        const rowLabels = new Set(
          segment.tokens.flatMap((t) => (t.type === 'entry' && t.entry.kind === 'row' ? [t.entry.key] : [])),
        );
        // A row of several row labels and no numbers is a header (`项目 | 本年新收件数 | 予以公开 | …`).
        // （六）其他处理 alone is the 2019 row when numbers follow it, the 2021 group heading otherwise.
        if ((rowEntry.kind === 'row' || rowEntry.key === 'other_handling') && rowLabels.size <= 1) {
          this.orphanLabels.push({ table, entry: rowEntry, columns: [...this.proactiveColumns], at, incomplete });
        }
        return;
      }
      this.placeRow(table, rowEntry, rowText, values, this.proactiveColumns);
      return;
    }
    if (!rowEntry && hasNumber(values)) {
      const labelled = segment.tokens.some((t) => t.type === 'entry' && t.entry.kind !== 'anchor');
      const wordy = segment.tokens.some((t) => t.type === 'text' && matchForm(t.text).length >= 2);
      if (!labelled) this.orphanValues.push({ table, values, at, wordy });
    }
  }

  private placeRow(
    table: TableId,
    entry: CatalogEntry,
    label: string,
    values: ValueCell[],
    columns: readonly CatalogEntry[],
  ): void {
    if (table === 'proactive') this.placeProactive(entry, label, values, columns);
    else this.placeRequest(entry, label, values);
  }

  private placeProactive(entry: CatalogEntry, label: string, values: ValueCell[], columns: readonly CatalogEntry[]): void {
    const rowKey = entry.key;
    if (!this.canTake(`proactive.${rowKey}`)) return;
    const headerKeys = columns.map((c) => `proactive.${rowKey}.${c.key}`);
    const headerFits = headerKeys.length > 0 && headerKeys.every((k) => cellDef(k) !== undefined);
    const format = this.proactiveFormat() ?? '2021';
    const band =
      proactiveBands(format).find((b) => b.rows.some((r) => r.key === rowKey)) ??
      proactiveBands(format === '2021' ? '2019' : '2021').find((b) => b.rows.some((r) => r.key === rowKey));
    const defaultKeys = band ? band.columns.map((c) => `proactive.${rowKey}.${c.key}`) : [];
    const count = runPieces(values).runMode ? undefined : trimmedLength(values);
    const fitsCount = (k: readonly string[]) => count === undefined || k.length === count;
    // Headers decide the columns; a header cut short or damaged (`本年新 | 本年新`) falls back on the layout's own.
    const keys =
      headerFits && (fitsCount(headerKeys) || !fitsCount(defaultKeys) || defaultKeys.length === 0)
        ? headerKeys
        : defaultKeys;
    if (keys.length === 0) return;
    const amountColumns = new Set(keys.flatMap((k, i) => (cellDef(k)?.valueType === 'amount' ? [i] : [])));
    this.addPending(`proactive.${rowKey}`, keys, label, values, amountColumns);
  }

  private placeRequest(entry: CatalogEntry, label: string, values: ValueCell[]): void {
    const rowKey = entry.key;
    if (rowKey === 'other_handling') this.requestsVersion ??= '2019';
    if (rowKey.startsWith('other_handling.')) this.requestsVersion = '2021';
    if (!this.canTake(`requests.${rowKey}`)) return;
    const keys = REQUEST_COLUMNS.map((c) => `requests.${rowKey}.${c.key}`);
    let cells = values;
    if (trimmedLength(cells) === APPLICANT_COUNT + 1 && !runPieces(cells).runMode) {
      cells = this.dropSubtotal(trimBlanks(cells, APPLICANT_COUNT + 1));
    }
    if (!this.requestColumns && cells.length === APPLICANT_COUNT && cells.every((c) => c.span)) {
      this.requestColumns = cells.flatMap((c) => (c.span ? [c.span] : []));
    }
    this.addPending(`requests.${rowKey}`, keys, label, cells, new Set());
  }

  /** Table 三 printed with a 法人或其他组织 小计 column: drop it, where the header or the row's sums place it. */
  private dropSubtotal(cells: ValueCell[]): ValueCell[] {
    const fromHeader = this.requestHeader.indexOf('subtotal');
    const numbers = cells.map((c) => parseCellValue(c.text).value);
    const fits = (at: number) => {
      const rest = numbers.filter((_, i) => i !== at);
      const organisations = rest.slice(1, 6);
      if (numbers[at] === null || organisations.some((n) => n === null)) return false;
      return organisations.reduce<number>((a, n) => a + (n ?? 0), 0) === numbers[at];
    };
    let at: number | undefined;
    if (fromHeader >= 0) {
      const before = this.requestHeader.slice(0, fromHeader).filter((k) => k !== 'total' && k !== 'subtotal');
      at = before.includes('commercial') ? 6 : 1;
    } else if (fits(1) !== fits(6)) {
      at = fits(1) ? 1 : 6;
    } else if (fits(1) && numbers.slice(1, 7).every((n, i, all) => n === all[0])) {
      at = 6;
    }
    this.subtotalPosition ??= at;
    if (at === undefined) return cells;
    return cells.filter((_, i) => i !== at);
  }

  private addPending(
    rowId: string,
    keys: string[],
    label: string,
    values: ValueCell[],
    amountColumns: ReadonlySet<number>,
  ): void {
    const { pieces, runMode } = runPieces(values);
    const source = values[0]?.source ?? {};
    if (runMode) {
      const { splits, truncated } = splitRuns(pieces, keys.length, amountColumns);
      if (splits.length === 0 || truncated) {
        const finding = this.flag(keys, `「${label}」一行的数字连在一起，无法唯一拆分为 ${keys.length} 个单元格`);
        this.claimed.set(rowId, { clean: false, finding });
        return;
      }
      const row = { keys, candidates: splits, sources: keys.map(() => source), label, run: true };
      this.pending.push(row);
      this.claimed.set(rowId, { clean: splits.length === 1, pending: row });
      return;
    }
    const cells = trimBlanks(spreadSpaced(values, keys.length), keys.length);
    if (cells.length !== keys.length) {
      if (!hasNumber(cells)) return;
      const table = rowId.startsWith('requests.') ? 'requests' : rowId.startsWith('appeals') ? 'appeals' : undefined;
      if (table && cells.length < keys.length && cells.every((c) => c.span)) {
        const positional: PositionalRow = { table, keys, label, cells };
        this.positionalRows.push(positional);
        this.claimed.set(rowId, { clean: false, positional });
        return;
      }
      if (cells.length < keys.length) {
        this.shortRow = { rowId, keys, label, cells };
        this.claimed.set(rowId, { clean: false });
        return;
      }
      const finding = this.flag(keys, `「${label}」一行有 ${cells.length} 个单元格，应为 ${keys.length} 个，无法确定各数字所在的列`);
      this.claimed.set(rowId, { clean: false, finding });
      return;
    }
    const row = { keys, candidates: [cells.map((c) => c.text)], sources: cells.map((c) => c.source), label };
    this.pending.push(row);
    this.claimed.set(rowId, { clean: true, pending: row });
  }

  /** True when the row has not been read cleanly yet; an undecided earlier reading of it is withdrawn. */
  private canTake(rowId: string): boolean {
    const prior = this.claimed.get(rowId);
    if (!prior) return true;
    if (prior.clean) return false;
    if (prior.finding) this.findings.splice(this.findings.indexOf(prior.finding), 1);
    if (prior.pending) this.pending.splice(this.pending.indexOf(prior.pending), 1);
    if (prior.positional) this.positionalRows.splice(this.positionalRows.indexOf(prior.positional), 1);
    if (this.shortRow?.rowId === rowId) this.shortRow = undefined;
    this.claimed.delete(rowId);
    return true;
  }

  /**
   * A short row is the last thing in an excerpt that was cut inside it: its cells are the first columns. When more
   * of the document follows, cells were dropped somewhere in the row and none can be placed.
   */
  private settleShortRow(documentEnded: boolean): void {
    const row = this.shortRow;
    if (!row) return;
    this.shortRow = undefined;
    if (documentEnded) {
      const keys = row.keys.slice(0, row.cells.length);
      this.pending.push({ keys, candidates: [row.cells.map((c) => c.text)], sources: row.cells.map((c) => c.source), label: row.label });
      return;
    }
    const message = `「${row.label}」一行有 ${row.cells.length} 个单元格，应为 ${row.keys.length} 个，无法确定各数字所在的列`;
    this.claimed.set(row.rowId, { clean: false, finding: this.flag(row.keys, message) });
  }

  /**
   * PDF rows whose blank cells left nothing in the text layer: each number goes to the column whose centre is
   * nearest (within half the column pitch), and the columns left over are blank. Without known columns, or when two
   * numbers would share a column, the row is flagged instead.
   */
  private placeByPosition(): void {
    const appealColumns = columnSpans(this.appealHeaderSpans, APPEAL_GROUPS.length * APPEAL_COLUMNS.length);
    for (const row of this.positionalRows) {
      const columns = row.table === 'requests' ? this.requestColumns : appealColumns;
      const placed = columns && columns.length === row.keys.length ? byPosition(row.cells, columns) : undefined;
      if (!placed) {
        this.flag(row.keys, `「${row.label}」一行有 ${row.cells.length} 个单元格，应为 ${row.keys.length} 个，无法确定各数字所在的列`);
        continue;
      }
      const sources = placed.map((c) => c?.source ?? row.cells[0].source);
      this.pending.push({ keys: row.keys, candidates: [placed.map((c) => c?.text ?? '')], sources, label: row.label });
    }
  }

  private flag(keys: string[], message: string): Finding {
    const finding: Finding = { rule: 'V.ambiguous_cells', severity: 'error', status: 'flagged', cells: keys, message };
    this.findings.push(finding);
    return finding;
  }

  /**
   * Labels separated from their numbers (a label alone on its line, a row of numbers without a label): paired in
   * order when there are as many of each, which is how the rows were printed.
   */
  private pairOrphans(): void {
    for (const table of ['proactive', 'requests'] as const) {
      const open = this.orphanLabels.filter((o) => o.table === table && !this.claimed.get(`${table}.${o.entry.key}`)?.clean);
      const distinct = open.filter((o, i) => open.findIndex((p) => p.entry.key === o.entry.key) === i);
      // （六）其他处理 may be a heading (2021) as well as a row (2019): it is paired only with numbers right after it.
      const unique = distinct.filter((o) => o.entry.key !== 'other_handling');
      const width = table === 'requests' ? APPLICANT_COUNT : undefined;
      const rows = this.orphanValues.filter(
        (o) => o.table === table && (width === undefined || trimBlanks(o.values, width).length === width),
      );
      const bare = rows.filter((o) => !o.wordy);
      if (unique.length > 0 && unique.length === bare.length) {
        unique.forEach((label, i) => this.placeRow(table, label.entry, label.entry.form, bare[i].values, label.columns));
        continue;
      }
      // Otherwise only a label directly followed by its numbers (a wrapped label's second line before them).
      for (const label of distinct) {
        const next = rows.find((o) => o.at === label.at + 1 && (!o.wordy || label.incomplete));
        if (next) this.placeRow(table, label.entry, label.entry.form, next.values, label.columns);
      }
    }
  }

  private placeAppeals(): void {
    const blocks = [...new Set(this.appealSegments.map((s) => s.block))];
    for (const block of blocks) this.placeAppealBlock(this.appealSegments.filter((s) => s.block === block));
  }

  private placeAppealBlock(segments: readonly { group?: string; values: ValueCell[] }[]): void {
    const groupKeys = APPEAL_GROUPS.map((g) => g.key);
    const columnKeys = APPEAL_COLUMNS.map((c) => c.key);
    const byGroup =
      segments.every((s) => s.group && trimBlanks(s.values, 5).length === 5 && !runPieces(s.values).runMode) &&
      new Set(segments.map((s) => s.group)).size === segments.length;
    if (byGroup) {
      for (const segment of segments) {
        const rowId = `appeals.${segment.group}`;
        if (!this.canTake(rowId) || !this.canTake('appeals')) continue;
        const keys = columnKeys.map((c) => `${rowId}.${c}`);
        this.addPending(rowId, keys, segment.group ?? '', segment.values, new Set());
      }
      return;
    }
    if (!this.canTake('appeals') || groupKeys.some((g) => this.claimed.get(`appeals.${g}`)?.clean)) return;
    const all = segments.flatMap((s) => s.values);
    const keys = groupKeys.flatMap((g) => columnKeys.map((c) => `appeals.${g}.${c}`));
    const { runMode } = runPieces(all);
    const values = runMode ? all : trimBlanks(all, keys.length);
    if (!runMode && values.length > keys.length) {
      const finding = this.flag(keys, `表四有 ${values.length} 个数字，应为 ${keys.length} 个，无法确定各数字所在的列`);
      this.claimed.set('appeals', { clean: false, finding });
      return;
    }
    this.addPending('appeals', keys, '表四', values, new Set());
  }

  private resolve(formats: TableFormats): { values: Record<string, number | null>; cells: Record<string, CellRecord> } {
    const values: Record<string, number | null> = {};
    const cells: Record<string, CellRecord> = {};
    const write = (row: PendingRow, candidate: string[]) => {
      row.keys.forEach((key, i) => {
        const raw = candidate[i];
        const read = parseCellValue(raw);
        values[key] = read.value;
        const record: CellRecord = { kind: read.kind, raw, value: read.value, source: row.sources[i] };
        if (read.unit) record.unit = read.unit;
        cells[key] = record;
      });
    };
    const hasAppeals = this.pending.some((p) => p.keys[0]?.startsWith('appeals.'));
    const equations = consistencyEquations(formats, hasAppeals);
    // Split candidates repeat the same few cell texts many times over: each is read once.
    const numbers = new Map<string, number | null>();
    const numberOf = (text: string) => {
      let number = numbers.get(text);
      if (number === undefined) {
        number = parseCellValue(text).value;
        numbers.set(text, number);
      }
      return number;
    };
    const satisfies = (row: PendingRow, candidate: string[], rules: readonly Equation[]) => {
      // The row's candidate cells over the values read so far (a layer on top: no copy of every value per candidate).
      const trial: Record<string, number | null> = Object.create(values);
      row.keys.forEach((key, i) => (trial[key] = numberOf(candidate[i])));
      return rules.every((eq) => evaluateEquation(eq, trial).status !== 'failed');
    };
    for (const row of this.pending.filter((p) => p.run)) {
      // A blank cell lost from a run shifts every digit after it; the row's own totals show it.
      const own = equations.filter((eq) => [...eq.left, ...eq.right].every((k) => row.keys.includes(k)));
      row.candidates = row.candidates.filter((candidate) => satisfies(row, candidate, own));
    }
    let open = this.pending.filter((row) => {
      if (row.candidates.length === 1) write(row, row.candidates[0]);
      return row.candidates.length !== 1;
    });
    let changed = true;
    while (changed && open.length > 0) {
      changed = false;
      for (const row of open) {
        const related = equations.filter((eq) => [...eq.left, ...eq.right].some((k) => row.keys.includes(k)));
        row.candidates = row.candidates.filter((candidate) => satisfies(row, candidate, related));
        if (row.candidates.length === 1) {
          write(row, row.candidates[0]);
          changed = true;
        }
      }
      open = open.filter((row) => row.candidates.length !== 1);
    }
    for (const row of open) {
      const checked = equations.some((eq) => [...eq.left, ...eq.right].some((k) => row.keys.includes(k)));
      const how =
        row.candidates.length === 0
          ? '没有一种拆分符合勾稽关系'
          : checked
            ? `有 ${row.candidates.length} 种拆分都符合勾稽关系`
            : `可拆分为 ${row.candidates.length} 种，且没有勾稽关系可据以取舍`;
      this.flag(row.keys, `「${row.label}」一行的数字连在一起，${how}，不能确定各单元格的值`);
    }
    return { values, cells };
  }
}

/**
 * The extents of `count` columns from header cells (several header rows): cells whose centres lie within 6pt of each
 * other are one column.
 */
function columnSpans(spans: readonly Span[], count: number): Span[] | undefined {
  const centre = (s: Span) => (s.from + s.to) / 2;
  const sorted = [...spans].sort((a, b) => centre(a) - centre(b));
  const clusters: Span[][] = [];
  for (const span of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && centre(span) - centre(last[last.length - 1]) < 6) last.push(span);
    else clusters.push([span]);
  }
  if (clusters.length !== count) return undefined;
  return clusters.map((c) => ({ from: Math.min(...c.map((s) => s.from)), to: Math.max(...c.map((s) => s.to)) }));
}

/**
 * Each number goes to the column whose area holds it whole: a column reaches halfway across the gap to its
 * neighbours. A number across a boundary, or two numbers in one column, and the row is not placed at all.
 */
function byPosition(cells: readonly ValueCell[], columns: readonly Span[]): (ValueCell | undefined)[] | undefined {
  const bounds = columns.map((column, i) => ({
    from: i === 0 ? -Infinity : (columns[i - 1].to + column.from) / 2,
    to: i === columns.length - 1 ? Infinity : (column.to + columns[i + 1].from) / 2,
  }));
  const placed: (ValueCell | undefined)[] = columns.map(() => undefined);
  for (const cell of cells) {
    const span = cell.span;
    const at = span ? bounds.findIndex((b) => span.from >= b.from - 1 && span.to <= b.to + 1) : -1;
    if (at < 0 || placed[at]) return undefined;
    placed[at] = cell;
  }
  return placed;
}

/**
 * Cells written in one line with spaces between (`规章 0 0 0`, text copied from a PDF) are separate cells when that
 * gives the row its width; otherwise a space stays inside its cell (`1 646`).
 */
function spreadSpaced(values: readonly ValueCell[], width: number): ValueCell[] {
  if (trimBlanks(values, width).length === width) return [...values];
  const spread = values.flatMap((v): ValueCell[] => {
    const parts = v.text.trim().split(/\s+/);
    return parts.length > 1 ? parts.map((text) => ({ text, glued: v.glued, source: v.source })) : [v];
  });
  return trimBlanks(spread, width).length === width ? spread : [...values];
}

function trimmedLength(cells: readonly ValueCell[]): number {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1].text)) end--;
  return end;
}

/** Drops blank cells from the end of a row (filler `||` and empty merged slots) down to `width` cells. */
function trimBlanks(cells: readonly ValueCell[], width: number): ValueCell[] {
  const out = [...cells];
  while (out.length > width && isBlank(out[out.length - 1].text)) out.pop();
  return out;
}

/** Reads tables 二, 三 and 四 from a document model, by their headers and row labels. */
export function mapTables(doc: DocumentModel): TableReading {
  return new TableMapper().read(doc);
}
