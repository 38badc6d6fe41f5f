import { describe, expect, expectTypeOf, it } from 'vitest';
import { WxCloudVoipClientCallParams, WxCloudVoipClientJoinParams } from './wxCloudvoipClient.js';
import type { WxCloudVoipClientCallParamsInput } from './wxCloudvoipClient.js';

const call: WxCloudVoipClientCallParamsInput = { room_type: 1, caller: { id: 'SN_0001' }, callee: { name: 'Mum', id: 'o_abc' } };

describe('WxCloudVoipClientCallParams (wx_cloudvoip_client_call, D §2.1)', () => {
  it('fills NULL custom_query and payload and the member defaults', () => {
    expect(WxCloudVoipClientCallParams.parse(call)).toEqual({
      room_type: 1,
      caller: { name: '', id: 'SN_0001', camera_status: 0 },
      callee: { name: 'Mum', id: 'o_abc', camera_status: 0 },
      custom_query: null,
      payload: null,
    });
  });

  it('carries custom_query and payload', () => {
    const parsed = WxCloudVoipClientCallParams.parse({ ...call, custom_query: 'callId=7&ratio=16:9', payload: 'stream-7' });
    expect(parsed.custom_query).toBe('callId=7&ratio=16:9');
    expect(parsed.payload).toBe('stream-7');
  });

  it.each([
    [{ ...call, room_type: 'voice' }, ['room_type'], 'room_type must be 0'],
    [{ ...call, custom_query: '?a=1' }, ['custom_query'], "without a leading '?' or '&'"],
    [{ ...call, custom_query: 'a=1#x' }, ['custom_query'], "must not contain '#'"],
    [{ ...call, payload: 42 }, ['payload'], 'payload must be a string, or null'],
    [{ ...call, caller: { id: 'SN_0001', name: 'Door' } }, ['caller', 'name'], 'name must be ""'],
    [{ ...call, callee: undefined }, ['callee'], 'the callee { name, id: <openId>, camera_status } is required'],
  ])('rejects %j at %j', (value, path, message) => {
    const issue = WxCloudVoipClientCallParams.safeParse(value).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });

  it('types payload as string | null after parsing', () => {
    expectTypeOf<WxCloudVoipClientCallParams['payload']>().toEqualTypeOf<string | null>();
  });
});

describe('WxCloudVoipClientJoinParams (wx_cloudvoip_client_join, D §2.1)', () => {
  it('takes a roomid and an optional payload', () => {
    expect(WxCloudVoipClientJoinParams.parse({ roomid: 'room-1' })).toEqual({ roomid: 'room-1', payload: null });
  });

  it('requires the roomid', () => {
    const issue = WxCloudVoipClientJoinParams.safeParse({ payload: 'x' }).error?.issues[0];
    expect(issue?.path).toEqual(['roomid']);
    expect(issue?.message).toContain('roomid is required');
  });
});
