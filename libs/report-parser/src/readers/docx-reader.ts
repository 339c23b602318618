import { Parser } from 'htmlparser2';
import type { DocCell, DocRow, DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import type { ReaderLimits } from './limits';
import { decodeXmlPart, decodeXmlText } from './ooxml';
import { TextBudget } from './text-budget';
import { ZipContainer } from './zip-container';

/**
 * .docx → document model, from word/document.xml alone, read as a stream of XML events (htmlparser2 in XML mode,
 * entities left undecoded and only the predefined ones decoded here). Body paragraphs and tables come in document
 * order. Table rows are laid on the table's real grid: `w:gridSpan` widens a cell, `w:vMerge` restart/continue merges
 * it downwards, `w:gridBefore` leaves slots empty; every slot a merge covers is marked `covered` and repeats the
 * merged text. A table holding other tables is page layout and is read as ordinary content. Text boxes, drawings,
 * deleted text and field codes are not body text.
 */

/** Subtrees that carry no body text (or text that is not the body's: text boxes, the fallback copy of a drawing). */
const IGNORED = new Set([
  'w:txbxContent', 'w:drawing', 'w:pict', 'w:object', 'mc:Fallback', 'w:del', 'w:moveFrom', 'w:sdtPr', 'w:pPr',
  'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:sectPr', 'w:instrText', 'w:delText', 'w:footnoteReference',
]);

const MAX_GRID_COLUMNS = 1000;

type Merge = 'restart' | 'continue' | null;

interface CellNode {
  gridSpan: number;
  vMerge: Merge;
  hMerge: Merge;
  blocks: Block[];
}

interface RowNode {
  gridBefore: number;
  cells: CellNode[];
}

interface TableNode {
  rows: RowNode[];
  hasNestedTable: boolean;
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; table: TableNode };

function intValue(attributes: Record<string, string>, fallback: number): number {
  const parsed = Number.parseInt(attributes['w:val'] ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

function mergeValue(attributes: Record<string, string>): Merge {
  return attributes['w:val'] === 'restart' ? 'restart' : 'continue';
}

/** Collects paragraphs and tables from the XML events; tables are kept whole until they close. */
class DocxEvents {
  readonly blocks: Block[] = [];
  private skipDepth = 0;
  private tables: TableNode[] = [];
  private paragraph: string[] | null = null;
  private text: string[] | null = null;

  private get cell(): CellNode | undefined {
    const table = this.tables[this.tables.length - 1];
    const row = table?.rows[table.rows.length - 1];
    return row?.cells[row.cells.length - 1];
  }

  private place(block: Block): void {
    const cell = this.tables.length > 0 ? this.cell : undefined;
    if (cell) cell.blocks.push(block);
    else if (this.tables.length === 0) this.blocks.push(block);
  }

  open(name: string, attributes: Record<string, string>): void {
    if (this.skipDepth > 0 || IGNORED.has(name)) {
      this.skipDepth++;
      return;
    }
    const table = this.tables[this.tables.length - 1];
    switch (name) {
      case 'w:tbl':
        if (table) table.hasNestedTable = true;
        this.tables.push({ rows: [], hasNestedTable: false });
        break;
      case 'w:tr':
        table?.rows.push({ gridBefore: 0, cells: [] });
        break;
      case 'w:gridBefore': {
        const row = table?.rows[table.rows.length - 1];
        if (row) row.gridBefore = Math.min(intValue(attributes, 0), MAX_GRID_COLUMNS);
        break;
      }
      case 'w:tc':
        table?.rows[table.rows.length - 1]?.cells.push({ gridSpan: 1, vMerge: null, hMerge: null, blocks: [] });
        break;
      case 'w:gridSpan':
        if (this.cell) this.cell.gridSpan = Math.max(1, Math.min(intValue(attributes, 1), MAX_GRID_COLUMNS));
        break;
      case 'w:vMerge':
        if (this.cell) this.cell.vMerge = mergeValue(attributes);
        break;
      case 'w:hMerge':
        if (this.cell) this.cell.hMerge = mergeValue(attributes);
        break;
      case 'w:p':
        this.paragraph = [];
        break;
      case 'w:t':
        this.text = [];
        break;
      case 'w:tab':
      case 'w:ptab':
        this.paragraph?.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        this.paragraph?.push('\n');
        break;
      case 'w:noBreakHyphen':
        this.paragraph?.push('-');
        break;
    }
  }

  characters(data: string): void {
    if (this.skipDepth === 0) this.text?.push(data);
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    switch (name) {
      case 'w:t':
        if (this.text) this.paragraph?.push(decodeXmlText(this.text.join('')));
        this.text = null;
        break;
      case 'w:p':
        if (this.paragraph) this.place({ kind: 'paragraph', text: this.paragraph.join('') });
        this.paragraph = null;
        break;
      case 'w:tbl': {
        const table = this.tables.pop();
        if (table) this.place({ kind: 'table', table });
        break;
      }
    }
  }
}

class DocxLayout {
  readonly rows: DocRow[] = [];
  private tables = 0;

  constructor(private readonly budget: TextBudget) {}

  blocks(blocks: readonly Block[]): void {
    for (const block of blocks) {
      if (block.kind === 'paragraph') this.paragraph(block.text);
      else if (block.table.hasNestedTable) this.layoutTable(block.table);
      else this.table(block.table);
    }
  }

  private paragraph(text: string): void {
    for (const line of text.split('\n')) {
      const trimmed = line.trim();
      if (trimmed.length === 0) continue;
      this.budget.spend(trimmed.length);
      this.rows.push({ cells: [{ text: trimmed }] });
    }
  }

  /** A table used to lay out the page: its cells' content is read in order as body content. */
  private layoutTable(table: TableNode): void {
    for (const row of table.rows) for (const cell of row.cells) this.blocks(cell.blocks);
  }

  private table(node: TableNode): void {
    const table = ++this.tables;
    let above: DocCell[] = [];
    node.rows.forEach((row, index) => {
      const cells: DocCell[] = [];
      for (let i = 0; i < row.gridBefore; i++) cells.push({ text: '' });
      for (const cell of row.cells) {
        const column = cells.length;
        if (column >= MAX_GRID_COLUMNS) break;
        if (cell.vMerge === 'continue') {
          for (let i = 0; i < cell.gridSpan; i++) cells.push({ text: above[column + i]?.text ?? '', covered: true });
        } else if (cell.hMerge === 'continue' && column > 0) {
          for (let i = 0; i < cell.gridSpan; i++) cells.push({ text: cells[column - 1].text, covered: true });
        } else {
          const text = cellText(cell);
          this.budget.spend(text.length);
          cells.push({ text });
          for (let i = 1; i < cell.gridSpan; i++) cells.push({ text, covered: true });
        }
      }
      this.budget.spend(cells.length);
      this.rows.push({ cells, table, row: index + 1 });
      above = cells;
    });
  }
}

/** A data cell's paragraphs, trimmed, empty ones dropped, joined with '\n'. */
function cellText(cell: CellNode): string {
  const lines: string[] = [];
  for (const block of cell.blocks) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.trim();
    if (text.length > 0) lines.push(text);
  }
  return lines.join('\n');
}

export async function readDocx(bytes: Uint8Array, limits: ReaderLimits): Promise<DocumentModel> {
  const zip = ZipContainer.open(bytes, limits);
  if (!zip.has('word/document.xml')) {
    throw new ParseError(ParseErrorCode.Corrupt, undefined, 'word/document.xml missing');
  }
  const xml = decodeXmlPart(zip.read('word/document.xml'), 'word/document.xml');
  if (!/<w:body[\s>]/.test(xml)) throw new ParseError(ParseErrorCode.Corrupt, undefined, 'word/document.xml has no w:body');
  const events = new DocxEvents();
  const parser = new Parser(
    {
      onopentag: (name, attributes) => events.open(name, attributes),
      ontext: (data) => events.characters(data),
      onclosetag: (name) => events.close(name),
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.end(xml);
  const layout = new DocxLayout(new TextBudget(limits.maxTextChars));
  layout.blocks(events.blocks);
  return { fileKind: 'docx', rows: layout.rows };
}
