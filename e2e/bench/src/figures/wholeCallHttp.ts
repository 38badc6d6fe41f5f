/**
 * Figure: whole calls over real HTTP and WebSocket. K pairs (K = 1, 10, 50) of a phone (plugin simulator) and a
 * Linux doorbell (device SDK simulator) call back to back against the installed platform in its own process: the
 * phone calls, the doorbell joins, both see talking, the phone hangs up, both see the end (4 HTTP requests and 7
 * push frames per call). Run alone: `pnpm --filter @wxvoip/e2e-bench exec tsx src/figures/wholeCallHttp.ts`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { BARE_FASTIFY, installedLibrary, measureServer } from '../support/benchServers.js';
import { benchSeed } from '../support/benchSeed.js';
import { callsFor, startCallPair, type CallPair, type WebSocketClass } from '../support/callPair.js';
import { freePort, spawnServer, waitUntil } from '../support/childServer.js';
import { num, publish, times, type FigureRow } from '../support/figureReport.js';
import { httpJson } from '../support/httpJson.js';
import { installedPlatform } from '../support/installedPlatform.js';
import { PASS_SECONDS } from '../support/loadTest.js';
import { cpuMsOf, ownCpuMs, percentile, rssMbOf } from '../support/processStats.js';

const LEVELS = [1, 10, 50];
const platform = installedPlatform();
const bare = (await measureServer(BARE_FASTIFY, 2)).at(-1); // the second, warmed pass
const bareServerUs = bare!.serverCpuMsPerRequest * 1000;
const bareSystemUs = (bare!.serverCpuMsPerRequest + bare!.clientCpuMsPerRequest) * 1000;

const seedFile = join(tmpdir(), `wxvoip-bench-seed-${process.pid}.json`);
writeFileSync(seedFile, JSON.stringify(benchSeed(Math.max(...LEVELS))));
const spec = installedLibrary(platform, seedFile);
const server = spawnServer(spec.command, spec.args, await freePort());
const rows: FigureRow[] = [];
const notes: string[] = [`bare fastify in this run: ${num(bare!.rps)} req/s, server CPU ${bareServerUs.toFixed(1)} µs/request, server + autocannon CPU ${bareSystemUs.toFixed(1)} µs/request`];
const pairs: CallPair[] = [];
try {
  await waitUntil(server, async () => (await httpJson('GET', `${server.url}/__admin/clock`)).status === 200);
  for (let i = 0; i < Math.max(...LEVELS); i++) pairs.push(await startCallPair({ url: server.url, index: i, WebSocket: WebSocket as unknown as WebSocketClass }));
  for (const k of LEVELS) {
    const active = pairs.slice(0, k);
    await callsFor(active, 1); // warm-up
    const serverCpu0 = cpuMsOf(server.pid);
    const ownCpu0 = ownCpuMs();
    const window = await callsFor(active, PASS_SECONDS);
    const serverUs = ((cpuMsOf(server.pid) - serverCpu0) * 1000) / window.calls;
    const systemUs = serverUs + ((ownCpuMs() - ownCpu0) * 1000) / window.calls;
    const rate = window.calls / window.seconds;
    const p50 = percentile(window.latenciesMs, 50);
    const p99 = percentile(window.latenciesMs, 99);
    rows.push(
      { figure: `whole call K=${k}: rate and latency`, value: `${num(rate, 1)} calls/s; p50 ${num(p50, 1)} ms, p99 ${num(p99, 1)} ms`, baseline: `bare fastify: ${num(bare!.rps)} req/s`, ratio: `${num(bare!.rps / rate, 1)} bare requests per call`, goal: '', met: null },
      { figure: `whole call K=${k}: server CPU per call`, value: `${num(serverUs)} µs`, baseline: `bare fastify: ${bareServerUs.toFixed(1)} µs/request`, ratio: times(serverUs / bareServerUs), goal: '≤ 15 ×', met: serverUs / bareServerUs <= 15 },
      { figure: `whole call K=${k}: whole system CPU per call`, value: `${num(systemUs)} µs`, baseline: `bare fastify + autocannon: ${bareSystemUs.toFixed(1)} µs/request`, ratio: times(systemUs / bareSystemUs), goal: '≤ 30 ×', met: systemUs / bareSystemUs <= 30 },
    );
    notes.push(`K=${k}: ${window.calls} calls in ${window.seconds.toFixed(1)} s; server RSS ${num(rssMbOf(server.pid))} MB; bench process heap ${num(process.memoryUsage().heapUsed / 1048576)} MB; events held by the first phone simulator ${pairs[0]!.phoneEventsHeld()}`);
  }
} finally {
  for (const pair of pairs) await pair.close();
  await server.stop();
}

publish({
  id: 'wholeCallHttp',
  title: 'Whole calls over HTTP and WebSocket',
  method: `K pairs of a phone (\`@wxvoip/plugin\` simulator, WeChat host) and a Linux doorbell (\`@wxvoip/device-linux\`), all in the bench process with \`ws\` WebSockets, against the installed \`startMockPlatform\` (plain node, no request log, real clock) in its own process. Each pair calls back to back: \`callDevice\`, the call page joins, the doorbell \`listenerJoin\`s the room, both see talking, the phone hangs up, both see the end (4 HTTP requests, 7 push frames). 1 s warm-up, then ${PASS_SECONDS} s per K. Server CPU is the platform process's user + system time over the window (/proc); whole system adds the bench process (simulators). The baseline is one bare fastify request measured in this run (server alone, and server + autocannon).`,
  rows,
  notes,
});
