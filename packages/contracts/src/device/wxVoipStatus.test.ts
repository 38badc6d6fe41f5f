import { describe, expect, it } from 'vitest';
import { WX_VOIP_STATUS, WX_VOIP_TERMINAL_STATUSES, WxVoipStatus, wxVoipStatusName } from './wxVoipStatus.js';

describe('WX_VOIP_STATUS (D §1.5)', () => {
  it('has the ten documented statuses with their numbers', () => {
    expect(WX_VOIP_STATUS).toEqual({
      IDLE: 0, CALLING: 1, TALKING: 2, REJECTED: 3, CANCELED: 4, HANGUP_BY_CALLER: 5, HANGUP_BY_CALLEE: 6, ABORTED: 7, BUSY: 8, TIMEOUT: 9,
    });
  });

  it('names a number', () => {
    expect(wxVoipStatusName(2)).toBe('TALKING');
    expect(wxVoipStatusName(WX_VOIP_STATUS.TIMEOUT)).toBe('TIMEOUT');
  });

  it('parses 0–9 and rejects 10 with the rule', () => {
    expect(WxVoipStatus.parse(8)).toBe(WX_VOIP_STATUS.BUSY);
    expect(WxVoipStatus.safeParse(10).error?.issues[0]?.message).toContain('from 0 (IDLE) to 9 (TIMEOUT)');
  });

  it('treats 3–9 as terminal', () => {
    expect([...WX_VOIP_TERMINAL_STATUSES].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});
