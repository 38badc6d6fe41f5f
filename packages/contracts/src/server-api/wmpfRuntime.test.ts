import { describe, expect, it } from 'vitest';
import { PUSH_APP_MSG_MAX_BYTES } from './serverApiLimits.js';
import { AddRuntimeDeviceRequest, AddRuntimeDeviceResponse, PushAppMsgRequest, PushAppMsgResponse } from './wmpfRuntime.js';

// Examples built from the field lists of D §3.1 and §3.4.
const issuesOf = (schema: { safeParse: (v: unknown) => { error?: { issues: unknown[] } } }, body: unknown) =>
  schema.safeParse(body).error?.issues ?? [];

describe('POST /wxa/business/runtime/adddevice (D §3.1)', () => {
  const body = { product_id: 1001, device_id_list: ['SN_0001', 'SN_0002'], model_name: 'door-phone' };

  it('parses the documented request and answers', () => {
    expect(AddRuntimeDeviceRequest.parse(body)).toEqual(body);
    expect(AddRuntimeDeviceResponse.parse({ errcode: 0, errmsg: 'ok' })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(AddRuntimeDeviceResponse.parse({ errcode: 50093, errmsg: 'hostappid error' }).errcode).toBe(50093);
  });

  it.each([
    [{ ...body, product_id: '1001' }, ['product_id'], 'product_id must be a number'],
    [{ ...body, product_id: 1.5 }, ['product_id'], 'product_id must be an integer'],
    [{ ...body, device_id_list: [] }, ['device_id_list'], 'at least one device id'],
    [{ ...body, device_id_list: [''] }, ['device_id_list', 0], 'non-empty device ids'],
    [{ ...body, model_name: '' }, ['model_name'], 'model_name must not be empty'],
  ])('rejects %j at %j', (request, path, message) => {
    expect(issuesOf(AddRuntimeDeviceRequest, request)).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });
});

describe('POST /wxa/business/runtime/pushappmsg (D §3.4)', () => {
  it('parses the documented request and answers', () => {
    const body = { msg: '{"type":"ring"}', push_token: 'PUSH_TOKEN' };
    expect(PushAppMsgRequest.parse(body)).toEqual(body);
    expect(PushAppMsgResponse.parse({ errcode: 48012, errmsg: 'invalid token' }).errcode).toBe(48012);
  });

  it('accepts a msg of exactly 5 KB', () => {
    expect(PushAppMsgRequest.safeParse({ msg: 'x'.repeat(PUSH_APP_MSG_MAX_BYTES), push_token: 'T' }).success).toBe(true);
  });

  it.each([
    ['x'.repeat(PUSH_APP_MSG_MAX_BYTES + 1)],
    // 1707 characters, but 5121 bytes in UTF-8: the limit is in bytes.
    ['校'.repeat(1707)],
  ])('rejects a msg over 5 KB (%#)', (msg) => {
    expect(issuesOf(PushAppMsgRequest, { msg, push_token: 'T' })).toContainEqual(
      expect.objectContaining({ path: ['msg'], message: expect.stringContaining('at most 5120 bytes') }),
    );
  });

  it('rejects an empty push_token', () => {
    expect(issuesOf(PushAppMsgRequest, { msg: 'hi', push_token: '' })).toContainEqual(
      expect.objectContaining({ path: ['push_token'], message: expect.stringContaining('push_token must not be empty') }),
    );
  });
});
