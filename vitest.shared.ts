import { join } from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The export condition that makes `@wxvoip/*` imports resolve to their TypeScript sources inside the workspace
 * (ADR 0017). Published packages resolve to `dist/` without it.
 */
export const SOURCE_CONDITION = '@wxvoip/source';

/** Vite's default server conditions, with the source condition first. */
const SERVER_CONDITIONS = [SOURCE_CONDITION, 'module', 'node', 'development|production'];

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
    // Node tests resolve through `ssr.resolve`; `resolve` covers anything run in a browser-like environment.
    resolve: { conditions: [SOURCE_CONDITION, 'module', 'browser', 'development|production'] },
    ssr: { resolve: { conditions: SERVER_CONDITIONS, externalConditions: [SOURCE_CONDITION, 'node'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // Test files of a project share their worker's module cache instead of importing zod, the contracts and the
      // platform afresh for each file (ADR 0030): that import was most of the suite's CPU time (contracts: 41 s of
      // CPU isolated, 6.5 s shared). It is safe here because no test mocks modules (`vi.mock`), and every file starts
      // and stops its own servers, msw interceptors and globals in its hooks.
      isolate: false,
      env: { WXVOIP_RESPONSE_VALIDATION: 'every' },
      reporters: reportDir ? ['default', 'json'] : ['default'],
      ...(reportDir ? { outputFile: { json: join(reportDir, `${reportName}.json`) } } : {}),
      ...overrides,
    },
  });
}
