import { promises as fs } from 'node:fs';
import path from 'node:path';

const SKIPPED = new Set(['node_modules', 'dist', '.data']);

/** Newest modification time (ms) of the files under `paths` (files or folders); 0 when none exist. */
export async function newestSourceTime(paths: string[]): Promise<number> {
  let newest = 0;
  for (const entry of paths) {
    const stat = await fs.stat(entry).catch(() => undefined);
    if (!stat) continue;
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      continue;
    }
    for (const child of await fs.readdir(entry)) {
      if (SKIPPED.has(child)) continue;
      newest = Math.max(newest, await newestSourceTime([path.join(entry, child)]));
    }
  }
  return newest;
}

/** True when every output exists and is newer than every input. */
export async function upToDate(outputs: string[], inputs: string[]): Promise<boolean> {
  const outputTimes = await Promise.all(outputs.map((file) => fs.stat(file).then((stat) => stat.mtimeMs, () => 0)));
  const oldestOutput = Math.min(...outputTimes);
  return oldestOutput > 0 && oldestOutput >= (await newestSourceTime(inputs));
}
