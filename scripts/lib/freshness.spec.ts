import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newestSourceTime, upToDate } from './freshness';

describe('upToDate', () => {
  let dir: string;
  const at = (seconds: number): Date => new Date(1_700_000_000_000 + seconds * 1000);

  async function file(relative: string, seconds: number): Promise<string> {
    const full = path.join(dir, relative);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, relative);
    await fs.utimes(full, at(seconds), at(seconds));
    return full;
  }

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-freshness-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is true when every output is newer than every source', async () => {
    await file('src/a.ts', 10);
    await file('src/deep/b.ts', 20);
    const output = await file('dist/main.js', 30);
    await expect(upToDate([output], [path.join(dir, 'src')])).resolves.toBe(true);
  });

  it('is false when a source under a nested folder changed after the build', async () => {
    await file('src/a.ts', 10);
    const output = await file('dist/main.js', 30);
    await file('src/deep/b.ts', 40);
    await expect(upToDate([output], [path.join(dir, 'src')])).resolves.toBe(false);
  });

  it('is false when an output is missing, and judges by the oldest output', async () => {
    await file('src/a.ts', 20);
    const fresh = await file('dist/api.js', 30);
    const stale = await file('dist/worker.js', 10);
    await expect(upToDate([fresh, path.join(dir, 'dist/none.js')], [path.join(dir, 'src')])).resolves.toBe(false);
    await expect(upToDate([fresh, stale], [path.join(dir, 'src')])).resolves.toBe(false);
  });

  it('ignores node_modules and dist inside the sources, and missing sources', async () => {
    await file('src/a.ts', 10);
    await file('src/node_modules/x/index.js', 99);
    await file('src/dist/old.js', 99);
    await expect(newestSourceTime([path.join(dir, 'src'), path.join(dir, 'absent')])).resolves.toBe(at(10).getTime());
  });
});
