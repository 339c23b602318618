import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { STRANDED_AFTER_MS, UploadRequeueService } from '../../apps/api/src/uploads/upload-requeue.service';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTestQueue, type TestQueue } from '../support/redis';
import { describeWithServers, settledUpload } from '../support/servers';

const REFERENCE = join(resolve(__dirname, '..', '..', '..', 'shared', 'fixtures'), 'real', 'shahe-chaiguan-2023');
const REFERENCE_TXT = readdirSync(REFERENCE).find((name) => name.endsWith('.txt')) ?? '';


describeWithServers(__filename, 'an upload accepted while the queue was down', () => {
  let db: TestDatabase;
  let queue: TestQueue;
  let storageDir: string;
  let apps: TestApps | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(__filename);
    queue = createTestQueue(__filename);
    storageDir = await mkdtemp(join(tmpdir(), 'nianbao-requeue-'));
  }, 60_000);

  afterAll(async () => {
    await apps?.close();
    await queue?.clear();
    await db?.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('is kept queued, then parsed once the sweep of a healthy api enqueues it again', async () => {
    const down = await startTestApps({
      databaseUrl: db.url,
      redisUrl: 'redis://127.0.0.1:1',
      queuePrefix: queue.prefix,
      withWorker: false,
      env: { STORAGE_DIR: storageDir },
    });
    try {
      await request(down.api.getHttpServer() as App)
        .post('/api/uploads')
        .attach('files', readFileSync(join(REFERENCE, REFERENCE_TXT)), 'chaiguan-2023.txt')
        .expect(503);
    } finally {
      await down.close();
    }

    apps = await startTestApps({
      databaseUrl: db.url,
      redisUrl: queue.redisUrl,
      queuePrefix: queue.prefix,
      env: { STORAGE_DIR: storageDir },
    });
    const [{ id }] = (await apps.api.get(DataSource).query(`SELECT "id" FROM "upload"`)) as { id: string }[];
    const requeue = apps.api.get(UploadRequeueService);
    const later = () => new Date(Date.now() + 2 * STRANDED_AFTER_MS);
    await expect(requeue.sweep(later())).resolves.toBe(1);

    const settled = await settledUpload(apps.api.getHttpServer() as App, id);
    expect(settled.status).toBe('parsed');
    await expect(requeue.sweep(later())).resolves.toBe(0);
  }, 60_000);
});
