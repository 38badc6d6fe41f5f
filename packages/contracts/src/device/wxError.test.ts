import { describe, expect, expectTypeOf, it } from 'vitest';
import { WX_ERROR, WxErrorCode, wxErrorCName, wxErrorName } from './wxError.js';
import type { WxErrorName } from './wxError.js';

describe('WX_ERROR (wx_error_t, D §7.3)', () => {
  it('numbers the 20 documented names 0 to 19 in order', () => {
    expect(Object.keys(WX_ERROR)).toEqual([
      'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'TIMEOUT', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
      'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE',
      'DATA_LOSS', 'UNAUTHENTICATED', 'IO', 'RESPONSE', 'INVALID_DEVICEID',
    ]);
    expect(Object.values(WX_ERROR)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('maps numbers back to names and C names', () => {
    expect(wxErrorName(9)).toBe('FAILED_PRECONDITION');
    expect(wxErrorName(19)).toBe('INVALID_DEVICEID');
    expect(wxErrorName(-9)).toBeUndefined();
    expect(wxErrorCName('INVALID_ARGUMENT')).toBe('WXERROR_INVALID_ARGUMENT');
  });

  it('parses 0–19 and rejects anything else with the rule', () => {
    expect(WxErrorCode.parse(7)).toBe(WX_ERROR.PERMISSION_DENIED);
    const result = WxErrorCode.safeParse(20);
    expect(result.error?.issues[0]?.message).toContain('from 0 (WXERROR_OK) to 19 (WXERROR_INVALID_DEVICEID)');
    expectTypeOf<WxErrorCode>().toEqualTypeOf<(typeof WX_ERROR)[WxErrorName]>();
  });
});
