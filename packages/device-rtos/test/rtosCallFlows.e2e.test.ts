/**
 * Whole RTOS calls over real HTTP and WebSocket on 127.0.0.1: a phone (a `wechatPlugin` party, as the plugin places
 * calls), the RTOS device client, the vendor cloud's receiver (on a node:http server the demo app pushes to) and its
 * server SDK, against a listening mock platform on a manual clock.
 */
import { WX_CLOUDVOIP_SESSION_TYPE, WX_HANGUP_REASON, WX_VOIP_STATUS, type IotVoipNotifyMessage, type NotifyReply, type WxVoipStatus } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RtosDevice } from '../src/index.js';
import { createCallbackReceiver } from '../src/receiver/index.js';
import { CloudVoipServer, type CloudVoipListener } from '../src/server/index.js';
import { AES_KEY, APP, TOKEN } from './messagePushVectors.js';
import { startHarness, TestPhone, type Harness } from './platformHarness.js';

/** A payload that survives JSON, XML (CDATA end marker included) and encryption only if nothing touches it. */
const PAYLOAD = 'stream=42&codec=opus ✓ <b>"&amp;"</b> ]]> 末尾';
const { AUDIO } = WX_CLOUDVOIP_SESSION_TYPE;
const { CALLING, TALKING, HANGUP_BY_CALLER, HANGUP_BY_CALLEE } = WX_VOIP_STATUS;

let h: Harness;
/** Every iot_voip_notify the vendor cloud received, and how it answers the next ones. */
let notifies: IotVoipNotifyMessage[];
let decide: (message: IotVoipNotifyMessage) => NotifyReply;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.platform.reset();
  notifies = [];
  decide = () => ({ errcode: 0, errmsg: 'ok' });
  h.setReceiver(
    createCallbackReceiver({
      token: TOKEN,
      encodingAESKey: AES_KEY,
      appId: APP,
      now: () => h.platform.clock().now(),
      onNotify: (message) => {
        notifies.push(message);
        return decide(message);
      },
    }),
  );
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function phoneOf(openId: string): Promise<TestPhone> {
  const phone = await TestPhone.connect(h.platform.url, openId);
  cleanups.push(() => phone.close());
  return phone;
}

/** A server-SDK process and the statuses its listener saw. */
async function vendorCloudProcess(): Promise<{ server: CloudVoipServer; statuses: WxVoipStatus[]; listener: CloudVoipListener }> {
  const server = new CloudVoipServer({ platformUrl: h.platform.url });
  expect(await server.init({ data_dir: '/var/lib/cloudvoip' })).toBe(0);
  cleanups.push(() => server.destroy());
  const statuses: WxVoipStatus[] = [];
  return { server, statuses, listener: { status: (_session, _userData, status) => statuses.push(status) } };
}

async function rtosDevice(sn: string): Promise<RtosDevice> {
  const device = new RtosDevice({ platformUrl: h.platform.url });
  expect(await device.init({ data_dir: '/data', device_id: sn, model_id: 'model-rtos-camera', wxa_appid: APP, wxa_flavor: 0 })).toBe(0);
  cleanups.push(() => device.destroy());
  return device;
}

async function onlyNotify(): Promise<IotVoipNotifyMessage> {
  await expect.poll(() => notifies.length).toBe(1);
  return notifies[0]!;
}

/** The phone calls the RTOS camera with `callDevice({ isCloud: true, payload })` and joins its room, as the plugin does. */
async function phoneCallsCamera(phone: TestPhone): Promise<{ roomId: string; notify: IotVoipNotifyMessage }> {
  const roomId = await phone.callDevice({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true, payload: PAYLOAD });
  await phone.joinAsCaller(roomId);
  const notify = await onlyNotify();
  expect(notify).toMatchObject({ Event: 'iot_voip_notify', Action: 'join_voip_room', RoomId: roomId, Sn: 'SN-RTOS-0001', ModelId: 'model-rtos-camera', FromUserName: 'openid-alice' });
  expect(notify.Payload).toBe(PAYLOAD);
  // Accepted: the call rings on the device side, which the vendor cloud relays to the camera over its own channel.
  await expect.poll(async () => (await h.room(roomId)).state).toBe('ringing');
  return { roomId, notify };
}

