import type { DocRow, DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import type { ReaderLimits } from './limits';
import { layoutPage, type LayoutLine, type PageGeometry, type PageTextItem, type TableColumn } from './pdf/page-layout';
import { loadPdfjs, pdfjsDataPaths, type PdfDocument, type PdfjsModule, type PdfPage, type PdfTextRun } from './pdf/pdfjs';
import { TextBudget } from './text-budget';

/**
 * PDF → document model: one row per visual line, in reading order, cells split at column gaps (with their x
 * extent), page marks removed, wrapped and merged row labels attached to the row of numbers they sit beside.
 * Reads the text layer only: a scanned PDF without one is refused with pdf_no_text, not guessed at.
 */

/** Fewer visible characters than this in the whole file means there is no usable text layer. */
const MIN_TEXT_CHARS = 20;
/** Characters a text layer without a usable Unicode mapping yields: controls, private use, replacement. */
const UNREADABLE = /[\u0000-\u001f\ue000-\uf8ff\ufffd]/g;

export async function readPdf(bytes: Uint8Array, limits: ReaderLimits): Promise<DocumentModel> {
  const pdfjs = await loadPdfjs();
  const document = await openDocument(pdfjs, bytes);
  try {
    if (document.numPages > limits.maxPages) {
      throw new ParseError(
        ParseErrorCode.TooLarge,
        `PDF 共 ${document.numPages} 页，超过允许的 ${limits.maxPages} 页上限`,
        `${document.numPages} pages`,
      );
    }
    const pages = await layoutPages(pdfjs, document, new TextBudget(limits.maxTextChars));
    checkTextLayer(pages, document.numPages);
    removeRunningHeads(pages);
    return { fileKind: 'pdf', rows: toRows(pages), pageCount: document.numPages };
  } catch (error) {
    throw asParseError(error);
  } finally {
    await document.destroy();
  }
}

interface PageLines {
  pageNumber: number;
  height: number;
  lines: LayoutLine[];
}

/**
 * Every readable page laid out, in order; a table's columns are carried from one page to the next. One broken page
 * should not cost the rest of the report, so it is skipped (checkTextLayer refuses a file whose every page broke).
 */
async function layoutPages(pdfjs: PdfjsModule, document: PdfDocument, budget: TextBudget): Promise<PageLines[]> {
  const pages: PageLines[] = [];
  let carried: TableColumn[] | undefined;
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
    const geometry = await readPage(pdfjs, document, pageNumber).catch((error: unknown) => {
      if (error instanceof ParseError) throw error;
      return undefined;
    });
    if (!geometry) continue;
    const layout = layoutPage(geometry, carried);
    carried = layout.columns;
    const lines = layout.lines.filter((l) => l.cells.length > 0);
    for (const line of lines) for (const cell of line.cells) budget.spend(cell.text.length);
    pages.push({ pageNumber, height: geometry.height, lines });
  }
  return pages;
}

/** No page read is a corrupt file; too little text, or text of unmapped characters, is a PDF without a text layer. */
function checkTextLayer(pages: PageLines[], pageCount: number): void {
  if (pages.length === 0 && pageCount > 0) throw new ParseError(ParseErrorCode.Corrupt, undefined, 'no page could be read');
  const texts = pages.flatMap((p) => p.lines.flatMap((l) => l.cells.map((c) => c.text)));
  const visible = texts.reduce((n, text) => n + text.replace(/\s+/g, '').length, 0);
  const unreadable = texts.reduce((n, text) => n + (text.match(UNREADABLE)?.length ?? 0), 0);
  if (visible < MIN_TEXT_CHARS) throw new ParseError(ParseErrorCode.PdfNoText);
  if (unreadable * 2 > visible) {
    throw new ParseError(ParseErrorCode.PdfNoText, undefined, 'the text layer has no usable character mapping');
  }
}

/** Document rows, numbered through the file; a label cut by a page break is joined back first. */
function toRows(pages: PageLines[]): DocRow[] {
  const rows: DocRow[] = [];
  let previousPage: LayoutLine[] = [];
  let previousRows: DocRow[] = [];
  for (const { pageNumber, lines } of pages) {
    continueSplitLabel(previousPage, previousRows, lines);
    const pageRows: DocRow[] = [];
    for (const line of lines) {
      if (line.cells.length === 0) continue;
      pageRows.push({ cells: line.cells.map((c) => ({ ...c })), page: pageNumber, line: rows.length + pageRows.length + 1 });
    }
    rows.push(...pageRows);
    previousPage = lines.filter((l) => l.cells.length > 0);
    previousRows = pageRows;
  }
  return rows;
}

