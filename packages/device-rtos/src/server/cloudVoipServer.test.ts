/**
 * The vendor-cloud server SDK over real HTTP and WebSocket against a listening mock platform: init, the joins and
 * their refusals, the one-call-per-instance rule, the status listener, hang-ups and the remote bandwidth.
 */
import { WX_CLOUDVOIP_SESSION_TYPE, WX_ERROR, WX_HANGUP_REASON, WX_VOIP_STATUS, type IotVoipNotifyMessage, type WxVoipStatus } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { collectingReceiver, startHarness, TestPhone, type Harness } from '../../test/platformHarness.js';
import { CloudVoipServer } from './cloudVoipServer.js';
import type { CloudVoipListener } from './cloudVoipSession.js';

const { AUDIO } = WX_CLOUDVOIP_SESSION_TYPE;
const APP = 'wx_demo_app';

let h: Harness;
let notifies: IotVoipNotifyMessage[];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  // The manual clock jumps 60 s below: pings every 10 minutes, so no party misses two pongs during the jump.
  h = await startHarness({ config: { pingIntervalMs: 600_000 } });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.platform.reset();
  const collecting = collectingReceiver();
  notifies = collecting.notifies;
  h.setReceiver(collecting.receiver);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function initialisedServer(): Promise<CloudVoipServer> {
  const server = new CloudVoipServer({ platformUrl: h.platform.url, label: 'vendor cloud test' });
  expect(await server.init({ data_dir: '/var/lib/cloudvoip' })).toBe(0);
  cleanups.push(() => server.destroy());
  return server;
}

/** A phone call to the RTOS camera, accepted by the vendor cloud and ringing; returns its notify. */
async function ringingPhoneCall(): Promise<{ phone: TestPhone; notify: IotVoipNotifyMessage }> {
  const phone = await TestPhone.connect(h.platform.url, 'openid-alice');
  cleanups.push(() => phone.close());
  const before = notifies.length;
  const roomId = await phone.callDevice({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true, payload: 'p' });
  await phone.joinAsCaller(roomId);
  await expect.poll(() => notifies.length).toBe(before + 1);
  await expect.poll(async () => (await h.room(roomId)).state).toBe('ringing');
  return { phone, notify: notifies.at(-1)! };
}

function answerArgs(notify: IotVoipNotifyMessage) {
  return { type: AUDIO, wxa_appid: APP, server_token: notify.ServerToken, roomid: notify.RoomId, session_key: notify.SessionKey, payload: notify.Payload };
}

function recorder<T>(): { listener: CloudVoipListener<T>; seen: { status: WxVoipStatus; userData: T }[] } {
  const seen: { status: WxVoipStatus; userData: T }[] = [];
  return { seen, listener: { status: (_session, userData, status) => seen.push({ status, userData }) } };
}

describe('init', () => {
  it('INVALID_ARGUMENT without data_dir, FAILED_PRECONDITION twice or before init, RESOURCE_EXHAUSTED unreachable', async () => {
    const server = new CloudVoipServer({ platformUrl: h.platform.url });
    expect(await server.init({ data_dir: '' })).toBe(WX_ERROR.INVALID_ARGUMENT);
    expect((await server.cloudCallJoin(answerArgs({ ServerToken: 't', RoomId: 'r', SessionKey: 's', Payload: '' } as IotVoipNotifyMessage), recorder().listener)).code).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(await server.listenerHangup({ wxa_appid: APP, device_id: 'SN-RTOS-0001', model_id: 'm', server_token: 't', payload: null, reason: 11 })).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(await server.init({ data_dir: '/srv' })).toBe(0);
    cleanups.push(() => server.destroy());
    expect(await server.init({ data_dir: '/srv' })).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(await new CloudVoipServer({ platformUrl: 'http://127.0.0.1:1' }).init({ data_dir: '/srv' })).toBe(WX_ERROR.RESOURCE_EXHAUSTED);
  });
});

