import { describe, expect, it } from 'vitest';
import { WX_WXA_FLAVOR } from '../device/wxaFlavor.js';
import { WMPF_APP_TYPE, WmpfAppType, envVersionOf, wmpfAppTypeOf } from './wmpfAppType.js';

describe('WmpfAppType (P §9.1)', () => {
  it('is 0 release, 1 develop, 2 trial, like wxa_flavor', () => {
    expect(WMPF_APP_TYPE).toEqual({ RELEASE: 0, DEVELOP: 1, TRIAL: 2 });
    expect(Object.values(WMPF_APP_TYPE)).toEqual(Object.values(WX_WXA_FLAVOR));
  });

  it('rejects 3 with the rule', () => {
    expect(WmpfAppType.safeParse(3).error?.issues[0]?.message).toBe('appType must be 0 (release), 1 (develop) or 2 (trial)');
  });

  it.each([
    ['release', 0],
    ['develop', 1],
    ['trial', 2],
  ] as const)('maps envVersion %s to appType %i and back', (envVersion, appType) => {
    expect(wmpfAppTypeOf(envVersion)).toBe(appType);
    expect(envVersionOf(appType)).toBe(envVersion);
  });
});
