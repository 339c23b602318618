import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/database';

const INDEX = '<!doctype html><html><body><div id="app"></div></body></html>';

describeWithPostgres(__filename, 'the built web app served beside the api', () => {
  let db: TestDatabase;
  let apps: TestApps;
  let http: App;
  let webDist: string;

  beforeAll(async () => {
    webDist = await mkdtemp(join(tmpdir(), 'nianbao-web-'));
    await mkdir(join(webDist, 'assets'));
    await writeFile(join(webDist, 'index.html'), INDEX);
    await writeFile(join(webDist, 'assets', 'app.js'), 'console.log("nianbao")');
    db = await createTestDatabase(__filename);
    apps = await startTestApps({ databaseUrl: db.url, queuePrefix: 'web', withWorker: false, env: { WEB_DIST_DIR: webDist } });
    http = apps.api.getHttpServer() as App;
  }, 60_000);

  afterAll(async () => {
    await apps?.close();
    await db?.drop();
    await rm(webDist, { recursive: true, force: true });
  });

  it('serves files of the build with nosniff', async () => {
    const response = await request(http).get('/assets/app.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers client-side routes with index.html', async () => {
    for (const path of ['/', '/reports/2f1c', '/compare?metric=x']) {
      const response = await request(http).get(path).set('Accept', 'text/html').expect(200);
      expect(response.text).toBe(INDEX);
    }
  });

  it('keeps /api answers as JSON, including unknown api paths', async () => {
    const response = await request(http).get('/api/no-such-thing').set('Accept', 'text/html').expect(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: expect.any(String) });
    await request(http).get('/api/agencies').expect(200, []);
  });
});
