import { describe, expect, it } from 'vitest';
import { WX_WXA_FLAVOR, WxWxaFlavor } from './wxaFlavor.js';

describe('WX_WXA_FLAVOR (D §1.3)', () => {
  it('is RELEASE 0, DEBUG 1, DEMO 2', () => {
    expect(WX_WXA_FLAVOR).toEqual({ RELEASE: 0, DEBUG: 1, DEMO: 2 });
    expect(WxWxaFlavor.parse(2)).toBe(WX_WXA_FLAVOR.DEMO);
  });

  it('rejects 3 with the rule', () => {
    expect(WxWxaFlavor.safeParse(3).error?.issues[0]?.message).toContain('wxa_flavor must be 0 (WX_WXA_FLAVOR_RELEASE)');
  });
});
