import { describe, expect, it } from 'vitest';
import { RTOS_SN_TICKET_INVALID, RtosReturnCode, fromRtosCode, toRtosCode } from './rtosCode.js';
import { WX_ERROR } from './wxError.js';

describe('toRtosCode / fromRtosCode (negated backend codes, D §2.1)', () => {
  it.each([
    [9, -9],
    [7, -7],
    [24, -24],
    [10008, -10008],
  ])('negates backend %i to %i and back', (backend, rtos) => {
    expect(toRtosCode(backend)).toBe(rtos);
    expect(fromRtosCode(rtos)).toBe(backend);
  });

  it('keeps success as 0, not -0', () => {
    expect(Object.is(toRtosCode(0), 0)).toBe(true);
  });

  it('keeps negated codes apart from colliding wx_error_t values', () => {
    expect(toRtosCode(9)).not.toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(fromRtosCode(WX_ERROR.FAILED_PRECONDITION)).toBeUndefined();
    expect(fromRtosCode(0)).toBeUndefined();
  });

  it.each([-9, 1.5, Number.NaN])('throws a RangeError for %s, which is no backend code', (value) => {
    expect(() => toRtosCode(value)).toThrow(RangeError);
    expect(() => toRtosCode(value)).toThrow('expects a VoIP backend code');
  });

  it('names the snTicket code', () => {
    expect(RTOS_SN_TICKET_INVALID).toBe(toRtosCode(10008));
  });
});

describe('RtosReturnCode', () => {
  it('accepts wx_error_t values and negative integers', () => {
    expect(RtosReturnCode.parse(18)).toBe(18);
    expect(RtosReturnCode.parse(-10008)).toBe(-10008);
  });

  it.each([20, 1.5, -2.5])('rejects %s with the rule', (value) => {
    const result = RtosReturnCode.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('a wx_error_t (0–19) or a negated VoIP backend code');
  });
});