describe('joins', () => {
  it('INVALID_ARGUMENT for credentials that match no call, and for malformed arguments', async () => {
    const server = await initialisedServer();
    const { notify } = await ringingPhoneCall();
    const wrongKey = await server.cloudCallJoin({ ...answerArgs(notify), session_key: 'not-the-session-key' }, recorder().listener);
    expect(wrongKey).toEqual({ code: WX_ERROR.INVALID_ARGUMENT, session: null });
    expect(server.lastError?.key).toBe('WXERROR_INVALID_ARGUMENT');
    const wrongSn = await server.sessionJoin({ type: AUDIO, wxa_appid: APP, device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', server_token: 'nope', payload: null }, recorder().listener);
    expect(wrongSn.code).toBe(WX_ERROR.INVALID_ARGUMENT);
    expect((await server.cloudCallJoin({ ...answerArgs(notify), type: 7 as 0 }, recorder().listener)).code).toBe(WX_ERROR.INVALID_ARGUMENT);
    // A phone-placed call is answered with cloud_call_join, not session_join.
    const misuse = await server.sessionJoin({ type: AUDIO, wxa_appid: APP, device_id: notify.Sn, model_id: notify.ModelId, server_token: notify.ServerToken, payload: null }, recorder().listener);
    expect(misuse.code).toBe(WX_ERROR.INVALID_ARGUMENT);
  });

  it('one call per instance: a second join while a session exists is FAILED_PRECONDITION; after destroy it works', async () => {
    const server = await initialisedServer();
    const first = await ringingPhoneCall();
    const { listener, seen } = recorder<{ call: number }>();
    const joined = await server.cloudCallJoin(answerArgs(first.notify), listener, { call: 1 });
    expect(joined.code).toBe(0);
    expect(server.session).toBe(joined.session);
    await expect.poll(() => seen).toEqual([{ status: WX_VOIP_STATUS.TALKING, userData: { call: 1 } }]);

    const second = await (async () => {
      const phone = await TestPhone.connect(h.platform.url, 'openid-carol');
      cleanups.push(() => phone.close());
      const roomId = await phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
      return roomId;
    })();
    const refused = await server.cloudCallJoin({ ...answerArgs(first.notify), roomid: second }, listener, { call: 2 });
    expect(refused).toEqual({ code: WX_ERROR.FAILED_PRECONDITION, session: null });
    expect(server.lastError?.message).toMatch(/one call per server-SDK instance/);

    // Destroying a session whose call is still on hangs it up first; then the instance may join the next call.
    await joined.session!.destroy();
    expect(joined.session!.roomId).toBe('');
    expect(server.session).toBeNull();
    await expect.poll(() => first.phone.events()).toContain('finishVoip');
    expect(first.phone.eventData('hangUpVoip')).toMatchObject({ status: 'endByListener' });
    const next = await ringingPhoneCall();
    expect((await server.cloudCallJoin(answerArgs(next.notify), listener, { call: 3 })).code).toBe(0);
  });
});

describe('statuses and answers on two connections (ADR 0026)', () => {
  it('binds the session before its first status, even when that status reaches the process before the join answer', async () => {
    // Every frame the server SDK's socket received, raw: the join's answer is held until TALKING is among them.
    const frames: string[] = [];
    const Recording = class extends NodeWebSocket {
      constructor(url: string) {
        super(url);
        this.addEventListener('message', (event) => frames.push(String(event.data)));
      }
    };
    let held = 0;
    const answerAfterStatus: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).endsWith('/vendor-cloud/cloud-call/join')) {
        await expect.poll(() => frames.some((frame) => frame.includes('"deviceStatus"'))).toBe(true);
        held++;
      }
      return answer;
    };
    const server = new CloudVoipServer({ platformUrl: h.platform.url, label: 'vendor cloud, status first', WebSocket: Recording, fetch: answerAfterStatus });
    expect(await server.init({ data_dir: '/var/lib/cloudvoip' })).toBe(0);
    cleanups.push(() => server.destroy());
    const { notify } = await ringingPhoneCall();
    const { listener, seen } = recorder();
    const joined = await server.cloudCallJoin(answerArgs(notify), listener);
    expect(held).toBe(1);
    expect(joined.code).toBe(0);
    // The status was not dropped for want of a session, nor reported twice: it is there when the join returns.
    expect(seen.map((s) => s.status)).toEqual([WX_VOIP_STATUS.TALKING]);
    expect(joined.session!.status).toBe(WX_VOIP_STATUS.TALKING);
  });
});

