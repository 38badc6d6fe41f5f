import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { WechatErrorBody, WechatOkBody, wechatResponse } from './wechatErrorBody.js';

describe('WechatErrorBody', () => {
  it('accepts a non-zero errcode with its errmsg', () => {
    expect(WechatErrorBody.parse({ errcode: 9800013, errmsg: 'invalid group_id' })).toEqual({ errcode: 9800013, errmsg: 'invalid group_id' });
    expect(WechatErrorBody.parse({ errcode: -1, errmsg: 'system busy' }).errcode).toBe(-1);
  });

  it('rejects errcode 0, which means success', () => {
    const result = WechatErrorBody.safeParse({ errcode: 0, errmsg: 'ok' });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ['errcode'], message: expect.stringContaining('non-zero') }));
  });

  it('requires errmsg', () => {
    const result = WechatErrorBody.safeParse({ errcode: 40001 });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ['errmsg'], message: 'errmsg is required' }));
  });
});

describe('WechatOkBody', () => {
  it('accepts errcode 0 and rejects any other code', () => {
    expect(WechatOkBody.parse({ errcode: 0, errmsg: 'ok' })).toEqual({ errcode: 0, errmsg: 'ok' });
    const result = WechatOkBody.safeParse({ errcode: 1, errmsg: 'x' });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ['errcode'], message: expect.stringContaining('must be 0') }));
  });
});

describe('wechatResponse', () => {
  const Response = wechatResponse(WechatOkBody.extend({ group_id: z.string() }));

  it('parses the success shape or the error body, and nothing else', () => {
    expect(Response.parse({ errcode: 0, errmsg: 'ok', group_id: 'G1' })).toEqual({ errcode: 0, errmsg: 'ok', group_id: 'G1' });
    expect(Response.parse({ errcode: 9800003, errmsg: 'invalid model_id' })).toEqual({ errcode: 9800003, errmsg: 'invalid model_id' });
    expect(Response.safeParse({ errcode: 0, errmsg: 'ok' }).success).toBe(false);
    expect(Response.safeParse({ group_id: 'G1' }).success).toBe(false);
  });

  it('infers the union of both shapes', () => {
    expectTypeOf<z.infer<typeof Response>>().toEqualTypeOf<
      { errcode: 0; errmsg: string; group_id: string } | { errcode: number; errmsg: string }
    >();
  });
});
