import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocRow, DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import { DEFAULT_READER_LIMITS } from './limits';
import { readPdf } from './pdf-reader';
import { handMadePdf } from '../../test/support/hand-made-pdf';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'real');

function fixture(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, relative)));
}

const compact = (text: string) => text.replace(/\s+/g, '');
const isValue = (text: string) => /^[\d.,/\-—]+(?:元)?$/.test(compact(text));

function labelOf(row: DocRow): string {
  return row.cells.filter((c) => !isValue(c.text)).map((c) => compact(c.text)).join('');
}

function valuesOf(row: DocRow): string[] {
  return row.cells.filter((c) => isValue(c.text)).map((c) => compact(c.text));
}

/** The one row whose label ends with `label`: its numbers. */
function rowValues(doc: DocumentModel, label: string): string[] {
  const rows = doc.rows.filter((r) => labelOf(r).endsWith(compact(label)) && valuesOf(r).length > 0);
  expect(rows.map(labelOf)).toHaveLength(1);
  return valuesOf(rows[0]);
}

/** One page showing a 2×2 grey image and nothing else: what a scanner produces. */
function scannedPdf(): Uint8Array {
  const draw = 'q 500 0 0 700 50 50 cm /Im1 Do Q';
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x40\x40\x80\nendstream',
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
  ]);
}

/** One page of Helvetica text; `encoding` may remap the character codes to other glyph names. */
function textPdf(lines: string[], encoding = '/WinAnsiEncoding'): Uint8Array {
  const draw = lines.map((line, i) => `BT /F1 12 Tf 72 ${760 - 20 * i} Td (${line}) Tj ET`).join('\n');
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding ${encoding} >>`,
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
  ]);
}

/** Pages of Helvetica text, each a list of [x, y, text] runs or of raw content operators. */
function pagesPdf(pages: ([number, number, string] | string)[][]): Uint8Array {
  const pageIds = pages.map((_, i) => 4 + 2 * i);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((runs, i) => {
    const draw = runs.map((r) => (typeof r === 'string' ? r : `BT /F1 12 Tf ${r[0]} ${r[1]} Td (${r[2]}) Tj ET`)).join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`);
    objects.push(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
  });
  return handMadePdf(objects);
}

/**
 * One page in a Chinese font the PDF does not embed (STSong-Light, UCS-2 codes): pdfjs can only map its codes to
 * text with the package's CJK character maps. Runs are [x, y, size, text].
 */
