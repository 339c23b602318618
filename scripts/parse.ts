/**
 * The parser CLI: `npm run --silent parse -- FILE...` prints one JSON object per file, one per line, in input
 * order (the CLI contract in spec/annual-report-format.md). All files are parsed in this one process; logs go to
 * stderr; the exit code is 1 when any file could not be read.
 */
import { readFile } from 'node:fs/promises';
import { ParseError, parseReport } from '@nianbao/report-parser';

interface ErrorLine {
  file: string;
  error: { code: string; message: string };
}

async function parseOne(file: string): Promise<{ line: object; ok: boolean }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const line: ErrorLine = { file, error: { code: 'file_unreadable', message: `无法读取文件：${describe(error)}` } };
    return { line, ok: false };
  }
  try {
    const report = await parseReport(bytes, { fileName: file });
    const line = {
      file,
      format: report.format,
      tableFormats: report.tableFormats,
      title: report.title,
      agency: report.agency,
      region: report.region,
      year: report.year,
      statisticsPeriod: report.statisticsPeriod,
      values: report.values,
      cells: report.cells,
      findings: report.findings,
      sections: report.sections,
    };
    return { line, ok: true };
  } catch (error) {
    if (error instanceof ParseError) {
      process.stderr.write(`${file}: ${error.code}${error.detail ? ` (${error.detail})` : ''}\n`);
      return { line: { file, error: { code: error.code, message: error.message } }, ok: false };
    }
    process.stderr.write(`${file}: unexpected error: ${describe(error)}\n`);
    return { line: { file, error: { code: 'corrupt_file', message: '文件无法解析' } }, ok: false };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(files: readonly string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent parse -- FILE...\n');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const { line, ok } = await parseOne(file);
    process.stdout.write(`${JSON.stringify(line)}\n`);
    failed ||= !ok;
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${describe(error)}\n`);
    process.exitCode = 1;
  },
);
