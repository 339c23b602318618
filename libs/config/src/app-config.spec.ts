import { DEFAULTS, loadConfig } from './app-config';
import { ConfigError, ConfigErrorCode } from './config-error';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/nianbao';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the defaults and runs the queue on Postgres without REDIS_URL', () => {
    const config = loadConfig({ DATABASE_URL });
    expect(config).toEqual({
      databaseUrl: DATABASE_URL,
      queue: { backend: 'postgres', url: DATABASE_URL },
      queuePrefix: DEFAULTS.queuePrefix,
      port: 3000,
      storageDir: '.data/storage',
      webDistDir: 'apps/web/dist',
      uploadLimits: { maxFileBytes: DEFAULTS.maxFileBytes, maxFilesPerRequest: DEFAULTS.maxFilesPerRequest },
      parseLimits: { timeoutMs: DEFAULTS.parseTimeoutMs, maxMemoryMb: DEFAULTS.parseMaxMemoryMb },
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      DATABASE_URL,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'test_1',
      PORT: '8080',
      STORAGE_DIR: '/var/lib/nianbao',
      WEB_DIST_DIR: '/srv/web',
      UPLOAD_MAX_FILE_BYTES: '1024',
      UPLOAD_MAX_FILES: '3',
      PARSE_TIMEOUT_MS: '1500',
      PARSE_MAX_MEMORY_MB: '256',
    });
    expect(config.queue).toEqual({ backend: 'redis', url: 'redis://127.0.0.1:6379' });
    expect(config.queuePrefix).toBe('test_1');
    expect(config.port).toBe(8080);
    expect(config.storageDir).toBe('/var/lib/nianbao');
    expect(config.webDistDir).toBe('/srv/web');
    expect(config.uploadLimits).toEqual({ maxFileBytes: 1024, maxFilesPerRequest: 3 });
    expect(config.parseLimits).toEqual({ timeoutMs: 1500, maxMemoryMb: 256 });
  });

  it('names a missing DATABASE_URL', () => {
    const error = configError(() => loadConfig({ DATABASE_URL: ' ' }));
    expect(error.code).toBe(ConfigErrorCode.Missing);
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toContain('缺少环境变量 DATABASE_URL');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL, REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ DATABASE_URL, PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL, PORT: '3e3' }, 'PORT'],
    [{ DATABASE_URL, UPLOAD_MAX_FILE_BYTES: '0' }, 'UPLOAD_MAX_FILE_BYTES'],
    [{ DATABASE_URL, QUEUE_PREFIX: 'a:b' }, 'QUEUE_PREFIX'],
    [{ DATABASE_URL, PARSE_TIMEOUT_MS: '99' }, 'PARSE_TIMEOUT_MS'],
    [{ DATABASE_URL, PARSE_TIMEOUT_MS: '1.5s' }, 'PARSE_TIMEOUT_MS'],
    [{ DATABASE_URL, PARSE_MAX_MEMORY_MB: '32' }, 'PARSE_MAX_MEMORY_MB'],
    [{ DATABASE_URL, PARSE_MAX_MEMORY_MB: '20000' }, 'PARSE_MAX_MEMORY_MB'],
  ])('rejects %j naming %s', (env, variable) => {
    const error = configError(() => loadConfig(env));
    expect(error.code).toBe(ConfigErrorCode.Invalid);
    expect(error.variable).toBe(variable);
  });
});
