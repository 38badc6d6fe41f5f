/**
 * Figure: 10,000 concurrent talking rooms (20,000 parties, each with its own WebSocket push channel) on one
 * platform process, the installed CLI and the library in turn: its RSS once they all talk, and the time to set them up. Run alone:
 * `pnpm --filter @wxvoip/e2e-bench exec tsx src/figures/talkingRooms.ts`.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BARE_FASTIFY, installedCli, installedLibrary, startServer, type ServerSpec } from '../support/benchServers.js';
import { benchSeed } from '../support/benchSeed.js';
import { freePort, spawnServer, waitUntil } from '../support/childServer.js';
import { num, publish, times, type FigureRow } from '../support/figureReport.js';
import { httpJson } from '../support/httpJson.js';
import { installedPlatform } from '../support/installedPlatform.js';
import { rssMbOf } from '../support/processStats.js';

const WANTED = Number(process.env['WXVOIP_BENCH_ROOMS'] ?? 10_000);
// Set-up stops after this many seconds (WXVOIP_BENCH_ROOMS_SECONDS); the 10,000-room RSS is then extrapolated.
const BUDGET_SECONDS = Number(process.env['WXVOIP_BENCH_ROOMS_SECONDS'] ?? 120);
// Once every room talks, they keep talking this many seconds (WXVOIP_BENCH_ROOMS_HOLD_SECONDS) while the platform's
// RSS is read every second: the figure is the highest reading. RSS read the moment set-up ends missed what a minute of
// calling ticks, pings and heartbeats adds before V8 collects it; a user's platform lives in that steady state.
const HOLD_SECONDS = Number(process.env['WXVOIP_BENCH_ROOMS_HOLD_SECONDS'] ?? 30);
// Each party's channel is one socket in the server process; a process here may hold at most `ulimit -n` descriptors.
const fdLimit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
const ROOMS = Math.min(WANTED, Math.floor((fdLimit - 400) / 2));
const CLIENTS = Math.max(2, Math.ceil((ROOMS * 2) / (fdLimit - 400)));
const platform = installedPlatform();

// Baseline: an idle bare fastify process's RSS.
const bare = await startServer(BARE_FASTIFY);
const bareRss = rssMbOf(bare.server.pid);
await bare.server.stop();

const seedFile = join(tmpdir(), `wxvoip-bench-rooms-${process.pid}.json`);
writeFileSync(seedFile, JSON.stringify(benchSeed(ROOMS)));

/** What one platform process measured with every room it could set up talking. */
interface RoomsResult {
  readonly setupMs: number;
  readonly rss: number;
  readonly setupRss: number;
  readonly idleRss: number;
  readonly rooms: number;
  readonly failures: number;
  readonly retries: number;
  readonly failed: number;
  readonly firstFailure: string | undefined;
}

/** Sets up the rooms against one platform process (started fresh), keeps them talking, reads its RSS. */
async function measureRooms(spec: ServerSpec): Promise<RoomsResult> {
  const server = spawnServer(spec.command, spec.args, await freePort());
  let clients: ChildProcess[] = [];
  try {
    await waitUntil(server, async () => (await httpJson('GET', `${server.url}/__admin/clock`)).status === 200, 120_000);
    const idleRss = rssMbOf(server.pid);
    const started = performance.now();
    const deadline = Date.now() + BUDGET_SECONDS * 1000;
    const perClient = Math.ceil(ROOMS / CLIENTS);
    clients = Array.from({ length: CLIENTS }, (_, c) =>
      fork(join(import.meta.dirname, '../support/roomClients.ts'), [server.url, String(c * perClient), String(Math.min(perClient, ROOMS - c * perClient)), String(deadline)], { execArgv: ['--conditions=@wxvoip/source', '--import', 'tsx'] }),
    );
    const ready = await Promise.all(
      clients.map(
        (child) =>
          new Promise<{ rooms: number; retries: number; failed: number; firstFailure?: string }>((resolve, reject) => {
            child.once('message', (m) => resolve(m as { rooms: number; retries: number; failed: number; firstFailure?: string }));
            child.once('exit', (code) => reject(new Error(`a room client exited with ${code}`)));
          }),
      ),
    );
    const setupMs = performance.now() - started;
    const setupRss = rssMbOf(server.pid);
    let rss = setupRss;
    for (let second = 0; second < HOLD_SECONDS; second++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      rss = Math.max(rss, rssMbOf(server.pid));
    }
    const failures = await Promise.all(clients.map((child) => new Promise<number>((resolve) => {
      child.removeAllListeners('exit');
      child.once('message', (m) => resolve((m as { heartbeatFailures: number }).heartbeatFailures));
      child.send('stop');
    })));
    return { setupMs, rss, setupRss, idleRss, rooms: ready.reduce((sum, r) => sum + r.rooms, 0), failures: failures.reduce((a, b) => a + b, 0), retries: ready.reduce((sum, r) => sum + r.retries, 0), failed: ready.reduce((sum, r) => sum + r.failed, 0), firstFailure: ready.find((r) => r.firstFailure)?.firstFailure };
  } finally {
    // A client left running would keep this figure's output pipe (and the bench runner) open.
    for (const child of clients) if (child.exitCode === null) child.kill('SIGKILL');
    await server.stop();
  }
}

