import { join } from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Vitest settings every project shares.
 *
 * Every test runs with `WXVOIP_RESPONSE_VALIDATION=every`: the mock platform's adapters then check every response
 * against the contract, not only the first of each shape as they do by default (ADR 0023).
 *
 * When `WXVOIP_TEST_REPORT_DIR` is set (as `.ci/run` does), each project also writes vitest's JSON
 * report to `<dir>/<reportName>.json`, so CI can print one `N passed, N failed` line for the repo.
 *
 * @example
 * // packages/contracts/vitest.config.ts
 * export default projectTestConfig('contracts');
 */
export function projectTestConfig(reportName: string, overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const reportDir = process.env['WXVOIP_TEST_REPORT_DIR'];
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      env: { WXVOIP_RESPONSE_VALIDATION: 'every' },
      reporters: reportDir ? ['default', 'json'] : ['default'],
      ...(reportDir ? { outputFile: { json: join(reportDir, `${reportName}.json`) } } : {}),
      ...overrides,
    },
  });
}
