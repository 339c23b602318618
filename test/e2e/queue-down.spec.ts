import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/database';

describeWithPostgres(__filename, 'the api with its queue unreachable', () => {
  let db: TestDatabase;
  let apps: TestApps;
  let http: App;

  beforeAll(async () => {
    db = await createTestDatabase(__filename);
    apps = await startTestApps({ databaseUrl: db.url, redisUrl: 'redis://127.0.0.1:1', queuePrefix: 'down', withWorker: false });
    http = apps.api.getHttpServer() as App;
  }, 60_000);

  afterAll(async () => {
    try {
      await apps?.close();
    } finally {
      await db?.drop();
    }
  });

  it('reports the queue down in health with 503', async () => {
    const response = await request(http).get('/api/health').expect(503);
    expect(response.body).toEqual({ status: 'degraded', database: 'up', queue: 'down' });
  });

  it('answers an upload with 503 queue_unavailable in bounded time and keeps the upload queued', async () => {
    const started = Date.now();
    const response = await request(http).post('/api/uploads').attach('files', Buffer.from('年度报告'), 'a.txt').expect(503);
    expect(response.body).toEqual({ statusCode: 503, code: 'queue_unavailable', message: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(15_000);
    const rows = (await apps.api.get(DataSource).query(`SELECT "status" FROM "upload"`)) as { status: string }[];
    expect(rows).toEqual([{ status: 'queued' }]);
  }, 20_000);
});
