/**
 * Figure: the same whole call in-process through msw: the platform's msw handlers serve the simulators' `fetch`
 * and WebSocket in this process, on the manual clock. Run alone:
 * `pnpm --filter @wxvoip/e2e-bench exec tsx src/figures/wholeCallMsw.ts`.
 */
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { http, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { WebSocket as NodeWebSocket } from 'ws';
import { benchSeed } from '../support/benchSeed.js';
import { callsFor, startCallPair, type CallPair, type CallWindow } from '../support/callPair.js';
import { num, publish, type FigureRow } from '../support/figureReport.js';
import { PASS_SECONDS } from '../support/loadTest.js';
import { ownCpuMs, percentile } from '../support/processStats.js';

// Node 20 has no global WebSocket: install ws's before msw's interceptor replaces it (see the platform's README).
if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });

const LEVELS = [1, 10];
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The baseline: bare msw round trips in this process, `fetch` POSTing a small JSON body to a handler that answers a
 * static JSON body (what each of a call's four requests costs msw, undici and the streams before the platform does
 * anything), for `seconds`, with one event-loop turn every 10 requests as the call windows yield. Returns the CPU
 * spent and the round trips made.
 */
async function bareMswRequests(server: SetupServer, seconds: number): Promise<{ cpuMs: number; requests: number }> {
  const url = 'http://msw-baseline.test/echo';
  const answer = JSON.stringify({ errcode: 0, errmsg: 'ok', roomId: 'room-0000000000000001', pushSeq: 3 });
  server.use(
    http.post(url, async ({ request }) => {
      await request.text();
      return new HttpResponse(answer, { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  try {
    const body = JSON.stringify({ roomType: 'voice', sn: 'SN-BENCH-0', modelId: 'model-bench-doorbell' });
    const send = async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body })).text();
    for (let i = 0; i < 20; i++) await send();
    const cpu0 = ownCpuMs();
    const deadline = performance.now() + seconds * 1000;
    let requests = 0;
    while (performance.now() < deadline) {
      await send();
      if (++requests % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { cpuMs: ownCpuMs() - cpu0, requests };
  } finally {
    server.resetHandlers();
  }
}

const { platform, handlers } = await setupMockPlatform({ seed: benchSeed(Math.max(...LEVELS)), clock: 'manual' });
const server = setupServer(...handlers);
server.listen({ onUnhandledRequest: 'error' });
const rows: FigureRow[] = [];
const notes: string[] = [];
const pairs: CallPair[] = [];
try {
  for (let i = 0; i < Math.max(...LEVELS); i++) pairs.push(await startCallPair({ url: platform.url, index: i, WebSocket: globalThis.WebSocket, now: () => platform.clock().now() }));
  for (const k of LEVELS) {
    const active = pairs.slice(0, k);
    await callsFor(active, 1); // warm-up
    // One-second slices of calls, each after a 0.2 s slice of the baseline, so that both see the same machine load.
    let callCpuMs = 0;
    let bareCpuMs = 0;
    let bareRequests = 0;
    const slices: CallWindow[] = [];
    for (let slice = 0; slice < PASS_SECONDS; slice++) {
      const bare = await bareMswRequests(server, 0.2);
      bareCpuMs += bare.cpuMs;
      bareRequests += bare.requests;
      const cpu0 = ownCpuMs();
      slices.push(await callsFor(active, 1));
      callCpuMs += ownCpuMs() - cpu0;
    }
    const window: CallWindow = { calls: sum(slices.map((w) => w.calls)), seconds: sum(slices.map((w) => w.seconds)), latenciesMs: slices.flatMap((w) => w.latenciesMs) };
    const bareMs = bareCpuMs / bareRequests;
    const cpuMsPerCall = callCpuMs / window.calls;
    const wallMsPerCall = (window.seconds * 1000) / window.calls;
    rows.push({
      figure: `whole call in-process (msw), K=${k}`,
      value: `${num(wallMsPerCall, 2)} ms/call wall, ${num(cpuMsPerCall, 2)} ms/call CPU; p50 ${num(percentile(window.latenciesMs, 50), 2)} ms, p99 ${num(percentile(window.latenciesMs, 99), 2)} ms`,
      baseline: `bare msw request: ${num(bareMs * 1000)} µs CPU`,
      ratio: `${num(cpuMsPerCall / bareMs, 1)} bare msw requests`,
      goal: '< 1 ms/call (CPU, steady state)',
      met: cpuMsPerCall < 1,
    });
    notes.push(`K=${k}: ${window.calls} calls in ${window.seconds.toFixed(1)} s; heap used ${num(process.memoryUsage().heapUsed / 1048576)} MB (garbage included); events held by the first phone simulator ${pairs[0]!.phoneEventsHeld()}`);
  }
} finally {
  for (const pair of pairs) await pair.close();
  server.close();
  await platform.close();
}

publish({
  id: 'wholeCallMsw',
  title: 'Whole calls in-process through msw',
  method: `The same whole call as over HTTP, with \`setupMockPlatform\` (manual clock) served by msw's \`setupServer\` in the bench process: the simulators' \`fetch\` and WebSocket are intercepted, no socket is opened. 1 s warm-up, then ${PASS_SECONDS} slices of 1 s per K. Wall time per call is the window divided by the calls; CPU per call is this process's user + system time over the window divided by the calls (platform, msw and both simulators together). The goal is read on CPU per call, which the machine's other load does not inflate. The baseline, measured in this process in a 0.2 s slice before each 1 s slice of calls (so both see the same load), is one bare msw round trip: \`fetch\` POSTing a small JSON body to a handler that answers a static JSON body, so the ratio says how many such round trips a whole call costs (its four requests are four of them before the platform does any work). Each pair yields one event-loop turn between calls, as a test runner or a socket does; without it the window is one microtask job, in which V8 frees no WeakRef target and runs no FinalizationRegistry callback (undici registers every Request in both).`,
  rows,
  notes,
});
