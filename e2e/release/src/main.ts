/**
 * `pnpm --filter @wxvoip/e2e-release rehearse [--keep]`: the release rehearsal from the command line, with a summary
 * of every package, entry and bin; exits 1 when anything would break for an installer.
 */
import { fileURLToPath } from 'node:url';
import { rehearseRelease } from './rehearseRelease.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const report = await rehearseRelease({ root, keep: process.argv.includes('--keep'), log: (line) => console.log(`rehearsal: ${line}`) });
for (const pkg of report.packages) {
  console.log(`${pkg.problems.length === 0 ? 'ok  ' : 'FAIL'} ${pkg.name}@${pkg.version} (${pkg.files} files)`);
  for (const problem of pkg.problems) console.log(`       ${problem.message}`);
}
for (const entry of report.entries) console.log(`${entry.ok ? 'ok  ' : 'FAIL'} import '${entry.specifier}'${entry.ok ? ` (${String(entry.names)} exports)` : `\n       ${entry.error ?? ''}`}`);
for (const bin of report.bins) console.log(`${bin.ok ? 'ok  ' : 'FAIL'} bin ${bin.command}: ${bin.detail}`);
console.log(`${report.smoke.ok ? 'ok  ' : 'FAIL'} documented usage: ${report.smoke.output}`);
console.log(`${report.types.ok ? 'ok  ' : 'FAIL'} types of every entry${report.types.ok ? '' : `\n${report.types.output}`}`);
if (process.argv.includes('--keep')) console.log(`scratch project kept in ${report.scratchDir}`);
process.exitCode = report.ok ? 0 : 1;
