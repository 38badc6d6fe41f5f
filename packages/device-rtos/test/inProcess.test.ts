/**
 * Whole RTOS calls in-process, with no socket at all: the mock platform behind msw (`setupMockPlatform`, manual
 * clock), which intercepts the global `fetch` and the global `WebSocket`. The SDKs get `globalThis.WebSocket` (msw's
 * interceptor) as their `WebSocket` option; the vendor cloud's receiver answers `iot_voip_notify` through an msw
 * handler at the demo app's push URL (the platform POSTs callbacks with the global `fetch`).
 */
import { demoSeed, WX_CLOUDVOIP_SESSION_TYPE, WX_VOIP_STATUS, type IotVoipNotifyMessage, type WxVoipStatus } from '@wxvoip/contracts';
import type { MockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { http } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { RtosDevice, type WebSocketConstructorLike } from '../src/index.js';
import { createCallbackReceiver, type CallbackReceiver } from '../src/receiver/index.js';
import { CloudVoipServer } from '../src/server/index.js';
import { AES_KEY, APP, TOKEN } from './messagePushVectors.js';
import { TestPhone } from './platformHarness.js';

const { AUDIO } = WX_CLOUDVOIP_SESSION_TYPE;
const { CALLING, TALKING, HANGUP_BY_CALLEE, TIMEOUT } = WX_VOIP_STATUS;
const PAYLOAD = 'stream=42&codec=opus';
/** Where the demo app pushes iot_voip_notify (`http://127.0.0.1:3000/wechat/callback`); msw answers it here. */
const CALLBACK_URL = demoSeed.apps[0]?.pushConfig?.url ?? '';

// Node 20 has no global WebSocket: install ws's before msw first listens, so that msw has a class to intercept.
const globals = globalThis as unknown as { WebSocket?: unknown };
const installedWebSocket = globals.WebSocket === undefined;
let platform: MockPlatform;
let server: SetupServer;
/** msw's interceptor of the global WebSocket, the SDKs' `WebSocket` option. */
let InProcessWebSocket: WebSocketConstructorLike;
let receiver: CallbackReceiver;
let notifies: IotVoipNotifyMessage[];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  if (installedWebSocket) globals.WebSocket = NodeWebSocket;
  const setup = await setupMockPlatform();
  platform = setup.platform;
  server = setupServer(...setup.handlers, http.post(CALLBACK_URL, ({ request }) => receiver(request)));
  server.listen({ onUnhandledRequest: 'error' });
  InProcessWebSocket = globalThis.WebSocket; // now msw's interceptor
});

afterAll(async () => {
  server.close();
  await platform.close();
  if (installedWebSocket) delete globals.WebSocket;
});

beforeEach(() => {
  platform.reset();
  notifies = [];
  receiver = createCallbackReceiver({
    token: TOKEN,
    encodingAESKey: AES_KEY,
    appId: APP,
    now: () => platform.clock().now(),
    onNotify: (message) => {
      notifies.push(message);
      return { errcode: 0, errmsg: 'ok' };
    },
  });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Alice's phone (a `wechatPlugin` party) through fetch and msw's WebSocket; the RTOS camera; a server-SDK process. */
async function parties() {
  expect(CALLBACK_URL).toMatch(/^http:/);
  const phone = await TestPhone.connect(platform.url, 'openid-alice', { WebSocket: InProcessWebSocket });
  cleanups.push(() => phone.close());
  const device = new RtosDevice({ platformUrl: platform.url, WebSocket: InProcessWebSocket });
  expect(await device.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', wxa_appid: APP })).toBe(0);
  cleanups.push(() => device.destroy());
  const cloud = new CloudVoipServer({ platformUrl: platform.url, WebSocket: InProcessWebSocket, heartbeatIntervalMs: 0 });
  expect(await cloud.init({ data_dir: '/var/lib/cloudvoip' })).toBe(0);
  cleanups.push(() => cloud.destroy());
  // The server SDK's push channel is attached on the platform: it went through msw, as nothing listens anywhere.
  expect(platform.core.tenant().parties.get(cloud.partyId ?? '')?.sink).toBeDefined();
  return { phone, device, cloud };
}

/** The camera calls Alice; the vendor cloud accepts the notify (errcode 0), the phone rings, the cloud joins. */
async function cameraCallsAlice() {
  const { phone, device, cloud } = await parties();
  const call = await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice', name: 'Alice' }, null, PAYLOAD);
  expect(call.code).toBe(0);
  await expect.poll(() => notifies.length).toBe(1);
  const notify = notifies[0]!;
  expect(notify).toMatchObject({ Event: 'iot_voip_notify', RoomId: call.roomId, Sn: 'SN-RTOS-0001', ModelId: 'model-rtos-camera', FromUserName: 'openid-alice', Payload: PAYLOAD });
  await expect.poll(() => phone.rings()).toEqual([call.roomId]);

  const statuses: WxVoipStatus[] = [];
  const joined = await cloud.sessionJoin(
    { type: AUDIO, wxa_appid: APP, device_id: notify.Sn, model_id: notify.ModelId, server_token: notify.ServerToken, payload: notify.Payload },
    { status: (_session, _userData, status) => statuses.push(status) },
  );
  expect(joined.code).toBe(0);
  expect(joined.session?.roomId).toBe(call.roomId);
  await expect.poll(() => statuses).toEqual([CALLING]);
  return { phone, roomId: call.roomId!, statuses, session: joined.session! };
}

describe('RTOS device → phone in-process through msw (fetch and the global WebSocket intercepted)', () => {
  it('client call → notify accepted → the vendor cloud joins → the phone answers → talk 5 s → the phone hangs up', async () => {
    const { phone, roomId, statuses, session } = await cameraCallsAlice();
    await phone.answer(roomId);
    await expect.poll(() => statuses).toEqual([CALLING, TALKING]);
    platform.clock().advance(5_000);
    await phone.hangUp(roomId);
    await expect.poll(() => statuses).toEqual([CALLING, TALKING, HANGUP_BY_CALLEE]);
    await expect.poll(() => phone.events()).toEqual(['hangOnVoip', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(phone.eventData('finishVoip')).toEqual({ keepTime: 5 });
    expect(session.ended).toBe(true);
    const callbacks = await platform.control().listCallbacks({ query: { roomId } });
    expect(callbacks.status === 200 ? callbacks.body.deliveries.map((d) => [d.attempt, d.outcome]) : []).toEqual([[1, 'accepted']]);
  });

  it('nobody answers: 60 s on the manual clock → TIMEOUT', async () => {
    const { phone, roomId, statuses, session } = await cameraCallsAlice();
    const state = async () => {
      const room = await platform.control().getRoom({ params: { roomId } });
      return room.status === 200 ? room.body.state : undefined;
    };
    platform.clock().advance(59_999);
    expect(await state()).toBe('ringing');
    platform.clock().advance(1);
    await expect.poll(() => statuses).toEqual([CALLING, TIMEOUT]);
    expect(session.ended).toBe(true);
    expect(await state()).toBe('ended');
    await expect.poll(() => phone.events()).toContain('finishVoip');
  });
});
