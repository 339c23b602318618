import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkUploadFile, type FileCheck } from './upload-file-check';

const NOT_OK = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'not-ok');
const SHANGHAI = '/work/shared/fixtures/real/shanghai-bgt-2019/上海市人民政府办公厅2019年政府信息公开工作年度报告';
const PDF = readFileSync(`${SHANGHAI}.pdf`);
const DOCX = readFileSync(`${SHANGHAI}.docx`);
const DOC = readFileSync(`${SHANGHAI}.doc`);
const HTML = readFileSync(`${SHANGHAI}.html`);
const TEXT = Buffer.from('沙河市柴关乡2023年政府信息公开工作年度报告\n一、总体情况\n', 'utf-8');

function codeOf(check: FileCheck): string {
  return check.ok ? `ok:${check.kind}` : check.code;
}

describe('checkUploadFile', () => {
  it.each([
    ['年报.docx', 'docx', DOCX],
    ['年报.DOCX', 'docx', DOCX],
    ['年报.doc', 'doc', DOC],
    ['年报.wps', 'doc', DOC],
    ['年报.pdf', 'pdf', PDF],
    ['年报.html', 'html', HTML],
    ['年报.htm', 'html', HTML],
    ['年报.shtml', 'html', HTML],
    ['年报.txt', 'text', TEXT],
    ['年报.md', 'text', TEXT],
    ['2023.12.31 年报.pdf', 'pdf', PDF],
  ])('accepts %s holding %s', (name, kind, bytes) => {
    expect(codeOf(checkUploadFile(name, bytes))).toBe(`ok:${kind}`);
  });

  it('accepts an .xlsx whose content is a workbook, and refuses .xls/.et whatever their content', async () => {
    const workbook = new JSZip();
    workbook.file('xl/workbook.xml', '<workbook/>');
    const xlsx = await workbook.generateAsync({ type: 'uint8array' });
    expect(codeOf(checkUploadFile('年报.xlsx', xlsx))).toBe('ok:xlsx');
    expect(codeOf(checkUploadFile('年报.docx', xlsx))).toBe('extension_mismatch');
    expect(codeOf(checkUploadFile('年报.xls', xlsx))).toBe('legacy_spreadsheet');
    expect(codeOf(checkUploadFile('年报.et', TEXT))).toBe('legacy_spreadsheet');
    expect(codeOf(checkUploadFile('年报.xlsx', readFileSync(join(NOT_OK, 'legacy.xls'))))).toBe('legacy_spreadsheet');
  });

  it.each([
    ['a PDF named .docx', '年报.docx', PDF],
    ['a .docx named .pdf', '年报.pdf', DOCX],
    ['text named .docx', '年报.docx', TEXT],
    ['HTML named .txt', '年报.txt', HTML],
    ['a Word 97 file named .docx', '年报.docx', DOC],
    ['a program renamed .docx', '年报.docx', readFileSync(join(NOT_OK, 'program-exe-renamed.docx'))],
    ['an image renamed .pdf', '年报.pdf', readFileSync(join(NOT_OK, 'image-renamed.pdf'))],
    ['a report with a second extension .js', '年报.docx.js', DOCX],
    ['a PDF with a second extension .exe', '年报.pdf.exe', PDF],
  ])('refuses %s as extension_mismatch', (_what, name, bytes) => {
    const check = checkUploadFile(name, bytes);
    expect(codeOf(check)).toBe('extension_mismatch');
    expect(check.ok ? '' : check.message).toMatch(/扩展名/);
  });

  it.each([
    ['NUL', '年报\u0000.docx'],
    ['a slash', '../年报.docx'],
    ['a backslash', 'C:\\报告\\年报.docx'],
    ['a right-to-left override', '年报\u202excod.exe'],
    ['a line break', '年报\n.docx'],
    ['a trailing dot', '年报.docx.'],
    ['only blanks', '   '],
    ['over 255 characters', `${'年'.repeat(256)}.docx`],
  ])('refuses a name with %s as invalid_file_name', (_what, name) => {
    expect(codeOf(checkUploadFile(name, DOCX))).toBe('invalid_file_name');
  });

  it('refuses names without an allowed extension as unsupported_type, and unreadable content with its code', () => {
    expect(codeOf(checkUploadFile('年报', DOCX))).toBe('unsupported_type');
    expect(codeOf(checkUploadFile('年报.zip', DOCX))).toBe('unsupported_type');
    expect(codeOf(checkUploadFile('program.exe', readFileSync(join(NOT_OK, 'program-exe-renamed.docx'))))).toBe(
      'unsupported_type',
    );
    expect(codeOf(checkUploadFile('年报.txt', Buffer.alloc(0)))).toBe('empty_file');
    expect(codeOf(checkUploadFile('年报.docx', readFileSync(join(NOT_OK, 'truncated.docx'))))).toBe('corrupt_file');
    expect(codeOf(checkUploadFile('年报.docx', readFileSync(join(NOT_OK, 'password-protected.docx'))))).toBe(
      'encrypted_file',
    );
  });
});
