/**
 * `pnpm --filter @wxvoip/e2e-release rehearse [--keep] [--node PATH]…`: the release rehearsal from the command line,
 * with a summary of every package, entry, bin and call for each Node runtime; exits 1 when anything would break for an
 * installer. `--node` adds another `node` executable (CI passes Node 22 and 24).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rehearseRelease } from './rehearseRelease.js';

const { values } = parseArgs({ args: process.argv.slice(2).filter((arg) => arg !== '--'), options: { keep: { type: 'boolean', default: false }, node: { type: 'string', multiple: true, default: [] } } });
const root = fileURLToPath(new URL('../../..', import.meta.url));
const started = Date.now();
const report = await rehearseRelease({ root, keep: values.keep, nodes: values.node, log: (line) => console.log(`rehearsal: ${line}`) });
for (const pkg of report.packages) {
  console.log(`${pkg.problems.length === 0 ? 'ok  ' : 'FAIL'} ${pkg.name}@${pkg.version} (${pkg.files} files)`);
  for (const problem of pkg.problems) console.log(`       ${problem.message}`);
}
for (const runtime of report.runtimes) {
  console.log(`Node ${runtime.version}:`);
  for (const entry of runtime.entries) console.log(`  ${entry.ok ? 'ok  ' : 'FAIL'} import '${entry.specifier}'${entry.ok ? ` (${String(entry.names)} exports)` : `\n       ${entry.error ?? ''}`}`);
  for (const bin of runtime.bins) console.log(`  ${bin.ok ? 'ok  ' : 'FAIL'} bin ${bin.command}: ${bin.detail}`);
  console.log(`  ${runtime.smoke.ok ? 'ok  ' : 'FAIL'} documented usage: ${runtime.smoke.output}`);
  console.log(`  ${runtime.call.ok ? 'ok  ' : 'FAIL'} whole call against wxvoip-mock: ${runtime.call.output}`);
  console.log(`  ${runtime.readme.ok ? 'ok  ' : 'FAIL'} README examples: ${runtime.readme.output}`);
}
console.log(`${report.types.ok ? 'ok  ' : 'FAIL'} types of every entry${report.types.ok ? '' : `\n${report.types.output}`}`);
if (values.keep) console.log(`scratch project kept in ${report.scratchDir}`);
console.log(`rehearsal ${report.ok ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = report.ok ? 0 : 1;