function chinesePdf(runs: [number, number, number, string][]): Uint8Array {
  const hex = (text: string) => [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const draw = runs.map(([x, y, size, text]) => `BT /F1 ${size} Tf ${x} ${y} Td <${hex(text)}> Tj ET`).join('\n');
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** A PDF whose standard security handler demands a user password. */
function passwordProtectedPdf(): Uint8Array {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) % 256).toString(16).padStart(2, '0')).join('');
  return handMadePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(3)}> /U <${hex(7)}> /P -44 >>`,
    ],
    '/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]',
  );
}

async function expectParseError(promise: Promise<unknown>, code: ParseErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).code).toBe(code);
  expect((error as ParseError).message).toMatch(/[\u4e00-\u9fff]/);
}

const PAGE_MARK = /^[-－—–]?\s*\d{1,3}\s*[-－—–]$|^第\s*\d+\s*页$|\d\s*[-－—–]\s*\d{1,3}\s*[-－—–]$/;

describe('readPdf on 淮安市人民政府 2024 (WPS, 6 pages)', () => {
  let doc: DocumentModel;
  beforeAll(async () => {
    doc = await readPdf(fixture('huaian-2024/szfgs2024.pdf'), DEFAULT_READER_LIMITS);
  });

  it('keeps each table row label with its numbers, without the page footer', () => {
    expect(rowValues(doc, '1.本机关不掌握相关政府信息')).toEqual(['746', '12', '0', '0', '10', '1', '769']);
    expect(rowValues(doc, '四、结转下年度继续办理')).toEqual(['103', '0', '0', '0', '0', '0', '103']);
    expect(doc.rows.flatMap((r) => r.cells).filter((c) => PAGE_MARK.test(compact(c.text)))).toEqual([]);
  });

  it('sets the page, line and x extent of every row and cell', () => {
    expect(doc.fileKind).toBe('pdf');
    expect(doc.pageCount).toBe(6);
    doc.rows.forEach((row, i) => {
      expect(row.page).toBeGreaterThanOrEqual(1);
      expect(row.page).toBeLessThanOrEqual(6);
      expect(row.line).toBe(i + 1);
      for (const cell of row.cells) expect(cell.xEnd).toBeGreaterThanOrEqual(cell.x ?? Infinity);
    });
    const pages = doc.rows.map((r) => r.page ?? 0);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('joins labels wrapped over several lines to the row of numbers beside them', () => {
    expect(rowValues(doc, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual(['447', '7', '0', '0', '0', '0', '454']);
    expect(rowValues(doc, '5.要求行政机关确认或重新出具已获取信息')).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(rowValues(doc, '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).toEqual(['67', '3', '0', '0', '1', '0', '71']);
    expect(rowValues(doc, '（六）其他处理2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')).toEqual(['6', '0', '0', '0', '0', '0', '6']);
    expect(rowValues(doc, '（三）不予公开4.保护第三方合法权益')).toEqual(['6', '0', '0', '0', '0', '0', '6']);
  });

  it('rejoins a merged label cut by the page break and reads a vertical label as one cell', () => {
    expect(rowValues(doc, '（四）无法提供1.本机关不掌握相关政府信息')).toHaveLength(7);
    expect(rowValues(doc, '2.没有现成信息需要另行制作')).toEqual(['11', '0', '0', '0', '0', '0', '11']);
    expect(doc.rows.some((r) => r.cells.some((c) => compact(c.text) === '法提供'))).toBe(false);
    expect(rowValues(doc, '三、本年度办理结果（一）予以公开')).toEqual(['1288', '21', '0', '0', '50', '3', '1362']);
  });

  it('keeps the tables that cross pages in reading order', () => {
    const labels = doc.rows.map(labelOf);
    const order = ['行政处罚', '行政事业性收费', '8.属于行政查询事项', '2.没有现成信息需要另行制作', '（七）总计'];
    const at = order.map((label) => labels.findIndex((l) => l.endsWith(label)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(rowValues(doc, '行政处罚')).toEqual(['3985758']);
    expect(valuesOf(doc.rows.find((r) => valuesOf(r).length === 15) as DocRow)).toEqual(
      ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20'],
    );
  });
});

describe('readPdf on 洪泽区 2023 and 2024 (WPS, footers in the text layer)', () => {
  it('reads table 三 of 2023 with wrapped and split labels', async () => {
    const doc = await readPdf(fixture('hongze-2023/hzq2023_working.pdf'), DEFAULT_READER_LIMITS);
    expect(rowValues(doc, '2.没有现成信息需要另行制作')).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    expect(rowValues(doc, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual(['4', '0', '0', '0', '0', '0', '4']);
    expect(rowValues(doc, '5.要求行政机关确认或重新出具已获取信息')).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(rowValues(doc, '4.无正当理由大量反复申请')).toHaveLength(7);
    expect(rowValues(doc, '行政事业性收费')).toEqual(['7730.28']);
    expect(doc.rows.flatMap((r) => r.cells).filter((c) => PAGE_MARK.test(compact(c.text)))).toEqual([]);
    expect(valuesOf(doc.rows.find((r) => valuesOf(r).length === 15) as DocRow)).toEqual(
      ['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0'],
    );
  });

  it('reads 2024, where （四）无法提供 opens the last row of a page', async () => {
    const doc = await readPdf(fixture('hongze-2024/hzq2024_working.pdf'), DEFAULT_READER_LIMITS);
    expect(rowValues(doc, '（四）无法提供1.本机关不掌握相关政府信息')).toEqual(['31', '0', '0', '0', '0', '0', '31']);
    expect(rowValues(doc, '一、本年新收政府信息公开申请数量')).toEqual(['95', '0', '0', '0', '0', '0', '95']);
    expect(rowValues(doc, '行政事业性收费')).toEqual(['7545']);
    expect(doc.pageCount).toBe(5);
  });
});

describe('readPdf on a LibreOffice PDF (上海市人民政府办公厅 2019)', () => {
  it('reads its text and tables', async () => {
    const doc = await readPdf(fixture('shanghai-bgt-2019/上海市人民政府办公厅2019年政府信息公开工作年度报告.pdf'), DEFAULT_READER_LIMITS);
    expect(doc.pageCount).toBe(7);
    expect(rowValues(doc, '规章')).toEqual(['13', '13', '524']);
    expect(rowValues(doc, '政府集中采购')).toEqual(['6', '251000元']);
    const header = doc.rows.find((r) => r.cells.some((c) => compact(c.text) === '本年新制作数量'));
    expect(header?.cells.map((c) => compact(c.text))).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    const appeals = doc.rows.find((r) => r.cells.length === 15 && valuesOf(r).length > 0);
    expect(appeals?.cells.map((c) => c.text)).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
    expect(doc.rows.find((r) => labelOf(r).startsWith('发布日期'))?.page).toBe(2);
    expect(doc.rows.some((r) => labelOf(r).startsWith('三、收到和处理政府信息公开申请情况'))).toBe(true);
  });
});

describe('readPdf on a minimal hand-made PDF', () => {
  it('reads its lines and splits cells at wide gaps', async () => {
    const doc = await readPdf(textPdf(['Annual report 2023', '', 'Requests                                    12']), DEFAULT_READER_LIMITS);
    expect(doc.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['Annual report 2023'], ['Requests', '12']]);
    expect(doc.rows.every((r) => r.page === 1)).toBe(true);
  });
});

describe('readPdf on a Chinese table in a font the file does not embed', () => {
  const columns = [300, 340, 380, 420, 460, 500, 540];
  const header = ['自然人', '商业', '科研', '公益', '法律', '其他', '总计'];
  const cells = (y: number, values: (string | null)[]): [number, number, number, string][] =>
    values.flatMap((v, i) => (v === null ? [] : [[columns[i], y, 9, v] as [number, number, number, string]]));
  const bytes = chinesePdf([
    [80, 800, 16, '三、收到和处理政府信息公开申请情况'],
    ...header.map((h, i): [number, number, number, string] => [columns[i], 760, 9, h]),
    [80, 740, 9, '一、本年新收政府信息公开申请数量'],
    ...cells(740, ['821', '35', null, null, '2', '1', '859']),
    [100, 716, 9, '（二）部分公开（区分处理的，只计这一情'],
    ...cells(710, ['3', null, null, null, null, null, null]),
    [100, 704, 9, '形，不计其他情形）'],
    [80, 686, 9, '四、结转下年度继续办理'],
    ...cells(686, ['72', '0', '0', '0', '0', '0', '72']),
    [290, 40, 10, '- 5 -'],
  ]);

  it('reads the text through the CJK character maps, with blank slots and a wrapped label', async () => {
    const doc = await readPdf(bytes, DEFAULT_READER_LIMITS);
    expect(doc.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['三、收到和处理政府信息公开申请情况'],
      header,
      ['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3', '', '', '', '', '', ''],
      ['四、结转下年度继续办理', '72', '0', '0', '0', '0', '0', '72'],
    ]);
  });
});

describe('readPdf on turned text', () => {
  it('reads a label turned a quarter as one vertical cell and drops a diagonal watermark', async () => {
    const bytes = pagesPdf([
      [
        [72, 760, 'Report body text'],
        'BT /F1 12 Tf 0 -1 1 0 40 720 Tm (SIDEWAYS) Tj ET',
        'BT /F1 40 Tf 0.7 0.7 -0.7 0.7 150 650 Tm (DRAFT) Tj ET',
        [72, 700, 'Requests'],
        [300, 700, '12'],
      ],
    ]);
    const doc = await readPdf(bytes, DEFAULT_READER_LIMITS);
    const texts = doc.rows.flatMap((r) => r.cells.map((c) => c.text));
    const sideways = doc.rows.flatMap((r) => r.cells).find((c) => c.text === 'SIDEWAYS');
    expect((sideways?.xEnd ?? Infinity) - (sideways?.x ?? 0)).toBeLessThanOrEqual(12);
    expect(texts).not.toContain('DRAFT');
    expect(rowValues(doc, 'Requests')).toEqual(['12']);
  });
});

describe('readPdf removes running heads and feet', () => {
  it('drops a line repeated at the top of the pages and the page numbers at the foot', async () => {
    const page = (n: number, body: string): [number, number, string][] => [
      [72, 820, 'Annual Report of the Office'],
      [72, 700, body],
      [280, 20, `Page ${n} of 3`],
    ];
    const doc = await readPdf(pagesPdf([page(1, 'First page text'), page(2, 'Second page text'), page(3, 'Third page text')]), DEFAULT_READER_LIMITS);
    expect(doc.rows.map((r) => r.cells.map((c) => c.text).join('|'))).toEqual(['First page text', 'Second page text', 'Third page text']);
    expect(doc.rows.map((r) => r.page)).toEqual([1, 2, 3]);
  });

  it('keeps a title that only the first page prints', async () => {
    const doc = await readPdf(pagesPdf([[[72, 820, 'Annual Report 2023'], [72, 700, 'Body one of the report']], [[72, 700, 'Body two of the report']]]), DEFAULT_READER_LIMITS);
    expect(doc.rows.map((r) => r.cells[0].text)).toEqual(['Annual Report 2023', 'Body one of the report', 'Body two of the report']);
  });
});

describe('readPdf refuses what it cannot read', () => {
  it('a scan without a text layer', async () => {
    await expectParseError(readPdf(scannedPdf(), DEFAULT_READER_LIMITS), ParseErrorCode.PdfNoText);
  });

  it('a text layer whose characters map to nothing readable', async () => {
    const privateUse = '<< /Type /Encoding /Differences [65 /uniE001 /uniE002 /uniE003] >>';
    const bytes = textPdf(['ABCABCABCABCABCABC', 'ABCABCABCABCABCABC'], privateUse);
    await expectParseError(readPdf(bytes, DEFAULT_READER_LIMITS), ParseErrorCode.PdfNoText);
  });

  it('a file that demands a password', async () => {
    await expectParseError(readPdf(passwordProtectedPdf(), DEFAULT_READER_LIMITS), ParseErrorCode.Encrypted);
  });

  it('garbage and a truncated file', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    await expectParseError(readPdf(garbage, DEFAULT_READER_LIMITS), ParseErrorCode.Corrupt);
    const bytes = fixture('hongze-2023/hzq2023_working.pdf');
    await expectParseError(readPdf(bytes.slice(0, 600), DEFAULT_READER_LIMITS), ParseErrorCode.Corrupt);
  });

  it('more pages than the limit', async () => {
    const limits = { ...DEFAULT_READER_LIMITS, maxPages: 3 };
    await expectParseError(readPdf(fixture('huaian-2024/szfgs2024.pdf'), limits), ParseErrorCode.TooLarge);
  });

  it('more text than the limit', async () => {
    const limits = { ...DEFAULT_READER_LIMITS, maxTextChars: 500 };
    await expectParseError(readPdf(fixture('huaian-2024/szfgs2024.pdf'), limits), ParseErrorCode.TooLarge);
  });

  it('leaves the caller’s bytes untouched', async () => {
    const bytes = fixture('hongze-2024/hzq2024_working.pdf');
    const copy = bytes.slice();
    await readPdf(bytes, DEFAULT_READER_LIMITS);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(copy))).toBe(0);
  });
});
