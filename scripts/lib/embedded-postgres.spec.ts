import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresError, startEmbeddedPostgres, stopEmbeddedPostgres } from './embedded-postgres';

jest.setTimeout(120_000);

const projectRoot = path.resolve(__dirname, '..', '..');

async function queryOne(url: string, sql: string): Promise<unknown> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    const [row] = result.rows as Record<string, unknown>[];
    return row === undefined ? undefined : Object.values(row)[0];
  } finally {
    await client.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the server from a separate Node process (as `npm run demo` does) and resolves with the URL it prints. */
function holdInChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const program = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(__dirname, 'embedded-postgres'))});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, database: 'held' })
      .then((pg) => { process.stdout.write(pg.url + '\\n'); setInterval(() => undefined, 1000); })
      .catch((error) => { console.error(error); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--eval', program], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.once('data', (chunk: Buffer) => resolve({ child, url: chunk.toString().trim() }));
    child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${stderr}`)));
  });
}

describe('startEmbeddedPostgres', () => {
  let workDir: string;
  let dataDir: string;

  beforeAll(async () => {
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-embedded-pg-'));
    dataDir = path.join(workDir, 'postgres');
  });

  afterAll(async () => {
    await stopEmbeddedPostgres(dataDir);
    await fs.rm(workDir, { recursive: true, force: true });
  });

  it('initialises a cluster, serves the requested database over TCP with a password, and stops', async () => {
    const pg = await startEmbeddedPostgres({ dataDir, database: 'nianbao_spec' });
    expect(pg.reused).toBe(false);
    expect(pg.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/nianbao_spec$/);
    expect(await queryOne(pg.url, 'SELECT current_database()')).toBe('nianbao_spec');
    expect(Number(await queryOne(pg.url, 'SHOW server_version_num'))).toBeGreaterThanOrEqual(180000);
    await expect(queryOne(pg.url.replace(/:[^:@]+@/, ':wrong@'), 'SELECT 1')).rejects.toThrow(/password/);

    await pg.stop();
    expect(await canConnect(pg.url)).toBe(false);
    await expect(fs.access(`${dataDir}.lock`)).rejects.toThrow();
  });

  it('starts the existing cluster again and keeps its data', async () => {
    const first = await startEmbeddedPostgres({ dataDir, database: 'nianbao_spec' });
    await queryOne(first.url, 'CREATE TABLE kept AS SELECT 42 AS answer');
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, database: 'nianbao_spec' });
    try {
      expect(second.reused).toBe(false);
      expect(await queryOne(second.url, 'SELECT answer FROM kept')).toBe(42);
    } finally {
      await second.stop();
    }
  });

  it('refuses a data directory held by a live run, and reuses the server a SIGKILLed run left behind', async () => {
    const { child, url } = await holdInChild(dataDir);
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(EmbeddedPostgresError);
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/正被进程 \d+ 使用/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    expect(await canConnect(url)).toBe(true);

    const again = await startEmbeddedPostgres({ dataDir, database: 'held' });
    try {
      expect(again.reused).toBe(true);
      expect(again.url).toBe(url);
      expect(await queryOne(again.url, 'SELECT current_database()')).toBe('held');
    } finally {
      await again.stop();
    }
    expect(await canConnect(url)).toBe(false);
  });

  it('starts over a stale postmaster.pid whose pid now belongs to another program', async () => {
    const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      await fs.writeFile(path.join(dataDir, 'postmaster.pid'), `${stranger.pid}\n${dataDir}\n0\n1\n\n127.0.0.1\n0\nready\n`);
      const pg = await startEmbeddedPostgres({ dataDir });
      try {
        expect(pg.reused).toBe(false);
        expect(await queryOne(pg.url, 'SELECT 1')).toBe(1);
      } finally {
        await pg.stop();
      }
      expect(stranger.exitCode).toBeNull();
    } finally {
      stranger.kill();
    }
  });

  it('rejects a directory that is neither empty nor a cluster', async () => {
    const stray = path.join(workDir, 'stray');
    await fs.mkdir(stray);
    await fs.writeFile(path.join(stray, 'notes.txt'), 'not a database');
    await expect(startEmbeddedPostgres({ dataDir: stray })).rejects.toThrow(/不是空目录/);
    await expect(fs.access(`${stray}.lock`)).rejects.toThrow();
  });
});
