import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import { buildReportDocx, buildReportHtml, buildReportXlsx, reportFromFixture } from '../../../../test/support/report-files';
import { readDocument } from './index';

const REAL = '/work/shared/fixtures/real';
const SHANGHAI = join(REAL, 'shanghai-bgt-2019', '上海市人民政府办公厅2019年政府信息公开工作年度报告');
const SHAHE = join(REAL, 'shahe-chaiguan-2023');

function texts(doc: DocumentModel): string[] {
  return doc.rows.flatMap((r) => r.cells.map((c) => c.text));
}

async function codeOf(promise: Promise<unknown>): Promise<ParseErrorCode | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof ParseError) return error.code;
    throw error;
  }
}

describe('readDocument dispatch by content', () => {
  const report = reportFromFixture(SHAHE);

  it('reads a .docx, an .html and an .xlsx built from the reference report', async () => {
    const docx = await readDocument(await buildReportDocx(report));
    const html = await readDocument(buildReportHtml(report));
    const xlsx = await readDocument(await buildReportXlsx(report));
    expect([docx.fileKind, html.fileKind, xlsx.fileKind]).toEqual(['docx', 'html', 'xlsx']);
    for (const doc of [docx, html, xlsx]) {
      expect(texts(doc)).toContain('沙河市柴关乡2023年政府信息公开工作年度报告');
      expect(texts(doc)).toContain('108');
      expect(doc.rows.some((r) => r.table !== undefined && r.cells.some((c) => c.covered))).toBe(true);
    }
  });

  it('reads the reference report as plain text through the text reader', async () => {
    const file = '沙河市柴关乡2023年政府信息公开工作年度报告.txt';
    const doc = await readDocument(readFileSync(join(SHAHE, file)), { fileName: file });
    expect(doc.fileKind).toBe('text');
    expect(texts(doc).join('\n')).toContain('行政许可');
  });

  it('reads Word 97 and PDF files of the same report', async () => {
    const doc = await readDocument(readFileSync(`${SHANGHAI}.doc`));
    expect(doc.fileKind).toBe('doc');
    const pdf = await readDocument(readFileSync(`${SHANGHAI}.pdf`));
    expect(pdf.fileKind).toBe('pdf');
    expect(texts(pdf).join('')).toContain('规范性文件');
  });

  it('goes by content, not by name: a PDF named .docx is read as a PDF, text named .pdf as text', async () => {
    const pdf = await readDocument(readFileSync(`${SHANGHAI}.pdf`), { fileName: 'report.docx' });
    expect(pdf.fileKind).toBe('pdf');
    const text = await readDocument(Buffer.from('2023年政府信息公开工作年度报告\n一、总体情况\n'), { fileName: 'a.pdf' });
    expect(text.fileKind).toBe('text');
  });

  it('decodes GBK HTML that declares its charset, and UTF-16 text with a BOM', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' +
      '<body><p>政府信息公开工作年度报告</p><table><tr><td>行政许可</td><td>108</td></tr></table></body></html>';
    const gbk = await readDocument(iconv.encode(html, 'gbk'));
    expect(gbk.fileKind).toBe('html');
    expect(texts(gbk)).toEqual(['政府信息公开工作年度报告', '行政许可', '108']);
    const utf16 = await readDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('一、总体情况\n行政许可 108\n', 'utf-16le')]));
    expect(utf16.fileKind).toBe('text');
    expect(texts(utf16).join(' ')).toContain('总体情况');
  });

  it('refuses a file over maxBytes before reading it', async () => {
    const bytes = readFileSync(`${SHANGHAI}.docx`);
    expect(await codeOf(readDocument(bytes, { limits: { maxBytes: 1024 } }))).toBe(ParseErrorCode.TooLarge);
  });

  it('refuses a document whose text passes maxTextChars', async () => {
    const bytes = readFileSync(`${SHANGHAI}.html`);
    expect(await codeOf(readDocument(bytes, { limits: { maxTextChars: 2000 } }))).toBe(ParseErrorCode.TooLarge);
    const docx = readFileSync(`${SHANGHAI}.docx`);
    expect(await codeOf(readDocument(docx, { limits: { maxTextChars: 2000 } }))).toBe(ParseErrorCode.TooLarge);
  });

  it('calls a readable file without any text empty_file', async () => {
    const docx = await buildReportDocx({ title: '', paragraphs: [], values: {}, formats: { proactive: '2021', requests: '2021' } });
    expect(await codeOf(readDocument(docx))).toBe('accepted');
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="w"><w:body><w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>');
    expect(await codeOf(readDocument(await zip.generateAsync({ type: 'uint8array' })))).toBe(ParseErrorCode.Empty);
    expect(await codeOf(readDocument(Buffer.from('<html><head><title>t</title></head><body><p>&nbsp;</p></body></html>')))).toBe(
      ParseErrorCode.Empty,
    );
  });

  it('ignores limits that are not positive numbers', async () => {
    const doc = await readDocument(readFileSync(`${SHANGHAI}.html`), { limits: { maxTextChars: -1, maxBytes: Number.NaN } });
    expect(doc.fileKind).toBe('html');
  });
});
