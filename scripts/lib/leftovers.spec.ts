import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DemoProcessFile } from './leftovers';

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('DemoProcessFile', () => {
  let root: string;
  let children: ChildProcess[];

  function start(command: string, args: string[]): ChildProcess {
    const child = spawn(command, args, { cwd: root, stdio: 'ignore' });
    children.push(child);
    return child;
  }

  const exited = (child: ChildProcess): Promise<unknown> =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));

  beforeEach(async () => {
    root = realpathSync(await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-leftovers-')));
    children = [];
    await fs.mkdir(path.join(root, 'dist', 'apps', 'api', 'src'), { recursive: true });
    await fs.writeFile(path.join(root, 'dist', 'apps', 'api', 'src', 'main.js'), 'setInterval(() => undefined, 1000);');
  });

  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await fs.rm(root, { recursive: true, force: true });
  });

  it('stops a recorded app left running by a killed run, and forgets it', async () => {
    const app = start(process.execPath, ['dist/apps/api/src/main.js']);
    const file = new DemoProcessFile(path.join(root, '.data', 'demo-processes.json'), root);
    await file.record([app.pid as number]);

    await expect(file.stopLeftovers()).resolves.toEqual([app.pid]);
    await exited(app);
    expect(app.signalCode).toBe('SIGTERM');
    await expect(fs.access(path.join(root, '.data', 'demo-processes.json'))).rejects.toThrow();
  });

  it('leaves alone a recorded pid that is now another program', async () => {
    const stranger = start('sleep', ['60']);
    const file = new DemoProcessFile(path.join(root, '.data', 'demo-processes.json'), root);
    await file.record([stranger.pid as number]);

    await expect(file.stopLeftovers()).resolves.toEqual([]);
    expect(stranger.exitCode).toBeNull();
    expect(stranger.signalCode).toBeNull();
  });
});
