/**
 * Device → phone over real HTTP and WebSocket: `wx_voip_session_call` with each outcome, the listener's status
 * sequence, the media the device plays meanwhile, and each refusal as its `wx_error_t`.
 */
import { WX_ERROR, WX_HANGUP_REASON, WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, Phone, advance, doorbellConfig, freshNamespace, issueTicket, newDevice, recorder } from '../../test/harness.js';
import type { LinuxDevice } from '../device/linuxDevice.js';
import { WxError } from '../errors/wxError.js';
import { wxResult } from '../errors/wxResult.js';

const { CALLING, TALKING, REJECTED, CANCELED, HANGUP_BY_CALLER, HANGUP_BY_CALLEE, BUSY, TIMEOUT } = WX_VOIP_STATUS;

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  await platform.close();
});

/** A registered doorbell online in `ns` (SN-LINUX-0001 adopts its seeded registration). */
async function doorbell(ns: string, sn = 'SN-LINUX-0001'): Promise<LinuxDevice> {
  const device = newDevice(platform, ns);
  await device.init(doorbellConfig(sn));
  expect(await wxResult(device.deviceRegister(await issueTicket(platform, ns, sn)))).toBe(WX_ERROR.ALREADY_EXISTS);
  return device;
}

async function failure(promise: PromiseLike<unknown>): Promise<WxError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WxError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}

