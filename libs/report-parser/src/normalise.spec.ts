import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { compactLabel, normaliseText, normaliseWidth, whileParsing } from './normalise';

const REAL = '/work/shared/fixtures/real';

/** normaliseText as it reads without the shortcut: every text goes through the converter. */
const toSimplified = Converter({ from: 'tw', to: 'cn' });
function reference(text: string): string {
  const out = normaliseWidth(text)
    .replace(/\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)\)/g, '')
    .replace(/檔案/g, '文件')
    .replace(/資訊/g, '信息')
    .replace(/專案/g, '项目');
  return toSimplified(out);
}

describe('normaliseText', () => {
  it('turns Traditional, full-width and pinyin-annotated text into the compared form', () => {
    expect(normaliseText('規(guī)範性檔案　１２')).toBe('规范性文件 12');
    expect(compactLabel('本年制發(fā)件數(shù)')).toBe('本年制发件数');
    expect(normaliseText('政府資訊公開')).toBe('政府信息公开');
  });

  it('leaves Simplified text and digits as they are', () => {
    expect(normaliseText('（一）本机关 3 件')).toBe('(一)本机关 3 件');
    expect(normaliseText('0')).toBe('0');
  });

  it('gives what the converter gives for every character from U+2E80 up, alone and after a Simplified one', () => {
    const differing: string[] = [];
    for (let point = 0x2e80; point <= 0x2ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const ch = String.fromCodePoint(point);
      for (const text of [ch, `公开${ch}`, `${ch}一`]) {
        if (normaliseText(text) !== reference(text)) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });

  it('gives what the converter gives on every line of the fixture texts, as printed and in Traditional', () => {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    let lines = 0;
    let converted = 0;
    const differing: string[] = [];
    for (const folder of readdirSync(REAL)) {
      for (const name of readdirSync(join(REAL, folder))) {
        if (!/\.(txt|md|html?)$/.test(name)) continue;
        for (const line of readFileSync(join(REAL, folder, name), 'utf8').split('\n')) {
          const traditional = toTraditional(line);
          lines++;
          if (traditional !== line) converted++;
          for (const text of [line, traditional]) {
            if (normaliseText(text) !== reference(text)) differing.push(text);
          }
        }
      }
    }
    expect(lines).toBeGreaterThan(500);
    expect(converted).toBeGreaterThan(300);
    expect(differing).toEqual([]);
  });
});

describe('whileParsing', () => {
  const line = `${'規範性檔案　'.repeat(30)}１２`;

  it('normalises long texts inside a parse as outside it, synchronously and not', async () => {
    const outside = normaliseText(line);
    expect(outside).toBe(`${'规范性文件 '.repeat(30)}12`);
    expect(whileParsing(() => [normaliseText(line), normaliseText(line)])).toEqual([outside, outside]);
    await expect(whileParsing(async () => normaliseText(line))).resolves.toBe(outside);
  });

  it('passes errors through, thrown or rejected', async () => {
    expect(() =>
      whileParsing(() => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
    await expect(whileParsing(() => Promise.reject(new Error('async')))).rejects.toThrow('async');
    expect(whileParsing(() => normaliseText(line))).toBe(normaliseText(line));
  });
});
