import { getQueueToken } from '@nestjs/bullmq';
import type { UploadResult, UploadView } from '@nianbao/api-contract';
import { FILE_STORAGE, UploadsRepository, type FileStorage } from '@nianbao/persistence';
import { INGEST_QUEUE, parseUploadJobId } from '@nianbao/queue-contracts';
import type { Queue } from 'bullmq';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTestQueue, type TestQueue } from '../support/redis';
import { describeWithServers } from '../support/servers';

const NOT_OK = resolve(__dirname, '..', 'fixtures', 'not-ok');
const SHANGHAI = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'shanghai-bgt-2019');
const SHANGHAI_NAME = '上海市人民政府办公厅2019年政府信息公开工作年度报告';
const PDF = readFileSync(join(SHANGHAI, `${SHANGHAI_NAME}.pdf`));
const DOCX = readFileSync(join(SHANGHAI, `${SHANGHAI_NAME}.docx`));
const DOC = readFileSync(join(SHANGHAI, `${SHANGHAI_NAME}.doc`));
const REFERENCE = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'shahe-chaiguan-2023');
const TEXT = readFileSync(join(REFERENCE, readdirSync(REFERENCE).find((name) => name.endsWith('.txt')) ?? ''));
const EXE = readFileSync(join(NOT_OK, 'program-exe-renamed.docx'));
const XLS = readFileSync(join(NOT_OK, 'legacy.xls'));
const MAX_FILE_BYTES = 200_000;
const MAX_FILES = 8;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** A multipart body written by hand, so that a part's Content-Disposition is exactly what a hostile client sends. */
function rawMultipart(disposition: string, bytes: Buffer): { boundary: string; body: Buffer } {
  const boundary = 'nianbao-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; ${disposition}\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return { boundary, body: Buffer.concat([Buffer.from(head, 'utf-8'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}


describeWithServers(__filename, 'POST /api/uploads checks each file by name and content before storing or queueing it', () => {
  let db: TestDatabase;
  let queue: TestQueue;
  let apps: TestApps;
  let http: App;

  beforeAll(async () => {
    db = await createTestDatabase(__filename);
    queue = createTestQueue(__filename);
    apps = await startTestApps({
      databaseUrl: db.url,
      redisUrl: queue.redisUrl,
      queuePrefix: queue.prefix,
      withWorker: false,
      env: { UPLOAD_MAX_FILE_BYTES: String(MAX_FILE_BYTES), UPLOAD_MAX_FILES: String(MAX_FILES) },
    });
    http = apps.api.getHttpServer() as App;
  }, 60_000);

  afterAll(async () => {
    await apps?.close();
    await queue?.clear();
    await db?.drop();
  });

  async function uploadCount(): Promise<number> {
    const [{ n }] = (await apps.api.get(DataSource).query(`SELECT COUNT(*)::int AS n FROM "upload"`)) as { n: number }[];
    return n;
  }

  async function jobCount(): Promise<number> {
    return apps.api.get<Queue>(getQueueToken(INGEST_QUEUE)).count();
  }

  it('accepts the good files of a batch and answers each rejected one with its own code', async () => {
    const [uploadsBefore, jobsBefore] = [await uploadCount(), await jobCount()];
    const response = await request(http)
      .post('/api/uploads')
      .attach('files', TEXT, '柴关乡2023年报.txt')
      .attach('files', PDF, '年报.docx')
      .attach('files', EXE, '程序.docx')
      .attach('files', DOCX, '年报.docx.js')
      .attach('files', XLS, '统计表.xls')
      .attach('files', DOC, '上海2019.wps')
      .attach('files', DOCX, '上海2019.docx')
      .expect(202);
    const entries = response.body as UploadResult[];
    const rejected = (code: string) => ({
      fileName: expect.any(String),
      status: 'rejected',
      error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    });
    expect(entries).toEqual([
      { id: expect.any(String), status: 'queued', fileName: '柴关乡2023年报.txt' },
      { ...rejected('extension_mismatch'), fileName: '年报.docx' },
      { ...rejected('extension_mismatch'), fileName: '程序.docx' },
      { ...rejected('extension_mismatch'), fileName: '年报.docx.js' },
      { ...rejected('legacy_spreadsheet'), fileName: '统计表.xls' },
      { id: expect.any(String), status: 'queued', fileName: '上海2019.wps' },
      { id: expect.any(String), status: 'queued', fileName: '上海2019.docx' },
    ]);
    expect(entries[1]).toEqual(expect.objectContaining({ error: expect.objectContaining({ message: expect.stringContaining('PDF') }) }));
    expect(await uploadCount()).toBe(uploadsBefore + 3);
    expect(await jobCount()).toBe(jobsBefore + 3);

    const originals = [TEXT, DOC, DOCX];
    const accepted = entries.filter((entry) => entry.status === 'queued');
    const ingest = apps.api.get<Queue>(getQueueToken(INGEST_QUEUE));
    for (const [index, entry] of accepted.entries()) {
      const status = (await request(http).get(`/api/uploads/${entry.id}`).expect(200)).body as UploadView;
      expect(status).toEqual({ id: entry.id, status: 'queued', fileName: entry.fileName });
      const upload = await apps.api.get(UploadsRepository).findById(entry.id);
      const stored = await apps.api.get<FileStorage>(FILE_STORAGE).get(upload?.storageKey ?? '');
      expect(stored.equals(originals[index])).toBe(true);
      expect(await ingest.getJob(parseUploadJobId(entry.id))).toBeDefined();
    }
  });

  it('answers 415 extension_mismatch to a lone PDF named .docx, storing and queueing nothing', async () => {
    const [uploadsBefore, jobsBefore] = [await uploadCount(), await jobCount()];
    const response = await request(http).post('/api/uploads').attach('files', PDF, '年报.docx').expect(415);
    expect(response.body).toEqual({
      statusCode: 415,
      code: 'extension_mismatch',
      message: expect.stringContaining('.docx'),
      files: [{ fileName: '年报.docx', status: 'rejected', error: { code: 'extension_mismatch', message: expect.any(String) } }],
    });
    expect([await uploadCount(), await jobCount()]).toEqual([uploadsBefore, jobsBefore]);
  });

  it.each([
    ['unsupported_type', 415, 'setup.exe', EXE],
    ['unsupported_type', 415, '年报', DOCX],
    ['legacy_spreadsheet', 415, '年报.et', readFileSync(join(NOT_OK, 'legacy-kingsoft.et'))],
    ['legacy_spreadsheet', 415, '年报.xlsx', XLS],
    ['empty_file', 422, '年报.txt', Buffer.alloc(0)],
    ['corrupt_file', 422, '年报.docx', readFileSync(join(NOT_OK, 'truncated.docx'))],
    ['encrypted_file', 422, '年报.docx', readFileSync(join(NOT_OK, 'password-protected.docx'))],
  ])('answers %s (%d) to %s', async (code, statusCode, name, bytes) => {
    const uploadsBefore = await uploadCount();
    const response = await request(http).post('/api/uploads').attach('files', bytes, name).expect(statusCode);
    expect(response.body).toEqual(expect.objectContaining({ statusCode, code, message: expect.any(String) }));
    expect(await uploadCount()).toBe(uploadsBefore);
  });

  it.each([
    ['NUL, percent-encoded as RFC 5987 allows (年报%00.docx)', `filename*=UTF-8''%E5%B9%B4%E6%8A%A5%00.docx`],
    ['a path', 'filename="../../etc/年报.docx"'],
    ['a Windows path', 'filename="C:\\报告\\年报.docx"'],
  ])('answers invalid_file_name (400) to a name with %s, storing nothing', async (_what, disposition) => {
    const uploadsBefore = await uploadCount();
    const { boundary, body } = rawMultipart(disposition, DOCX);
    const response = await request(http)
      .post('/api/uploads')
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
      .expect(400);
    expect(response.body).toEqual(expect.objectContaining({ statusCode: 400, code: 'invalid_file_name' }));
    expect(await uploadCount()).toBe(uploadsBefore);
  });

  it('answers 422 files_rejected with every reason when all files are rejected for different reasons', async () => {
    const response = await request(http)
      .post('/api/uploads')
      .attach('files', PDF, '年报.docx')
      .attach('files', XLS, '年报.xls')
      .expect(422);
    expect(response.body).toEqual({
      statusCode: 422,
      code: 'files_rejected',
      message: expect.any(String),
      files: [
        expect.objectContaining({ fileName: '年报.docx', status: 'rejected', error: expect.objectContaining({ code: 'extension_mismatch' }) }),
        expect.objectContaining({ fileName: '年报.xls', status: 'rejected', error: expect.objectContaining({ code: 'legacy_spreadsheet' }) }),
      ],
    });
  });

  it('leaves no staged file behind, whatever became of the request, and stores each accepted content once', async () => {
    const badField = await request(http).post('/api/uploads').field('year', 'next').attach('files', TEXT, '年报.txt');
    expect(badField.status).toBe(400);
    const tooLarge = await request(http)
      .post('/api/uploads')
      .attach('files', TEXT, '年报.txt')
      .attach('files', Buffer.alloc(MAX_FILE_BYTES + 1, 0x20), 'big.txt');
    expect(tooLarge.status).toBe(413);
    const tooMany = request(http).post('/api/uploads');
    for (let i = 0; i <= MAX_FILES; i += 1) tooMany.attach('files', TEXT, `年报${i}.txt`);
    expect((await tooMany).status).toBe(400);
    const unknownAgency = await request(http)
      .post('/api/uploads')
      .field('agencyId', '00000000-0000-4000-8000-000000000000')
      .attach('files', TEXT, '年报.txt');
    expect(unknownAgency.status).toBe(400);
    await request(http).post('/api/uploads').attach('files', TEXT, '再传一次.txt').expect(202);

    expect(await filesUnder(join(apps.config.storageDir, 'incoming'))).toEqual([]);
    const stored = await filesUnder(join(apps.config.storageDir, 'sha256'));
    expect(stored).toHaveLength(3);
  });
});
