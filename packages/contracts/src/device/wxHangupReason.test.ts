import { describe, expect, it } from 'vitest';
import { WX_HANGUP_REASON, WxHangupReason } from './wxHangupReason.js';

describe('WX_HANGUP_REASON (D §1.5)', () => {
  it('has the seven documented reasons', () => {
    expect(WX_HANGUP_REASON).toEqual({ UNKNOWN: 0, MANUAL: 1, SYSTEM: 6, APP: 7, DEVICE: 8, TIMEOUT: 10, REJECT: 11 });
  });

  it.each([0, 1, 6, 7, 8, 10, 11])('accepts %i', (reason) => {
    expect(WxHangupReason.parse(reason)).toBe(reason);
  });

  it.each([2, 5, 9, 12])('rejects unpublished number %i with the list', (reason) => {
    expect(WxHangupReason.safeParse(reason).error?.issues[0]?.message).toContain('0 UNKNOWN, 1 MANUAL, 6 SYSTEM');
  });
});
