import type { Finding, ParsedReport } from '@nianbao/report-format';
import {
  AgenciesRepository,
  ReportsRepository,
  StatsRepository,
  UploadsRepository,
  type NewUpload,
} from '@nianbao/persistence';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/database';

function parsedReport(values: Record<string, number | null>, overrides: Partial<ParsedReport> = {}): ParsedReport {
  return {
    format: '2021',
    tableFormats: { proactive: '2021', requests: '2021' },
    title: '沙河市柴关乡2023年政府信息公开工作年度报告',
    agency: '柴关乡人民政府',
    region: '沙河市',
    year: 2023,
    statisticsPeriod: { from: '2023-01-01', to: '2023-12-31' },
    values,
    cells: Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        value === null ? { kind: 'blank' as const, raw: '', value: null } : { kind: 'number' as const, raw: ` ${value}`, value },
      ]),
    ),
    findings: [],
    sections: { overview: '2023年以来，我乡政务公开工作……' },
    ...overrides,
  };
}

const FINDING: Finding = {
  rule: 'R3.balance.total',
  severity: 'error',
  status: 'failed',
  cells: ['requests.new_received.total', 'requests.carried_over.total'],
  expected: 3,
  actual: 2,
  message: '表三「总计」列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度；应为 3，实际为 2',
};

