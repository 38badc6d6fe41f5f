import { describe, expect, it } from 'vitest';
import { isAvailableIn, PLUGIN_FEATURES, unavailableFeaturesIn } from './pluginFeatures.js';
import type { PluginFeatureKey } from './pluginFeatures.js';
import { pluginInterfaces } from './pluginInterfaces.js';
import { compareVersions, LATEST_PLUGIN_VERSION, PluginVersion } from './pluginVersion.js';

describe('PLUGIN_FEATURES (P §2, §3.1, §4, §5, §11)', () => {
  it.each([
    ['initByCaller.timeLimit', '2.3.8'],
    ['initByCaller.businessType.3', '2.3.8'],
    ['initByCaller.result.roomId', '2.4.0'],
    ['initByCaller.result.chargeType', '2.3.8'],
    ['callDevice', '2.4.0'],
    ['callWMPF', '2.4.0'],
    ['callDevice.deviceName', '2.4.1'],
    ['callDevice.isCloud', '2.4.3'],
    ['callDevice.encodeVideoMaxFPS', '2.4.5'],
    ['CALL_PAGE_PATH', '2.3.9'],
    ['getPluginOnloadOptions', '2.2.3'],
    ['forceHangUpVoip.roomId', '2.3.2'],
    ['onVoipEvent.unsubscribe', '2.3.10'],
    ['setUIConfig.customBoxHeight', '2.3.10'],
    ['setUIConfig.isSelfWindowMax', '2.3.4'],
    ['setVoipEndPagePath.routeType', '2.3.9'],
    ['component.camera-device', '2.4.6'],
  ] as const)('%s needs plugin %s', (feature, version) => {
    expect(PLUGIN_FEATURES[feature].since).toBe(version);
  });

  it('marks "(old)" and "?" minimum versions explicitly with since: null', () => {
    expect(PLUGIN_FEATURES.initByCaller).toMatchObject({ since: null, sinceBasis: 'beforeChangelog' });
    expect(PLUGIN_FEATURES.transerAdmin).toMatchObject({ since: null, sinceBasis: 'unknown' });
  });

  it('has an entry for every plugin export', () => {
    for (const name of pluginInterfaces) expect(PLUGIN_FEATURES).toHaveProperty([name]);
  });

  it('is consistent: valid versions, never newer than the latest, a behaviour for older plugins', () => {
    for (const [key, feature] of Object.entries(PLUGIN_FEATURES)) {
      const since: string | null = feature.since;
      if (since === null) {
        expect(feature.olderPlugin, key).toBe('none');
        expect(['beforeChangelog', 'unknown'], key).toContain(feature.sinceBasis);
      } else {
        expect(PluginVersion.safeParse(since).success, key).toBe(true);
        expect(compareVersions(since, LATEST_PLUGIN_VERSION), key).toBeLessThanOrEqual(0);
        expect(feature.olderPlugin, key).not.toBe('none');
        expect(['documented', 'inferred'], key).toContain(feature.sinceBasis);
      }
      expect(feature.source, key).toMatch(/^(P|D) §/);
    }
  });
});

describe('isAvailableIn', () => {
  it.each([
    ['callDevice', '2.3.9', false],
    ['callDevice', '2.4.0', true],
    ['callDevice.isCloud', '2.4.2', false],
    ['callDevice.isCloud', '2.4.3', true],
    ['onVoipEvent.unsubscribe', '2.3.9', false],
    ['onVoipEvent.unsubscribe', '2.3.10', true],
    ['initByCaller', '1.0.0', true],
    ['getBindContactPath', '2.0.0', true],
  ] as const)('%s in %s: %s', (feature, version, expected) => {
    expect(isAvailableIn(feature, version)).toBe(expected);
  });

  it('throws on a malformed version, even for features without a number', () => {
    expect(() => isAvailableIn('initByCaller', 'latest')).toThrow(RangeError);
  });

  it('unavailableFeaturesIn lists exactly the newer features', () => {
    expect(unavailableFeaturesIn(LATEST_PLUGIN_VERSION)).toEqual([]);
    const missing = unavailableFeaturesIn('2.4.4');
    const expected = (Object.keys(PLUGIN_FEATURES) as PluginFeatureKey[]).filter((key) => {
      const since: string | null = PLUGIN_FEATURES[key].since;
      return since !== null && compareVersions(since, '2.4.4') > 0;
    });
    expect(missing).toEqual(expected);
    expect(missing).toContain('callDevice.encodeVideoFixedLength');
    expect(missing).toContain('component.camera-device');
    expect(missing).not.toContain('callDevice.isCloud');
  });
});
