import { describe, expect, it } from 'vitest';
import { ChargeType } from './chargeType.js';

describe('ChargeType (P §10.1)', () => {
  it('knows duration and license', () => {
    expect(ChargeType.options).toEqual(['duration', 'license']);
  });

  it('rejects other values with a message naming both', () => {
    expect(ChargeType.safeParse('License').error?.issues[0]?.message).toBe("chargeType must be 'duration' (minute quota) or 'license' (device license)");
  });
});
