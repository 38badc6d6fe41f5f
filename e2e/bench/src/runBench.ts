/**
 * `pnpm bench [--write] [--only id,id]`: every performance figure of the repository, each in its own process, one after
 * the other, each compared with baselines measured in the same run. `--write` regenerates docs/performance.md.
 *
 * A figure is a script: the files directly in `apps/mock-platform/bench/` and in `e2e/bench/src/figures/` (helpers live
 * in subfolders). A script that calls `publish()` (support/figureReport.ts) hands the runner a structured report;
 * any other script's standard output is taken as its section, as printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, release } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPORT_ENV, type FigureReport } from './support/figureReport.js';
import { INSTALLED_ENV, installPlatform, WORKSPACE_ROOT } from './support/installedPlatform.js';
import { renderPerformanceDoc, type BenchRun, type FigureOutcome } from './support/renderPerformanceDoc.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const write = args.includes('--write');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',')) : undefined;

/** Preferred order; scripts not listed run after these, by name. */
const ORDER = ['throughput', 'coldStart', 'wholeCallHttp', 'wholeCallMsw', 'talkingRooms', 'roomScaling'];
const FIGURE_DIRS = [join(WORKSPACE_ROOT, 'e2e/bench/src/figures'), join(WORKSPACE_ROOT, 'apps/mock-platform/bench')];

const scripts = FIGURE_DIRS.flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => ({ id: basename(e.name, '.ts'), file: join(dir, e.name) })),
)
  .filter((s) => only === undefined || only.has(s.id))
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

function rank(id: string): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
}

/** Runs one figure script; its report, or its raw output when it published none. */
function runFigure(id: string, file: string): Promise<FigureOutcome> {
  const reportPath = join(tmpdir(), `wxvoip-bench-${process.pid}-${id}.json`);
  rmSync(reportPath, { force: true });
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--conditions=@wxvoip/source', '--import', 'tsx', file], { cwd: join(file, '..'), env: { ...process.env, [REPORT_ENV]: reportPath }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const report = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as FigureReport) : undefined;
      rmSync(reportPath, { force: true });
      resolve({ id, file: file.slice(WORKSPACE_ROOT.length + 1), seconds, exitCode: code ?? 1, ...(report ? { report } : { output }) });
    });
  });
}

const started = performance.now();
const loadBefore = loadavg();
console.log(`wxvoip bench: ${scripts.map((s) => s.id).join(', ')}`);
console.log('Building and packing the mock platform (the installed CLI runs under plain node)…');
process.env[INSTALLED_ENV] = JSON.stringify(installPlatform());
const outcomes: FigureOutcome[] = [];
for (const script of scripts) {
  console.log(`\n=== ${script.id} (${script.file.slice(WORKSPACE_ROOT.length + 1)})`);
  const outcome = await runFigure(script.id, script.file);
  if (outcome.exitCode !== 0) console.log(`!!! ${script.id} exited with code ${outcome.exitCode}`);
  outcomes.push(outcome);
}

const run: BenchRun = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Linux ${release()}`,
  loadBefore: loadBefore.map((l) => l.toFixed(1)).join(' / '),
  loadAfter: loadavg().map((l) => l.toFixed(1)).join(' / '),
  seconds: (performance.now() - started) / 1000,
  figures: outcomes,
};
const doc = renderPerformanceDoc(run);
const summary = doc.slice(doc.indexOf('## Summary'), doc.indexOf('\n## ', doc.indexOf('## Summary') + 3));
console.log(`\n${summary}`);
console.log(`Finished in ${run.seconds.toFixed(0)} s.`);
if (write) {
  writeFileSync(join(WORKSPACE_ROOT, 'docs/performance.md'), doc);
  console.log('Wrote docs/performance.md');
}
process.exitCode = outcomes.some((o) => o.exitCode !== 0) ? 1 : 0;
