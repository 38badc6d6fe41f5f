import { CallbackDelivery, CallDeviceRequest, ConnectPartyRequest, demoSeed } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../platformCore.js';
import { createControlHandlers } from '../../facade/controlApi.js';

/** The body of a successful response; the test fails when the handler answered a problem. */
function ok<R extends { status: number; body: unknown }>(response: R): Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'] {
  expect(response.status).toBeLessThan(300);
  return response.body as Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'];
}

const headers = { 'x-wxvoip-namespace': 'callbacks' };
const START = Date.UTC(2026, 0, 1);

/** Alice calls the RTOS camera in cloud mode: the platform sends iot_voip_notify before the call rings. */
function cloudCall() {
  const core = new PlatformCore({ seed: demoSeed });
  const tenant = core.tenant('callbacks');
  const phone = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
  if (!phone.ok) throw new Error(phone.refusal.rule);
  const room = tenant.calls.callDevice(phone.value.party, CallDeviceRequest.parse({ roomType: 'video', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true, payload: 'stream-9' }));
  if (!room.ok) throw new Error(room.refusal.rule);
  const control = createControlHandlers(core);
  const list = (query: Partial<Parameters<typeof control.listCallbacks>[0]['query']> = {}) =>
    ok(control.listCallbacks({ headers, query: { limit: 100, ...query } })).deliveries.map((d) => CallbackDelivery.parse(d));
  return { core, tenant, room: room.value, control, list };
}

describe('listCallbacks', () => {
  it('lists each finished attempt newest first, with the event, when it was sent and how long it took', () => {
    const { room, control, list } = cloudCall();
    expect(list()).toEqual([]);
    control.advanceClock({ headers, body: { ms: 5_000 } });
    const [first] = list();
    expect(first).toEqual({
      deliveryId: expect.any(String),
      appId: 'wx_demo_app',
      roomId: room.roomId,
      attempt: 1,
      url: 'http://127.0.0.1:3000/wechat/callback',
      mode: 'secure',
      format: 'json',
      sentAt: START,
      request: { query: {}, body: '' },
      event: {
        ToUserName: 'gh_demo0000001',
        FromUserName: 'openid-alice',
        CreateTime: START / 1000,
        MsgType: 'event',
        Event: 'iot_voip_notify',
        Action: 'join_voip_room',
        RoomId: room.roomId,
        SessionKey: room.sessionKey,
        ServerToken: room.serverToken,
        Payload: 'stream-9',
        ModelId: 'model-rtos-camera',
        Sn: 'SN-RTOS-0001',
      },
      reply: null,
      outcome: 'noReply',
      durationMs: 5_000,
    });

    control.advanceClock({ headers, body: { ms: 15_000 } });
    expect(list().map((d) => [d.attempt, d.sentAt - START, d.durationMs, d.outcome])).toEqual([
      [4, 15_000, 5_000, 'noReply'],
      [3, 10_000, 5_000, 'noReply'],
      [2, 5_000, 5_000, 'noReply'],
      [1, 0, 5_000, 'noReply'],
    ]);
    expect(room.outcome).toBe('callbackRefused');
  });

  it('records an accepted reply, after which the call rings', () => {
    const { tenant, room, control, list } = cloudCall();
    control.advanceClock({ headers, body: { ms: 1_200 } });
    const [pending] = tenant.callbacks.pending();
    tenant.callbacks.reply(pending?.deliveryId ?? '', { errcode: 0 });
    expect(list()).toMatchObject([{ attempt: 1, outcome: 'accepted', durationMs: 1_200 }]);
    expect(room.state).toBe('ringing');
  });

  it("filters by app, room and outcome, and caps the page", () => {
    const { room, control, list } = cloudCall();
    control.advanceClock({ headers, body: { ms: 10_000 } });
    expect(list({ roomId: room.roomId })).toHaveLength(2);
    expect(list({ roomId: 'r-other' })).toEqual([]);
    expect(list({ appId: 'wx_other_app' })).toEqual([]);
    expect(list({ outcome: 'accepted' })).toEqual([]);
    expect(list({ limit: 1 }).map((d) => d.attempt)).toEqual([2]);
  });

  it("takes the URL, exact request and HTTP reply from the tenant's callback log, where the sender records them", () => {
    const { tenant, control, list } = cloudCall();
    control.advanceClock({ headers, body: { ms: 5_000 } });
    const [journalled] = list();
    if (journalled === undefined) throw new Error('expected one finished attempt');
    // What an HTTP sender adds for the attempt; the core keeps it, and listCallbacks needs no adapter to read it.
    tenant.callbacks.log.add({
      ...journalled,
      url: 'http://127.0.0.1:9/cb',
      format: 'xml',
      request: { query: { signature: 'abc', msg_signature: 'def' }, body: '<xml/>' },
      reply: { status: 200, errcode: 1, body: '{"errcode":1}' },
    });
    const [delivery] = list();
    expect(delivery).toMatchObject({
      deliveryId: journalled.deliveryId,
      url: 'http://127.0.0.1:9/cb',
      format: 'xml',
      request: { query: { signature: 'abc', msg_signature: 'def' }, body: '<xml/>' },
      reply: { status: 200, errcode: 1, body: '{"errcode":1}' },
    });
  });

  it('keeps a log per namespace: a reset namespace starts with an empty one', () => {
    const { core, tenant, control, list } = cloudCall();
    control.advanceClock({ headers, body: { ms: 5_000 } });
    const [journalled] = list();
    if (journalled === undefined) throw new Error('expected one finished attempt');
    tenant.callbacks.log.add(journalled);
    expect(core.tenant('callbacks').callbacks.log.list()).toEqual([journalled]);
    control.reset({ headers, body: { to: 'seed' } });
    expect(core.tenant('callbacks')).not.toBe(tenant);
    expect(core.tenant('callbacks').callbacks.log.size).toBe(0);
  });
});
