import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedPackages, README_EXAMPLES, rehearseRelease, type RehearsalReport } from './rehearseRelease.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** Other Node executables to rehearse with, `:`-separated (`.ci/run` passes Node 22 and 24 fetched from the npm registry). */
const otherNodes = (process.env['WXVOIP_REHEARSAL_NODES'] ?? '').split(delimiter).filter((path) => path !== '');
let report: RehearsalReport;

beforeAll(async () => {
  report = await rehearseRelease({ root, nodes: otherNodes });
}, 600_000);

describe('release rehearsal: the packed packages, installed with npm outside the workspace, under plain Node', () => {
  it('packs every published package, each without a problem an installer would hit', () => {
    expect(report.packages.map((p) => p.name)).toEqual(publishedPackages(root).map((p) => p.name));
    expect(report.packages.map((p) => p.name)).toEqual(['@wxvoip/contracts', '@wxvoip/device-linux', '@wxvoip/device-rtos', '@wxvoip/mock-platform', '@wxvoip/party-client', '@wxvoip/plugin']);
    expect(report.packages.flatMap((p) => p.problems.map((problem) => problem.message))).toEqual([]);
  });

  it(`runs under this Node${otherNodes.length === 0 ? '' : ` and ${otherNodes.length} other(s) (WXVOIP_REHEARSAL_NODES)`}`, () => {
    expect(report.runtimes.map((r) => r.version)).toHaveLength(1 + otherNodes.length);
    expect(report.runtimes[0]?.version).toBe(process.version);
  });

  it('imports every public entry of every package, under every runtime', () => {
    for (const runtime of report.runtimes) {
      expect([runtime.version, runtime.entries.filter((e) => !e.ok)]).toEqual([runtime.version, []]);
      const specifiers = runtime.entries.map((e) => e.specifier);
      expect(specifiers).toEqual(expect.arrayContaining(['@wxvoip/contracts', '@wxvoip/contracts/openapi.json', '@wxvoip/mock-platform', '@wxvoip/mock-platform/msw', '@wxvoip/plugin', '@wxvoip/device-linux', '@wxvoip/device-linux/cli', '@wxvoip/device-rtos', '@wxvoip/party-client']));
      for (const entry of runtime.entries.filter((e) => !e.specifier.endsWith('package.json'))) expect(entry.names, entry.specifier).toBeGreaterThan(0);
    }
  });

  it('runs every bin under every runtime: --help, and wxvoip-mock serves the demo token and stops cleanly on SIGTERM', () => {
    for (const runtime of report.runtimes) {
      expect([runtime.version, runtime.bins.filter((b) => !b.ok)]).toEqual([runtime.version, []]);
      expect(runtime.bins.map((b) => b.command).sort()).toEqual(['wxvoip-device', 'wxvoip-mock', 'wxvoip-mock', 'wxvoip-rtos']);
    }
  });

  it('places one whole call over HTTP against the installed wxvoip-mock, and runs the documented usage, under every runtime', () => {
    for (const runtime of report.runtimes) {
      expect([runtime.version, runtime.call]).toMatchObject([runtime.version, { ok: true }]);
      expect([runtime.version, runtime.smoke]).toMatchObject([runtime.version, { ok: true }]);
    }
  });

  it("runs the README's examples verbatim under every runtime: node smoke.mjs, and vitest run on token.test.mjs", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const example of README_EXAMPLES) expect(readme).toContain(`\`\`\`js\n${readFileSync(new URL(`./scratch/${example.source}`, import.meta.url), 'utf8')}\`\`\``);
    for (const runtime of report.runtimes) expect([runtime.version, runtime.readme]).toMatchObject([runtime.version, { ok: true }]);
  });

  it('resolves the types of every entry for a TypeScript user', () => {
    expect(report.types).toEqual({ ok: true, output: '' });
  });
});
