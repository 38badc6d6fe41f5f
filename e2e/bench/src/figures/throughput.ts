/**
 * Figure: emulated-route throughput and RSS. `POST /wxa/getsnticket?access_token=…` with a valid body from 50
 * connections (autocannon, loopback), against the two baselines and the installed mock platform. The four servers run
 * side by side and are loaded in turn, round after round, so that a change in the machine's load between two minutes
 * weighs on every server alike (ADR 0045). Run alone: `pnpm --filter @wxvoip/e2e-bench exec tsx src/figures/throughput.ts`.
 */
import { BARE_FASTIFY, installedCli, installedLibrary, loadPasses, startServer, TS_REST_FASTIFY, type MeasuredPass } from '../support/benchServers.js';
import { num, publish, times, type FigureRow } from '../support/figureReport.js';
import { installedPlatform } from '../support/installedPlatform.js';
import { CONNECTIONS, PASS_SECONDS } from '../support/loadTest.js';

/** Rounds: each loads every server once, for one pass, in an order that rotates from round to round. */
const ROUNDS = 3;
const platform = installedPlatform();

const mean = (passes: readonly MeasuredPass[], pick: (p: MeasuredPass) => number) => passes.reduce((sum, p) => sum + pick(p), 0) / passes.length;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const specs = [BARE_FASTIFY, TS_REST_FASTIFY, installedCli(platform), installedLibrary(platform)];
const results = new Map<string, MeasuredPass[]>(specs.map((spec) => [spec.name, []]));
const running: Awaited<ReturnType<typeof startServer>>[] = [];
try {
  for (const spec of specs) running.push(await startServer(spec));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < specs.length; i++) {
      const turn = (i + round) % specs.length;
      const { server, token } = running[turn]!;
      // Each pass follows 1 s of unmeasured load, as each server's first pass did when they ran one after the other:
      // a server idle while the others were loaded (V8 shrinks an idle heap) is measured in steady state again.
      results.get(specs[turn]!.name)!.push(...(await loadPasses(server, token, 1)));
    }
  }
} finally {
  for (const { server } of running) await server.stop();
}

const bare = results.get(BARE_FASTIFY.name)!;
const tsRest = results.get(TS_REST_FASTIFY.name)!;
const bareRps = median(bare.map((p) => p.rps));
const tsRestRps = median(tsRest.map((p) => p.rps));
const bareRss = bare.at(-1)!.rssMb;
/** The median over rounds of `passes`' rps over the baseline's rps in the same round (paired, minutes apart at most). */
const pairedRatio = (passes: readonly MeasuredPass[], baseline: readonly MeasuredPass[]) => median(passes.map((p, round) => p.rps / baseline[round]!.rps));
const rows: FigureRow[] = [
  { figure: 'throughput, bare fastify', value: `${num(bareRps)} req/s`, baseline: '', ratio: times(1), goal: '', met: null },
  { figure: 'throughput, fastify + ts-rest + zod', value: `${num(tsRestRps)} req/s`, baseline: `bare fastify: ${num(bareRps)} req/s`, ratio: times(pairedRatio(tsRest, bare)), goal: '', met: null },
];
const notes: string[] = [];
for (const spec of specs.slice(2)) {
  const passes = results.get(spec.name)!;
  const rps = median(passes.map((p) => p.rps));
  // Growth between the last two passes: the first fills the journal and the credential stores (a ramp, not growth).
  const [first, last] = [passes.at(-2)!, passes.at(-1)!];
  const growth = (last.rssMb - first.rssMb) / first.rssMb;
  const overBare = pairedRatio(passes, bare);
  const overTsRest = pairedRatio(passes, tsRest);
  rows.push(
    { figure: `throughput, ${spec.name}`, value: `${num(rps)} req/s`, baseline: `bare fastify: ${num(bareRps)} req/s`, ratio: times(overBare), goal: '≥ 0.60 ×', met: overBare >= 0.6 },
    { figure: `throughput, ${spec.name}`, value: `${num(rps)} req/s`, baseline: `ts-rest + zod: ${num(tsRestRps)} req/s`, ratio: times(overTsRest), goal: '≥ 0.70 ×', met: overTsRest >= 0.7 },
    { figure: `RSS after load, ${spec.name}`, value: `${num(last.rssMb)} MB`, baseline: `bare fastify: ${num(bareRss)} MB`, ratio: times(last.rssMb / bareRss), goal: '≤ 1.50 ×', met: last.rssMb / bareRss <= 1.5 },
    { figure: `RSS growth pass ${passes.length - 1} → ${passes.length}, ${spec.name}`, value: `${num(first.rssMb)} → ${num(last.rssMb)} MB`, baseline: '', ratio: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`, goal: 'not growing (≤ +5 %)', met: growth <= 0.05 },
  );
}
for (const spec of specs) {
  const passes = results.get(spec.name)!;
  notes.push(
    `${spec.name}: ${passes.map((p) => `${num(p.rps)} req/s (p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms, ${p.bad} bad)`).join('; ')}; server CPU ${mean(passes, (p) => p.serverCpuMsPerRequest * 1000).toFixed(1)} µs/request; RSS ${passes.map((p) => `${num(p.rssMb)} MB`).join(' → ')}`,
  );
}
const bad = [...results.values()].flat().reduce((sum, p) => sum + p.bad, 0);
if (bad > 0) notes.push(`**${bad} answers were not a good snTicket**: the figures above are not valid.`);

publish({
  id: 'throughput',
  title: 'Emulated route throughput and memory',
  method: `\`POST /wxa/getsnticket?access_token=…\` with the demo doorbell's valid body, ${CONNECTIONS} connections from autocannon in the bench process over loopback. The four servers each run in their own process, started fresh and side by side (an idle server costs nothing), and are then loaded in ${ROUNDS} rounds: each round loads every server for 1 s unmeasured, then one pass of ${PASS_SECONDS} s (\`WXVOIP_BENCH_SECONDS\`), in an order that rotates from round to round. A server's req/s is the median of its passes; a ratio is the median over rounds of the server's req/s over the baseline's in the same round, so that the machine's load, which drifts from minute to minute on a shared machine, weighs on both alike. Every answer is checked for an \`sn_ticket\`. The CLI runs as shipped (its request log goes to stdout, here /dev/null); \`startMockPlatform\` is the same installed package with the library's default (no request log). RSS is read from /proc after each pass; its growth compares the last two passes, since the first fills the journal (10,000 entries) and the credential stores.`,
  rows,
  notes,
});
