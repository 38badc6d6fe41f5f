import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';

/** A server process started by the bench. */
export interface ChildServer {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  /** What the process wrote to stderr so far (for error messages). */
  stderr(): string;
  /** Stops it (SIGTERM, then SIGKILL after 3 s, 30 s when profiled) and waits for the exit. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** With this environment variable set to a folder, every node server the bench starts writes a CPU profile there. */
export const PROFILE_ENV = 'WXVOIP_BENCH_PROFILE_DIR';

/**
 * Spawns a server process with stdout sent to /dev/null (a request log writes there synchronously, as to a file, and
 * never blocks on a full pipe). `args` may contain the placeholder `{port}`. With `WXVOIP_BENCH_PROFILE_DIR` set, a
 * node server runs with `--cpu-prof` and writes its profile there when it stops.
 */
export function spawnServer(command: string, args: readonly string[], port: number, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildServer {
  const devNull = openSync('/dev/null', 'w');
  const profileDir = process.env[PROFILE_ENV];
  const profile = profileDir && command === process.execPath ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(command, [...profile, ...args.map((a) => a.replaceAll('{port}', String(port)))], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', devNull, 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (err.length < 20_000) err += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid ?? -1,
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // Writing a CPU profile at exit takes a while: give a profiled server longer before killing it.
      const timer = setTimeout(() => child.kill('SIGKILL'), profile.length > 0 ? 30_000 : 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` every 5 ms until it resolves true; fails after `timeoutMs` or when the process exits. */
export async function waitUntil(server: ChildServer, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (server.process.exitCode !== null) throw new Error(`the server exited with ${server.process.exitCode}: ${server.stderr()}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() - started > timeoutMs) throw new Error(`the server did not become ready in ${timeoutMs} ms: ${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
