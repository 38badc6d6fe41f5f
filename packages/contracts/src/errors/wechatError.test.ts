import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CATALOGUE } from './catalogue.js';
import { ok, wechatError } from './wechatError.js';
import type { WechatErrorReply } from './wechatError.js';

describe('wechatError', () => {
  it('answers { errcode, errmsg } in WeChat\'s style', () => {
    expect(wechatError('INVALID_CREDENTIAL')).toEqual({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    expect(wechatError('SN_TOO_LONG')).toEqual({ errcode: 9800001, errmsg: 'sn长度不能超过128字节' });
    expect(wechatError('SYSTEM_BUSY')).toEqual({ errcode: -1, errmsg: 'system error' });
    expect(wechatError('DEVICE_NOT_AUTHORIZED').errcode).toBe(9);
  });

  it('appends a detail after a colon, and ignores an empty one', () => {
    expect(wechatError('ARGUMENT_INVALID', 'data.thing1.value')).toEqual({ errcode: 47003, errmsg: 'argument invalid: data.thing1.value' });
    expect(wechatError('ARGUMENT_INVALID', '').errmsg).toBe('argument invalid');
  });

  it('uses the documented wire literal, else the catalogue message, of every server API entry', () => {
    for (const entry of ERROR_CATALOGUE) {
      const wire = 'wireErrmsg' in entry ? entry.wireErrmsg : undefined;
      if (entry.domain === 'server-api') expect(wechatError(entry.key)).toEqual({ errcode: entry.code, errmsg: wire ?? entry.message });
    }
  });

  it('sends WeChat\'s documented literals verbatim, never with a detail appended (D §4.3)', () => {
    expect(wechatError('SYSTEM_BUSY', 'retry later')).toEqual({ errcode: -1, errmsg: 'system error' });
    expect(wechatError('SN_ILLEGAL_CHARACTERS', 'sn has a space')).toEqual({ errcode: 9800002, errmsg: 'sn包含非法字符,请参考文档' });
    expect(wechatError('MODEL_ID_CHECK_FAILED', 'model m-x is not approved')).toEqual({ errcode: 9800003, errmsg: 'model_id检查不通过' });
    const documented = ERROR_CATALOGUE.filter((entry) => 'wireErrmsg' in entry).map((entry) => [entry.code, 'wireSource' in entry && entry.wireSource !== undefined]);
    expect(documented).toEqual([[-1, true], [9800001, true], [9800002, true], [9800003, true]]);
  });

  it('types errcode as the literal code and accepts server and backend keys only', () => {
    expectTypeOf(wechatError('INVALID_CREDENTIAL')).toEqualTypeOf<WechatErrorReply<40001>>();
    expectTypeOf(wechatError('INVALID_CREDENTIAL').errcode).toEqualTypeOf<40001>();
    // @ts-expect-error wx_error_t values never appear in a server body
    expect(() => wechatError('WXERROR_TIMEOUT')).toThrow(/only server API and backend codes appear in a \{ errcode, errmsg \} body/);
  });
});

describe('ok', () => {
  it('is { errcode: 0, errmsg: "ok" }, the OK entry of the catalogue', () => {
    expect(ok()).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(ok()).toEqual(wechatError('OK'));
    expectTypeOf(ok().errcode).toEqualTypeOf<0>();
    expectTypeOf(ok().errmsg).toEqualTypeOf<'ok'>();
  });

  it('returns a fresh object every time', () => {
    expect(ok()).not.toBe(ok());
  });
});
