import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedReport } from '@nianbao/report-format';
import { parseReport } from '@nianbao/report-parser';

/**
 * The hand-checked real reports in ../shared/fixtures (beside the clone): every value the parser reads must be the
 * value printed, keys the text cannot decide must be flagged and left out, and year and layout must be right.
 */

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures');

interface Expected {
  values: Record<string, number | null>;
  year?: number | null;
  format?: string;
  keys_ambiguous_in_source_text?: string[];
}

interface Case {
  name: string;
  file: string;
  expected: Expected;
}

/**
 * Values a file does not let the parser read, with the reason. The LibreOffice PDF of the 上海 2019 report prints
 * table 三 wider than the page: its right-hand columns and the start of its row labels are outside the text layer.
 */
const KNOWN_MISSING: Record<string, number> = {
  'shanghai-bgt-2019/pdf': 161,
};

function cases(): Case[] {
  const out: Case[] = [];
  const real = path.join(FIXTURES, 'real');
  for (const slug of readdirSync(real).sort()) {
    const expected = JSON.parse(readFileSync(path.join(real, slug, 'expected.json'), 'utf8')) as Expected & {
      source: string;
      also_as?: string[];
    };
    for (const file of [expected.source, ...(expected.also_as ?? [])]) {
      out.push({ name: `${slug}/${path.extname(file).slice(1)}`, file: path.join(real, slug, file), expected });
    }
  }
  const truth = readFileSync(path.join(FIXTURES, 'excerpts', 'truth.jsonl'), 'utf8');
  for (const line of truth.split('\n').filter((l) => l.trim() !== '')) {
    const expected = JSON.parse(line) as Expected & { file: string };
    out.push({ name: `excerpts/${expected.file}`, file: path.join(FIXTURES, 'excerpts', expected.file), expected });
  }
  return out;
}

const available = existsSync(FIXTURES);
const describeFixtures = available ? describe : describe.skip;

describeFixtures('real reports (../shared/fixtures)', () => {
  const all = available ? cases() : [];

  it('finds the fixtures', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(all.map((c) => [c.name, c] as const))('%s', (name, { file, expected }) => {
    let report: ParsedReport;
    beforeAll(async () => {
      report = await parseReport(new Uint8Array(readFileSync(file)), { fileName: path.basename(file) });
    });

    it('reads every value exactly as printed, and no wrong value', () => {
      const ambiguous = new Set(expected.keys_ambiguous_in_source_text ?? []);
      const wanted = Object.entries(expected.values).filter(([key]) => !ambiguous.has(key));
      const wrong = wanted
        .filter(([key, value]) => key in report.values && !sameValue(value, report.values[key]))
        .map(([key, value]) => `${key}: want ${value} got ${report.values[key]}`);
      const missing = wanted.filter(([key]) => !(key in report.values)).map(([key]) => key);
      expect(wrong).toEqual([]);
      expect(missing.length).toBeLessThanOrEqual(KNOWN_MISSING[name] ?? 0);
    });

    it('flags the keys the text cannot decide instead of guessing them', () => {
      const ambiguous = expected.keys_ambiguous_in_source_text ?? [];
      const flagged = new Set(report.findings.filter((f) => f.rule === 'V.ambiguous_cells').flatMap((f) => f.cells));
      for (const key of ambiguous) {
        expect(report.values).not.toHaveProperty([key]);
        expect(flagged.has(key)).toBe(true);
      }
    });

    it('reads the year and the layout of table 二', () => {
      if (expected.year !== undefined && expected.year !== null) expect(report.year).toBe(expected.year);
      if (expected.format === '2019' || expected.format === '2021') expect(report.format).toBe(expected.format);
    });
  });
});

function sameValue(want: number | null, got: number | null | undefined): boolean {
  if (want === null || got === null || got === undefined) return want === null && got === null;
  return Math.abs(want - got) < 1e-6;
}
