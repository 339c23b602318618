/**
 * Real report texts found in public sources (test/fixtures/found/<slug>/): each folder holds the text as found, its
 * origin, and expected.json with the values read by hand from that text.
 *
 * expected.json:
 * - `year`, `format`: what the parser must report (`year: null` when the text never states it);
 * - `values`: a number must be read exactly; `null` (a blank or n/a cell) must never be given as a number;
 * - `undecidable`: keys the text cannot decide; the parser must not give them as numbers;
 * - `known_missing` (optional): key → reason, for a value the parser does not read yet; it may be absent, never wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '@nianbao/report-parser';

const FOUND = join(__dirname, '..', 'fixtures', 'found');

interface Expected {
  year: number | null;
  format: string;
  values: Record<string, number | null>;
  undecidable?: string[];
  known_missing?: Record<string, string>;
}

const folders = readdirSync(FOUND, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function reportFile(folder: string): string {
  const name = readdirSync(join(FOUND, folder)).find((file) => file.startsWith('report.'));
  if (!name) throw new Error(`${folder}: no report.* file`);
  return join(FOUND, folder, name);
}

describe('real reports found in public sources', () => {
  it('has at least ten of them', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });

  it.each(folders)('%s: year, format and every hand-checked value', async (folder) => {
    const expected = JSON.parse(readFileSync(join(FOUND, folder, 'expected.json'), 'utf-8')) as Expected;
    const file = reportFile(folder);
    const parsed = await parseReport(new Uint8Array(readFileSync(file)), { fileName: file });
    const knownMissing = expected.known_missing ?? {};

    const wrong: string[] = [];
    for (const [key, want] of Object.entries(expected.values)) {
      const got = parsed.values[key];
      if (want === null) {
        if (typeof got === 'number') wrong.push(`${key}: blank in the text, parser gave ${got}`);
      } else if (got !== want && !(key in knownMissing && (got === undefined || got === null))) {
        wrong.push(`${key}: want ${want}, got ${String(got)}`);
      }
    }
    for (const key of expected.undecidable ?? []) {
      const got = parsed.values[key];
      if (typeof got === 'number') wrong.push(`${key}: the text cannot decide it, parser gave ${got}`);
    }

    expect({ year: parsed.year ?? null, format: parsed.format, wrong }).toEqual({
      year: expected.year,
      format: expected.format,
      wrong: [],
    });
  });
});