// The installed CLI (as \`wxvoip-mock\` runs, with its V8 settings, ADR 0037) and the library (\`startMockPlatform\` in a
// plain node process, which may set no V8 flag), each started fresh, one after the other.
const measured: { spec: ServerSpec; result: RoomsResult }[] = [];
for (const spec of [installedCli(platform, seedFile), installedLibrary(platform, seedFile)]) measured.push({ spec, result: await measureRooms(spec) });

const rows: FigureRow[] = [];
const notes: string[] = [];
const why: string[] = [];
if (ROOMS < WANTED) why.push(`this machine allows ${num(fdLimit)} open files per process (\`ulimit -n\`, not raisable here), so the platform can hold at most ${num(ROOMS)} rooms`);
for (const { spec, result } of measured) {
  const perRoomKb = ((result.rss - result.idleRss) * 1024) / result.rooms;
  const at10k = result.idleRss + (perRoomKb * 10_000) / 1024;
  const complete = result.rooms >= 10_000;
  if (result.rooms < ROOMS) why.push(`set-up against ${spec.name} stopped after the ${BUDGET_SECONDS} s budget (\`WXVOIP_BENCH_ROOMS_SECONDS\`) with ${num(result.rooms)} rooms talking`);
  rows.push(
    { figure: `RSS with ${num(result.rooms)} talking rooms, ${spec.name}`, value: `${num(result.rss)} MB`, baseline: `idle bare fastify: ${num(bareRss)} MB`, ratio: times(result.rss / bareRss), goal: complete ? '< 400 MB' : '', met: complete ? result.rss < 400 : null },
    ...(!complete ? [{ figure: `RSS with 10,000 talking rooms (extrapolated), ${spec.name}`, value: `${num(at10k)} MB`, baseline: `idle bare fastify: ${num(bareRss)} MB`, ratio: times(at10k / bareRss), goal: '< 400 MB', met: at10k < 400 }] : []),
    { figure: `set-up time, ${spec.name}`, value: `${num(result.setupMs / 1000, 1)} s`, baseline: '', ratio: `${num(result.setupMs / result.rooms, 2)} ms per room`, goal: '', met: null },
  );
  notes.push(`${spec.name}: RSS before the calls (seeded, idle): ${num(result.idleRss)} MB; when set-up ended: ${num(result.setupRss)} MB; ${num(perRoomKb, 1)} KB per talking room; heartbeat failures: ${result.failures}; requests retried after a connection reset: ${result.retries}; calls that could not be set up: ${result.failed}${result.firstFailure ? ` (first: ${result.firstFailure})` : ''}`);
}
const roomsSetUp = Math.max(...measured.map((m) => m.result.rooms));
publish({
  id: 'talkingRooms',
  title: 'Concurrent talking rooms over WebSockets',
  method: `Up to ${num(ROOMS)} phone → doorbell calls (${num(roomsSetUp)} set up at most here) over the transport API and real WebSockets (two parties per room, one push channel each) by ${CLIENTS} client processes (32 calls at a time each), answering every ping and sending room heartbeats every 10 s, against each of two platform processes in turn, started fresh and seeded with ${num(ROOMS)} doorbells and users: the installed CLI (\`wxvoip-mock\` under plain node, as the README starts it, with its own V8 settings, ADR 0037) and the installed \`startMockPlatform\` in a plain node process (a library sets no V8 flag). RSS of the platform process: the highest of its readings, once a second, over the ${HOLD_SECONDS} s that every room set up keeps talking (both parties saw talking) after set-up.${why.length === 0 ? '' : ` Here ${why.join('; ')}: the 10,000-room RSS is extrapolated linearly from the RSS per talking room (idle RSS + rooms × the per-room increase).`}`,
  rows,
  notes,
});
