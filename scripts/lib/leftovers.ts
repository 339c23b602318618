import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Remembers the pids of the api and worker a demo run started, so that the next run can stop the ones a killed
 * run (SIGKILL, closed terminal) left holding the port. A pid is only signalled when /proc shows it is still one of
 * our built apps running from this project, so a recycled pid is never touched.
 */
export class DemoProcessFile {
  constructor(
    private readonly file: string,
    private readonly projectRoot: string,
  ) {}

  async record(pids: number[]): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(this.file, JSON.stringify({ pids }));
  }

  async clear(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }

  /** Stops the recorded processes that are still our apps; returns their pids. */
  async stopLeftovers(): Promise<number[]> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => undefined);
    if (text === undefined) return [];
    const { pids } = JSON.parse(text) as { pids: number[] };
    const stopped: number[] = [];
    for (const pid of pids) {
      if (!(await this.isOurApp(pid))) continue;
      process.kill(pid, 'SIGTERM');
      stopped.push(pid);
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await Promise.all(stopped.map((pid) => this.isOurApp(pid)))).some(Boolean)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const pid of stopped) if (await this.isOurApp(pid)) process.kill(pid, 'SIGKILL');
    await this.clear();
    return stopped;
  }

  private async isOurApp(pid: number): Promise<boolean> {
    const [commandLine, cwd] = await Promise.all([
      fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''),
      fs.readlink(`/proc/${pid}/cwd`).catch(() => ''),
    ]);
    return cwd === this.projectRoot && commandLine.includes('dist/apps/');
  }
}
