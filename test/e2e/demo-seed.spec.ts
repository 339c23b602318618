import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/database';

interface SeriesBody {
  rows: { agency: string; region: string; year: number; value: number | null; kind: string; reportId: string | null }[];
}

describeWithPostgres(__filename, 'demo seed through the real upload path, queue on BullMQ’s PostgreSQL backend', () => {
  let db: TestDatabase;
  let apps: TestApps;
  let http: App;

  beforeAll(async () => {
    db = await createTestDatabase(__filename);
    apps = await startTestApps({ databaseUrl: db.url, queuePrefix: 'demo' });
    http = apps.api.getHttpServer() as App;
  }, 60_000);

  afterAll(async () => {
    await apps?.close();
    await db?.drop();
  });

  async function uploadStates(): Promise<Record<string, number>> {
    const rows = (await apps.api
      .get(DataSource)
      .query(`SELECT "status", COUNT(*)::int AS "n" FROM "upload" GROUP BY "status"`)) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  it('registers the demo city, and the worker parses every generated report', async () => {
    const summary = await apps.api.get(DemoSeedService).seed();
    expect(summary).toEqual({ agencies: 5, enqueued: 18, skipped: 0 });
    const deadline = Date.now() + 60_000;
    while ((await uploadStates()).parsed !== 18) {
      const states = await uploadStates();
      if (states.failed || Date.now() > deadline) throw new Error(`demo uploads: ${JSON.stringify(states)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const agencies = (await request(http).get('/api/agencies').expect(200)).body as { name: string; kind: string; region: string }[];
    expect(agencies.map((a) => [a.name, a.kind, a.region])).toEqual([
      ['东关镇人民政府', 'town', '演示市'],
      ['北山乡人民政府', 'township', '演示市'],
      ['南湖街道办事处', 'subdistrict', '演示市'],
      ['西岭乡人民政府', 'township', '演示市'],
      ['青石镇人民政府', 'town', '演示市'],
    ]);
  }, 90_000);

  it('shows missing years as missing and a broken report with its findings', async () => {
    const series = (
      await request(http)
        .get('/api/stats/series')
        .query({ metric: 'requests.total_handled.total', years: '2021,2022,2023,2024' })
        .expect(200)
    ).body as SeriesBody;
    expect(series.rows).toHaveLength(20);
    const kindOf = (agency: string, year: number) => series.rows.find((r) => r.agency === agency && r.year === year)?.kind;
    expect(kindOf('南湖街道办事处', 2021)).toBe('missing');
    expect(kindOf('北山乡人民政府', 2022)).toBe('missing');
    expect(series.rows.filter((r) => r.kind === 'number')).toHaveLength(18);

    const broken = series.rows.find((r) => r.agency === '西岭乡人民政府' && r.year === 2023);
    const report = (await request(http).get(`/api/reports/${broken?.reportId}`).expect(200)).body as {
      isDemo: boolean;
      findings: { rule: string; status: string }[];
    };
    expect(report.isDemo).toBe(true);
    expect(report.findings.filter((f) => f.status === 'failed').map((f) => f.rule)).toEqual(
      expect.arrayContaining(['R3.balance.total', 'R3.total_handled.total']),
    );
  });

  it('adds nothing when run again', async () => {
    const before = await uploadStates();
    await expect(apps.api.get(DemoSeedService).seed()).resolves.toEqual({ agencies: 5, enqueued: 0, skipped: 18 });
    expect(await uploadStates()).toEqual(before);
    expect(((await request(http).get('/api/agencies').expect(200)).body as unknown[]).length).toBe(5);
  });
});
