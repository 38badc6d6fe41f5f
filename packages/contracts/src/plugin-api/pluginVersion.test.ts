import { describe, expect, it } from 'vitest';
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
});
