import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseError, ParseErrorCode } from '../errors';
import { readDocument } from './index';

const NOT_OK = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'not-ok');
const expected = JSON.parse(readFileSync(join(NOT_OK, 'expected.json'), 'utf-8')) as Record<string, ParseErrorCode>;

async function rejection(file: string): Promise<ParseError> {
  const bytes = readFileSync(join(NOT_OK, file));
  try {
    await readDocument(bytes, { fileName: file });
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw new Error(`${file}: threw ${String(error)} instead of a ParseError`);
  }
  throw new Error(`${file}: was accepted`);
}

describe('rejected files (test/fixtures/not-ok)', () => {
  it('lists every file of the folder with its expected code', () => {
    const files = readdirSync(NOT_OK).filter((f) => f !== 'expected.json' && f !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %s', async (file, code) => {
    const error = await rejection(file);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('stops the zip bomb at the inflation cap, quickly and without holding the inflated bytes', async () => {
    const bytes = readFileSync(join(NOT_OK, 'zip-bomb.docx'));
    const before = process.memoryUsage().rss;
    const error = await readDocument(bytes, { limits: { maxUncompressedBytes: 8 * 1024 * 1024 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe(ParseErrorCode.TooLarge);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses the zip bomb on its declared size before inflating when the headers tell the truth', async () => {
    const bytes = Buffer.from(readFileSync(join(NOT_OK, 'zip-bomb.docx')));
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(300 * 1024 * 1024, central + 24);
    const error = await readDocument(bytes).catch((e: unknown) => e);
    expect((error as ParseError).code).toBe(ParseErrorCode.TooLarge);
    expect((error as ParseError).detail).toMatch(/declares/);
  });

  it('never expands or resolves entities: the XXE payload is refused, not read', async () => {
    const error = await rejection('xxe.docx');
    expect(error.detail).toMatch(/DOCTYPE/);
    expect(error.message).not.toMatch(/root:/);
  });
});
