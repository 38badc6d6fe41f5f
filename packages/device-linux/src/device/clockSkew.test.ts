import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS, clockSkewMs } from './clockSkew.js';

describe('clockSkewMs', () => {
  it('compares the platform time with the local midpoint of the request', () => {
    expect(clockSkewMs({ sentAt: 10_000, receivedAt: 10_100, serverTime: 10_050 })).toBe(0);
    expect(clockSkewMs({ sentAt: 16_000, receivedAt: 16_000, serverTime: 10_000 })).toBe(6_000);
    expect(MAX_CLOCK_SKEW_MS).toBe(5_000);
  });
});
