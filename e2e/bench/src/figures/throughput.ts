/**
 * Figure: emulated-route throughput and RSS. `POST /wxa/getsnticket?access_token=…` with a valid body from 50
 * connections (autocannon, loopback), against the two baselines and the installed mock platform, one after the other
 * in this run. Run alone: `pnpm --filter @wxvoip/e2e-bench exec tsx src/figures/throughput.ts`.
 */
import { BARE_FASTIFY, installedCli, installedLibrary, measureServer, TS_REST_FASTIFY, type MeasuredPass } from '../support/benchServers.js';
import { num, publish, times, type FigureRow } from '../support/figureReport.js';
import { installedPlatform } from '../support/installedPlatform.js';
import { CONNECTIONS, PASS_SECONDS } from '../support/loadTest.js';

const PASSES = 2;
const platform = installedPlatform();

const mean = (passes: readonly MeasuredPass[], pick: (p: MeasuredPass) => number) => passes.reduce((sum, p) => sum + pick(p), 0) / passes.length;
const specs = [BARE_FASTIFY, TS_REST_FASTIFY, installedCli(platform), installedLibrary(platform)];
const results = new Map<string, MeasuredPass[]>();
for (const spec of specs) results.set(spec.name, await measureServer(spec, PASSES));

const bare = results.get(BARE_FASTIFY.name)!;
const tsRest = results.get(TS_REST_FASTIFY.name)!;
const bareRps = mean(bare, (p) => p.rps);
const tsRestRps = mean(tsRest, (p) => p.rps);
const bareRss = bare.at(-1)!.rssMb;
const rows: FigureRow[] = [
  { figure: 'throughput, bare fastify', value: `${num(bareRps)} req/s`, baseline: '', ratio: times(1), goal: '', met: null },
  { figure: 'throughput, fastify + ts-rest + zod', value: `${num(tsRestRps)} req/s`, baseline: `bare fastify: ${num(bareRps)} req/s`, ratio: times(tsRestRps / bareRps), goal: '', met: null },
];
const notes: string[] = [];
for (const spec of specs.slice(2)) {
  const passes = results.get(spec.name)!;
  const rps = mean(passes, (p) => p.rps);
  const [first, last] = [passes[0]!, passes.at(-1)!];
  const growth = (last.rssMb - first.rssMb) / first.rssMb;
  rows.push(
    { figure: `throughput, ${spec.name}`, value: `${num(rps)} req/s`, baseline: `bare fastify: ${num(bareRps)} req/s`, ratio: times(rps / bareRps), goal: '≥ 0.60 ×', met: rps / bareRps >= 0.6 },
    { figure: `throughput, ${spec.name}`, value: `${num(rps)} req/s`, baseline: `ts-rest + zod: ${num(tsRestRps)} req/s`, ratio: times(rps / tsRestRps), goal: '≥ 0.70 ×', met: rps / tsRestRps >= 0.7 },
    { figure: `RSS after load, ${spec.name}`, value: `${num(last.rssMb)} MB`, baseline: `bare fastify: ${num(bareRss)} MB`, ratio: times(last.rssMb / bareRss), goal: '≤ 1.50 ×', met: last.rssMb / bareRss <= 1.5 },
    { figure: `RSS growth pass 1 → ${passes.length}, ${spec.name}`, value: `${num(first.rssMb)} → ${num(last.rssMb)} MB`, baseline: '', ratio: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`, goal: 'not growing (≤ +5 %)', met: growth <= 0.05 },
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
  method: `\`POST /wxa/getsnticket?access_token=…\` with the demo doorbell's valid body, ${CONNECTIONS} connections from autocannon in the bench process over loopback; each server in its own process, started fresh, warmed for 1 s, then ${PASSES} passes of ${PASS_SECONDS} s (\`WXVOIP_BENCH_SECONDS\`). Every answer is checked for an \`sn_ticket\`. The CLI runs as shipped (its request log goes to stdout, here /dev/null); \`startMockPlatform\` is the same installed package with the library's default (no request log). RSS is read from /proc after each pass.`,
  rows,
  notes,
});