async function openDocument(pdfjs: PdfjsModule, bytes: Uint8Array): Promise<PdfDocument> {
  const task = pdfjs.getDocument({
    // pdfjs may take ownership of the buffer it is given: hand it a copy so the caller's bytes stay intact.
    data: new Uint8Array(bytes),
    ...pdfjsDataPaths(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw asParseError(error);
  }
}

async function readPage(pdfjs: PdfjsModule, document: PdfDocument, pageNumber: number): Promise<PageGeometry> {
  const page: PdfPage = await document.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PageTextItem[] = [];
    for (const run of content.items) {
      if (!('str' in run) || !run.str.trim()) continue;
      const item = toPageItem(pdfjs, viewport.transform, run);
      if (item) items.push(item);
    }
    return { width: viewport.width, height: viewport.height, items };
  } finally {
    page.cleanup();
  }
}

/**
 * A text run in page coordinates. Runs turned a quarter (a label printed sideways in a narrow cell) are read as
 * vertical text; runs at any other angle (a diagonal watermark) are decoration and dropped.
 */
function toPageItem(pdfjs: PdfjsModule, viewportTransform: number[], run: PdfTextRun): PageTextItem | undefined {
  const [a, b, c, d, x, baseline] = pdfjs.Util.transform(viewportTransform, run.transform);
  const size = Math.hypot(c, d) || run.height || 1;
  // Some fonts report no advance width: estimate one so the run still has an extent.
  const width = run.width > 0 ? run.width : run.str.length * size * 0.75;
  const along = Math.hypot(a, b) || 1;
  const sideways = Math.abs(b) / along;
  if (run.dir === 'ttb') return { text: run.str, x, baseline, size, width, vertical: true, height: run.height };
  if (sideways < 0.2) return { text: run.str, x, baseline, size, width };
  if (sideways < 0.95) return undefined;
  // Turned a quarter: the run covers `width` down the page from where it starts (or up to it, when it reads upwards).
  const top = b > 0 ? baseline : baseline - width;
  return { text: run.str, x: x - size / 2, baseline: top + size, size, width: size, vertical: true, height: width };
}

/** Share of the page height, at the top and at the bottom, where running heads and feet are printed. */
const HEAD_ZONE = 0.08;

/**
 * Running heads and feet: a one-cell line at the very top or bottom of the page whose text (numbers aside) comes
 * back on at least half of the pages, e.g. the report's name over every page or `第 2 页 共 6 页` variants.
 */
function removeRunningHeads(pages: PageLines[]): void {
  if (pages.length < 2) return;
  const keyOf = (line: LayoutLine) =>
    line.cells.length === 1 && !line.hasValues ? line.cells[0].text.replace(/\s+/g, '').replace(/\d+/g, '#') : undefined;
  const edges = (page: PageLines) => {
    const first = page.lines[0];
    const last = page.lines[page.lines.length - 1];
    return [
      first && first.top < page.height * HEAD_ZONE ? first : undefined,
      last && last !== first && last.top > page.height * (1 - HEAD_ZONE) ? last : undefined,
    ].filter((l): l is LayoutLine => l !== undefined);
  };
  const pagesWithKey = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(edges(page).map(keyOf).filter((k): k is string => k !== undefined && k.length > 0));
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const page of pages) {
    const running = new Set(edges(page).filter((l) => (pagesWithKey.get(keyOf(l) ?? '') ?? 0) >= needed));
    if (running.size > 0) page.lines = page.lines.filter((l) => !running.has(l));
  }
}

const ENUMERATED = /^(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[、.．](?!\d))/;

/**
 * A merged label cut by the page break (`（四）无` at the foot of one page, `法提供` at the head of the next): when
 * the next page's first table row starts with a label fragment in the same column as a label of the previous
 * page's last rows, and a further label follows it in the row, the fragment is joined back to where it began.
 */
function continueSplitLabel(previousPage: LayoutLine[], previousRows: DocRow[], lines: LayoutLine[]): void {
  const lastLine = previousPage[previousPage.length - 1];
  if (!lastLine?.hasValues) return;
  const first = lines.find((l) => l.cells.length > 0);
  if (!first?.hasValues || first.cells.length < 3) return;
  const [fragment, next] = first.cells;
  if (ENUMERATED.test(fragment.text.trim()) || !/[^\d\s.,/\-—]/.test(next.text)) return;
  for (let i = previousRows.length - 1; i >= Math.max(0, previousRows.length - 4); i--) {
    const host = previousRows[i].cells.find((c) => c.x !== undefined && Math.abs(c.x - fragment.x) <= 3);
    if (!host) continue;
    if (!ENUMERATED.test(host.text.trim())) return;
    host.text += fragment.text;
    first.cells.shift();
    return;
  }
}

function asParseError(error: unknown): ParseError {
  if (error instanceof ParseError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = String((error as { message?: string } | null)?.message ?? error);
  if (name === 'PasswordException') return new ParseError(ParseErrorCode.Encrypted, undefined, message);
  return new ParseError(ParseErrorCode.Corrupt, undefined, `${name ?? 'Error'}: ${message}`);
}
