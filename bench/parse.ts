/**
 * Whole-parser throughput and memory per file kind, in one process: builds (or copies) N distinct files of each
 * kind, then times parseReport over them and prints reports per second, time per report and peak RSS (and, for
 * telling the readers' share from the mappers', how many files per second readDocument alone gets through).
 * Goals: ≥ 100/s for text, HTML and .docx; ≥ 10/s for 5-page PDFs; RSS < 300 MB. Figures only, no assertions.
 * CPU time per report (and the reports per second one core gives at that rate) is printed beside wall time: on a
 * shared machine it is the steadier figure.
 * Run: npm run bench:parse [-- --files=1000 --pdf-files=200 --kinds=text,html,docx,xlsx,pdf]
 * That runs under tsx, as the CLI does. The worker runs compiled JS with plain node, which needs less memory (tsx keeps
 * its own transformed copy of every module); for that figure bundle the bench and run it with plain node:
 *   npx esbuild bench/parse.ts --bundle --platform=node --target=node20 --packages=external \
 *     --alias:@nianbao/report-parser=./libs/report-parser/src --alias:@nianbao/report-format=./libs/report-format/src \
 *     --outfile=dist/bench/parse.cjs && NODE_PATH=node_modules node --expose-gc dist/bench/parse.cjs
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseReport, ParseError, readDocument } from '@nianbao/report-parser';
import { buildReportDocx, buildReportHtml, buildReportXlsx, reportFromFixture } from '../test/support/report-files';
import type { CanonicalReport } from '../test/support/report-layout';

// Run from the project root: the fixtures are the shared ones beside it.
const REAL = path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'real');
const KINDS = ['text', 'html', 'docx', 'xlsx', 'pdf'] as const;
type Kind = (typeof KINDS)[number];

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

/** Deterministic variation, so that no two built files are the same document. */
function varied(report: CanonicalReport, seed: number): CanonicalReport {
  const values: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(report.values)) {
    values[key] = value === null ? null : Number.isInteger(value) ? value + ((seed * 7 + key.length) % 5) : value;
  }
  return { ...report, values };
}

const FIXTURES_WITH_SOURCE = ['shahe-chaiguan-2023', 'shanghai-bgt-2019', 'hongze-2023', 'huaian-2024', 'shuyang-2025'];

function textSources(): Buffer[] {
  const sources: Buffer[] = [];
  for (const folder of readdirSync(REAL)) {
    for (const name of readdirSync(path.join(REAL, folder))) {
      if (/\.(txt|md)$/.test(name)) sources.push(readFileSync(path.join(REAL, folder, name)));
    }
  }
  return sources;
}

function pdfSources(): Buffer[] {
  const sources: Buffer[] = [];
  for (const folder of readdirSync(REAL)) {
    for (const name of readdirSync(path.join(REAL, folder))) {
      if (name.endsWith('.pdf')) sources.push(readFileSync(path.join(REAL, folder, name)));
    }
  }
  return sources;
}

async function buildFiles(kind: Kind, count: number): Promise<Buffer[]> {
  const reports = FIXTURES_WITH_SOURCE.map((f) => reportFromFixture(path.join(REAL, f)));
  const files: Buffer[] = [];
  if (kind === 'text') {
    const sources = textSources();
    for (let i = 0; i < count; i++) files.push(Buffer.concat([sources[i % sources.length], Buffer.from(`\n附：副本 ${i}\n`)]));
  } else if (kind === 'pdf') {
    const sources = pdfSources();
    for (let i = 0; i < count; i++) files.push(sources[i % sources.length]);
  } else {
    for (let i = 0; i < count; i++) {
      const report = varied(reports[i % reports.length], i);
      if (kind === 'html') files.push(buildReportHtml(report));
      else if (kind === 'docx') files.push(await buildReportDocx(report));
      else files.push(await buildReportXlsx(report));
    }
  }
  return files;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

async function benchKind(kind: Kind, count: number): Promise<void> {
  const built = Date.now();
  const files = await buildFiles(kind, count);
  const buildSeconds = (Date.now() - built) / 1000;
  const averageKb = files.reduce((sum, f) => sum + f.byteLength, 0) / files.length / 1024;
  await parseReport(files[0]);
  const readStarted = process.hrtime.bigint();
  for (const file of files) await readDocument(file).catch(() => undefined);
  const readSeconds = Number(process.hrtime.bigint() - readStarted) / 1e9;
  let peak = process.memoryUsage().rss;
  const failures = new Map<string, number>();
  let values = 0;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < files.length; i++) {
    try {
      values += Object.keys((await parseReport(files[i], { fileName: `bench-${i}.${kind}` })).values).length;
    } catch (error) {
      const code = error instanceof ParseError ? error.code : 'crash';
      failures.set(code, (failures.get(code) ?? 0) + 1);
    }
    if (i % 10 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000 / files.length;
  peak = Math.max(peak, process.memoryUsage().rss);
  const failed = [...failures].map(([code, n]) => `${code}×${n}`).join(' ') || 'none';
  console.log(
    [
      kind.padEnd(5),
      `${files.length} files (${averageKb.toFixed(0)} KB avg, built in ${buildSeconds.toFixed(1)} s)`,
      `${(files.length / seconds).toFixed(1)} reports/s`,
      `${((seconds * 1000) / files.length).toFixed(1)} ms/report (CPU ${cpuMs.toFixed(1)} ms = ${(1000 / cpuMs).toFixed(1)}/s per core)`,
      `readDocument alone ${(files.length / readSeconds).toFixed(1)}/s`,
      `peak RSS ${megabytes(peak)} MB`,
      `${(values / files.length).toFixed(0)} values/report`,
      `failures: ${failed}`,
    ].join(' | '),
  );
}

async function main(): Promise<void> {
  const count = Number(option('files', '1000'));
  const pdfCount = Number(option('pdf-files', '200'));
  const kinds = option('kinds', KINDS.join(',')).split(',') as Kind[];
  console.log(`parseReport, one process, Node ${process.version}; start RSS ${megabytes(process.memoryUsage().rss)} MB`);
  for (const kind of kinds) {
    await benchKind(kind, kind === 'pdf' ? pdfCount : count);
    global.gc?.();
  }
  console.log(`process max RSS ${megabytes(process.resourceUsage().maxRSS * 1024)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
