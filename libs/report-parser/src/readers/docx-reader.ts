import type { DocCell, DocRow, DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import type { ReaderLimits } from './limits';
import { attr, childrenOf, findChild, parseXmlPart, tagOf, textOf, type XmlNode } from './ooxml';
import { TextBudget } from './text-budget';
import { ZipContainer } from './zip-container';

/**
 * .docx → document model, from word/document.xml alone. Body paragraphs and tables come in document order. Table rows
 * are laid on the table's real grid: `w:gridSpan` widens a cell, `w:vMerge` restart/continue merges it downwards,
 * `w:gridBefore` leaves slots empty; every slot a merge covers is marked `covered` and repeats the merged text.
 * A table holding other tables is page layout and is read as ordinary content. Text boxes, drawings, deleted text
 * and field codes are not part of the body text.
 */

/** Wrappers whose children are read as if they stood in the wrapper's place. */
const TRANSPARENT = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:ins', 'w:hyperlink', 'w:fldSimple', 'w:dir', 'w:bdo', 'mc:AlternateContent', 'mc:Choice']);
/** Subtrees that never carry body text. */
const IGNORED = new Set(['w:txbxContent', 'w:drawing', 'w:pict', 'w:object', 'mc:Fallback', 'w:del', 'w:moveFrom', 'w:sdtPr', 'w:rPr', 'w:pPr', 'w:tcPr', 'w:trPr', 'w:tblPr', 'w:sectPr']);

const MAX_GRID_COLUMNS = 1000;

function paragraphText(paragraph: XmlNode): string {
  const parts: string[] = [];
  const visit = (node: XmlNode): void => {
    const tag = tagOf(node);
    switch (tag) {
      case 'w:t':
        for (const child of childrenOf(node)) parts.push(textOf(child));
        return;
      case 'w:tab':
      case 'w:ptab':
        parts.push('\t');
        return;
      case 'w:br':
      case 'w:cr':
        parts.push('\n');
        return;
      case 'w:noBreakHyphen':
        parts.push('-');
        return;
      default:
        if (IGNORED.has(tag) || tag === 'w:tbl' || tag === '#text') return;
        for (const child of childrenOf(node)) visit(child);
    }
  };
  for (const child of childrenOf(paragraph)) visit(child);
  return parts.join('');
}

function intAttr(node: XmlNode | undefined, fallback: number): number {
  if (!node) return fallback;
  const parsed = Number.parseInt(attr(node, 'w:val') ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

/** Children through transparent wrappers (content controls, custom XML) down to the wanted tags. */
function flatten(nodes: readonly XmlNode[], wanted: ReadonlySet<string>): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (wanted.has(tag)) out.push(node);
    else if (TRANSPARENT.has(tag)) out.push(...flatten(childrenOf(node), wanted));
  }
  return out;
}

const ROW_TAGS = new Set(['w:tr']);
const CELL_TAGS = new Set(['w:tc']);
const BLOCK_TAGS = new Set(['w:p', 'w:tbl']);

function containsTable(node: XmlNode): boolean {
  for (const child of childrenOf(node)) {
    const tag = tagOf(child);
    if (tag === 'w:tbl') return true;
    if (tag !== '#text' && !IGNORED.has(tag) && containsTable(child)) return true;
  }
  return false;
}

class DocxWalker {
  readonly rows: DocRow[] = [];
  private tables = 0;

  constructor(private readonly budget: TextBudget) {}

  blocks(nodes: readonly XmlNode[]): void {
    for (const node of flatten(nodes, BLOCK_TAGS)) {
      if (tagOf(node) === 'w:p') this.paragraph(node);
      else if (containsTable(node)) this.layoutTable(node);
      else this.table(node);
    }
  }

  private paragraph(node: XmlNode): void {
    for (const line of paragraphText(node).split('\n')) {
      const text = line.trim();
      if (text.length === 0) continue;
      this.budget.spend(text.length);
      this.rows.push({ cells: [{ text }] });
    }
  }

  /** A table used to lay out the page: its cells' content is read in order as body content. */
  private layoutTable(node: XmlNode): void {
    for (const tr of flatten(childrenOf(node), ROW_TAGS)) {
      for (const tc of flatten(childrenOf(tr), CELL_TAGS)) this.blocks(childrenOf(tc));
    }
  }

  private cellText(tc: XmlNode): string {
    const lines: string[] = [];
    for (const p of flatten(childrenOf(tc), new Set(['w:p']))) {
      const text = paragraphText(p).trim();
      if (text.length > 0) lines.push(text);
    }
    return lines.join('\n');
  }

  private table(node: XmlNode): void {
    const table = ++this.tables;
    let above: DocCell[] = [];
    let rowNumber = 0;
    for (const tr of flatten(childrenOf(node), ROW_TAGS)) {
      const trPr = findChild(tr, 'w:trPr');
      const cells: DocCell[] = [];
      const gridBefore = Math.min(intAttr(trPr && findChild(trPr, 'w:gridBefore'), 0), MAX_GRID_COLUMNS);
      for (let i = 0; i < gridBefore; i++) cells.push({ text: '' });
      for (const tc of flatten(childrenOf(tr), CELL_TAGS)) {
        const tcPr = findChild(tc, 'w:tcPr');
        const span = Math.max(1, Math.min(intAttr(tcPr && findChild(tcPr, 'w:gridSpan'), 1), MAX_GRID_COLUMNS));
        const vMerge = tcPr && findChild(tcPr, 'w:vMerge');
        const hMerge = tcPr && findChild(tcPr, 'w:hMerge');
        const column = cells.length;
        if (vMerge && (attr(vMerge, 'w:val') ?? 'continue') === 'continue') {
          for (let i = 0; i < span; i++) cells.push({ text: above[column + i]?.text ?? '', covered: true });
        } else if (hMerge && (attr(hMerge, 'w:val') ?? 'continue') === 'continue' && column > 0) {
          for (let i = 0; i < span; i++) cells.push({ text: cells[column - 1].text, covered: true });
        } else {
          const text = this.cellText(tc);
          this.budget.spend(text.length);
          cells.push({ text });
          for (let i = 1; i < span; i++) cells.push({ text, covered: true });
        }
        if (cells.length > MAX_GRID_COLUMNS) break;
      }
      this.budget.spend(cells.length);
      this.rows.push({ cells, table, row: ++rowNumber });
      above = cells;
    }
  }
}

export async function readDocx(bytes: Uint8Array, limits: ReaderLimits): Promise<DocumentModel> {
  const zip = ZipContainer.open(bytes, limits);
  if (!zip.has('word/document.xml')) {
    throw new ParseError(ParseErrorCode.Corrupt, undefined, 'word/document.xml missing');
  }
  const tree = parseXmlPart(zip.read('word/document.xml'), 'word/document.xml');
  const documentNode = tree.find((n) => tagOf(n) === 'w:document');
  const body = documentNode && findChild(documentNode, 'w:body');
  if (!body) throw new ParseError(ParseErrorCode.Corrupt, undefined, 'word/document.xml has no w:body');
  const walker = new DocxWalker(new TextBudget(limits.maxTextChars));
  walker.blocks(childrenOf(body));
  return { fileKind: 'docx', rows: walker.rows };
}
