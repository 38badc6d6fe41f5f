import { join } from 'node:path';
import { spawnServer, freePort, waitUntil, type ChildServer } from './childServer.js';
import { demoToken, goodSnTicket } from './httpJson.js';
import { WORKSPACE_ROOT, type InstalledPlatform } from './installedPlatform.js';
import { snTicketLoad, type LoadResult } from './loadTest.js';
import { cpuMsOf, ownCpuMs, rssMbOf } from './processStats.js';

/** How to start one server under test. */
export interface ServerSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
}

const SERVERS_DIR = join(WORKSPACE_ROOT, 'e2e/bench/servers');

/** Baseline: bare fastify 5 with a static reply. */
export const BARE_FASTIFY: ServerSpec = { name: 'bare fastify', command: process.execPath, args: [join(SERVERS_DIR, 'bareFastify.mjs'), '{port}'] };

/** Baseline: fastify + @ts-rest/fastify + zod validating the same route, static reply. */
export const TS_REST_FASTIFY: ServerSpec = { name: 'fastify + ts-rest + zod', command: process.execPath, args: [join(SERVERS_DIR, 'tsRestFastify.mjs'), '{port}'] };

/** The installed CLI (`wxvoip-mock`) under plain node, as shipped (its log on stdout, here /dev/null), keeping no state (`--ephemeral`; the data directory's cost is its own figure). */
export function installedCli(platform: InstalledPlatform, seedFile?: string): ServerSpec {
  return { name: 'wxvoip CLI (plain node)', command: process.execPath, args: [platform.cli, '--port', '{port}', '--ephemeral', ...(seedFile ? ['--seed', seedFile] : [])] };
}

/** The installed package's `startMockPlatform` (request log off, the library default) under plain node. */
export function installedLibrary(platform: InstalledPlatform, seedFile?: string): ServerSpec {
  return { name: 'wxvoip startMockPlatform (plain node, no request log)', command: process.execPath, args: [join(SERVERS_DIR, 'platformServer.mjs'), platform.moduleUrl, '{port}', ...(seedFile ? [seedFile] : [])] };
}

/** What `pnpm start` runs, without pnpm's own start-up: the bin's launcher, which bundles the TypeScript sources with esbuild and runs them (ADR 0033). */
export const TSX_START: ServerSpec = {
  name: 'wxvoip via `pnpm start` (sources, no build)',
  command: process.execPath,
  args: ['bin/wxvoip-mock.js', '--port', '{port}', '--ephemeral'],
  cwd: join(WORKSPACE_ROOT, 'apps/mock-platform'),
};

/** Starts a server and waits until it answers the demo app's token. */
export async function startServer(spec: ServerSpec): Promise<{ server: ChildServer; token: string }> {
  const server = spawnServer(spec.command, spec.args, await freePort(), spec.cwd === undefined ? {} : { cwd: spec.cwd });
  let token: string | undefined;
  await waitUntil(server, async () => (token = await demoToken(server.url)) !== undefined);
  if (!(await goodSnTicket(server.url, token!))) throw new Error(`${spec.name} does not answer a good snTicket`);
  return { server, token: token! };
}

/** One measured load pass with the server's CPU and RSS. */
export interface MeasuredPass extends LoadResult {
  /** Server process CPU (user + system) per request, ms. */
  readonly serverCpuMsPerRequest: number;
  /** This (load-generating) process's CPU per request, ms. */
  readonly clientCpuMsPerRequest: number;
  /** Server RSS after the pass, MB. */
  readonly rssMb: number;
}

/** Runs `passes` snTicket load passes (after a 1 s warm-up) against a running server. */
export async function loadPasses(server: ChildServer, token: string, passes: number): Promise<MeasuredPass[]> {
  await snTicketLoad(server.url, token, 1);
  const out: MeasuredPass[] = [];
  for (let i = 0; i < passes; i++) {
    const cpu0 = cpuMsOf(server.pid);
    const own0 = ownCpuMs();
    const load = await snTicketLoad(server.url, token);
    const cpu = cpuMsOf(server.pid) - cpu0;
    const own = ownCpuMs() - own0;
    out.push({ ...load, serverCpuMsPerRequest: cpu / load.requests, clientCpuMsPerRequest: own / load.requests, rssMb: rssMbOf(server.pid) });
  }
  return out;
}

/** Starts a server, runs load passes, stops it. */
export async function measureServer(spec: ServerSpec, passes: number): Promise<MeasuredPass[]> {
  const { server, token } = await startServer(spec);
  try {
    return await loadPasses(server, token, passes);
  } finally {
    await server.stop();
  }
}
