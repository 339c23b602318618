import type { AcceptedUpload } from '@nianbao/api-contract';
import { INGEST_QUEUE, IngestJobName, parseUploadJobOptions } from '@nianbao/queue-contracts';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTestQueue, type TestQueue } from '../support/redis';
import { describeWithServers, settledUpload } from '../support/servers';
import { buildReportDocx, reportFromFixture } from '../support/report-files';

const FIXTURES = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures');
const REFERENCE = join(FIXTURES, 'real', 'shahe-chaiguan-2023');
const REFERENCE_TXT = readdirSync(REFERENCE).find((name) => name.endsWith('.txt')) ?? '';
const EXPECTED = JSON.parse(readFileSync(join(REFERENCE, 'expected.json'), 'utf-8')) as {
  values: Record<string, number | null>;
};

const MAX_FILE_BYTES = 512 * 1024;
const MAX_FILES = 4;
const COUNTED_TABLES = ['report', 'report_version', 'report_value', 'finding', 'current_value', 'agency', 'region'];


describeWithServers(__filename, 'upload → queue → worker → Postgres → API (real api and worker modules)', () => {
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
      env: { UPLOAD_MAX_FILE_BYTES: String(MAX_FILE_BYTES), UPLOAD_MAX_FILES: String(MAX_FILES) },
    });
    http = apps.api.getHttpServer() as App;
  }, 60_000);

  afterAll(async () => {
    await apps?.close();
    await queue?.clear();
    await db?.drop();
  });

  async function upload(name: string, bytes: Buffer, fields: Record<string, string> = {}): Promise<string> {
    const req = request(http).post('/api/uploads');
    for (const [field, value] of Object.entries(fields)) req.field(field, value);
    const response = await req.attach('files', bytes, name).expect(202);
    expect(response.body).toEqual([{ id: expect.any(String), status: 'queued', fileName: name }]);
    return (response.body as AcceptedUpload[])[0].id;
  }


  async function counts(): Promise<number[]> {
    const dataSource = apps.api.get(DataSource);
    return Promise.all(
      COUNTED_TABLES.map(async (table) => {
        const [{ n }] = (await dataSource.query(`SELECT COUNT(*)::int AS n FROM "${table}"`)) as { n: number }[];
        return n;
      }),
    );
  }

  let reportId = '';
  let txtUploadId = '';

  it('answers health with database and queue up', async () => {
    const response = await request(http).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', queue: 'up' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('parses the reference report (.txt) and serves every value of its expected.json', async () => {
    txtUploadId = await upload(REFERENCE_TXT, readFileSync(join(REFERENCE, REFERENCE_TXT)));
    const done = await settledUpload(http, txtUploadId);
    expect(done).toEqual({ id: txtUploadId, status: 'parsed', fileName: REFERENCE_TXT, reportId: expect.any(String) });
    reportId = done.reportId ?? '';

    const report = (await request(http).get(`/api/reports/${reportId}`).expect(200)).body as {
      agency: { name: string; kind: string; region: string };
      year: number;
      values: Record<string, number | null>;
      cells: Record<string, { kind: string }>;
      uploadId: string;
      versionNumber: number;
      isDemo: boolean;
    };
    expect(report.agency).toEqual(expect.objectContaining({ name: '柴关乡人民政府', kind: 'township', region: '沙河市' }));
    expect(report.year).toBe(2023);
    expect(report.uploadId).toBe(txtUploadId);
    expect(report.versionNumber).toBe(1);
    expect(report.isDemo).toBe(false);
    expect(report.values).toEqual(EXPECTED.values);
    expect(Object.keys(report.cells).sort()).toEqual(Object.keys(EXPECTED.values).sort());
  });

  it('reads 行政许可 108 and 行政处罚 19 for 柴关乡 2023 through the series endpoint', async () => {
    const agencies = (await request(http).get('/api/agencies').expect(200)).body as { id: string; name: string }[];
    expect(agencies).toEqual([{ id: expect.any(String), name: '柴关乡人民政府', kind: 'township', region: '沙河市' }]);
    const [chaiguan] = agencies;
    for (const [metric, value] of [
      ['proactive.licensing.decisions', 108],
      ['proactive.penalty.decisions', 19],
    ] as const) {
      const response = await request(http)
        .get('/api/stats/series')
        .query({ metric, years: '2022,2023', agencyIds: chaiguan.id })
        .expect(200);
      expect(response.body).toEqual({
        metric,
        label: expect.any(String),
        years: [2022, 2023],
        rows: [
          { agencyId: chaiguan.id, agency: '柴关乡人民政府', region: '沙河市', year: 2022, value: null, kind: 'missing', reportId: null },
          { agencyId: chaiguan.id, agency: '柴关乡人民政府', region: '沙河市', year: 2023, value, kind: 'number', reportId },
        ],
      });
    }
  });

  it('writes nothing twice when the same parse job is delivered again', async () => {
    const before = await counts();
    await apps.api
      .get(DataSource)
      .query(`UPDATE "upload" SET "status" = 'parsing' WHERE "id" = $1`, [txtUploadId]);
    const ingest = apps.api.get<Queue>(getQueueToken(INGEST_QUEUE));
    const redelivered = await ingest.add(
      IngestJobName.ParseUpload,
      { uploadId: txtUploadId },
      parseUploadJobOptions(txtUploadId, 1),
    );
    const duplicate = await ingest.add(
      IngestJobName.ParseUpload,
      { uploadId: txtUploadId },
      parseUploadJobOptions(txtUploadId, 1),
    );
    expect(duplicate.id).toBe(redelivered.id);
    const deadline = Date.now() + 20_000;
    while ((await redelivered.getState()) !== 'completed') {
      if (Date.now() > deadline) throw new Error(`re-delivered job is ${await redelivered.getState()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await counts()).toEqual(before);
    expect(await settledUpload(http, txtUploadId)).toEqual(expect.objectContaining({ status: 'parsed', reportId }));
  });

  it('parses a .docx built from the reference report into a second version of the same report', async () => {
    const docx = await buildReportDocx(reportFromFixture(REFERENCE));
    const id = await upload('沙河市柴关乡2023年政府信息公开工作年度报告.docx', docx);
    const done = await settledUpload(http, id);
    expect(done).toEqual(expect.objectContaining({ status: 'parsed', reportId }));
    const report = (await request(http).get(`/api/reports/${reportId}`).expect(200)).body as {
      values: Record<string, number | null>;
      uploadId: string;
      versionNumber: number;
    };
    expect(report.uploadId).toBe(id);
    expect(report.versionNumber).toBe(2);
    expect(report.values).toEqual(EXPECTED.values);
  });

  it('records a declared year the report contradicts as an X.year finding', async () => {
    const id = await upload(REFERENCE_TXT, readFileSync(join(REFERENCE, REFERENCE_TXT)), { year: '2022' });
    const done = await settledUpload(http, id);
    expect(done.status).toBe('parsed');
    const report = (await request(http).get(`/api/reports/${done.reportId}`).expect(200)).body as {
      year: number;
      findings: { rule: string; expected: number; actual: number }[];
    };
    expect(report.year).toBe(2023);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'X.year', expected: 2022, actual: 2023 }));
  });

  it('refuses a garbage file at the edge, and ends a text that is no report failed with a code and a Chinese message', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const before = await counts();
    const refused = await request(http).post('/api/uploads').attach('files', png, '年报.docx').expect(415);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'extension_mismatch', message: expect.stringContaining('扩展名') }));
    expect(await counts()).toEqual(before);
    const text = await settledUpload(http, await upload('notes.txt', Buffer.from('这是一份会议纪要，不是年度报告。\n')));
    expect(text).toEqual({
      id: expect.any(String),
      status: 'failed',
      fileName: 'notes.txt',
      error: { code: 'not_annual_report', message: expect.stringContaining('不是政府信息公开工作年度报告') },
    });
  });

  it('files the 洪泽区 reports of 2023 (洪泽区人民政府) and 2024 (淮安市洪泽区人民政府) under one body', async () => {
    const reportIds: string[] = [];
    for (const [folder, file] of [
      ['hongze-2023', 'hzq2023_working.pdf'],
      ['hongze-2024', 'hzq2024_working.pdf'],
    ]) {
      const done = await settledUpload(http, await upload(file, readFileSync(join(FIXTURES, 'real', folder, file))));
      expect(done.status).toBe('parsed');
      reportIds.push(done.reportId ?? '');
    }
    const [first, second] = await Promise.all(
      reportIds.map(async (id) => (await request(http).get(`/api/reports/${id}`).expect(200)).body as { agency: { id: string } }),
    );
    expect(second.agency.id).toBe(first.agency.id);
    const agencies = (await request(http).get('/api/agencies').expect(200)).body as { name: string; region: string }[];
    expect(agencies.filter((agency) => agency.name.includes('洪泽'))).toEqual([
      expect.objectContaining({ name: '洪泽区人民政府', region: '淮安市洪泽区' }),
    ]);
  }, 60_000);

  it('answers 413 to a file over the size limit and stores nothing', async () => {
    const before = await counts();
    const response = await request(http)
      .post('/api/uploads')
      .attach('files', Buffer.alloc(MAX_FILE_BYTES + 1, 0x20), 'big.txt')
      .expect(413);
    expect(response.body).toEqual({ statusCode: 413, code: 'file_too_large', message: expect.any(String) });
    expect(await counts()).toEqual(before);
  });

  it('answers 400 with a code to no files, too many files and bad fields', async () => {
    const none = await request(http).post('/api/uploads').field('year', '2023').expect(400);
    expect(none.body).toEqual(expect.objectContaining({ code: 'no_files' }));
    const many = request(http).post('/api/uploads');
    for (let i = 0; i <= MAX_FILES; i += 1) many.attach('files', Buffer.from(`file ${i}`), `f${i}.txt`);
    expect((await many.expect(400)).body).toEqual(expect.objectContaining({ code: 'too_many_files' }));
    const badYear = await request(http)
      .post('/api/uploads')
      .field('year', 'next')
      .attach('files', Buffer.from('x'), 'x.txt')
      .expect(400);
    expect(badYear.body).toEqual(expect.objectContaining({ code: 'invalid_request' }));
    const unknownAgency = await request(http)
      .post('/api/uploads')
      .field('agencyId', '00000000-0000-4000-8000-000000000000')
      .attach('files', Buffer.from('x'), 'x.txt')
      .expect(400);
    expect(unknownAgency.body).toEqual(expect.objectContaining({ code: 'unknown_agency' }));
  });

  it('answers 400 to an unknown metric and 404 to unknown ids', async () => {
    const metric = await request(http).get('/api/stats/series').query({ metric: 'drop table', years: '2023' }).expect(400);
    expect(metric.body).toEqual(expect.objectContaining({ statusCode: 400, code: 'unknown_metric' }));
    await request(http).get('/api/stats/series').query({ metric: 'proactive.licensing.decisions' }).expect(400);
    expect((await request(http).get('/api/uploads/not-a-uuid').expect(404)).body.code).toBe('upload_not_found');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await request(http).get(`/api/reports/${missing}`).expect(404)).body.code).toBe('report_not_found');
  });
});
