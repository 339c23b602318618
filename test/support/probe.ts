import { spawnSync } from 'node:child_process';

const PROBE = `
const socket = require('node:net').connect(Number(process.argv[2]), process.argv[1]);
socket.setTimeout(1500);
socket.on('connect', () => { socket.end(); process.exit(0); });
socket.on('timeout', () => process.exit(1));
socket.on('error', () => process.exit(1));
`;

/**
 * Whether something accepts TCP connections at the URL's host and port. Synchronous (a short child process), so a
 * test file can decide at load time whether to run or skip its suites.
 */
export function reachable(url: string, defaultPort: number): boolean {
  const { hostname, port } = new URL(url);
  const result = spawnSync(process.execPath, ['-e', PROBE, hostname || '127.0.0.1', port || String(defaultPort)], {
    timeout: 5000,
  });
  return result.status === 0;
}

/** In CI an unreachable server fails the run; elsewhere the suites are skipped with a loud message. */
export function unavailable(server: string, url: string, suite: string, ci: boolean): void {
  const message = `${server} is not reachable at ${url}: ${ci ? 'failing' : 'SKIPPING'} the suites of ${suite}`;
  if (ci) throw new Error(`${message} (CI=true)`);
  process.stderr.write(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n\n`);
}