describe('device calls phone: outcomes', () => {
  it('answered, then hung up by the phone: CALLING → TALKING → HANGUP_BY_CALLEE; dial tone, then 640-byte frames every 20 ms', async () => {
    const ns = freshNamespace('answered phone hangs up');
    const phone = await Phone.connect(platform, ns);
    const device = await doorbell(ns);
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });

    const roomId = await session.call({ id: 'openid-alice', name: 'Alice' });
    expect(session.roomId()).toBe(roomId);
    await expect.poll(seen.statuses).toEqual([CALLING]);
    await phone.incomingCall(roomId);
    expect(session.media()).toMatchObject({ dialTone: { playing: true, file: 'phonering.wav' }, speaker: { open: true }, microphone: { open: false } });

    await advance(platform, ns, 3_000);
    expect(session.media().dialTone).toMatchObject({ frames: 150, bytes: 150 * 320 });
    expect((await phone.answer(roomId)).errcode).toBe(0);
    await expect.poll(seen.statuses).toEqual([CALLING, TALKING]);
    const talking = session.media();
    expect(talking.dialTone).toMatchObject({ playing: false, frames: 150 });
    expect(talking.microphone).toMatchObject({ open: true, frames: 0, frameBytes: 640 });

    await advance(platform, ns, 2_000);
    expect(session.media().microphone).toMatchObject({ frames: 100, bytes: 64_000 });
    expect((await phone.hangUp(roomId)).errcode).toBe(0);
    await expect.poll(() => seen.seen).toEqual([
      { status: CALLING, reason: null },
      { status: TALKING, reason: null },
      { status: HANGUP_BY_CALLEE, reason: null },
    ]);
    expect(session.media()).toMatchObject({ microphone: { open: false, frames: 100 }, speaker: { open: false } });
    expect(session.status).toBe(HANGUP_BY_CALLEE);
    await expect.poll(() => phone.events(roomId)).toEqual(['hangOnVoip', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('answered, then hung up by the device: … → HANGUP_BY_CALLER with reason MANUAL; the session places a second call', async () => {
    const ns = freshNamespace('answered device hangs up');
    const phone = await Phone.connect(platform, ns);
    const device = await doorbell(ns);
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    const roomId = await session.call({ id: 'openid-alice' });
    await phone.incomingCall(roomId);
    await phone.answer(roomId);
    await expect.poll(seen.statuses).toEqual([CALLING, TALKING]);
    await session.hangup(WX_HANGUP_REASON.MANUAL);
    await expect.poll(() => seen.seen.at(-1)).toEqual({ status: HANGUP_BY_CALLER, reason: WX_HANGUP_REASON.MANUAL });
    await expect.poll(() => phone.events(roomId)).toContain('hangUpVoip');

    const second = await session.call({ id: 'openid-alice' });
    expect(second).not.toBe(roomId);
    await expect.poll(seen.statuses).toEqual([CALLING, TALKING, HANGUP_BY_CALLER, CALLING]);
    await session.hangup(WX_HANGUP_REASON.MANUAL);
    await expect.poll(seen.statuses).toEqual([CALLING, TALKING, HANGUP_BY_CALLER, CALLING, CANCELED]);
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('rejected by the phone: CALLING → REJECTED, and the dial tone stops', async () => {
    const ns = freshNamespace('rejected');
    const phone = await Phone.connect(platform, ns);
    const device = await doorbell(ns);
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    const roomId = await session.call({ id: 'openid-alice' });
    await phone.incomingCall(roomId);
    await phone.reject(roomId);
    await expect.poll(seen.statuses).toEqual([CALLING, REJECTED]);
    expect(session.media()).toMatchObject({ dialTone: { playing: false }, microphone: { openedAt: null } });
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('nobody answers for 60 s: CALLING → TIMEOUT with reason TIMEOUT, the device staying online through the pings', async () => {
    const ns = freshNamespace('timeout');
    const phone = await Phone.connect(platform, ns);
    const device = await doorbell(ns);
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    const roomId = await session.call({ id: 'openid-alice' });
    await expect.poll(seen.statuses).toEqual([CALLING]);
    await advance(platform, ns, 59_000);
    expect(seen.statuses()).toEqual([CALLING]);
    expect(device.pongsSent).toBeGreaterThanOrEqual(5);
    await advance(platform, ns, 1_000);
    await expect.poll(() => seen.seen).toEqual([
      { status: CALLING, reason: null },
      { status: TIMEOUT, reason: WX_HANGUP_REASON.TIMEOUT },
    ]);
    expect(session.media().dialTone).toMatchObject({ playing: false, frames: 3_000 });
    await expect.poll(() => phone.events(roomId)).toEqual(['cancelVoip', 'endVoip', 'finishVoip']);
    session.destroy();
    await device.stop();
    phone.close();
  });

  it('the user is in another call: BUSY', async () => {
    const ns = freshNamespace('busy');
    // Carol may call both doorbells through her group authorization (demo seed).
    const phone = await Phone.connect(platform, ns, 'openid-carol');
    expect((await platform.control(ns).setDeviceLicense({ params: { appId: APP, sn: 'SN-LINUX-0002' }, body: { expireTime: 1_893_427_200, activeNumbers: [] } })).status).toBe(200);
    const backDoor = await doorbell(ns, 'SN-LINUX-0002');
    const first = backDoor.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined });
    const firstRoom = await first.call({ id: 'openid-carol' });
    await phone.incomingCall(firstRoom);
    await phone.answer(firstRoom);

    const device = await doorbell(ns);
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    await session.call({ id: 'openid-carol' });
    await expect.poll(() => seen.seen).toEqual([{ status: BUSY, reason: null }]);
    expect(session.media().dialTone.playing).toBe(false);
    for (const [d, s] of [
      [device, session],
      [backDoor, first],
    ] as const) {
      s.destroy();
      await d.stop();
    }
    phone.close();
  });

  it.each([
    ['not authorized (backend 9)', 'openid-bob', 'PERMISSION_DENIED', 'DEVICE_NOT_AUTHORIZED'],
    ['in arrears (backend 15)', 'magic-err-15', 'UNAVAILABLE', 'ACCOUNT_IN_ARREARS'],
    ['openId unknown (backend 20)', 'openid-nobody', 'INVALID_ARGUMENT', 'OPENID_INVALID'],
    ['openId of another app (backend 19)', 'openid-dave', 'INVALID_ARGUMENT', 'OPENID_APPID_MISMATCH'],
    ['capability missing (backend 12)', 'magic-err-12', 'UNAVAILABLE', 'VOIP_CAPABILITY_NOT_APPROVED'],
  ] as const)('%s: the call is refused with %s and no status', async (_, openId, errorName, key) => {
    const ns = freshNamespace(`refused ${key}`);
    const device = await doorbell(ns);
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    const error = await failure(session.call({ id: openId }));
    expect(error).toMatchObject({ errorName, key, domain: 'backend' });
    expect(session.roomId()).toBe('');
    expect(session.media().dialTone).toMatchObject({ playing: false });
    expect(seen.statuses()).toEqual([]);
    session.destroy();
    await device.stop();
  });

  it('no license (backend 24), after the control API removed it: UNAVAILABLE', async () => {
    const ns = freshNamespace('no license');
    expect((await platform.control(ns).setDeviceLicense({ params: { appId: APP, sn: 'SN-LINUX-0001' }, body: { expireTime: null, activeNumbers: [] } })).status).toBe(200);
    const device = await doorbell(ns);
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined });
    expect(await failure(session.call({ id: 'openid-alice' }))).toMatchObject({ errorName: 'UNAVAILABLE', key: 'DEVICE_LICENSE_NOT_ACTIVATED', platformCode: 24 });
    session.destroy();
    await device.stop();
  });

  it('not authorized after the user switched the authorization off: PERMISSION_DENIED', async () => {
    const ns = freshNamespace('revoked');
    expect((await platform.control(ns).revokeAuthorization({ params: { appId: APP }, body: { openId: 'openid-alice', how: 'switchOff', sn: 'SN-LINUX-0001' } })).status).toBe(200);
    const device = await doorbell(ns);
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined });
    expect(await failure(session.call({ id: 'openid-alice' }))).toMatchObject({ errorName: 'PERMISSION_DENIED', platformCode: 9 });
    session.destroy();
    await device.stop();
  });

  it('already in a call: FAILED_PRECONDITION from the session, and from the platform for a second session', async () => {
    const ns = freshNamespace('already in call');
    const device = await doorbell(ns);
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined });
    await session.call({ id: 'openid-alice' });
    await expect.poll(() => session.status).toBe(CALLING);
    expect(await wxResult(session.call({ id: 'openid-alice' }))).toBe(WX_ERROR.FAILED_PRECONDITION);
    const other = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined });
    expect(await failure(other.call({ id: 'openid-alice' }))).toMatchObject({ errorName: 'FAILED_PRECONDITION', key: 'WXERROR_FAILED_PRECONDITION' });
    other.destroy();
    session.destroy();
    await device.stop();
  });

  it('a video call sends SPS, PPS and an I-frame first, an I-frame every second, and subscribes to the configured downlink', async () => {
    const ns = freshNamespace('video');
    const phone = await Phone.connect(platform, ns);
    const device = newDevice(platform, ns);
    await device.init({ ...doorbellConfig('SN-LINUX-0001'), subscribe_video_length: 640, subscribe_video_rotation: 1 });
    await device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-0001')).then(undefined, () => undefined);
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.VIDEO, camera: { width: 320, height: 240, fps: 10 }, listener: () => undefined });
    const roomId = await session.call({ id: 'openid-alice' });
    await phone.incomingCall(roomId);
    expect(session.videoFrames()).toEqual([]);
    await phone.answer(roomId);
    await expect.poll(() => session.status).toBe(TALKING);
    await advance(platform, ns, 2_000);
    const frames = session.videoFrames().map((f) => f.type);
    expect(frames.slice(0, 4)).toEqual(['sps', 'pps', 'I', 'P']);
    expect(frames.filter((t) => t === 'I')).toHaveLength(3);
    expect(frames.indexOf('I', 3)).toBe(2 + 3 + 9);
    expect(session.media().camera).toMatchObject({ width: 320, height: 240, fps: 10, iFrames: 3, pFrames: 18, sps: 3, pps: 3 });
    expect(session.media().downlinkVideo).toEqual({ width: 480, height: 640, upright: true, maxFps: 15, adaptive: false });
    await session.hangup(WX_HANGUP_REASON.MANUAL);
    await expect.poll(() => session.status).toBe(HANGUP_BY_CALLER);
    session.destroy();
    await device.stop();
    phone.close();
  });
});
