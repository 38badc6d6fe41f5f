/**
 * In-process through msw: the device and the phone reach an in-process platform (`setupMockPlatform`, manual clock)
 * at `http://wxvoip.mock` with the global `fetch` and the global WebSocket class, both intercepted by msw; no port, no
 * socket. The device gets msw's WebSocket through the `WebSocket` option (msw cannot intercept the `ws` package).
 */
import { WX_ERROR, WX_HANGUP_REASON, WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS } from '@wxvoip/contracts';
import type { MockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { wxResult, type LinuxDevice, type WebSocketConstructorLike } from '../src/index.js';
import { Phone, doorbellConfig, freshNamespace, issueTicket, newDevice, recorder } from './harness.js';

const { CALLING, TALKING, HANGUP_BY_CALLEE, TIMEOUT } = WX_VOIP_STATUS;

const server = setupServer();
let platform: MockPlatform;
let InProcessWebSocket: WebSocketConstructorLike;

// Node 20 has no global WebSocket for msw to intercept: install `ws`'s before msw first listens (msw replaces it
// while listening and never opens a real socket for a handled URL).
const installedWebSocket = typeof globalThis.WebSocket === 'undefined';
beforeAll(async () => {
  if (installedWebSocket) Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });
  const setup = await setupMockPlatform();
  platform = setup.platform;
  server.use(...setup.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  InProcessWebSocket = globalThis.WebSocket as unknown as WebSocketConstructorLike;
});
afterAll(async () => {
  server.close();
  await platform.close();
  if (installedWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
});

/** A registered doorbell online in `ns` through msw (SN-LINUX-0001 adopts its seeded registration), and a phone. */
async function doorbellAndPhone(ns: string): Promise<{ device: LinuxDevice; phone: Phone }> {
  const phone = await Phone.connect(platform, ns, 'openid-alice', InProcessWebSocket);
  const device = newDevice(platform, ns, { WebSocket: InProcessWebSocket });
  await device.init(doorbellConfig('SN-LINUX-0001'));
  expect(await wxResult(device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-0001')))).toBe(WX_ERROR.ALREADY_EXISTS);
  return { device, phone };
}

describe('in-process through msw', () => {
  it('serves the platform at http://wxvoip.mock, with msw standing in for the global WebSocket', () => {
    expect(platform.url).toBe('http://wxvoip.mock');
    expect(InProcessWebSocket).not.toBe(NodeWebSocket);
  });

  it('device calls phone, answered, then hung up by the phone: CALLING → TALKING → HANGUP_BY_CALLEE; the namespace travels in the channel query', async () => {
    const ns = freshNamespace('msw answered');
    const { device, phone } = await doorbellAndPhone(ns);
    const party = device.partyId ?? '';
    expect(platform.tenant(ns).parties.get(party)?.sink).toBeDefined();
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });

    const roomId = await session.call({ id: 'openid-alice', name: 'Alice' });
    await expect.poll(seen.statuses).toEqual([CALLING]);
    await phone.incomingCall(roomId);
    expect((await phone.answer(roomId)).errcode).toBe(0);
    await expect.poll(seen.statuses).toEqual([CALLING, TALKING]);
    expect((await phone.hangUp(roomId)).errcode).toBe(0);
    await expect.poll(() => seen.seen).toEqual([
      { status: CALLING, reason: null },
      { status: TALKING, reason: null },
      { status: HANGUP_BY_CALLEE, reason: null },
    ]);
    await expect.poll(() => phone.events(roomId)).toEqual(['hangOnVoip', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);

    session.destroy();
    await device.stop();
    await expect.poll(() => platform.tenant(ns).parties.get(party)?.sink).toBeUndefined();
    phone.close();
  });

  it('device calls phone, nobody answers for 60 s on the manual clock: CALLING → TIMEOUT (reason TIMEOUT); the device stays online', async () => {
    const ns = freshNamespace('msw timeout');
    const { device, phone } = await doorbellAndPhone(ns);
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });

    const roomId = await session.call({ id: 'openid-alice' });
    await expect.poll(seen.statuses).toEqual([CALLING]);
    await phone.incomingCall(roomId);
    platform.clock(ns).advance(59_999);
    await expect.poll(() => device.pongsSent).toBeGreaterThan(0);
    expect(seen.statuses()).toEqual([CALLING]);
    platform.clock(ns).advance(1);
    await expect.poll(() => seen.seen).toEqual([
      { status: CALLING, reason: null },
      { status: TIMEOUT, reason: WX_HANGUP_REASON.TIMEOUT },
    ]);
    expect(device.initialised).toBe(true);

    session.destroy();
    await device.stop();
    phone.close();
  });
});
