import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseReport } from '@nianbao/report-parser';
import {
  buildReportDocx,
  buildReportHtml,
  buildReportXlsx,
  reportFromFixture,
} from '../../../test/support/report-files';

/**
 * Every hand-checked fixture's values written into real .docx, .html and .xlsx tables (merged cells, blank cells),
 * read back through the readers and the table mapper: the same values, blanks included, must come out.
 */

const REAL = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'real');
const folders = existsSync(REAL) ? readdirSync(REAL).sort() : [];
const describeFixtures = folders.length > 0 ? describe : describe.skip;

const BUILDERS = {
  docx: buildReportDocx,
  html: async (report: Parameters<typeof buildReportHtml>[0]) => buildReportHtml(report),
  xlsx: buildReportXlsx,
} as const;

describeFixtures('fixture values through real office files', () => {
  describe.each(folders)('%s', (folder) => {
    const report = reportFromFixture(path.join(REAL, folder));

    it.each(Object.keys(BUILDERS) as (keyof typeof BUILDERS)[])('as .%s', async (kind) => {
      const bytes = await BUILDERS[kind](report);
      const parsed = await parseReport(new Uint8Array(bytes), { fileName: `${folder}.${kind}` });
      const wrong = Object.entries(report.values)
        .filter(([key, value]) => parsed.values[key] !== value)
        .map(([key, value]) => `${key}: want ${value} got ${parsed.values[key]}`);
      expect(wrong).toEqual([]);
      expect(parsed.format).toBe(report.formats.proactive);
      expect(parsed.tableFormats).toEqual(report.formats);
    });
  });
});
