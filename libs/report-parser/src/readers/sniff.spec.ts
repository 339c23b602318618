import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { ParseErrorCode } from '../errors';
import { looksLikeHtml, sniff } from './sniff';

const SHANGHAI = '/work/shared/fixtures/real/shanghai-bgt-2019/上海市人民政府办公厅2019年政府信息公开工作年度报告';

function codeOf(bytes: Uint8Array): string {
  try {
    return sniff(bytes).kind;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('sniff', () => {
  it('recognises the real files by content', () => {
    expect(codeOf(readFileSync(`${SHANGHAI}.pdf`))).toBe('pdf');
    expect(codeOf(readFileSync(`${SHANGHAI}.docx`))).toBe('docx');
    expect(codeOf(readFileSync(`${SHANGHAI}.doc`))).toBe('doc');
    expect(codeOf(readFileSync(`${SHANGHAI}.html`))).toBe('html');
  });

  it('finds %PDF after leading junk, as PDF readers do', () => {
    expect(codeOf(Buffer.concat([Buffer.from('\r\n\r\n  '), Buffer.from('%PDF-1.7\n')]))).toBe('pdf');
  });

  it('tells .docx from .xlsx by their parts', async () => {
    const xlsx = new JSZip();
    xlsx.file('xl/workbook.xml', '<workbook/>');
    expect(codeOf(await xlsx.generateAsync({ type: 'uint8array' }))).toBe('xlsx');
  });

  it('tells HTML from text by markup, not by a stray angle bracket', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('\ufeff  <p style="text-align:center">2019年报告</p>')).toBe(true);
    expect(looksLikeHtml('标题\n正文里有 <html> 标签')).toBe(true);
    expect(looksLikeHtml('<<条例>> 第二十条\n| 规章 | 0 |')).toBe(false);
    expect(looksLikeHtml('一、总体情况 a<b 且 c>d')).toBe(false);
    const text = sniff(Buffer.from('一、总体情况\n行政许可 108'));
    expect(text).toEqual({ kind: 'text', text: '一、总体情况\n行政许可 108' });
  });

  it('refuses empty and binary content', () => {
    expect(codeOf(new Uint8Array(0))).toBe(ParseErrorCode.Empty);
    expect(codeOf(Buffer.from('\u3000 \n\t', 'utf-8'))).toBe(ParseErrorCode.Empty);
    expect(codeOf(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]))).toBe(ParseErrorCode.UnsupportedType);
    expect(codeOf(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 9, 8, 1, 2, 3]))).toBe(ParseErrorCode.UnsupportedType);
  });

  it('refuses a zip whose central directory is missing or points outside the file', () => {
    const docx = Buffer.from(readFileSync(`${SHANGHAI}.docx`));
    expect(codeOf(docx.subarray(0, docx.length - 30))).toBe(ParseErrorCode.Corrupt);
    const eocd = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const broken = Buffer.from(docx);
    broken.writeUInt32LE(docx.length * 2, eocd + 16);
    expect(codeOf(broken)).toBe(ParseErrorCode.Corrupt);
    const zip64 = Buffer.from(docx);
    zip64.writeUInt16LE(0xffff, eocd + 10);
    expect(codeOf(zip64)).toBe(ParseErrorCode.Corrupt);
  });
});
