/**
 * Phone → device over real HTTP and WebSocket: the phone calls `callDevice` as the plugin does, WeChat tells the
 * Linux device nothing, the test relays the roomId as the developer's backend would, and the device joins
 * (`wx_voip_listener_join`), talks and hangs up, or refuses before any session (`wx_voip_listener_hangup`).
 */
import { WX_ERROR, WX_HANGUP_REASON, WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone, advance, doorbellConfig, freshNamespace, issueTicket, newDevice, recorder } from '../../test/harness.js';
import type { LinuxDevice } from '../device/linuxDevice.js';
import { wxResult } from '../errors/wxResult.js';

const { TALKING, HANGUP_BY_CALLER, HANGUP_BY_CALLEE, ABORTED } = WX_VOIP_STATUS;

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  await platform.close();
});

/** A registered doorbell online, a phone that called it, and the relayed roomId. */
async function incomingCall(label: string): Promise<{ ns: string; phone: Phone; device: LinuxDevice; roomId: string }> {
  const ns = freshNamespace(label);
  const device = newDevice(platform, ns);
  await device.init(doorbellConfig('SN-LINUX-0001'));
  expect(await wxResult(device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-0001')))).toBe(WX_ERROR.ALREADY_EXISTS);
  const phone = await Phone.connect(platform, ns);
  const roomId = await phone.callDevice('SN-LINUX-0001');
  expect((await phone.join(roomId)).errcode).toBe(0);
  // WeChat sends the Linux device nothing (D §0.2): the developer's backend relays roomId; here the test is that backend.
  return { ns, phone, device, roomId };
}

describe('phone calls device', () => {
  it('relay → listenerJoin → talk → the phone hangs up: TALKING → HANGUP_BY_CALLER', async () => {
    const { ns, phone, device, roomId } = await incomingCall('join phone hangs up');
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    await session.listenerJoin(roomId);
    expect(session.roomId()).toBe(roomId);
    await expect.poll(seen.statuses).toEqual([TALKING]);
    expect(session.media()).toMatchObject({ dialTone: { openedAt: null }, speaker: { open: true }, microphone: { open: true } });
    await advance(platform, ns, 4_000);
    expect(session.media().microphone.frames).toBe(200);
    await phone.hangUp(roomId);
    await expect.poll(() => seen.seen).toEqual([
      { status: TALKING, reason: null },
      { status: HANGUP_BY_CALLER, reason: null },
    ]);
    await expect.poll(() => phone.events(roomId)).toEqual(['joinedRoomByCaller', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    const finish = phone.messages.find((m) => m.type === 'voipEvent' && m.event.eventName === 'finishVoip');
    expect(finish).toMatchObject({ event: { data: { keepTime: 4 } } });
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('relay → listenerJoin → talk → the device hangs up: TALKING → HANGUP_BY_CALLEE with reason MANUAL', async () => {
    const { phone, device, roomId } = await incomingCall('join device hangs up');
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    await session.listenerJoin(roomId);
    await expect.poll(seen.statuses).toEqual([TALKING]);
    await session.hangup(WX_HANGUP_REASON.MANUAL);
    await expect.poll(() => seen.seen).toEqual([
      { status: TALKING, reason: null },
      { status: HANGUP_BY_CALLEE, reason: WX_HANGUP_REASON.MANUAL },
    ]);
    await expect.poll(() => phone.events(roomId)).toContain('hangUpVoip');
    expect(await wxResult(session.hangup(WX_HANGUP_REASON.MANUAL))).toBe(WX_ERROR.NOT_FOUND);
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('refused before any session with wx_voip_listener_hangup: REJECT gives the phone rejectVoip, busy gives it busy', async () => {
    const rejected = await incomingCall('listener hangup reject');
    await rejected.device.listenerHangup(rejected.roomId, WX_HANGUP_REASON.REJECT);
    await expect.poll(() => rejected.phone.events(rejected.roomId)).toEqual(['joinedRoomByCaller', 'rejectVoip', 'endVoip', 'finishVoip']);
    expect(await wxResult(rejected.device.listenerHangup(rejected.roomId, WX_HANGUP_REASON.REJECT))).toBe(WX_ERROR.NOT_FOUND);
    await rejected.device.stop();
    rejected.phone.close();

    const busy = await incomingCall('listener hangup busy');
    await busy.device.listenerHangup(busy.roomId, WX_HANGUP_REASON.REJECT, { busy: true });
    await expect.poll(() => busy.phone.events(busy.roomId)).toEqual(['joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip']);
    await busy.device.stop();
    busy.phone.close();
  });

  it('a roomId that is not a call to this device, or that ended, is NOT_FOUND; a bad reason is INVALID_ARGUMENT', async () => {
    const { phone, device, roomId } = await incomingCall('join bad room');
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined });
    expect(await wxResult(session.listenerJoin('wxf830863afde621ebWmpfVoip999'))).toBe(WX_ERROR.NOT_FOUND);
    expect(session.roomId()).toBe('');
    expect(await wxResult(device.listenerHangup(roomId, 3 as 1))).toBe(WX_ERROR.INVALID_ARGUMENT);
    await phone.hangUp(roomId);
    expect(await wxResult(session.listenerJoin(roomId))).toBe(WX_ERROR.NOT_FOUND);
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('the phone never joins its own call: the device waits 20 s, then ABORTED', async () => {
    const ns = freshNamespace('caller absent');
    const device = newDevice(platform, ns);
    await device.init(doorbellConfig('SN-LINUX-0001'));
    await wxResult(device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-0001')));
    const phone = await Phone.connect(platform, ns);
    const roomId = await phone.callDevice('SN-LINUX-0001');
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    await session.listenerJoin(roomId);
    await advance(platform, ns, 19_000);
    expect(seen.statuses()).toEqual([]);
    await advance(platform, ns, 1_000);
    await expect.poll(seen.statuses).toEqual([ABORTED]);
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('the platform drops the device mid-call: the call is reported ABORTED and onDisconnected fires', async () => {
    const { ns, phone, device, roomId } = await incomingCall('dropped');
    const seen = recorder();
    const reasons: string[] = [];
    device.onDisconnected((reason) => reasons.push(reason));
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    await session.listenerJoin(roomId);
    await expect.poll(seen.statuses).toEqual([TALKING]);
    expect((await platform.control(ns).takeDeviceOffline({ params: { sn: 'SN-LINUX-0001' }, body: { abortCalls: true } })).status).toBe(200);
    await expect.poll(seen.statuses).toEqual([TALKING, ABORTED]);
    expect(reasons).toEqual(['offline']);
    expect(device.initialised).toBe(false);
    expect(session.media().microphone.open).toBe(false);
    session.destroy();
    phone.close();
  });
});
