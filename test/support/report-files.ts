import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormatVersion } from '@nianbao/report-format';
import { type CanonicalReport, type LayoutCell, reportBlocks, reportTables, type TableLayout } from './report-layout';

/**
 * Real report files built from a canonical report, for tests and benchmarks: a .docx with real merged cells
 * (gridSpan / vMerge through the docx package), an .html with rowspan/colspan, an .xlsx with merged ranges.
 */

export type { CanonicalReport } from './report-layout';

function docxCell(cell: LayoutCell): TableCell {
  const lines = cell.text.split('\n');
  return new TableCell({
    children: [
      new Paragraph({
        children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
      }),
    ],
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
  });
}

function docxTable(layout: TableLayout): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: layout.map((row) => new TableRow({ children: row.map(docxCell) })),
  });
}

export async function buildReportDocx(report: CanonicalReport): Promise<Buffer> {
  const children = reportBlocks(report).map((block) =>
    block.kind === 'paragraph' ? new Paragraph({ children: [new TextRun(block.text)] }) : docxTable(block.table.layout),
  );
  const document = new Document({ sections: [{ children }] });
  return Packer.toBuffer(document);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlTable(layout: TableLayout): string {
  const rows = layout.map((row) => {
    const cells = row.map((cell) => {
      const spans = `${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${
        cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''
      }`;
      const text = cell.text === '' ? '&nbsp;' : escapeHtml(cell.text).replace(/\n/g, '<br>');
      return `<td${spans}>${text}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1"><tbody>${rows.join('\n')}</tbody></table>`;
}

export function buildReportHtml(report: CanonicalReport): Buffer {
  const body = reportBlocks(report)
    .map((block) => (block.kind === 'paragraph' ? `<p>${escapeHtml(block.text)}</p>` : htmlTable(block.table.layout)))
    .join('\n');
  const html = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<script>var tracker = "not report text";</script><style>td { border: 1px solid }</style></head>
<body><nav><a href="/">首页</a> &gt; <a href="/gk">政府信息公开</a></nav>
${body}
<footer>主办单位：示例政府办公室</footer></body></html>`;
  return Buffer.from(html, 'utf-8');
}

/** Lays a span layout on a sheet from `top`, merging ranges; returns the next free row. */
function placeLayout(sheet: ExcelJS.Worksheet, layout: TableLayout, top: number): number {
  const taken = new Set<string>();
  layout.forEach((row, r) => {
    let column = 1;
    for (const cell of row) {
      while (taken.has(`${top + r}:${column}`)) column++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${top + r + dr}:${column + dc}`);
      const target = sheet.getCell(top + r, column);
      if (cell.text !== '') target.value = /^-?\d+(\.\d+)?$/.test(cell.text) ? Number(cell.text) : cell.text;
      if (colSpan > 1 || rowSpan > 1) sheet.mergeCells(top + r, column, top + r + rowSpan - 1, column + colSpan - 1);
      column += colSpan;
    }
  });
  return top + layout.length;
}

/** One sheet per table (二, 三, 四), each headed by its section heading; the title heads the first sheet. */
export async function buildReportXlsx(report: CanonicalReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  reportTables(report).forEach((table, index) => {
    const sheet = workbook.addWorksheet(table.heading.replace(/^.、/, ''));
    let row = 1;
    if (index === 0) sheet.getCell(row++, 1).value = report.title;
    sheet.getCell(row++, 1).value = table.heading;
    placeLayout(sheet, table.layout, row);
  });
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

interface FixtureExpectation {
  agency?: string;
  year?: number;
  values: Record<string, number | null>;
  format?: string;
  table_formats?: { proactive?: FormatVersion; requests?: FormatVersion };
}

function sourceLines(folder: string): string[] {
  const source = readdirSync(folder).find((name) => /\.(txt|md)$/.test(name));
  if (!source) return [];
  return readFileSync(join(folder, source), 'utf-8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0 && !/^[\t|]/.test(line) && !line.trim().startsWith('|'))
    .map((line) => line.replace(/\[bookmark: [^\]]*\]/g, '').trim());
}

const TABLE_SECTION_HEADING = /^[二三四][、.．]/;
const AFTER_TABLES_HEADING = /^五[、.．]/;

/** The source's own flattened table text (between headings 二 and 五) is left out: the built tables replace it. */
function withoutTableText(lines: readonly string[]): string[] {
  let inTables = false;
  return lines.filter((line) => {
    if (TABLE_SECTION_HEADING.test(line)) {
      inTables = true;
      return true;
    }
    if (AFTER_TABLES_HEADING.test(line)) inTables = false;
    return !inTables;
  });
}

/**
 * A canonical report from a folder of /work/shared/fixtures/real: values and formats from expected.json, title and
 * paragraphs from the text source when there is one (lines that are not table lines: no leading tab, no `|`, nothing
 * between the headings 二 and 五 but the headings), else
 * a title made of the body and year and no paragraphs.
 */
export function reportFromFixture(folder: string): CanonicalReport {
  const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf-8')) as FixtureExpectation;
  const lines = withoutTableText(sourceLines(folder));
  const titleIndex = lines.findIndex((line) => line.includes('年度报告'));
  const title = titleIndex >= 0 ? lines[titleIndex] : `${expected.agency ?? ''}${expected.year ?? ''}年政府信息公开工作年度报告`;
  const fallback: FormatVersion = expected.format === '2019' ? '2019' : '2021';
  return {
    title,
    paragraphs: lines.filter((_, i) => i !== titleIndex),
    values: expected.values,
    formats: {
      proactive: expected.table_formats?.proactive ?? fallback,
      requests: expected.table_formats?.requests ?? fallback,
    },
  };
}
