import { describe, expect, it } from 'vitest';
import { RoomDetail, RoomListQuery, SimulateAnswerBody, SimulateGoOfflineBody, SimulateHangUpBody, SimulateRejectBody } from './adminRooms.js';
import { CallbackDelivery, CallbackListQuery } from './adminCallbacks.js';

const member = { kind: 'device', id: 'SN-RTOS-0001', name: null, cameraStatus: 0, partyId: null, joinedAt: null };
const detail = {
  roomId: 'r-1',
  roomType: 'voice',
  state: 'ended',
  outcome: 'hungUpByCaller',
  direction: 'deviceToPhone',
  transport: 'cloud',
  businessType: null,
  chargeType: 'license',
  caller: member,
  listener: { ...member, kind: 'user', id: 'openid-alice', name: 'Alice', partyId: 'p-2', joinedAt: 5 },
  timeLimitSec: null,
  customQuery: null,
  createdAt: 1,
  ringingAt: 2,
  answeredAt: 5,
  talkStartedAt: 6,
  endedAt: 66,
  keepTimeSec: 60,
  appId: 'wx_demo_app',
  sn: 'SN-RTOS-0001',
  modelId: 'model-rtos-camera',
  openId: 'openid-alice',
  payload: 'stream-42',
  sessionKey: 'sk',
  serverToken: 'st',
  billedSec: 60,
  timeline: [
    { kind: 'state', at: 1, from: null, to: 'created', outcome: null, cause: 'transport', detail: 'rtosClientCall' },
    { kind: 'callback', at: 1, deliveryId: 'd-1', attempt: 1, outcome: 'accepted' },
    { kind: 'action', at: 5, side: 'listener', partyId: 'p-2', action: 'answer', cause: 'simulate' },
    { kind: 'event', at: 6, side: 'listener', partyId: 'p-2', event: { eventName: 'startVoip', roomId: 'r-1' } },
    { kind: 'deviceStatus', at: 6, side: 'caller', partyId: null, status: 2, reason: null },
    { kind: 'push', at: 6, partyId: 'p-2', messageType: 'voipEvent', dropped: false },
    { kind: 'billing', at: 66, chargeType: 'license', billedSec: 60 },
  ],
};

describe('RoomDetail', () => {
  it('parses a room with every kind of timeline entry', () => {
    expect(RoomDetail.parse(detail)).toEqual(detail);
  });

  it('rejects an unknown timeline kind and an unknown outcome', () => {
    expect(RoomDetail.safeParse({ ...detail, timeline: [{ kind: 'note', at: 1 }] }).error?.issues[0]?.path).toEqual(['timeline', 0, 'kind']);
    const outcome = RoomDetail.safeParse({ ...detail, outcome: 'dropped' }).error?.issues[0];
    expect(outcome?.path).toEqual(['outcome']);
    expect(outcome?.message).toContain("'hungUpByCaller'");
  });
});

describe('room queries and simulate bodies', () => {
  it('RoomListQuery filters and coerces the limit', () => {
    expect(RoomListQuery.parse({ state: 'talking', limit: '5' })).toEqual({ state: 'talking', limit: 5 });
    expect(RoomListQuery.safeParse({ state: 'open' }).error?.issues[0]?.message).toContain("'created', 'ringing'");
    expect(RoomListQuery.safeParse({ limit: '0' }).error?.issues[0]?.message).toBe('limit must be at least 1');
  });

  it('SimulateAnswerBody may override the camera', () => {
    expect(SimulateAnswerBody.parse({})).toEqual({});
    expect(SimulateAnswerBody.parse({ cameraStatus: 1 })).toEqual({ cameraStatus: 1 });
    const issue = SimulateAnswerBody.safeParse({ cameraStatus: true }).error?.issues[0];
    expect(issue?.path).toEqual(['cameraStatus']);
    expect(issue?.message).toContain('0 (camera on) or 1 (camera off)');
  });

  it('simulate bodies name the side and default the origin', () => {
    expect(SimulateRejectBody.parse({})).toEqual({ busy: false });
    expect(SimulateHangUpBody.parse({ side: 'caller' })).toEqual({ side: 'caller', origin: 'manual' });
    expect(SimulateHangUpBody.safeParse({}).error?.issues[0]?.path).toEqual(['side']);
    expect(SimulateHangUpBody.safeParse({ side: 'both' }).error?.issues[0]?.message).toBe("side must be 'caller' or 'listener'");
    expect(SimulateGoOfflineBody.parse({ side: 'listener' })).toEqual({ side: 'listener', errMsg: 'call interrupted due to native reason' });
  });
});

describe('callbacks', () => {
  it('CallbackDelivery records the request, the decrypted event and the reply', () => {
    const delivery = {
      deliveryId: 'd-1',
      appId: 'wx_demo_app',
      roomId: 'r-1',
      attempt: 1,
      url: 'http://127.0.0.1:3000/wechat/callback',
      mode: 'secure',
      format: 'json',
      sentAt: 1,
      request: { query: { signature: 'x', timestamp: '1', nonce: 'n', encrypt_type: 'aes', msg_signature: 'y' }, body: '{"ToUserName":"gh_demo0000001","Encrypt":"..."}' },
      event: {
        ToUserName: 'gh_demo0000001',
        FromUserName: 'openid-alice',
        CreateTime: 1,
        MsgType: 'event',
        Event: 'iot_voip_notify',
        Action: 'join_voip_room',
        RoomId: 'r-1',
        SessionKey: 'sk',
        ServerToken: 'st',
        Payload: 'stream-42',
        ModelId: 'model-rtos-camera',
        Sn: 'SN-RTOS-0001',
      },
      reply: { status: 200, errcode: 0, body: '{"errcode":0,"errmsg":"ok"}' },
      outcome: 'accepted',
      durationMs: 4,
    };
    expect(CallbackDelivery.parse(delivery)).toEqual(delivery);
    expect(CallbackDelivery.safeParse({ ...delivery, mode: 'aes' }).error?.issues[0]?.path).toEqual(['mode']);
    expect(CallbackDelivery.safeParse({ ...delivery, event: { ...delivery.event, Event: 'other' } }).error?.issues[0]?.path).toEqual(['event', 'Event']);
  });

  it('CallbackListQuery filters by outcome', () => {
    expect(CallbackListQuery.parse({ outcome: 'noReply' })).toEqual({ outcome: 'noReply', limit: 100 });
    expect(CallbackListQuery.safeParse({ outcome: 'late' }).error?.issues[0]?.path).toEqual(['outcome']);
  });
});
