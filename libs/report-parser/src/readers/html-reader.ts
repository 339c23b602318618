import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { DocCell, DocRow, DocumentModel } from '../document';
import { TextBudget } from './text-budget';

/**
 * HTML → document model. Data tables become grid rows (rowspan/colspan expanded, covered slots marked), everything
 * else becomes paragraphs in reading order. A table that contains tables is page layout, not data: its cells are read
 * as ordinary content. Scripts, styles, navigation and other page chrome are skipped. Parsed by htmlparser2 (through
 * cheerio), which closes implied cells, rows and paragraphs like a browser and is about twice as fast as parse5 here.
 */

const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'iframe', 'svg', 'canvas', 'select',
  'option', 'button', 'input', 'textarea', 'object', 'embed', 'map', 'audio', 'video', 'img',
]);

const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);

/** The HTML standard's own caps on spans. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

const HTML_SPACE = /[ \t\r\n\f]+/g;

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function isHidden(element: Element): boolean {
  if (element.attribs.hidden !== undefined) return true;
  const style = element.attribs.style;
  return style !== undefined && /display\s*:\s*none/i.test(style);
}

function childElements(element: Element, names: ReadonlySet<string>): Element[] {
  return element.children.filter((c): c is Element => isElement(c) && names.has(c.name));
}

const SECTION_TAGS = new Set(['thead', 'tbody', 'tfoot']);
const ROW_TAG = new Set(['tr']);
const CELL_TAGS = new Set(['td', 'th']);
const CAPTION_TAG = new Set(['caption']);

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (SECTION_TAGS.has(child.name)) rows.push(...childElements(child, ROW_TAG));
  }
  return rows;
}

function containsTable(element: Element): boolean {
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (child.name === 'table' || containsTable(child)) return true;
  }
  return false;
}

function span(value: string | undefined, cap: number): number {
  const parsed = value === undefined ? NaN : Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < 0) return 1;
  return Math.min(parsed, cap);
}

/** Visible lines of the cell: <br> and block boundaries break lines, HTML whitespace collapses, NBSP counts as blank. */
function cellText(element: Element): string {
  const parts: string[] = [];
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      parts.push(node.data.replace(HTML_SPACE, ' '));
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.name) || isHidden(node)) return;
    if (node.name === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(node.name);
    if (block) parts.push('\n');
    for (const child of node.children) visit(child);
    if (block) parts.push('\n');
  };
  for (const child of element.children) visit(child);
  return joinLines(parts.join(''));
}

function joinLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').replace(/ {2,}/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

interface PendingSpan {
  text: string;
  rowsLeft: number;
}

class HtmlWalker {
  readonly rows: DocRow[] = [];
  private inline: string[] = [];
  private tables = 0;

  constructor(private readonly budget: TextBudget) {}

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      this.inline.push(node.data.replace(HTML_SPACE, ' '));
      return;
    }
    if (!isElement(node)) {
      if ('children' in node) for (const child of node.children) this.walk(child);
      return;
    }
    if (SKIPPED.has(node.name) || isHidden(node)) return;
    if (node.name === 'br') {
      this.flush();
      return;
    }
    if (node.name === 'table' && !containsTable(node)) {
      this.flush();
      this.table(node);
      return;
    }
    const block = BLOCKS.has(node.name);
    if (block) this.flush();
    for (const child of node.children) this.walk(child);
    if (block) this.flush();
  }

  flush(): void {
    if (this.inline.length === 0) return;
    const text = joinLines(this.inline.join(''));
    this.inline = [];
    for (const line of text.split('\n')) {
      if (line.length === 0) continue;
      this.budget.spend(line.length);
      this.rows.push({ cells: [{ text: line }] });
    }
  }

  private table(element: Element): void {
    for (const caption of childElements(element, CAPTION_TAG)) {
      this.inline.push(cellText(caption));
      this.flush();
    }
    const trs = tableRows(element);
    if (trs.length === 0) return;
    const table = ++this.tables;
    const pending: (PendingSpan | undefined)[] = [];
    trs.forEach((tr, rowIndex) => {
      const cells: DocCell[] = [];
      let column = 0;
      const takePending = (): boolean => {
        const active = pending[column];
        if (!active || active.rowsLeft <= 0) return false;
        cells.push({ text: active.text, covered: true });
        active.rowsLeft--;
        column++;
        return true;
      };
      for (const td of childElements(tr, CELL_TAGS)) {
        while (takePending());
        const text = cellText(td);
        const colSpan = Math.max(1, span(td.attribs.colspan, MAX_COLSPAN));
        const rowsRemaining = trs.length - rowIndex;
        const rawRowSpan = span(td.attribs.rowspan, MAX_ROWSPAN);
        const rowSpan = Math.min(rawRowSpan === 0 ? rowsRemaining : rawRowSpan, rowsRemaining);
        this.budget.spend(text.length + colSpan);
        for (let i = 0; i < colSpan; i++) {
          cells.push(i === 0 ? { text } : { text, covered: true });
          pending[column] = rowSpan > 1 ? { text, rowsLeft: rowSpan - 1 } : undefined;
          column++;
        }
      }
      let lastActive = pending.length - 1;
      while (lastActive >= column && (pending[lastActive]?.rowsLeft ?? 0) <= 0) {
        lastActive--;
      }
      while (column <= lastActive) {
        if (!takePending()) {
          cells.push({ text: '' });
          column++;
        }
      }
      this.budget.spend(cells.length);
      this.rows.push({ cells, table, row: rowIndex + 1 });
    });
  }
}

export function readHtml(html: string, maxTextChars: number): DocumentModel {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const walker = new HtmlWalker(new TextBudget(maxTextChars));
  for (const node of $.root().toArray()) walker.walk(node);
  walker.flush();
  return { fileKind: 'html', rows: walker.rows };
}
