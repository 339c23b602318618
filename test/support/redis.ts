import { loadTestSettings } from '@nianbao/config';
import { basename } from 'node:path';
import Redis from 'ioredis';
import { reachable, unavailable } from './probe';

export interface TestQueue {
  redisUrl: string;
  /** Unique per test file, so that parallel files never share queues. */
  prefix: string;
  /** Removes every key under the prefix. */
  clear(): Promise<void>;
}

export function redisAvailable(suite: string): boolean {
  const settings = loadTestSettings();
  if (reachable(settings.redisUrl, 6379)) return true;
  unavailable('Redis', settings.redisUrl, suite, settings.ci);
  return false;
}

/** `describe` for suites that need Redis; skipped loudly (or failing in CI) when it is not reachable. */
export function describeWithRedis(testFile: string, name: string, suites: () => void): void {
  (redisAvailable(basename(testFile)) ? describe : describe.skip)(name, suites);
}

export function createTestQueue(testFile: string): TestQueue {
  const label = basename(testFile)
    .replace(/\.(spec|test)\.ts$/, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .slice(0, 30);
  const prefix = `nianbao_test_${label}_${Math.random().toString(36).slice(2, 10)}`;
  const redisUrl = loadTestSettings().redisUrl;
  return {
    redisUrl,
    prefix,
    clear: async () => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
