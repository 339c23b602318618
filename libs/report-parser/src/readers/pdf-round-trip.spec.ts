import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS, proactiveBands, requestRows, type FormatVersion } from '@nianbao/report-format';
import { parseDocument } from '../parse-report';
import { DEFAULT_READER_LIMITS } from './limits';
import { readPdf } from './pdf-reader';
import { handMadePdf } from '../../test/support/hand-made-pdf';

/**
 * Round trip through PDFs laid out like WPS and Word exports: the hand-checked values of a real report are printed
 * into tables (blank cells left empty, long labels wrapped over lines beside their numbers, column headers wrapped,
 * tables running over page breaks, page numbers in the footer), then read back by readPdf and the table mapper.
 */

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'real');

type Values = Record<string, number | null>;

interface Run {
  x: number;
  y: number;
  size: number;
  text: string;
}

/** Pages of Chinese text in STSong-Light (not embedded: read through the CJK character maps). */
function chinesePdf(pages: Run[][]): Uint8Array {
  const hex = (text: string) => [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, once the page objects are numbered
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  const pageIds: number[] = [];
  for (const runs of pages) {
    const draw = runs.map((r) => `BT /F1 ${r.size} Tf ${r.x} ${842 - r.y} Td <${hex(r.text)}> Tj ET`).join('\n');
    pageIds.push(objects.length + 1);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    objects.push(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  return handMadePdf(objects);
}

/** Lays out runs top to bottom (y grows downwards), starting a new page with a `- n -` footer when one is full. */
class Printer {
  readonly pages: Run[][] = [[]];
  private y = 60;

  /** Makes room for a block of the given height, breaking the page first if it would not fit. */
  reserve(height: number): number {
    if (this.y + height > 780) {
      this.footer();
      this.pages.push([]);
      this.y = 60;
    }
    const top = this.y;
    this.y += height;
    return top;
  }

  put(x: number, y: number, size: number, text: string): void {
    this.pages[this.pages.length - 1].push({ x, y, size, text });
  }

  line(text: string, size = 12, x = 72): void {
    this.put(x, this.reserve(size * 2) + size, size, text);
  }

  footer(): void {
    this.put(280, 815, 10, `- ${this.pages.length} -`);
  }

  finish(): Uint8Array {
    this.footer();
    return chinesePdf(this.pages);
  }
}

const LABEL_SIZE = 8;

function chunks(text: string, length: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += length) out.push(text.slice(i, i + length));
  return out;
}

/** Width of a cell: it ends a few points before the next column starts. */
function cellWidth(columns: number[]): number {
  return (columns.length > 1 ? columns[1] - columns[0] : 100) - 4;
}

/** x of a header text centred in its cell (Chinese characters one em wide). */
function centred(columns: number[], i: number, text: string, size: number): number {
  return columns[i] + (cellWidth(columns) - text.length * size) / 2;
}

function printed(value: number | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/**
 * One table row: label parts (each wrapped to `wrap` characters, centred on the row) at their x, values at the
 * column x positions; a blank value prints nothing.
 */
interface Style {
  /** Where a cell's text sits when its label wraps: centred on the row (WPS) or on its first line (Word). */
  align: 'centre' | 'top';
  /** Numbers start at the cell's left edge, or end at its right edge (headers are centred in their cells). */
  numbers: 'left' | 'right';
}

function tableRow(
  printer: Printer,
  style: Style,
  labels: { x: number; text: string; wrap: number }[],
  columns: number[],
  values: (string | undefined)[],
): void {
  const lines = labels.map((l) => chunks(l.text, l.wrap));
  const count = Math.max(1, ...lines.map((l) => l.length));
  const height = count * 11 + 10;
  const top = printer.reserve(height);
  const base = style.align === 'centre' ? top + height / 2 + 3 : top + 14;
  labels.forEach((label, i) => {
    const first = style.align === 'centre' ? base - ((lines[i].length - 1) / 2) * 11 : base;
    lines[i].forEach((text, j) => printer.put(label.x, first + j * 11, LABEL_SIZE, text));
  });
  values.forEach((value, i) => {
    if (value === undefined) return;
    const x = style.numbers === 'left' ? columns[i] + 2 : columns[i] + cellWidth(columns) - 2 - value.length * 4.5;
    printer.put(x, base, 9, value);
  });
}

function printReport(format: FormatVersion, values: Values, style: Style): Uint8Array {
  const printer = new Printer();
  printer.line('某某区人民政府2019年政府信息公开工作年度报告', 16, 120);
  printer.line('一、总体情况');
  printer.line('本年度认真贯彻落实《中华人民共和国政府信息公开条例》。');

  printer.line('二、主动公开政府信息情况');
  for (const band of proactiveBands(format)) {
    const columns = band.columns.map((_, i) => 260 + i * 100);
    printer.line(band.item, 10, 240);
    const header = printer.reserve(22) + 14;
    printer.put(80, header, 9, '信息内容');
    band.columns.forEach((c, i) => printer.put(centred(columns, i, c.label, 9), header, 9, c.label));
    for (const row of band.rows) {
      const cells = band.columns.map((c) => printed(values[`proactive.${row.key}.${c.key}`]));
      if (cells.every((c) => c === undefined) && !band.columns.some((c) => `proactive.${row.key}.${c.key}` in values)) continue;
      tableRow(printer, style, [{ x: 80, text: row.label, wrap: 20 }], columns, cells);
    }
  }

  printer.line('三、收到和处理政府信息公开申请情况');
  const requestColumns = REQUEST_COLUMNS.map((_, i) => 270 + i * 42);
  const header = printer.reserve(50);
  printer.put(400, header + 10, 8, '申请人情况');
  printer.put(320, header + 22, 8, '法人或其他组织');
  REQUEST_COLUMNS.forEach((c, i) => {
    chunks(c.label, 3).forEach((text, j) => printer.put(centred(requestColumns, i, text, 8), header + 34 + j * 10, 8, text));
  });
  for (const row of requestRows(format)) {
    const [first, second] = row.label.split(' ');
    const labels = second
      ? [
          { x: 80, text: first, wrap: 7 },
          { x: 150, text: second, wrap: 14 },
        ]
      : [{ x: first.startsWith('（') ? 80 : 70, text: first, wrap: 22 }];
    tableRow(printer, style, labels, requestColumns, REQUEST_COLUMNS.map((c) => printed(values[`requests.${row.key}.${c.key}`])));
  }

  printer.line('四、政府信息公开行政复议、行政诉讼情况');
  const appealColumns = APPEAL_GROUPS.flatMap((_, g) => APPEAL_COLUMNS.map((__, c) => 80 + (g * 5 + c) * 31));
  const top = printer.reserve(60);
  printer.put(120, top + 10, 9, '行政复议');
  printer.put(330, top + 10, 9, '行政诉讼');
  printer.put(240, top + 24, 8, '未经复议直接起诉');
  printer.put(400, top + 24, 8, '复议后起诉');
  APPEAL_GROUPS.forEach((_, g) =>
    APPEAL_COLUMNS.forEach((column, c) =>
      chunks(column.label, 2).forEach((text, j) =>
        printer.put(centred(appealColumns, g * 5 + c, text, 8), top + 38 + j * 10, 8, text),
      ),
    ),
  );
  const appealValues = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => printed(values[`appeals.${g.key}.${c.key}`])));
  tableRow(printer, style, [], appealColumns, appealValues);

  printer.line('五、存在的主要问题及改进情况');
  printer.line('公开工作仍有不足，将进一步加强。');
  printer.line('六、其他需要报告的事项');
  printer.line('无。');
  return printer.finish();
}

function expected(slug: string): { format: FormatVersion; values: Values } {
  const truth = JSON.parse(readFileSync(path.join(FIXTURES, slug, 'expected.json'), 'utf8')) as {
    table_formats?: { proactive?: FormatVersion };
    format: string;
    values: Values;
  };
  const format = truth.table_formats?.proactive ?? (truth.format as FormatVersion);
  return { format, values: truth.values };
}

const STYLES: [string, Style][] = [
  ['WPS-like (labels centred, numbers left)', { align: 'centre', numbers: 'left' }],
  ['Word-like (labels from the top, numbers right-aligned)', { align: 'top', numbers: 'right' }],
];

describe.each(STYLES)('a %s PDF', (_name, style) => {
  it.each(['shanghai-bgt-2019', 'shahe-chaiguan-2023', 'huaian-2024'])('of %s reads back every value as printed, blanks as blanks', async (slug) => {
    const { format, values } = expected(slug);
    const doc = await readPdf(printReport(format, values, style), DEFAULT_READER_LIMITS);
    expect(doc.pageCount).toBeGreaterThan(1);
    const report = parseDocument(doc);
    const misses = Object.entries(values)
      .filter(([key, value]) => report.values[key] !== value)
      .map(([key, value]) => `${key}: want ${String(value)} got ${String(report.values[key])}`);
    expect(misses).toEqual([]);
  });
});
