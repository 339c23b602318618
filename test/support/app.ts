import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig, type AppConfig } from '@nianbao/config';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttp } from '../../apps/api/src/http-setup';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export interface TestAppsOptions {
  databaseUrl: string;
  /** Without it the queue runs on BullMQ's PostgreSQL backend in the test database. */
  redisUrl?: string;
  queuePrefix: string;
  /** Start the worker module too (default true). */
  withWorker?: boolean;
  /** Extra environment, e.g. upload limits; validated like the real process's. */
  env?: Record<string, string>;
}

export interface TestApps {
  config: AppConfig;
  /** The real api module over HTTP (not listening; pass `api.getHttpServer()` to supertest). */
  api: INestApplication;
  /** The real worker module, consuming the same queue (null with `withWorker: false`). */
  worker: INestApplicationContext | null;
  close(): Promise<void>;
}

/** Boots the real api and worker modules against the given database and queue, with a throwaway storage dir. */
export async function startTestApps(options: TestAppsOptions): Promise<TestApps> {
  const storageDir = await mkdtemp(join(tmpdir(), 'nianbao-storage-'));
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    QUEUE_PREFIX: options.queuePrefix,
    STORAGE_DIR: storageDir,
    WEB_DIST_DIR: join(storageDir, 'no-web-build'),
    ...options.env,
  });
  const apiModule = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile();
  const api = apiModule.createNestApplication({ logger: ['error', 'warn'] });
  configureHttp(api, config);
  await api.init();
  const worker =
    options.withWorker === false
      ? null
      : await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] }).compile();
  worker?.useLogger(['error', 'warn']);
  await worker?.init();
  return {
    config,
    api,
    worker,
    close: async () => {
      await worker?.close();
      await api.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
