/**
 * Figure: cold start, from spawning the server process to the first good snTicket (token, then
 * `POST /wxa/getsnticket`), for the two baselines, the installed CLI under plain node and `pnpm start`'s tsx.
 * Run alone: `pnpm --filter @wxvoip/e2e-bench exec tsx src/figures/coldStart.ts`.
 */
import { performance } from 'node:perf_hooks';
import { BARE_FASTIFY, installedCli, TS_REST_FASTIFY, TSX_START, type ServerSpec } from '../support/benchServers.js';
import { freePort, spawnServer, waitUntil } from '../support/childServer.js';
import { num, publish, times, type FigureRow } from '../support/figureReport.js';
import { demoToken, goodSnTicket } from '../support/httpJson.js';
import { installedPlatform } from '../support/installedPlatform.js';
import { median } from '../support/processStats.js';

const RUNS = Number(process.env['WXVOIP_BENCH_COLD_RUNS'] ?? 5);
const platform = installedPlatform();

/** Milliseconds from spawn to the first good snTicket. */
async function coldStart(spec: ServerSpec): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnServer(spec.command, spec.args, port, spec.cwd === undefined ? {} : { cwd: spec.cwd });
  try {
    let token: string | undefined;
    await waitUntil(server, async () => (token ??= await demoToken(server.url)) !== undefined && (await goodSnTicket(server.url, token)));
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

// Warm the OS file cache and this process's HTTP client once, unmeasured.
const specs = [BARE_FASTIFY, TS_REST_FASTIFY, installedCli(platform), TSX_START];
for (const spec of specs) await coldStart(spec);
const samples = new Map<string, number[]>(specs.map((s) => [s.name, []]));
// Interleaved, so that a burst of load from elsewhere hits every server alike.
for (let run = 0; run < RUNS; run++) for (const spec of specs) samples.get(spec.name)!.push(await coldStart(spec));

const ms = (spec: ServerSpec) => median(samples.get(spec.name)!);
const bare = ms(BARE_FASTIFY);
const rows: FigureRow[] = [
  { figure: 'cold start, bare fastify', value: `${num(bare)} ms`, baseline: '', ratio: times(1), goal: '', met: null },
  { figure: 'cold start, fastify + ts-rest + zod', value: `${num(ms(TS_REST_FASTIFY))} ms`, baseline: `bare fastify: ${num(bare)} ms`, ratio: times(ms(TS_REST_FASTIFY) / bare), goal: '', met: null },
  { figure: 'cold start, installed CLI (plain node)', value: `${num(ms(specs[2]!))} ms`, baseline: `bare fastify: ${num(bare)} ms`, ratio: times(ms(specs[2]!) / bare), goal: '≤ 1.50 ×', met: ms(specs[2]!) / bare <= 1.5 },
  { figure: 'cold start, `pnpm start` (sources, no build)', value: `${num(ms(TSX_START))} ms`, baseline: `bare fastify: ${num(bare)} ms`, ratio: times(ms(TSX_START) / bare), goal: '≤ 2.50 ×', met: ms(TSX_START) / bare <= 2.5 },
];
publish({
  id: 'coldStart',
  title: 'Cold start',
  method: `From \`spawn\` to the first good snTicket: the bench polls every 5 ms for the demo app's token, then asks \`POST /wxa/getsnticket\` until it answers a ticket. ${RUNS} runs per server after one unmeasured warm-up, interleaved; the median is shown. \`pnpm start\` is measured as the \`node bin/wxvoip-mock.js\` it runs, which bundles the TypeScript sources with esbuild and runs them (ADR 0033; pnpm's own start-up excluded).`,
  rows,
  notes: specs.map((s) => `${s.name}: ${samples.get(s.name)!.map((v) => num(v)).join(', ')} ms`),
});
