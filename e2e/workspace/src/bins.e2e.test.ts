/**
 * The bins as a new user meets them after only the README's install (`pnpm install`, no build): run from the
 * repository root with `pnpm exec`, and `pnpm start` stopped with SIGTERM. The launchers run the TypeScript sources in
 * the workspace, so this holds whether or not a `dist/` happens to exist.
 */
import { execFile, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** The environment of a user's shell: no test runner loader, no script-runner variables. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|pnpm_|NODE_OPTIONS$|VITEST|TSX_|NX_|INIT_CWD$)/.test(key)) env[key] = value;
  return env;
}

/** Resolves true when something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('every bin from the repository root, without a build', () => {
  it.each([
    ['wxvoip-mock', 'Usage: wxvoip-mock'],
    ['wxvoip-device', 'Usage: wxvoip-device linux'],
    ['wxvoip-rtos', 'Usage: wxvoip-rtos <command>'],
  ])('pnpm exec %s --help prints its usage and nothing on stderr', { timeout: 60_000 }, async (bin, usage) => {
    const { stdout, stderr } = await run('pnpm', ['exec', bin, '--help'], { cwd: ROOT, env: userEnv(), timeout: 55_000 });
    expect(stdout).toContain(usage);
    expect(stderr).toBe('');
  });
});

describe('pnpm start', () => {
  it('serves the banner URLs, then SIGTERM to the process pnpm start runs frees the port within 2 s and leaves no process', { timeout: 90_000 }, async () => {
    const child = spawn('pnpm', ['start', '--', '--port', '0', '--log-format', 'json'], { cwd: ROOT, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => out.includes('"docs"'), { timeout: 60_000, interval: 200 }).toBe(true);
      const banner = out.split('\n').map((line) => (line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {})).find((entry) => typeof entry['docs'] === 'string')!;
      const url = banner['url'] as string;
      const server = banner['pid'] as number;
      for (const key of ['docs', 'control', 'inspector'] as const) expect([key, (await fetch(banner[key] as string)).status]).toEqual([key, 200]);
      const port = Number(new URL(url).port);
      expect(await listening(port)).toBe(true);

      const sentAt = Date.now();
      child.kill('SIGTERM');
      await expect.poll(() => listening(port), { timeout: 2_000, interval: 50 }).toBe(false);
      expect(Date.now() - sentAt).toBeLessThanOrEqual(2_000);
      expect(await exited).toBe(0);
      await expect.poll(() => alive(server), { timeout: 2_000, interval: 50 }).toBe(false);
      expect(err).not.toMatch(/ERR_PNPM|ELIFECYCLE|Warning/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
