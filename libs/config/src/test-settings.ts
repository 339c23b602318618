/** Where the integration and e2e suites find their servers; read from the environment in this one place. */
export interface TestSettings {
  databaseUrl: string;
  redisUrl: string;
  /** In CI an unreachable server fails the run instead of skipping suites. */
  ci: boolean;
}

export function loadTestSettings(): TestSettings {
  return {
    databaseUrl: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
    ci: process.env.CI === 'true' || process.env.CI === '1',
  };
}
