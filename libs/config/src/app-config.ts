import { ConfigError, ConfigErrorCode } from './config-error';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface UploadLimits {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Most files accepted in one request. */
  maxFilesPerRequest: number;
}

/** Bounds on one parse in the worker's parse thread; past either, the thread is terminated and replaced. */
export interface ParseLimits {
  /** Wall-clock time one file may take to parse, in milliseconds. */
  timeoutMs: number;
  /** The parse thread's JS heap (V8 old generation), in MB; the file's bytes are bounded by the upload limits. */
  maxMemoryMb: number;
}

/** Where the queue lives: Redis when REDIS_URL is set, otherwise BullMQ's PostgreSQL backend on DATABASE_URL. */
export type QueueConnection = { backend: 'redis'; url: string } | { backend: 'postgres'; url: string };

/** Every setting the api, the worker and the migration CLI read, validated once. */
export interface AppConfig {
  databaseUrl: string;
  queue: QueueConnection;
  queuePrefix: string;
  port: number;
  storageDir: string;
  webDistDir: string;
  uploadLimits: UploadLimits;
  parseLimits: ParseLimits;
}

export const DEFAULTS = {
  port: 3000,
  storageDir: '.data/storage',
  webDistDir: 'apps/web/dist',
  queuePrefix: 'nianbao',
  maxFileBytes: 20 * 1024 * 1024,
  maxFilesPerRequest: 10,
  parseTimeoutMs: 60_000,
  parseMaxMemoryMb: 512,
} as const;

/** The parser alone needs about 40 MB of heap once loaded; below this a parse thread could not even start. */
const MIN_PARSE_MEMORY_MB = 64;

function present(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function required(env: Environment, name: string, hint: string): string {
  const value = present(env, name);
  if (value === undefined) {
    throw new ConfigError(ConfigErrorCode.Missing, name, `缺少环境变量 ${name}：${hint}`);
  }
  return value;
}

function url(env: Environment, name: string, protocols: readonly string[], value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(ConfigErrorCode.Invalid, name, `环境变量 ${name} 不是有效的连接地址`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      ConfigErrorCode.Invalid,
      name,
      `环境变量 ${name} 的协议应为 ${protocols.join(' 或 ')}，实际为 ${parsed.protocol}`,
    );
  }
  return value;
}

function positiveInteger(
  env: Environment,
  name: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
  min = 1,
): number {
  const value = present(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(
      ConfigErrorCode.Invalid,
      name,
      `环境变量 ${name} 应为 ${min} 到 ${max} 之间的整数，实际为「${value}」`,
    );
  }
  return Number(value);
}

function queuePrefix(env: Environment): string {
  const value = present(env, 'QUEUE_PREFIX') ?? DEFAULTS.queuePrefix;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new ConfigError(
      ConfigErrorCode.Invalid,
      'QUEUE_PREFIX',
      `环境变量 QUEUE_PREFIX 只能包含字母、数字、下划线和连字符（至多 64 个字符），实际为「${value}」`,
    );
  }
  return value;
}

/** Reads and validates the settings; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Environment): AppConfig {
  const databaseUrl = url(
    env,
    'DATABASE_URL',
    ['postgres:', 'postgresql:'],
    required(env, 'DATABASE_URL', '请设置 PostgreSQL 连接地址，例如 postgres://postgres@127.0.0.1:5432/nianbao'),
  );
  const redisUrl = present(env, 'REDIS_URL');
  const queue: QueueConnection =
    redisUrl === undefined
      ? { backend: 'postgres', url: databaseUrl }
      : { backend: 'redis', url: url(env, 'REDIS_URL', ['redis:', 'rediss:'], redisUrl) };
  return {
    databaseUrl,
    queue,
    queuePrefix: queuePrefix(env),
    port: positiveInteger(env, 'PORT', DEFAULTS.port, 65535),
    storageDir: present(env, 'STORAGE_DIR') ?? DEFAULTS.storageDir,
    webDistDir: present(env, 'WEB_DIST_DIR') ?? DEFAULTS.webDistDir,
    uploadLimits: {
      maxFileBytes: positiveInteger(env, 'UPLOAD_MAX_FILE_BYTES', DEFAULTS.maxFileBytes),
      maxFilesPerRequest: positiveInteger(env, 'UPLOAD_MAX_FILES', DEFAULTS.maxFilesPerRequest, 1000),
    },
    parseLimits: {
      timeoutMs: positiveInteger(env, 'PARSE_TIMEOUT_MS', DEFAULTS.parseTimeoutMs, 3_600_000, 100),
      maxMemoryMb: positiveInteger(env, 'PARSE_MAX_MEMORY_MB', DEFAULTS.parseMaxMemoryMb, 16_384, MIN_PARSE_MEMORY_MB),
    },
  };
}

/** The process's own settings: the one place that reads process.env for the apps and the migration CLI. */
export function loadProcessConfig(): AppConfig {
  return loadConfig(process.env);
}
