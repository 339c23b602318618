import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ParseErrorCode } from '../errors';
import { detectFileKind, sniff } from './sniff';

const NOT_OK = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'not-ok');
const REAL = '/work/shared/fixtures/real';

function outcome(run: () => unknown): string {
  try {
    const result = run();
    return typeof result === 'string' ? result : (result as { kind: string }).kind;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const files = [
  ...readdirSync(NOT_OK)
    .filter((name) => !/\.(md|json)$/.test(name))
    .map((name) => join(NOT_OK, name)),
  ...readdirSync(REAL).flatMap((folder) =>
    readdirSync(join(REAL, folder))
      .filter((name) => name !== 'expected.json')
      .map((name) => join(REAL, folder, name)),
  ),
];

describe('detectFileKind', () => {
  it.each(files)('agrees with sniff on %s', (path) => {
    const bytes = readFileSync(path);
    expect(outcome(() => detectFileKind(bytes))).toBe(outcome(() => sniff(bytes)));
  });

  it('tells the kinds apart without decoding the whole text', () => {
    expect(detectFileKind(Buffer.from('<!DOCTYPE html><html><body>年报</body></html>'))).toBe('html');
    expect(detectFileKind(Buffer.from('一、总体情况\n行政许可 108'))).toBe('text');
    expect(detectFileKind(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
  });

  it('leaves text whose first 64 KB are blank to the reader, and refuses a blank short file', () => {
    expect(detectFileKind(Buffer.concat([Buffer.alloc(70_000, 0x20), Buffer.from('年度报告')]))).toBe('text');
    expect(outcome(() => detectFileKind(Buffer.from('   \n\u3000')))).toBe(ParseErrorCode.Empty);
  });
});