describeWithPostgres(__filename, 'persistence against the real database', () => {
  let db: TestDatabase;
  let agencies: AgenciesRepository;
  let uploads: UploadsRepository;
  let reports: ReportsRepository;
  let stats: StatsRepository;

  beforeAll(async () => {
    db = await createTestDatabase(__filename);
    agencies = new AgenciesRepository(db.dataSource);
    uploads = new UploadsRepository(db.dataSource);
    reports = new ReportsRepository(db.dataSource);
    stats = new StatsRepository(db.dataSource);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  async function newUpload(overrides: Partial<NewUpload> = {}): Promise<string> {
    const id = randomUUID();
    await uploads.create({
      id,
      agencyId: null,
      declaredYear: null,
      fileName: '年报.txt',
      mediaType: 'text/plain',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
      storageKey: `sha256/aa/${'a'.repeat(64)}`,
      isDemo: false,
      ...overrides,
    });
    return id;
  }

  async function count(table: string): Promise<number> {
    const [{ n }] = (await db.dataSource.query(`SELECT COUNT(*)::int AS n FROM "${table}"`)) as { n: number }[];
    return n;
  }

  it('registers a body once and finds it again by its other printed forms', async () => {
    const first = await agencies.findOrRegister({ name: '柴关乡人民政府', regionName: '沙河市' });
    expect(first.registered).toBe(true);
    expect(first.agency).toEqual(expect.objectContaining({ name: '柴关乡人民政府', kind: 'township', region: '沙河市' }));
    const again = await agencies.findOrRegister({ name: '柴关乡', regionName: '沙河市' });
    expect(again).toEqual({ agency: first.agency, registered: false });
    await expect(agencies.findByPrintedName('沙河市柴关乡人民政府', '沙河市')).resolves.toEqual(first.agency);
    await expect(agencies.findByPrintedName('新城镇人民政府')).resolves.toBeNull();
  });

  it('finds 洪泽区人民政府 (2023) when 2024 prints 淮安市洪泽区人民政府, and keeps other bodies apart', async () => {
    const hongze2023 = await agencies.findOrRegister({ name: '洪泽区人民政府', regionName: '淮安市洪泽区' });
    const hongze2024 = await agencies.findOrRegister({ name: '淮安市洪泽区人民政府', regionName: '淮安市洪泽区' });
    expect(hongze2024).toEqual({ agency: hongze2023.agency, registered: false });
    const huaian = await agencies.findOrRegister({ name: '淮安市人民政府', regionName: '淮安市' });
    expect(huaian.registered).toBe(true);
    const committee = await agencies.findOrRegister({ name: '柴关乡党委', regionName: '沙河市' });
    expect(committee.registered).toBe(true);
    const hongzeDongcheng = await agencies.findOrRegister({ name: '东城街道办事处', regionName: '淮安市洪泽区' });
    const shuyangDongcheng = await agencies.findOrRegister({ name: '东城街道办事处', regionName: '沭阳县' });
    expect(shuyangDongcheng.registered).toBe(true);
    expect(shuyangDongcheng.agency.id).not.toBe(hongzeDongcheng.agency.id);
    await expect(agencies.findByPrintedName('淮安市洪泽区东城街道', '淮安市洪泽区')).resolves.toEqual(hongzeDongcheng.agency);
  });

  it('saves a parsed version in one go and reads it back', async () => {
    const { agency } = await agencies.findOrRegister({ name: '柴关乡人民政府', regionName: '沙河市' });
    const uploadId = await newUpload();
    const saved = await reports.saveParsedVersion({
      uploadId,
      agencyId: agency.id,
      year: 2023,
      parserVersion: 'test-1',
      report: parsedReport({ 'proactive.licensing.decisions': 108, 'proactive.fees.amount': 1.25, 'requests.new_received.total': null }),
      findings: [FINDING],
    });
    expect(saved).toEqual(expect.objectContaining({ versionNumber: 1, created: true }));

    const view = await reports.findReportView(saved.reportId);
    expect(view).toEqual(
      expect.objectContaining({
        id: saved.reportId,
        year: 2023,
        format: '2021',
        uploadId,
        versionNumber: 1,
        isDemo: false,
        values: { 'proactive.licensing.decisions': 108, 'proactive.fees.amount': 1.25, 'requests.new_received.total': null },
        findings: [FINDING],
      }),
    );
    expect(view?.cells['proactive.licensing.decisions']).toEqual({ kind: 'number', raw: ' 108', value: 108 });
    expect(view?.cells['requests.new_received.total']).toEqual({ kind: 'blank', raw: '', value: null });
    await expect(uploads.findById(uploadId)).resolves.toEqual(
      expect.objectContaining({ status: 'parsed', reportId: saved.reportId, error: null }),
    );
  });

  it('writes nothing the second time the same upload is saved', async () => {
    const { agency } = await agencies.findOrRegister({ name: '新城镇人民政府', regionName: '沙河市' });
    const uploadId = await newUpload();
    const input = {
      uploadId,
      agencyId: agency.id,
      year: 2022,
      parserVersion: 'test-1',
      report: parsedReport({ 'proactive.licensing.decisions': 5 }, { year: 2022 }),
      findings: [FINDING],
    };
    const first = await reports.saveParsedVersion(input);
    const tables = ['report', 'report_version', 'report_value', 'finding', 'current_value'];
    const before = await Promise.all(tables.map(count));
    const [second, third] = await Promise.all([reports.saveParsedVersion(input), reports.saveParsedVersion(input)]);
    expect(second).toEqual({ ...first, created: false });
    expect(third).toEqual({ ...first, created: false });
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('moves the current version and the current values to a newer upload of the same report', async () => {
    const { agency } = await agencies.findOrRegister({ name: '桥东街道办事处', regionName: '沙河市' });
    const save = async (value: number, extra: Record<string, number | null>) =>
      reports.saveParsedVersion({
        uploadId: await newUpload(),
        agencyId: agency.id,
        year: 2021,
        parserVersion: 'test-1',
        report: parsedReport({ 'proactive.licensing.decisions': value, ...extra }, { year: 2021 }),
        findings: [],
      });
    const first = await save(7, { 'proactive.penalty.decisions': 1 });
    const second = await save(9, {});
    expect(second.reportId).toBe(first.reportId);
    expect(second.versionNumber).toBe(2);
    const rows = (await db.dataSource.query(
      `SELECT "key", "value"::float AS "value" FROM "current_value" WHERE "report_id" = $1`,
      [first.reportId],
    )) as { key: string; value: number }[];
    expect(rows).toEqual([{ key: 'proactive.licensing.decisions', value: 9 }]);
    expect((await reports.findReportView(first.reportId))?.versionNumber).toBe(2);
  });

  it('gives one series row per registered body and year, telling missing, unread and blank apart', async () => {
    const { agency: chaiguan } = await agencies.findOrRegister({ name: '柴关乡', regionName: '沙河市' });
    const { agency: xincheng } = await agencies.findOrRegister({ name: '新城镇', regionName: '沙河市' });
    const rows = await stats.findSeries('proactive.licensing.decisions', [2022, 2023], [chaiguan.id, xincheng.id]);
    expect(rows.map((r) => [r.agency, r.year, r.value, r.kind])).toEqual([
      ['新城镇人民政府', 2022, 5, 'number'],
      ['新城镇人民政府', 2023, null, 'missing'],
      ['柴关乡人民政府', 2022, null, 'missing'],
      ['柴关乡人民政府', 2023, 108, 'number'],
    ]);
    expect(rows.every((r) => r.region === '沙河市')).toBe(true);
    const blank = await stats.findSeries('requests.new_received.total', [2023], [chaiguan.id]);
    expect(blank).toEqual([expect.objectContaining({ value: null, kind: 'blank', reportId: expect.any(String) })]);
    const unread = await stats.findSeries('appeals.review.total', [2023], [chaiguan.id]);
    expect(unread).toEqual([expect.objectContaining({ value: null, kind: 'unread', reportId: expect.any(String) })]);
    const all = await stats.findSeries('proactive.licensing.decisions', [2023]);
    expect(all).toHaveLength(await count('agency'));
  });

  it('stores more values than one statement could bind', async () => {
    const { agency } = await agencies.findOrRegister({ name: '白塔镇', regionName: '沙河市' });
    const values: Record<string, number | null> = {};
    for (let i = 0; i < 10_000; i += 1) values[`bench.synthetic.${i}`] = i;
    const saved = await reports.saveParsedVersion({
      uploadId: await newUpload(),
      agencyId: agency.id,
      year: 2024,
      parserVersion: 'test-1',
      report: parsedReport(values, { year: 2024 }),
      findings: Array.from({ length: 9000 }, () => FINDING),
    });
    const [{ n }] = (await db.dataSource.query(
      'SELECT COUNT(*)::int AS n FROM "report_value" WHERE "version_id" = $1',
      [saved.versionId],
    )) as { n: number }[];
    expect(n).toBe(10_000);
  }, 30_000);

  it('records a failure with its code and keeps a parsed upload parsed', async () => {
    const failing = await newUpload();
    await uploads.markParsing(failing);
    await uploads.markFailed(failing, { code: 'not_annual_report', message: '文件不是政府信息公开工作年度报告' });
    await expect(uploads.findById(failing)).resolves.toEqual(
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        error: { code: 'not_annual_report', message: '文件不是政府信息公开工作年度报告' },
      }),
    );
  });
});
