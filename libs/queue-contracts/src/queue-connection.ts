import type { QueueOptions } from 'bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '@nianbao/config';

/**
 * BullMQ's root options for this process. With REDIS_URL the queue runs on Redis under QUEUE_PREFIX; without it,
 * on BullMQ's PostgreSQL backend in DATABASE_URL's schema `bullmq` (created on first connect), which this switches
 * on process-wide — BullMQ's documented way for classes built by others (here @nestjs/bullmq).
 */
export function queueRootOptions(config: AppConfig): QueueOptions {
  if (config.queue.backend === 'redis') {
    return { connection: { url: config.queue.url, maxRetriesPerRequest: null }, prefix: config.queuePrefix };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const postgres = { connectionString: config.queue.url, migrate: true };
  return { connection: postgres };
}