describe('session', () => {
  it('reports ABORTED when its push channel dies without a goodbye (the network is lost), and the phone hears the abort', async () => {
    const sockets: NodeWebSocket[] = [];
    const Recording = class extends NodeWebSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
      }
    };
    const server = new CloudVoipServer({ platformUrl: h.platform.url, label: 'vendor cloud losing its network', WebSocket: Recording });
    expect(await server.init({ data_dir: '/var/lib/cloudvoip' })).toBe(0);
    cleanups.push(() => server.destroy());
    const { notify } = await ringingPhoneCall();
    const { listener, seen } = recorder();
    const { session } = await server.cloudCallJoin(answerArgs(notify), listener);
    await expect.poll(() => seen.map((s) => s.status)).toEqual([WX_VOIP_STATUS.TALKING]);
    sockets[0]!.terminate();
    await expect.poll(() => seen.map((s) => s.status)).toEqual([WX_VOIP_STATUS.TALKING, WX_VOIP_STATUS.ABORTED]);
    expect(session!.ended).toBe(true);
    await expect.poll(async () => (await h.room(notify.RoomId)).outcome).toBe('aborted');
  });

  it('set_remote_bandwidth: OK while the call is on, INVALID_ARGUMENT for a bad kbps, FAILED_PRECONDITION after it ended', async () => {
    const server = await initialisedServer();
    const { phone, notify } = await ringingPhoneCall();
    const { listener, seen } = recorder();
    const { session } = await server.cloudCallJoin(answerArgs(notify), listener);
    expect(session!.setRemoteBandwidth(512)).toBe(0);
    expect(session!.remoteBandwidthKbps).toBe(512);
    expect(session!.setRemoteBandwidth(0)).toBe(WX_ERROR.INVALID_ARGUMENT);
    expect(session!.setRemoteBandwidth(1.5)).toBe(WX_ERROR.INVALID_ARGUMENT);
    await phone.hangUp(notify.RoomId);
    await expect.poll(() => seen.map((s) => s.status)).toEqual([WX_VOIP_STATUS.TALKING, WX_VOIP_STATUS.HANGUP_BY_CALLER]);
    expect(session!.statuses).toEqual([
      { status: WX_VOIP_STATUS.TALKING, reason: null },
      { status: WX_VOIP_STATUS.HANGUP_BY_CALLER, reason: null },
    ]);
    expect(session!.setRemoteBandwidth(256)).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(session!.remoteBandwidthKbps).toBe(512);
  });

  it('hangup refuses an undocumented reason; the status listener ends with the timeout when nobody answers', async () => {
    const server = await initialisedServer();
    const device = await (async () => {
      const { RtosDevice } = await import('../device/rtosDevice.js');
      const d = new RtosDevice({ platformUrl: h.platform.url });
      expect(await d.init({ data_dir: '/d', device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', wxa_appid: APP })).toBe(0);
      cleanups.push(() => d.destroy());
      return d;
    })();
    const call = await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, 'x');
    await expect.poll(() => notifies.length).toBe(1);
    const notify = notifies[0]!;
    const { listener, seen } = recorder();
    const { session } = await server.sessionJoin({ type: AUDIO, wxa_appid: APP, device_id: notify.Sn, model_id: notify.ModelId, server_token: notify.ServerToken, payload: notify.Payload }, listener);
    expect(session!.roomId).toBe(call.roomId);
    expect(await session!.hangup(4 as 1)).toBe(WX_ERROR.INVALID_ARGUMENT);
    await expect.poll(() => seen.map((s) => s.status)).toEqual([WX_VOIP_STATUS.CALLING]);
    await h.advance(60_000);
    await expect.poll(() => seen.map((s) => s.status)).toEqual([WX_VOIP_STATUS.CALLING, WX_VOIP_STATUS.TIMEOUT]);
    expect(session!.ended).toBe(true);
  });

  it('keeps the joined call alive with room heartbeats (media keep-alive)', async () => {
    const server = new CloudVoipServer({ platformUrl: h.platform.url, heartbeatIntervalMs: 20 });
    expect(await server.init({ data_dir: '/srv' })).toBe(0);
    cleanups.push(() => server.destroy());
    const { phone, notify } = await ringingPhoneCall();
    const { session } = await server.cloudCallJoin(answerArgs(notify), recorder().listener);
    const heartbeats = async () => {
      const journal = await h.platform.control().getJournal({ query: { limit: 1000 } });
      return journal.status === 200 ? journal.body.entries.filter((e) => 'operation' in e && e.operation === 'transport.roomHeartbeat').length : 0;
    };
    await expect.poll(heartbeats).toBeGreaterThanOrEqual(2);
    await phone.hangUp(notify.RoomId);
    await expect.poll(() => session!.ended).toBe(true);
  });

  it('listener_hangup with the token of a device-placed call is INVALID_ARGUMENT', async () => {
    const server = await initialisedServer();
    const { RtosDevice } = await import('../device/rtosDevice.js');
    const device = new RtosDevice({ platformUrl: h.platform.url });
    await device.init({ data_dir: '/d', device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', wxa_appid: APP });
    cleanups.push(() => device.destroy());
    await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, null);
    await expect.poll(() => notifies.length).toBe(1);
    const notify = notifies[0]!;
    expect(await server.listenerHangup({ wxa_appid: APP, device_id: notify.Sn, model_id: notify.ModelId, server_token: notify.ServerToken, payload: null, reason: WX_HANGUP_REASON.REJECT })).toBe(WX_ERROR.INVALID_ARGUMENT);
  });
});
