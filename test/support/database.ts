import { loadTestSettings } from '@nianbao/config';
import { dataSourceOptions } from '@nianbao/persistence';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { reachable, unavailable } from './probe';

const EMBEDDED_MODULE = resolve(__dirname, '..', '..', 'scripts', 'lib', 'embedded-postgres.ts');

interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

type ServerSource = { kind: 'url'; url: string } | { kind: 'embedded' } | { kind: 'none' };

let decided: ServerSource | undefined;

/** Decides once per test file where Postgres comes from: TEST_DATABASE_URL, else the embedded server, else none. */
function serverSource(suite: string): ServerSource {
  decided ??= decideServerSource(suite);
  return decided;
}

function decideServerSource(suite: string): ServerSource {
  const settings = loadTestSettings();
  if (reachable(settings.databaseUrl, 5432)) return { kind: 'url', url: settings.databaseUrl };
  if (!settings.ci && existsSync(EMBEDDED_MODULE)) {
    process.stderr.write(`PostgreSQL is not reachable at ${settings.databaseUrl}; ${suite} uses an embedded server\n`);
    return { kind: 'embedded' };
  }
  unavailable('PostgreSQL', settings.databaseUrl, suite, settings.ci);
  return { kind: 'none' };
}

export interface TestDatabase {
  url: string;
  /** Connected, with the real migrations run. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

function databaseName(testFile: string): string {
  const label = basename(testFile)
    .replace(/\.(spec|test)\.ts$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  return `nianbao_test_${label}_${Math.random().toString(36).slice(2, 10)}`;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function startEmbedded(): Promise<EmbeddedServer> {
  const { startEmbeddedPostgres } = (await import(EMBEDDED_MODULE)) as {
    startEmbeddedPostgres(options: { dataDir: string }): Promise<EmbeddedServer>;
  };
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'data') });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `describe` for suites that need Postgres: runs them when a server is there (or can be embedded), fails in CI
 * when none is, and otherwise skips them loudly.
 */
export function describeWithPostgres(testFile: string, name: string, suites: () => void): void {
  const source = serverSource(basename(testFile));
  (source.kind === 'none' ? describe.skip : describe)(name, suites);
}

/** A fresh database `nianbao_test_<file>_<random>` with the real migrations run; drop() removes it. */
export async function createTestDatabase(testFile: string): Promise<TestDatabase> {
  const source = serverSource(basename(testFile));
  if (source.kind === 'none') throw new Error('PostgreSQL is not available');
  const embedded = source.kind === 'embedded' ? await startEmbedded() : null;
  const serverUrl = embedded?.url ?? (source.kind === 'url' ? source.url : '');
  const name = databaseName(testFile);
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await embedded?.stop();
    },
  };
}
