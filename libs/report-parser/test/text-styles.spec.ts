import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { appealCells, proactiveCells, requestCells } from '@nianbao/report-format';
import { parseReport } from '@nianbao/report-parser';
import { Converter } from 'opencc-js';
import type { LayoutCell } from '../../../test/support/report-layout';
import { reportBlocks } from '../../../test/support/report-layout';
import { type CanonicalReport, reportFromFixture } from '../../../test/support/report-files';

/**
 * Every fixture's tables flattened to text the ways web pages flatten them (format-in-practice.md, "How tables are
 * flattened"), then read back. Text loses empty cells in several of these styles, so a row with a blank cell may be
 * left out (and flagged); a value that is read must be exact.
 */

type Style = (row: readonly LayoutCell[]) => string[];

const STYLES: Record<string, Style> = {
  'one cell per line, blank lines between': (row) => row.flatMap((c) => [c.text, '']),
  'one cell per line': (row) => row.map((c) => c.text),
  'cells ending in " |" with filler lines': (row) => [...row.map((c) => `${c.text} |`), '|||'],
  'cells alternating with bare | lines': (row) => [...row.flatMap((c) => [c.text, '|']), '|'],
  'rows joined by " | "': (row) => [`${row.map((c) => c.text).join(' | ')} |${'|'.repeat(row.length > 2 ? 0 : 2)}`],
  'markdown rows': (row) => [`| ${row.map((c) => c.text).join(' | ')} |`],
  'rows joined by spaces (copied from a PDF)': (row) => [row.map((c) => c.text).join(' ')],
  'label on one line, values on the next': (row) => {
    const firstValue = row.findIndex((c) => /^\d/.test(c.text));
    if (firstValue <= 0) return [`${row.map((c) => c.text).join(' | ')} |`];
    return [row.slice(0, firstValue).map((c) => c.text).join(' | '), `${row.slice(firstValue).map((c) => c.text).join(' | ')} |`];
  },
  'tab-indented cells, rows between blank lines': (row) => [...row.map((c) => `\t${c.text.replace(/\n/g, '\n')}`), ''],
};

/** True when no cell of the report is blank: then text that drops empty cells loses nothing. */
function everyCellFilled(values: Record<string, number | null>, formats: CanonicalReport['formats']): boolean {
  const keys = [...proactiveCells(formats.proactive), ...requestCells(formats.requests), ...appealCells()];
  return keys.every((cell) => typeof values[cell.key] === 'number');
}

const REAL = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'real');
const folders = existsSync(REAL) ? readdirSync(REAL).sort() : [];
const describeFixtures = folders.length > 0 ? describe : describe.skip;

const toTraditional = Converter({ from: 'cn', to: 'twp' });

function flatten(folder: string, style: Style): string {
  const lines: string[] = [];
  for (const block of reportBlocks(reportFromFixture(path.join(REAL, folder)))) {
    if (block.kind === 'paragraph') lines.push(block.text);
    else for (const row of block.table.layout) lines.push(...style(row));
  }
  lines.push('五、存在的主要问题及改进情况', '无。');
  return lines.join('\n');
}

/** All cells of each table run together on one line, as some page scrapes give them (平潭). */
function runTogether(folder: string): string {
  const lines: string[] = [];
  for (const block of reportBlocks(reportFromFixture(path.join(REAL, folder)))) {
    if (block.kind === 'paragraph') lines.push(block.text);
    else lines.push(block.table.heading + block.table.layout.flat().map((c) => c.text).join(''));
  }
  lines.push('五、存在的主要问题及改进情况', '无。');
  return lines.join('\n');
}

describeFixtures('fixture tables flattened to text', () => {
  describe.each(Object.entries(STYLES))('%s', (_name, style) => {
    it.each(folders)('%s', async (folder) => {
      const report = reportFromFixture(path.join(REAL, folder));
      const parsed = await parseReport(new TextEncoder().encode(flatten(folder, style)));
      const expected = Object.entries(report.values);
      const wrong = expected
        .filter(([key, value]) => key in parsed.values && parsed.values[key] !== value)
        .map(([key, value]) => `${key}: want ${value} got ${parsed.values[key]}`);
      expect(wrong).toEqual([]);
      if (everyCellFilled(report.values, report.formats)) {
        expect(expected.filter(([key]) => !(key in parsed.values)).map(([key]) => key)).toEqual([]);
      }
      expect(parsed.format).toBe(report.formats.proactive);
    });
  });
});

describeFixtures('fixture tables in other spellings and damage', () => {
  it.each(folders)('%s in Traditional characters with Taiwan vocabulary', async (folder) => {
    const report = reportFromFixture(path.join(REAL, folder));
    const text = toTraditional(flatten(folder, STYLES['rows joined by " | "']));
    const parsed = await parseReport(new TextEncoder().encode(text));
    const wrong = Object.entries(report.values).filter(([key, value]) => key in parsed.values && parsed.values[key] !== value);
    expect(wrong).toEqual([]);
    if (everyCellFilled(report.values, report.formats)) {
      expect(Object.keys(report.values).filter((key) => !(key in parsed.values))).toEqual([]);
    }
  });

  it.each(folders)('%s with every table run together: never a wrong value, undecided rows flagged', async (folder) => {
    const report = reportFromFixture(path.join(REAL, folder));
    const parsed = await parseReport(new TextEncoder().encode(runTogether(folder)));
    const wrong = Object.entries(report.values)
      .filter(([key, value]) => key in parsed.values && parsed.values[key] !== value)
      .map(([key, value]) => `${key}: want ${value} got ${parsed.values[key]}`);
    expect(wrong).toEqual([]);
    const flagged = new Set(parsed.findings.filter((f) => f.rule === 'V.ambiguous_cells').flatMap((f) => f.cells));
    const unread = Object.entries(report.values).filter(([key, value]) => value !== null && !(key in parsed.values));
    expect(unread.filter(([key]) => !flagged.has(key)).map(([key]) => key)).toEqual([]);
  });
});
