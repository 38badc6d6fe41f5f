import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedPackages, rehearseRelease, type RehearsalReport } from './rehearseRelease.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let report: RehearsalReport;

beforeAll(async () => {
  report = await rehearseRelease({ root });
}, 600_000);

describe('release rehearsal: the packed packages, installed outside the workspace, under plain Node 20', () => {
  it('packs every published package, each without a problem an installer would hit', () => {
    expect(report.packages.map((p) => p.name)).toEqual(publishedPackages(root).map((p) => p.name));
    expect(report.packages.map((p) => p.name)).toEqual(['@wxvoip/contracts', '@wxvoip/device-linux', '@wxvoip/device-rtos', '@wxvoip/mock-platform', '@wxvoip/plugin']);
    expect(report.packages.flatMap((p) => p.problems.map((problem) => problem.message))).toEqual([]);
  });

  it('imports every public entry of every package', () => {
    expect(report.entries.filter((e) => !e.ok)).toEqual([]);
    const specifiers = report.entries.map((e) => e.specifier);
    expect(specifiers).toEqual(expect.arrayContaining(['@wxvoip/contracts', '@wxvoip/contracts/openapi.json', '@wxvoip/mock-platform', '@wxvoip/mock-platform/msw', '@wxvoip/plugin', '@wxvoip/device-linux', '@wxvoip/device-rtos']));
    for (const entry of report.entries.filter((e) => !e.specifier.endsWith('package.json'))) expect(entry.names, entry.specifier).toBeGreaterThan(0);
  });

  it('runs every bin: wxvoip-mock serves the demo token and stops cleanly on SIGTERM', () => {
    expect(report.bins.filter((b) => !b.ok)).toEqual([]);
    expect(report.bins.map((b) => b.command)).toContain('wxvoip-mock');
  });

  it('runs the documented usage: a listening platform and the msw handlers', () => {
    expect(report.smoke).toMatchObject({ ok: true });
  });

  it('resolves the types of every entry for a TypeScript user', () => {
    expect(report.types).toEqual({ ok: true, output: '' });
  });
});
