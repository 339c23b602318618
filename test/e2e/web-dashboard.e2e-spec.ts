import { loadTestSettings } from '@nianbao/config';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApps, type TestApps } from '../support/app';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/database';
import { unavailable } from '../support/probe';
import { createTestQueue, redisAvailable, type TestQueue } from '../support/redis';

/**
 * The web app in a real browser against the real api and worker modules: the built app is served by the api (one
 * origin, as in production), a real report is uploaded, and the pages are read as a person would read them.
 * Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with a CJK font, PostgreSQL and Redis.
 */

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = resolve(ROOT, '..', 'shared', 'fixtures');
const CHAIGUAN = join(FIXTURES, 'real', 'shahe-chaiguan-2023');
const CHAIGUAN_TXT = readdirSync(CHAIGUAN).find((name) => name.endsWith('.txt')) ?? '';
const EXPECTED = JSON.parse(readFileSync(join(CHAIGUAN, 'expected.json'), 'utf-8')) as {
  values: Record<string, number | null>;
};
/** Passes the upload's edge checks (a real text file named .txt), then fails in the worker as not_annual_report. */
const NOT_A_REPORT = { name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('这是一份会议纪要，不是年度报告。\n') };
/** Refused at the door (content is a program, not Word): never queued, answered beside the accepted file. */
const PROGRAM_AS_DOCX = {
  name: '年报.docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  buffer: readFileSync(join(ROOT, 'test', 'fixtures', 'not-ok', 'program-exe-renamed.docx')),
};
const HOSTILE_NAME = '<img src=1 onerror=alert(1)>';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function browserAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  unavailable('Chromium', `file://${CHROMIUM}`, suite, loadTestSettings().ci);
  return false;
}

function describeInBrowser(name: string, suites: () => void): void {
  const suite = 'web-dashboard.e2e-spec.ts';
  if (redisAvailable(suite) && browserAvailable(suite)) describeWithPostgres(__filename, name, suites);
  else describe.skip(name, suites);
}

describeInBrowser('web app in Chromium (built app served by the real api, real worker)', () => {
  let db: TestDatabase;
  let queue: TestQueue;
  let apps: TestApps;
  let webDist: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  let base: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  async function waitForUpload(id: string): Promise<{ status: string; reportId?: string }> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const upload = (await (await fetch(`${base}/api/uploads/${id}`)).json()) as { status: string; reportId?: string };
      if (upload.status === 'parsed' || upload.status === 'failed') return upload;
      await new Promise((done) => setTimeout(done, 200));
    }
    throw new Error(`upload ${id} did not settle`);
  }

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'apps/web/vite.config.mts', '--outDir', webDist],
      { cwd: ROOT, stdio: 'pipe' },
    );
    db = await createTestDatabase(__filename);
    queue = createTestQueue(__filename);
    apps = await startTestApps({
      databaseUrl: db.url,
      redisUrl: queue.redisUrl,
      queuePrefix: queue.prefix,
      env: { WEB_DIST_DIR: webDist },
    });
    await apps.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(apps.api.getHttpServer().address() as AddressInfo).port}`;

    await db.dataSource.query(`INSERT INTO "agency" ("id", "name", "kind") VALUES ($1, $2, 'township')`, [
      randomUUID(),
      HOSTILE_NAME,
    ]);
    const form = new FormData();
    form.append('files', new Blob([readFileSync(join(CHAIGUAN, CHAIGUAN_TXT))]), CHAIGUAN_TXT);
    const [accepted] = (await (await fetch(`${base}/api/uploads`, { method: 'POST', body: form })).json()) as {
      id: string;
    }[];
    await expect(waitForUpload(accepted?.id ?? '')).resolves.toMatchObject({ status: 'parsed' });

    profile = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await apps?.close();
    await queue?.clear();
    await db?.drop();
    for (const dir of [profile, webDist]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the dashboard in Chinese with a chart and a table per metric, hostile names as text', async () => {
    await page.goto(`${base}/?years=2022,2023`);
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toContain('行政许可');
    expect(await page.locator('canvas').count()).toBe(2);
    const licensing = page.locator('table').first();
    const hostileRow = licensing.locator('tbody tr', { hasText: HOSTILE_NAME });
    expect(await hostileRow.locator('th').textContent()).toBe(HOSTILE_NAME);
    const hostileCells = await hostileRow.locator('td').allTextContents();
    expect(hostileCells.map((text) => text.trim())).toEqual(['', '未提交', '未提交']);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  }, 60_000);

  it('shows the report’s number with a link to the report, and "未提交" (not 0) for a year without a report', async () => {
    const row = page.locator('table').first().locator('tbody tr', { hasText: '柴关乡' });
    const cells = await row.locator('td').allTextContents();
    const licensing = String(EXPECTED.values['proactive.licensing.decisions']);
    expect(cells.slice(1).map((text) => text.trim())).toEqual(['未提交', licensing]);
    await row.getByRole('link').click();
    await page.locator('.findings, .notice').first().waitFor();
    expect(page.url()).toMatch(/\/reports\/[0-9a-f-]{36}$/);
    const licensingCell = page.locator('#cell-proactive-licensing-decisions span');
    expect(await licensingCell.textContent()).toBe(String(EXPECTED.values['proactive.licensing.decisions']));
    expect(await licensingCell.getAttribute('title')).toContain('原文：');
  }, 60_000);

  it('escapes the hostile name in the chart tooltip', async () => {
    await page.goto(`${base}/?years=2022,2023`);
    const chart = page.locator('canvas').first();
    await chart.waitFor();
    const box = await chart.boundingBox();
    if (!box) throw new Error('the chart has no box');
    const agencies = await page.locator('table').first().locator('tbody tr th').allTextContents();
    const hostileIndex = agencies.indexOf(HOSTILE_NAME);
    const rows = agencies.length;
    await page.mouse.move(box.x + 40 + ((box.width - 50) * (hostileIndex + 0.5)) / rows, box.y + box.height / 2);
    const tooltip = page.locator('figure div', { hasText: HOSTILE_NAME }).last();
    await tooltip.waitFor();
    expect(await tooltip.innerHTML()).toContain('&lt;img src=1 onerror=alert(1)&gt;');
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  }, 60_000);

  it('switches to English, keeps the choice across a reload and sets the lang attribute', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('licensing');
    await page.getByRole('button', { name: '中文' }).click();
  }, 60_000);

  it('uploads a non-report beside a program named .docx and shows the API’s Chinese message for each', async () => {
    await page.goto(`${base}/upload`);
    await page.locator('input[type=file]').setInputFiles([NOT_A_REPORT, PROGRAM_AS_DOCX]);
    await page.locator('button[type=submit]').click();
    const rejected = page.locator('tbody tr', { has: page.locator('.status--rejected') });
    await rejected.waitFor();
    expect(await rejected.locator('.error-text').textContent()).toMatch(/文件扩展名为 \.docx.*未予接收\s+extension_mismatch/);
    const failed = page.locator('tbody tr', { has: page.locator('.status--failed') });
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.locator('.error-text').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
