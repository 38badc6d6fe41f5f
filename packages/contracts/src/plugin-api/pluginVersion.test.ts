import { describe, expect, it, vi } from 'vitest';
import { assertPluginVersion, compareVersions, LATEST_PLUGIN_VERSION, OLDEST_CHANGELOG_VERSION, PluginVersion } from './pluginVersion.js';

describe('plugin versions (P header, §11)', () => {
  it('names the latest and oldest changelog versions', () => {
    expect(LATEST_PLUGIN_VERSION).toBe('2.4.6');
    expect(OLDEST_CHANGELOG_VERSION).toBe('2.3.8');
  });

  it.each([
    ['2.3.10', '2.3.9', 1],
    ['2.3.9', '2.3.10', -1],
    ['2.4.0', '2.4.0', 0],
    ['2.4', '2.4.0', 0],
    ['2.10.0', '2.9.9', 1],
    ['1.9.99', '2.0.0', -1],
  ] as const)('compareVersions(%s, %s) is %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it.each(['latest', '2.4.x', '', 'v2.4.0', '2..4'])('rejects %j', (version) => {
    expect(() => compareVersions(version, '2.4.0')).toThrow(RangeError);
    expect(() => assertPluginVersion(version)).toThrow('is not a plugin version');
    expect(PluginVersion.safeParse(version).error?.issues[0]?.message).toContain('plugin version must be dot-separated whole numbers');
  });

  it('assertPluginVersion accepts exactly what PluginVersion accepts, without a zod parse per check (issue 19)', () => {
    const safeParse = vi.spyOn(PluginVersion, 'safeParse');
    const parse = vi.spyOn(PluginVersion, 'parse');
    try {
      const values: unknown[] = ['2.4.6', '2.3.10', '2', '10.0.0.1', 'latest', '2.4.x', '', 'v2.4.0', '2..4', '2.4.', ' 2.4.6', '2.4.6\n', 246, null, undefined];
      const verdicts = values.map((value) => {
        try {
          assertPluginVersion(value as string);
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return false;
        }
      });
      expect(safeParse).not.toHaveBeenCalled();
      expect(parse).not.toHaveBeenCalled();
      safeParse.mockRestore();
      expect(verdicts).toEqual(values.map((value) => PluginVersion.safeParse(value).success));
    } finally {
      safeParse.mockRestore();
      parse.mockRestore();
    }
  });
});
