import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CATALOGUE } from './catalogue.js';
import type { ErrorEntryInDomain } from './catalogue.js';
import { ErrorDomain } from './errorEntry.js';
import { ErrorKey, isErrorKey } from './errorKey.js';
import { errorByKey, findError, findPluginEventError, findRtosError, isPluginEventErrMsg, rtosReturnCode } from './findError.js';

describe('findError', () => {
  it('finds every numbered entry by its domain and code', () => {
    for (const entry of ERROR_CATALOGUE) {
      if (entry.domain === 'plugin-event') continue;
      expect(findError(entry.domain, entry.code)).toBe(entry);
    }
  });

  it('tells apart the same number in different domains', () => {
    expect(findError('backend', 9).key).toBe('DEVICE_NOT_AUTHORIZED');
    expect(findError('device-sdk', 9).key).toBe('WXERROR_FAILED_PRECONDITION');
    expect(findError('authorization', 10008).key).toBe('AUTHORIZATION_SN_TICKET_WRONG');
    expect(findError('backend', 10008).key).toBe('SN_TICKET_EXPIRED');
  });

  it('returns undefined for unknown codes, including documented gaps', () => {
    const fromWire: number = 6;
    expect(findError('backend', fromWire)).toBeUndefined();
    expect(findError('server-api', Number('12345'))).toBeUndefined();
  });

  it('narrows the result type for literal codes and widens it for numbers', () => {
    expectTypeOf(findError('backend', 9).key).toEqualTypeOf<'DEVICE_NOT_AUTHORIZED'>();
    const n: number = 9;
    expectTypeOf(findError('backend', n)).toEqualTypeOf<ErrorEntryInDomain<'backend'> | undefined>();
    // @ts-expect-error plugin-event entries have no code: look them up with findPluginEventError
    expect(findError('plugin-event', 0)).toBeUndefined();
  });
});

describe('errorByKey', () => {
  it('returns the entry of a key', () => {
    const entry = errorByKey('PLUGIN_BUSY');
    expect(entry).toMatchObject({ domain: 'plugin', code: 1005, errorClass: 'VoipPluginError' });
    expectTypeOf(entry.code).toEqualTypeOf<1005>();
    expectTypeOf(errorByKey('WXERROR_TIMEOUT').domain).toEqualTypeOf<'device-sdk'>();
  });

  it('rejects unknown keys at compile time and, for JavaScript callers, at run time', () => {
    // @ts-expect-error only catalogue keys type-check
    expect(() => errorByKey('NOT_A_KEY')).toThrow(/unknown error key "NOT_A_KEY".*docs\/errors\.md/);
  });
});

describe('findPluginEventError', () => {
  it('matches the literal exactly, typo included', () => {
    expect(findPluginEventError('in comming call')?.key).toBe('CALL_INTERRUPTED_INCOMING_CALL');
    expect(findPluginEventError('in coming call')).toBeUndefined();
    expect(findPluginEventError('Room status is abort')).toBeUndefined();
    expect(isPluginEventErrMsg('listener waitOtherToJoin timeout')).toBe(true);
    expect(isPluginEventErrMsg('something else')).toBe(false);
  });
});

describe('RTOS return values', () => {
  it('reads negative values as negated backend codes and the rest as wx_error_t', () => {
    expect(findRtosError(-9)?.key).toBe('DEVICE_NOT_AUTHORIZED');
    expect(findRtosError(-10008)?.key).toBe('SN_TICKET_EXPIRED');
    expect(findRtosError(18)?.key).toBe('WXERROR_RESPONSE');
    expect(findRtosError(9)?.key).toBe('WXERROR_FAILED_PRECONDITION');
    expect(findRtosError(-6)).toBeUndefined();
  });

  it('negates backend codes and keeps wx_error_t values', () => {
    expect(rtosReturnCode('DEVICE_NOT_AUTHORIZED')).toBe(-9);
    expect(rtosReturnCode('SN_TICKET_EXPIRED')).toBe(-10008);
    expect(rtosReturnCode('WXERROR_INVALID_DEVICEID')).toBe(19);
    for (const entry of ERROR_CATALOGUE) {
      if (entry.domain === 'backend' || entry.domain === 'device-sdk') expect(findRtosError(rtosReturnCode(entry.key))).toBe(entry);
    }
    // @ts-expect-error plugin codes never come out of the RTOS SDK
    rtosReturnCode('PLUGIN_BUSY');
  });
});

describe('ErrorKey and ErrorDomain schemas', () => {
  it('accept catalogue keys and domains', () => {
    expect(ErrorKey.parse('DEVICE_NOT_AUTHORIZED')).toBe('DEVICE_NOT_AUTHORIZED');
    expect(isErrorKey('WXERROR_OK')).toBe(true);
    expect(ErrorDomain.parse('server-api')).toBe('server-api');
  });

  it('reject anything else with a message naming the rule', () => {
    const key = ErrorKey.safeParse('device_not_authorized');
    expect(key.error?.issues[0]?.message).toContain('errorKey must be a key of the error catalogue');
    expect(isErrorKey(9)).toBe(false);
    const domain = ErrorDomain.safeParse('server');
    expect(domain.error?.issues[0]?.message).toContain("domain must be one of 'backend'");
  });

  it('schema types are the catalogue types', () => {
    expectTypeOf<ErrorKey>().toEqualTypeOf<(typeof ERROR_CATALOGUE)[number]['key']>();
    expectTypeOf<ErrorDomain>().toEqualTypeOf<(typeof ERROR_CATALOGUE)[number]['domain']>();
  });
});