describe('phone → RTOS device (callDevice with isCloud)', () => {
  it('callback accepted → the device answers → the server joins → talk → the phone hangs up', { timeout: 15_000 }, async () => {
    const phone = await phoneOf('openid-alice');
    const { roomId, notify } = await phoneCallsCamera(phone);
    // The camera's user pressed "answer": the vendor cloud answers with cloud_call_join and the notify's credentials.
    const { server, statuses, listener } = await vendorCloudProcess();
    const joined = await server.cloudCallJoin({ type: AUDIO, wxa_appid: APP, server_token: notify.ServerToken, roomid: notify.RoomId, session_key: notify.SessionKey, payload: notify.Payload }, listener);
    expect(joined.code).toBe(0);
    expect(joined.session?.roomId).toBe(roomId);
    await expect.poll(() => statuses).toEqual([TALKING]);

    await h.advance(3_000);
    await phone.hangUp(roomId);
    await expect.poll(() => statuses).toEqual([TALKING, HANGUP_BY_CALLER]);
    await expect.poll(() => phone.events()).toEqual(['joinedRoomByCaller', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(phone.eventData('hangUpVoip')).toMatchObject({ status: 'endByCaller', origin: 'manual', keepTime: 3 });
    expect(phone.eventData('finishVoip')).toEqual({ keepTime: 3 });
    expect(joined.session?.ended).toBe(true);
    expect((await h.room(roomId)).outcome).toBe('hungUpByCaller');
  });

  it('… and the vendor cloud hangs up for the device (session hangup): the phone sees endByListener', { timeout: 15_000 }, async () => {
    const phone = await phoneOf('openid-alice');
    const { roomId, notify } = await phoneCallsCamera(phone);
    const { server, statuses, listener } = await vendorCloudProcess();
    const { session } = await server.cloudCallJoin({ type: AUDIO, wxa_appid: APP, server_token: notify.ServerToken, roomid: roomId, session_key: notify.SessionKey, payload: notify.Payload }, listener);
    await expect.poll(() => statuses).toEqual([TALKING]);
    await h.advance(2_000);
    expect(await session!.hangup(WX_HANGUP_REASON.MANUAL)).toBe(0);
    await expect.poll(() => statuses).toEqual([TALKING, HANGUP_BY_CALLEE]);
    await expect.poll(() => phone.events()).toEqual(['joinedRoomByCaller', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(phone.eventData('hangUpVoip')).toMatchObject({ status: 'endByListener', origin: 'other', keepTime: 2 });
    // A second hang-up of a call that is over is refused locally.
    expect(await session!.hangup(WX_HANGUP_REASON.MANUAL)).toBe(9);
  });

  it('the device refuses (listener_hangup): the phone sees rejectVoip; busy: the phone sees busy', { timeout: 15_000 }, async () => {
    const phone = await phoneOf('openid-alice');
    const { server } = await vendorCloudProcess();
    const first = await phoneCallsCamera(phone);
    const refuse = { wxa_appid: APP, device_id: first.notify.Sn, model_id: first.notify.ModelId, server_token: first.notify.ServerToken, payload: first.notify.Payload, reason: WX_HANGUP_REASON.REJECT };
    expect(await server.listenerHangup(refuse)).toBe(0);
    await expect.poll(() => phone.events()).toEqual(['joinedRoomByCaller', 'rejectVoip', 'endVoip', 'finishVoip']);
    expect((await h.room(first.roomId)).outcome).toBe('rejected');
    // The same token again: the call is over.
    expect(await server.listenerHangup(refuse)).toBeLessThan(0);

    notifies.length = 0;
    const before = phone.events().length;
    const second = await phoneCallsCamera(phone);
    expect(await server.listenerHangup({ ...refuse, server_token: second.notify.ServerToken }, { busy: true })).toBe(0);
    await expect.poll(() => phone.events().slice(before)).toEqual(['joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip']);
    expect((await h.room(second.roomId)).outcome).toBe('busy');
  });

  it('payload arrives unchanged in an XML push too', { timeout: 15_000 }, async () => {
    const update = await h.platform.control().updateApp({ params: { appId: APP }, body: { pushConfig: { url: h.callbackUrl, token: TOKEN, encodingAESKey: AES_KEY, mode: 'secure', format: 'xml' } } });
    expect(update.status).toBe(200);
    const phone = await phoneOf('openid-alice');
    const { notify } = await phoneCallsCamera(phone);
    expect(notify.Payload).toBe(PAYLOAD);
  });
});

describe('RTOS device → phone (clientCall)', () => {
  /** A freshly registered camera calls Alice; the vendor cloud accepts and joins with session_join. */
  async function cameraCallsAlice() {
    const phone = await phoneOf('openid-alice');
    const device = await rtosDevice('SN-RTOS-NEW');
    expect(await device.deviceIsRegistered()).toEqual({ code: 0, registered: false });
    expect(await device.deviceRegister(await h.snTicket('SN-RTOS-NEW', 'model-rtos-camera'))).toBe(0);
    expect(await device.deviceIsRegistered()).toEqual({ code: 0, registered: true });

    const call = await device.clientCall(AUDIO, { id: 'SN-RTOS-NEW' }, { id: 'openid-alice', name: 'Alice' }, null, PAYLOAD);
    expect(call.code).toBe(0);
    const notify = await onlyNotify();
    expect(notify).toMatchObject({ RoomId: call.roomId, Sn: 'SN-RTOS-NEW', ModelId: 'model-rtos-camera', FromUserName: 'openid-alice', Payload: PAYLOAD });
    // errcode 0: the phone rings.
    await expect.poll(() => phone.rings()).toEqual([call.roomId]);

    const { server, statuses, listener } = await vendorCloudProcess();
    const joined = await server.sessionJoin({ type: AUDIO, wxa_appid: APP, device_id: notify.Sn, model_id: notify.ModelId, server_token: notify.ServerToken, payload: notify.Payload }, listener);
    expect(joined.code).toBe(0);
    expect(joined.session?.roomId).toBe(call.roomId);
    await expect.poll(() => statuses).toEqual([CALLING]);
    await phone.answer(call.roomId!);
    await expect.poll(() => statuses).toEqual([CALLING, TALKING]);
    return { phone, roomId: call.roomId!, statuses, session: joined.session!, device };
  }

  it('client call → callback acknowledged → the phone answers → talk → the phone hangs up', { timeout: 15_000 }, async () => {
    const { phone, roomId, statuses } = await cameraCallsAlice();
    await h.advance(4_000);
    await phone.hangUp(roomId);
    await expect.poll(() => statuses).toEqual([CALLING, TALKING, HANGUP_BY_CALLEE]);
    await expect.poll(() => phone.events()).toEqual(['hangOnVoip', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(phone.eventData('finishVoip')).toEqual({ keepTime: 4 });
  });

  it('… and the vendor cloud hangs up (the device has no hang-up of its own): the phone sees endByCaller', { timeout: 15_000 }, async () => {
    const { phone, roomId, statuses, session, device } = await cameraCallsAlice();
    await h.advance(1_000);
    expect(await session.hangup(WX_HANGUP_REASON.MANUAL)).toBe(0);
    await expect.poll(() => statuses).toEqual([CALLING, TALKING, HANGUP_BY_CALLER]);
    await expect.poll(() => phone.events()).toEqual(['hangOnVoip', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(phone.eventData('hangUpVoip')).toMatchObject({ status: 'endByCaller', origin: 'other' });
    expect((await h.room(roomId)).outcome).toBe('hungUpByCaller');
    // The device is free again.
    notifies.length = 0;
    expect((await device.clientCall(AUDIO, { id: 'SN-RTOS-NEW' }, { id: 'openid-alice' }, null, null)).code).toBe(0);
  });

  it('callback answered non-zero: the call is cancelled and the phone never rings', { timeout: 15_000 }, async () => {
    decide = () => ({ errcode: 65001, errmsg: 'device not on our books' });
    const phone = await phoneOf('openid-alice');
    const device = await rtosDevice('SN-RTOS-0001');
    // client_call succeeds only when the phone rings (D §2.1): a refused callback fails it with -5 [I].
    const call = await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, PAYLOAD);
    expect(call).toEqual({ code: -5, roomId: null });
    await onlyNotify();
    const roomId = notifies[0]!.RoomId;
    expect((await h.room(roomId)).outcome).toBe('callbackRefused');
    const callbacks = await h.platform.control().listCallbacks({ query: { roomId } });
    expect(callbacks.status === 200 ? callbacks.body.deliveries.map((d) => [d.attempt, d.outcome, d.reply?.errcode]) : []).toEqual([[1, 'refused', 65001]]);
    expect(phone.rings()).toEqual([]);
    expect(phone.events()).toEqual([]);
    // A server joining the cancelled call is refused.
    const { server, listener } = await vendorCloudProcess();
    const late = await server.sessionJoin({ type: AUDIO, wxa_appid: APP, device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', server_token: notifies[0]!.ServerToken, payload: PAYLOAD }, listener);
    expect(late.code).not.toBe(0);
    expect(late.session).toBeNull();
  });

  it('callback never answered: retried (1 + 3 attempts, 5 s apart on the platform clock), then cancelled; the phone never rings', { timeout: 20_000 }, async () => {
    const held: ((response: Response) => void)[] = [];
    h.setReceiver((request) => {
      void request.text();
      return new Promise<Response>((resolve) => held.push(resolve));
    });
    cleanups.push(() => held.forEach((answer) => answer(new Response('too late', { status: 503 }))));
    const phone = await phoneOf('openid-alice');
    const device = await rtosDevice('SN-RTOS-0001');
    // client_call waits for the vendor cloud's answer (D §2.1), so it is still pending while the retries run.
    let settled = false;
    const pending = device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, PAYLOAD).finally(() => (settled = true));
    await expect.poll(() => held.length).toBe(1);
    const roomId = h.platform.tenant().rooms.list()[0]!.roomId;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect.poll(() => held.length).toBe(attempt);
      expect((await h.room(roomId)).state).toBe('created');
      expect(settled).toBe(false);
      await h.advance(5_000);
    }
    expect(await pending).toEqual({ code: -5, roomId: null });
    expect((await h.room(roomId)).outcome).toBe('callbackRefused');
    const callbacks = await h.platform.control().listCallbacks({ query: { roomId } });
    const attempts = callbacks.status === 200 ? callbacks.body.deliveries.map((d) => d.attempt).sort() : [];
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(phone.rings()).toEqual([]);
    expect(phone.events()).toEqual([]);
  });
});

describe('server API iot/voip/call', () => {
  it('the vendor backend starts a device call; the vendor cloud joins it with cloud_call_join', { timeout: 15_000 }, async () => {
    const phone = await phoneOf('openid-alice');
    const token = ((await (await fetch(`${h.platform.url}/cgi-bin/token?grant_type=client_credential&appid=${APP}&secret=demo-app-secret`)).json()) as { access_token: string }).access_token;
    const started = await fetch(`${h.platform.url}/wxa/business/iot/voip/call?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model_id: 'model-rtos-camera', sn: 'SN-RTOS-0001', openid: 'openid-alice', room_type: 'voice', payload: PAYLOAD }),
    });
    expect(await started.json()).toMatchObject({ errcode: 0 });
    const notify = await onlyNotify();
    expect(notify.Payload).toBe(PAYLOAD);
    await expect.poll(() => phone.rings()).toEqual([notify.RoomId]);
    const { server, statuses, listener } = await vendorCloudProcess();
    expect((await server.cloudCallJoin({ type: AUDIO, wxa_appid: APP, server_token: notify.ServerToken, roomid: notify.RoomId, session_key: notify.SessionKey, payload: notify.Payload }, listener)).code).toBe(0);
    await expect.poll(() => statuses).toEqual([CALLING]);
    await phone.answer(notify.RoomId);
    await expect.poll(() => statuses).toEqual([CALLING, TALKING]);
    await phone.hangUp(notify.RoomId);
    await expect.poll(() => statuses).toEqual([CALLING, TALKING, HANGUP_BY_CALLEE]);
  });
});
