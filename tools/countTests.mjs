// Sums vitest JSON reports into the one closing line CI reads: `N passed, N failed`.
// Exits non-zero when a test failed, a suite failed to load, or a project that has tests wrote no report.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/countTests.mjs <report-dir>');
  process.exit(2);
}
const reports = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that fails to load (syntax error, bad import) has no failed test but is a failure.
  const brokenSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).every((a) => a.status !== 'failed'));
  if (brokenSuites.length > 0) {
    failed += brokenSuites.length;
    for (const s of brokenSuites) console.error(`ci: test file failed to run: ${s.name}: ${s.message ?? ''}`);
  }
}
if (reports.length === 0) console.error(`ci: no vitest reports in ${dir}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
