import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs a command to completion with its output prefixed; resolves with its stdout, rejects with its exit status. */
export function runStep(label: string, command: string, args: string[], options: RunOptions): Promise<string> {
  const child = spawnPrefixed(label, command, args, options);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${label}: \`${[command, ...args].join(' ')}\` exited with ${signal ?? code}`));
    });
  });
}

/**
 * Starts a child whose stdout and stderr lines are prefixed with `[label]`. Long-running services get their own
 * process group (`ownGroup`), so a terminal's Ctrl-C reaches only the demo, which then stops them in order.
 */
export function spawnPrefixed(
  label: string,
  command: string,
  args: string[],
  options: RunOptions & { ownGroup?: boolean },
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownGroup ?? false,
  });
  const prefix = `[${label}] `;
  if (child.stdout) createInterface({ input: child.stdout }).on('line', (line) => process.stdout.write(prefix + line + '\n'));
  if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(prefix + line + '\n'));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
