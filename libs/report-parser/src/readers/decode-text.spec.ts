import iconv from 'iconv-lite';
import { declaredCharset, decodeText, looksLikeText } from './decode-text';

const TEXT = '2023年政府信息公开工作年度报告\n行政许可\t108\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf-8'))).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf-8')]))).toBe(TEXT);
  });

  it('reads UTF-16 LE and BE by their BOMs, and LE without one when the text has ASCII in it', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]))).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]))).toBe(TEXT);
    const ascii = 'Annual report 2023: 108 decisions, 19 penalties\n';
    expect(decodeText(iconv.encode(ascii, 'utf-16le'))).toBe(ascii);
  });

  it('reads GBK, GB2312 and GB18030 bytes', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toBe(TEXT);
    expect(decodeText(iconv.encode(TEXT, 'gb2312'))).toBe(TEXT);
    expect(decodeText(iconv.encode('𠀀沭阳县', 'gb18030'))).toBe('𠀀沭阳县');
  });

  it('honours an HTML meta charset for non-Chinese legacy encodings (Big5 from Traditional sites)', () => {
    const html = '<html><head><meta charset="big5"></head><body>規章 行政許可</body></html>';
    expect(decodeText(iconv.encode(html, 'big5'), { html: true })).toBe(html);
  });

  it('reads GBK bytes as GBK when the page wrongly declares UTF-8 or Latin-1', () => {
    for (const charset of ['utf-8', 'ISO-8859-1']) {
      const html = `<meta charset="${charset}"><p>政府信息公开工作年度报告</p>`;
      expect(decodeText(iconv.encode(html, 'gbk'), { html: true })).toBe(html);
    }
  });

  it('prefers valid UTF-8 over a stale GB2312 declaration', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>年度报告</p>';
    expect(decodeText(Buffer.from(html, 'utf-8'), { html: true })).toBe(html);
    expect(declaredCharset(Buffer.from(html))).toBe('gb2312');
  });

  it('tolerates a character cut at the end of UTF-8 and never throws on bad bytes', () => {
    const cut = Buffer.from(TEXT + '报', 'utf-8').subarray(0, -1);
    expect(decodeText(cut).startsWith('2023年政府信息公开')).toBe(true);
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) % 256));
    expect(() => decodeText(noise)).not.toThrow();
    expect(decodeText(Buffer.alloc(0))).toBe('');
  });
});

describe('looksLikeText', () => {
  it('accepts prose with tabs and newlines and refuses control-character soup', () => {
    expect(looksLikeText(TEXT)).toBe(true);
    expect(looksLikeText('\u0001\u0002abc\u0003\u0004')).toBe(false);
    expect(looksLikeText('')).toBe(false);
  });
});
