/**
 * Crash safety of the data directory (ADR 0015): a real process changes its state as fast as it can while its store
 * writes it, and is killed with SIGKILL at a random moment, many times over the same data directory. After every
 * kill the directory must open (no torn file, no leftover temporary file), the state must satisfy the invariant the
 * writer keeps in each change, and nothing that a previous start loaded may be lost.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSeed } from '@wxvoip/contracts';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlatformCore } from '../src/core/platformCore.js';
import { openStateStore } from '../src/platform/stateStore.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const KILLS = Number(process.env['WXVOIP_CRASH_KILLS'] ?? 10);
/** The writer bundled into one file: it starts in about a second where tsx would take several. */
const WRITER = join(mkdtempSync(join(tmpdir(), 'wxvoip-crash-writer-')), 'crashWriter.mjs');

beforeAll(async () => {
  await build({ entryPoints: [join(PACKAGE_DIR, 'test/support/crashWriter.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', conditions: ['@wxvoip/source'], outfile: WRITER, logLevel: 'error' });
});

/** Starts the writer, waits for its `ready <N>` line, lets it write for `ms`, then kills it with SIGKILL. */
async function runAndKill(dataDir: string, ms: number): Promise<number> {
  const child = spawn(process.execPath, [WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const started = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /ready (\d+)\n/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`the writer exited before it was ready: ${err}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(err).toBe('');
  return started;
}

/** Opens the directory in this process and checks the writer's invariant; returns the generation it holds. */
async function check(dataDir: string): Promise<number> {
  const store = await openStateStore({ dataDir });
  try {
    expect(readdirSync(join(dataDir, 'namespaces')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const core = new PlatformCore({ seed: demoSeed, storage: store });
    const app = core.tenant().state.app('wx_demo_app')!;
    const generation = app.name === 'Demo Doorbells' ? 0 : Number(/^gen-(\d+)$/.exec(app.name ?? '')?.[1]);
    expect(Number.isInteger(generation)).toBe(true);
    const users = [...app.users.keys()].filter((openId) => openId.startsWith('u-'));
    expect(users.length).toBe(generation);
    expect(generation === 0 || app.users.has(`u-${generation}`)).toBe(true);
    expect(app.secret).toBe(generation === 0 ? 'demo-app-secret' : `s-${generation}`);
    if (generation > 0) {
      expect(app.licenses.get('SN-LINUX-0001')?.expireTime).toBe(generation);
      expect(core.tenant().tokens.authenticate(app.accessTokens.classic?.token).ok).toBe(true);
    }
    core.close();
    return generation;
  } finally {
    await store.close();
  }
}

describe('a data directory under SIGKILL', () => {
  it(`opens in a consistent state after each of ${KILLS} kills in the middle of writing`, { timeout: 30_000 + KILLS * 8_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wxvoip-crash-'));
    let loaded = 0;
    const progress: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const started = await runAndKill(dataDir, 40 + Math.floor(Math.random() * 260));
      expect(started).toBe(loaded); // the writer restored exactly what the last check saw
      const generation = await check(dataDir);
      expect(generation).toBeGreaterThanOrEqual(loaded); // nothing a start loaded is lost
      progress.push(generation - loaded);
      loaded = generation;
    }
    // The kills came while the writer was busy: most runs saved progress, so the kills landed between and inside writes.
    expect(progress.filter((n) => n > 0).length).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
  });
});
