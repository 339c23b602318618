/**
 * PDF reader throughput and memory: reads the fixture PDFs round-robin in one process (readDocument, which hands them
 * to the PDF reader) and prints PDFs per second (wall clock and per CPU-second), time per file and peak RSS.
 * Run: npx tsx bench/parse-pdf.ts [reads=200] [--parse]
 * With --parse it times the whole parseReport (reader + table mapper + metadata) instead of the reader alone.
 * Under tsx, RSS includes tsx's own copy of the transformed pdfjs modules (about 200 MB more); for the figure a
 * compiled worker sees, bundle and run it with plain node:
 *   npx esbuild bench/parse-pdf.ts --bundle --platform=node --external:pdfjs-dist --external:opencc-js \
 *     --outfile=/tmp/parse-pdf.cjs && NODE_PATH=node_modules node /tmp/parse-pdf.cjs
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseReport, readDocument } from '@nianbao/report-parser';

// Run from the project root: the fixtures are the shared ones beside it.
const FIXTURES = path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'real');
const FILES = [
  'hongze-2023/hzq2023_working.pdf',
  'hongze-2024/hzq2024_working.pdf',
  'huaian-2024/szfgs2024.pdf',
  'shanghai-bgt-2019/上海市人民政府办公厅2019年政府信息公开工作年度报告.pdf',
];

async function main(): Promise<void> {
  const reads = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200);
  const whole = process.argv.includes('--parse');
  const files = FILES.map((f) => ({ name: path.basename(path.dirname(f)), bytes: new Uint8Array(readFileSync(path.join(FIXTURES, f))) }));
  const readOnce = async (bytes: Uint8Array): Promise<number> => {
    if (whole) return Object.keys((await parseReport(bytes)).values).length;
    const doc = await readDocument(bytes);
    return doc.pageCount ?? 0;
  };

  for (const file of files) await readOnce(file.bytes);
  const timeByFile = new Map<string, number[]>();
  let pages = 0;
  let peakRss = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < reads; i++) {
    const file = files[i % files.length];
    const t0 = process.hrtime.bigint();
    const count = await readOnce(file.bytes);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!whole) pages += count;
    timeByFile.set(file.name, [...(timeByFile.get(file.name) ?? []), ms]);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  console.log(`${whole ? 'parseReport' : 'readDocument'}: ${reads} PDFs in ${seconds.toFixed(2)} s = ${(reads / seconds).toFixed(1)} PDFs/s` +
    (whole ? '' : `, ${(pages / seconds).toFixed(0)} pages/s`));
  console.log(`  CPU ${cpuSeconds.toFixed(2)} s = ${((cpuSeconds * 1000) / reads).toFixed(0)} ms per PDF, ${(reads / cpuSeconds).toFixed(1)} PDFs per CPU-second` +
    ' (one core; the wall-clock rate above also counts time other processes took)');
  for (const [name, times] of timeByFile) {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`  ${name.padEnd(20)} mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms`);
  }
  console.log(`peak RSS ${mb(peakRss)} MB (sampled after each read), max RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB (OS), heap now ${mb(process.memoryUsage().heapUsed)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
