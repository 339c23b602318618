import { getQueueToken } from '@nestjs/bullmq';
import type { AcceptedUpload } from '@nianbao/api-contract';
import { INGEST_QUEUE, parseUploadJobId } from '@nianbao/queue-contracts';
import type { Queue } from 'bullmq';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTestQueue, type TestQueue } from '../support/redis';
import { describeWithServers, settledUpload } from '../support/servers';

const REFERENCE = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'shahe-chaiguan-2023');
const REFERENCE_TXT = readdirSync(REFERENCE).find((name) => name.endsWith('.txt')) ?? '';
const REFERENCE_BYTES = readFileSync(join(REFERENCE, REFERENCE_TXT));

/** The reference report 1500 times over: 10 MB of text that takes the parser about 10 s and 200 MB of heap. */
const HUGE_REPORT = Buffer.from(Array(1500).fill(REFERENCE_BYTES.toString('utf-8')).join('\n'), 'utf-8');


describeWithServers(__filename, 'parse limits: the parse thread is stopped past its time or memory limit', () => {
  let db: TestDatabase;
  let queue: TestQueue;

  beforeAll(async () => {
    db = await createTestDatabase(__filename);
    queue = createTestQueue(__filename);
  }, 60_000);

  afterAll(async () => {
    await queue?.clear();
    await db?.drop();
  });

  /** Boots the real api and worker with these parse limits for the tests of one describe block. */
  function withApps(env: Record<string, string>): { http(): App; apps(): TestApps } {
    let apps: TestApps;
    beforeAll(async () => {
      apps = await startTestApps({ databaseUrl: db.url, redisUrl: queue.redisUrl, queuePrefix: queue.prefix, env });
    }, 60_000);
    afterAll(async () => {
      await apps?.close();
    });
    return { http: () => apps.api.getHttpServer() as App, apps: () => apps };
  }

  async function upload(http: App, name: string, bytes: Buffer): Promise<string> {
    const response = await request(http).post('/api/uploads').attach('files', bytes, name).expect(202);
    return (response.body as AcceptedUpload[])[0].id;
  }


  async function expectNoRetry(apps: TestApps, uploadId: string): Promise<void> {
    const job = await apps.api.get<Queue>(getQueueToken(INGEST_QUEUE)).getJob(parseUploadJobId(uploadId));
    expect(job).toBeDefined();
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
  }

  describe.each<{ limit: Record<string, string>; code: string; message: string; huge: string }>([
    {
      limit: { PARSE_TIMEOUT_MS: '1000' },
      code: 'parse_timeout',
      message: '解析超时',
      huge: 'a 10 MB text that parses for seconds',
    },
    {
      limit: { PARSE_MAX_MEMORY_MB: '64' },
      code: 'parse_out_of_memory',
      message: '内存',
      huge: 'a 10 MB text that needs some 200 MB of heap',
    },
  ])('with $limit', ({ limit, code, message, huge }) => {
    const servers = withApps(limit);

    it(`ends ${huge} failed with ${code}, without retrying`, async () => {
      const id = await upload(servers.http(), '年度报告.txt', HUGE_REPORT);
      const done = await settledUpload(servers.http(), id, 40_000);
      expect(done).toEqual({
        id,
        status: 'failed',
        fileName: '年度报告.txt',
        error: { code, message: expect.stringContaining(message) },
      });
      await expectNoRetry(servers.apps(), id);
    }, 60_000);

    it('parses a normal report on the thread that replaced the stopped one', async () => {
      const done = await settledUpload(servers.http(), await upload(servers.http(), REFERENCE_TXT, REFERENCE_BYTES), 40_000);
      expect(done).toEqual(expect.objectContaining({ status: 'parsed', reportId: expect.any(String) }));
    }, 60_000);
  });
});
