import { describe, expect, it } from 'vitest';
import { IotVoipCallRequest, IotVoipCallResponse } from './iotVoipCall.js';

// Example built from the field table of D §4.10, including its example plugin query.
const request = {
  model_id: 'model-abc',
  sn: 'SN_0001',
  openid: 'o-alice',
  room_type: 'video',
  listener_name: 'Alice',
  version_type: 1,
  query: 'ratio=16:9&callId=42&encodeVideoFixedLength=320&encodeVideoRotation=1&encodeVideoRatio=75',
  caller_camera_status: 0,
  listener_camera_status: 1,
  payload: 'call-42',
};
const issuesOf = (body: unknown) => IotVoipCallRequest.safeParse(body).error?.issues ?? [];

describe('POST /wxa/business/iot/voip/call (D §4.10)', () => {
  it('parses the full request and the minimal one', () => {
    expect(IotVoipCallRequest.parse(request)).toEqual(request);
    const minimal = { model_id: 'model-abc', sn: 'SN_0001', openid: 'o-alice', room_type: 'voice' };
    expect(IotVoipCallRequest.parse(minimal)).toEqual(minimal);
  });

  it('parses the success and the documented "not authorized" answer', () => {
    expect(IotVoipCallResponse.parse({ errcode: 0, errmsg: 'ok' })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(IotVoipCallResponse.parse({ errcode: 9, errmsg: 'not authorized' })).toEqual({ errcode: 9, errmsg: 'not authorized' });
  });

  it.each([
    [{ ...request, room_type: 'audio' }, ['room_type'], "room_type must be 'voice' or 'video'"],
    [{ ...request, version_type: 3 }, ['version_type'], 'version_type must be 0 (release), 1 (develop) or 2 (trial)'],
    [{ ...request, caller_camera_status: 2 }, ['caller_camera_status'], 'caller_camera_status must be 0 (camera on) or 1'],
    [{ ...request, listener_camera_status: '1' }, ['listener_camera_status'], 'listener_camera_status must be 0'],
    [{ ...request, openid: undefined }, ['openid'], 'openid is required'],
    [{ ...request, openid: '' }, ['openid'], 'openid must not be empty'],
    [{ ...request, sn: 'x'.repeat(129) }, ['sn'], 'at most 128 bytes'],
    [{ ...request, payload: 42 }, ['payload'], 'payload must be a string'],
  ])('rejects %j at %j', (body, path, message) => {
    expect(issuesOf(body)).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });
});
