import type { UploadView } from '@nianbao/api-contract';
import { basename } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { describeWithPostgres } from './database';
import { redisAvailable } from './redis';

/** `describe` for suites that need both PostgreSQL and Redis; skipped loudly (or failing in CI) without Redis. */
export function describeWithServers(testFile: string, name: string, suites: () => void): void {
  if (redisAvailable(basename(testFile))) describeWithPostgres(testFile, name, suites);
  else describe.skip(name, suites);
}

/** Polls `GET /api/uploads/:id` until the upload is parsed or failed; throws when it is still pending at the deadline. */
export async function settledUpload(http: App, id: string, timeoutMs = 30_000): Promise<UploadView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await request(http).get(`/api/uploads/${id}`).expect(200)).body as UploadView;
    if (body.status === 'parsed' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`upload ${id} still ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
