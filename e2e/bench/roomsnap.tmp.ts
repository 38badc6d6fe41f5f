import { fork, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { benchSeed } from './src/support/benchSeed.js';
const N = Number(process.argv[2] ?? 1000);
writeFileSync('/tmp/perfprof/rooms-seed.json', JSON.stringify(benchSeed(N)));
const port = 38600 + Math.floor(Math.random() * 300);
const server = spawn(process.execPath, ['--heapsnapshot-signal=SIGUSR2', '/work/wt/perf/e2e/bench/servers/platformServer.mjs', 'file:///work/wt/perf/apps/mock-platform/dist/index.js', String(port), '/tmp/perfprof/rooms-seed.json'], { cwd: '/tmp/perfprof', stdio: ['ignore', 'pipe', 'inherit'] });
Object.assign(server, {});
await new Promise((r) => server.stdout!.once('data', r));
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
const idle = rss();
const t = performance.now();
const child = fork('src/support/roomClients.ts', [`http://127.0.0.1:${port}`, '0', String(N), String(Date.now() + 300_000)], { execArgv: ['--conditions=@wxvoip/source', '--import', 'tsx'] });
const m = await new Promise((r) => child.once('message', r));
const after = rss();
console.log('rooms', m, 'setup s', ((performance.now() - t) / 1000).toFixed(1), 'idle MB', idle.toFixed(0), 'after MB', after.toFixed(0), 'KB/room', (((after - idle) * 1024) / N).toFixed(1));
if (process.argv[3] === 'snap') { server.kill('SIGUSR2'); await new Promise((r) => setTimeout(r, 45000)); }
child.kill('SIGKILL'); server.kill('SIGKILL');
