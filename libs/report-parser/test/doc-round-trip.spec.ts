import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadTestSettings } from '@nianbao/config';
import { parseReport } from '@nianbao/report-parser';
import { buildReportDocx, reportFromFixture } from '../../../test/support/report-files';
import { unavailable } from '../../../test/support/probe';

/**
 * Every hand-checked fixture's values written into a real .docx, converted by LibreOffice Writer to Word 97 (.doc),
 * and one of those copied as .wps (Kingsoft WPS writes the same binary format), read back through word-extractor and
 * the table mapper: the values, year and formats must equal those of the .docx form. Needs `soffice` (Debian
 * libreoffice-writer-nogui); without it the suite is skipped loudly, and fails when CI=true.
 */

const REAL = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'real');
const folders = existsSync(REAL) ? readdirSync(REAL).sort() : [];
const SUITE = 'doc-round-trip.spec.ts';

function findSoffice(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir.length > 0);
  return [...dirs, '/usr/bin', '/usr/lib/libreoffice/program']
    .map((dir) => path.join(dir, 'soffice'))
    .find((candidate) => existsSync(candidate));
}

function sofficeAvailable(): string | undefined {
  if (folders.length === 0) return undefined;
  const soffice = findSoffice();
  if (!soffice) unavailable('LibreOffice Writer (soffice)', 'file:///usr/bin/soffice', SUITE, loadTestSettings().ci);
  return soffice;
}

const soffice = sofficeAvailable();
const describeWithSoffice = soffice ? describe : describe.skip;
/** The Kingsoft form: one fixture's .doc renamed. */
const WPS_FOLDER = folders[0];

type Parsed = Awaited<ReturnType<typeof parseReport>>;

describeWithSoffice('fixture values through Word 97 files written by LibreOffice', () => {
  let dir = '';
  const docx = new Map<string, Parsed>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-doc-round-trip-'));
    const inputs: string[] = [];
    for (const folder of folders) {
      const bytes = await buildReportDocx(reportFromFixture(path.join(REAL, folder)));
      docx.set(folder, await parseReport(new Uint8Array(bytes), { fileName: `${folder}.docx` }));
      const input = path.join(dir, `${folder}.docx`);
      await writeFile(input, bytes);
      inputs.push(input);
    }
    // One start of LibreOffice for all files: its start-up takes most of the time.
    await promisify(execFile)(
      soffice ?? 'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'doc', '--outdir', dir, ...inputs],
      { timeout: 110_000 },
    );
    await copyFile(path.join(dir, `${WPS_FOLDER}.doc`), path.join(dir, `${WPS_FOLDER}.wps`));
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cases = [...folders.map((folder) => [folder, 'doc'] as const), [WPS_FOLDER, 'wps'] as const];

  it.each(cases)('%s as .%s', async (folder, kind) => {
    const bytes = await readFile(path.join(dir, `${folder}.${kind}`));
    expect(bytes.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const parsed = await parseReport(new Uint8Array(bytes), { fileName: `${folder}.${kind}` });
    const fromDocx = docx.get(folder);
    const report = reportFromFixture(path.join(REAL, folder));
    const wrong = Object.keys(report.values)
      .filter((key) => parsed.values[key] !== fromDocx?.values[key] || parsed.values[key] !== report.values[key])
      .map((key) => `${key}: want ${report.values[key]} (.docx ${fromDocx?.values[key]}) got ${parsed.values[key]}`);
    expect(wrong).toEqual([]);
    expect(parsed.year).toBe(fromDocx?.year);
    expect(parsed.format).toBe(fromDocx?.format);
    expect(parsed.tableFormats).toEqual(fromDocx?.tableFormats);
    expect(parsed.format).toBe(report.formats.proactive);
  });
});
