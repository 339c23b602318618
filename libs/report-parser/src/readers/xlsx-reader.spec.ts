import ExcelJS from 'exceljs';
import type { DocRow } from '../document';
import { resolveLimits } from './limits';
import { readXlsx } from './xlsx-reader';

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function grid(rows: DocRow[]): string[][] {
  return rows.map((r) => r.cells.map((c) => (c.covered ? `^${c.text}` : c.text)));
}

describe('readXlsx', () => {
  const limits = resolveLimits();

  it('reads the used range with merges expanded and covered slots marked', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('表三');
      sheet.getCell('B2').value = '信息内容';
      sheet.getCell('C2').value = '申请人情况';
      sheet.mergeCells('C2:E2');
      sheet.mergeCells('B2:B3');
      sheet.getCell('C3').value = '自然人';
      sheet.getCell('D3').value = '商业企业';
      sheet.getCell('E3').value = 0;
      sheet.getCell('B4').value = '一、本年新收';
      sheet.getCell('C4').value = 12;
      sheet.getCell('E4').value = 1.5;
    });
    const doc = await readXlsx(bytes, limits);
    expect(doc.fileKind).toBe('xlsx');
    expect(grid(doc.rows)).toEqual([
      ['信息内容', '申请人情况', '^申请人情况', '^申请人情况'],
      ['^信息内容', '自然人', '商业企业', '0'],
      ['一、本年新收', '12', '', '1.5'],
    ]);
    expect(doc.rows.map((r) => [r.table, r.row, r.page])).toEqual([[1, 1, 1], [1, 2, 1], [1, 3, 1]]);
    expect(doc.pageCount).toBe(1);
  });

  it('gives a formula its cached result, or a blank when there is none; never evaluates', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('s');
      sheet.getCell('A1').value = '总计';
      sheet.getCell('B1').value = { formula: 'C1+D1', result: 7 };
      sheet.getCell('C1').value = { formula: 'SUM(1,2)' };
      sheet.getCell('D1').value = { richText: [{ text: '商业' }, { text: '企业' }] };
      sheet.getCell('E1').value = 0.1 + 0.2;
    });
    const doc = await readXlsx(bytes, limits);
    expect(grid(doc.rows)).toEqual([['总计', '7', '', '商业企业', '0.3']]);
  });

  it('reads each visible sheet as its own page and table; a lone title cell above a table is a paragraph', async () => {
    const bytes = await workbook((book) => {
      const first = book.addWorksheet('二');
      first.getCell('A1').value = '2023年政府信息公开工作年度报告';
      first.getCell('A3').value = '规章';
      first.getCell('B3').value = 0;
      book.addWorksheet('hidden', { state: 'hidden' }).getCell('A1').value = '隐藏';
      book.addWorksheet('empty');
      const second = book.addWorksheet('四');
      second.getCell('A1').value = '行政复议';
      second.getCell('B1').value = 3;
    });
    const doc = await readXlsx(bytes, limits);
    expect(doc.rows).toEqual([
      { cells: [{ text: '2023年政府信息公开工作年度报告' }], page: 1 },
      { cells: [{ text: '规章' }, { text: '0' }], table: 1, row: 1, page: 1 },
      { cells: [{ text: '行政复议' }, { text: '3' }], table: 2, row: 1, page: 3 },
    ]);
    expect(doc.pageCount).toBe(3);
  });

  it('refuses more sheets than maxPages and more slots than maxTextChars', async () => {
    const bytes = await workbook((book) => {
      for (let i = 0; i < 5; i++) book.addWorksheet(`s${i}`).getCell('A1').value = i;
    });
    await expect(readXlsx(bytes, { ...limits, maxPages: 3 })).rejects.toMatchObject({ code: 'file_too_large' });
    const wide = await workbook((book) => {
      const sheet = book.addWorksheet('wide');
      sheet.getCell('A1').value = 1;
      sheet.getCell('ZZ2000').value = 2;
    });
    await expect(readXlsx(wide, { ...limits, maxTextChars: 100_000 })).rejects.toMatchObject({ code: 'file_too_large' });
  });

  it('refuses cell references beyond Excel\'s 1,048,576 rows or 16,384 columns', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await workbook((book) => (book.addWorksheet('s').getCell('A1').value = 1)));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    for (const [ref, row] of [['A1048577', '1048577'], ['XFE1', '1']]) {
      zip.file('xl/worksheets/sheet1.xml', (sheet ?? '').replace('r="A1"', `r="${ref}"`).replace('<row r="1"', `<row r="${row}"`));
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      await expect(readXlsx(bytes, limits)).rejects.toMatchObject({ code: 'corrupt_file' });
    }
  });

  it('refuses a workbook exceljs cannot read as corrupt_file', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId9"/></sheets>');
    zip.file('[Content_Types].xml', 'not xml');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readXlsx(bytes, limits)).rejects.toMatchObject({ code: 'corrupt_file' });
  });
});
