/**
 * Benchmark of the data directory's cost (ADR 0015): requests per second of a state-changing route
 * (`GET /cgi-bin/token`, which issues a new token on every call) on a listening platform kept in memory and on one
 * with a data directory, in the same run, over loopback HTTP with keep-alive. Rounds alternate between the two so
 * that noise from the machine hits both alike; the figure is the ratio of the medians (goal: within 10 %).
 *
 * Run with `pnpm bench` (all projects) or `pnpm --filter @wxvoip/mock-platform bench`. Not a test: it prints
 * figures and asserts nothing. `WXVOIP_BENCH_ROUND_MS` (default 700), `WXVOIP_BENCH_ROUNDS` (pairs, default 8) and
 * `WXVOIP_BENCH_CONCURRENCY` (default 16) tune it.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { startMockPlatform, type MockPlatform } from '../src/platform/mockPlatform.js';

const ROUND_MS = Number(process.env['WXVOIP_BENCH_ROUND_MS'] ?? 700);
const ROUNDS = Number(process.env['WXVOIP_BENCH_ROUNDS'] ?? 8);
const CONCURRENCY = Number(process.env['WXVOIP_BENCH_CONCURRENCY'] ?? 16);
const PATH = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';

/** Sends requests from `CONCURRENCY` keep-alive connections for `ROUND_MS`; returns requests per second. */
async function round(platform: MockPlatform): Promise<number> {
  const url = new URL(platform.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: PATH, agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
  let done = 0;
  const until = Date.now() + ROUND_MS;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        await get();
        done++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return done / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'wxvoip-bench-state-'));
const memory = await startMockPlatform({ port: 0 });
const persisted = await startMockPlatform({ port: 0, dataDir });
await round(memory); // warm up both (JIT, connections)
await round(persisted);

const results = { memory: [] as number[], persisted: [] as number[], ratios: [] as number[] };
for (let i = 0; i < ROUNDS; i++) {
  let inMemory: number;
  let withDataDir: number;
  if (i % 2 === 0) {
    inMemory = await round(memory);
    withDataDir = await round(persisted);
  } else {
    withDataDir = await round(persisted);
    inMemory = await round(memory);
  }
  results.memory.push(inMemory);
  results.persisted.push(withDataDir);
  results.ratios.push(withDataDir / inMemory);
}
await persisted.storage?.flush();
const files = readdirSync(join(dataDir, 'namespaces'));
const bytes = files.reduce((sum, name) => sum + statSync(join(dataDir, 'namespaces', name)).size, 0);
await memory.close();
await persisted.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(`\nCost of the data directory (GET /cgi-bin/token, ${CONCURRENCY} keep-alive connections, ${ROUNDS} pairs of ${ROUND_MS} ms rounds, Node ${process.version})\n`);
console.log('| platform | requests/s (median) | rounds |');
console.log('|---|---|---|');
console.log(`| in memory | ${median(results.memory).toFixed(0)} | ${results.memory.map((r) => r.toFixed(0)).join(', ')} |`);
console.log(`| with a data directory | ${median(results.persisted).toFixed(0)} | ${results.persisted.map((r) => r.toFixed(0)).join(', ')} |`);
console.log(
  `\nwith a data directory: ${(median(results.ratios) * 100).toFixed(1)} % of in-memory throughput, median of the pair ratios ` +
    `(${results.ratios.map((r) => (r * 100).toFixed(0)).join(', ')} %; goal ≥ 90 %); state file ${bytes} bytes`,
);
