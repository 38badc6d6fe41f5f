/**
 * Every plugin errCode the simulator produces itself, each triggered the way a mini program would, plus the backend
 * codes the platform refuses with, in both failure modes of initByCaller (P §3.2, §6).
 */
import { CALL_PAGE_PATH, VoipCgiError, VoipPluginError } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWmpfVoipTesting } from '../testing/index.js';
import { createWmpfVoipSimulator } from './createWmpfVoipSimulator.js';
import type { FetchLike } from '@wxvoip/party-client';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });

const doorbell = { roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' } as const;
const deviceCallsAlice = { roomType: 'video', businessType: 1, caller: { id: 'SN-WMPF-0001' }, listener: { id: 'openid-alice' } } as const;

describe('plugin codes thrown by callDevice / callWMPF and initByCaller', () => {
  it('1004: invalid arguments, as VoipPluginError naming the field', async () => {
    const error = await t.wmpfVoip.callDevice({ ...doorbell, roomType: 1 as unknown as 'video' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoipPluginError);
    expect(error).toMatchObject({ errCode: 1004, errMsg: expect.stringMatching(/^callDevice:fail invalid arguments: roomType: /) });
    await expect(t.wmpfVoip.callWMPF({ ...doorbell, pushToken: 'x' } as never)).rejects.toMatchObject({ errCode: 1004, errMsg: expect.stringContaining('nickName') });
    await expect(t.wmpfVoip.initByCaller({ roomType: 'video', caller: { id: 'a' } } as never)).rejects.toMatchObject({ errCode: 1004, errMsg: expect.stringContaining('listener') });
    await expect(t.wmpfVoip.initByCaller({ ...deviceCallsAlice, caller: { id: '设备 SN' } } as never)).rejects.toMatchObject({ errCode: 1004, errMsg: expect.stringContaining('caller.id') });
    expect(() => t.wmpfVoip.setVoipEndPagePath({ url: '/pages/a', key: 'Later' } as never)).toThrow(expect.objectContaining({ errCode: 1004 }));
    expect(() => t.wmpfVoip.forceHangUpVoip(42 as never)).toThrow(expect.objectContaining({ errCode: 1004 }));
    expect(() => t.wmpfVoip.onVoipEvent('nope' as never)).toThrow(expect.objectContaining({ errCode: 1004 }));
  });

  it('1005: busy with another call until its endVoip', async () => {
    await t.wmpfVoip.callDevice(doorbell);
    await expect(t.wmpfVoip.callDevice(doorbell)).rejects.toMatchObject({ errCode: 1005, name: 'VoipPluginError' });
    await expect(t.wmpfVoip.initByCaller({ roomType: 'video', businessType: 2, caller: { id: 'openid-alice' }, listener: { id: 'SN-WMPF-0001' }, voipToken: 'x' })).rejects.toMatchObject({ errCode: 1005 });
    t.wmpfVoip.forceHangUpVoip();
    await t.bed.settle();
    await expect(t.wmpfVoip.callDevice(doorbell)).resolves.toEqual({ roomId: expect.any(String) });
  });

  it('1006: a businessType that runs inside WMPF, called on the phone', async () => {
    await expect(t.wmpfVoip.initByCaller(deviceCallsAlice)).rejects.toMatchObject({ errCode: 1006, name: 'VoipPluginError' });
  });

  it('1007: callDevice, callWMPF and initByCaller businessType 2 inside WMPF', async () => {
    const panel = await t.bed.device();
    await expect(panel.callDevice(doorbell)).rejects.toMatchObject({ errCode: 1007 });
    await expect(panel.callWMPF({ ...doorbell, pushToken: 'p', nickName: 'n' })).rejects.toMatchObject({ errCode: 1007 });
    await expect(panel.initByCaller({ roomType: 'video', businessType: 2, caller: { id: 'openid-alice' }, listener: { id: 'SN-WMPF-0001' }, voipToken: 'p' })).rejects.toMatchObject({ errCode: 1007 });
  });

  it('1001: voipToken empty or of the wrong type where required', async () => {
    await expect(t.wmpfVoip.initByCaller({ roomType: 'video', businessType: 2, caller: { id: 'openid-alice' }, listener: { id: 'SN-WMPF-0001' } } as never)).rejects.toMatchObject({ errCode: 1001 });
    await expect(t.wmpfVoip.initByCaller({ roomType: 'video', businessType: 2, caller: { id: 'openid-alice' }, listener: { id: 'SN-WMPF-0001' }, voipToken: 7 } as never)).rejects.toMatchObject({ errCode: 1001 });
    const legacy = await t.bed.device({ sn: 'SN-WMPF-LEGACY', registrationMode: 'deviceAuthSdk' });
    await expect(legacy.initByCaller({ ...deviceCallsAlice, caller: { id: 'SN-WMPF-LEGACY' } } as never)).rejects.toMatchObject({ errCode: 1001, errMsg: expect.stringContaining('getDeviceToken') });
  });

  it('1000: a WMPF-registered device whose deviceToken fetch fails resolves isSuccess: false', async () => {
    const unknown = await t.bed.device({ sn: 'SN-WMPF-NOT-REGISTERED' });
    const result = await unknown.initByCaller({ ...deviceCallsAlice, caller: { id: 'SN-WMPF-NOT-REGISTERED' } });
    expect(result).toMatchObject({ isSuccess: false, errCode: 1000, error: { err_code: '1000' } });
  });

  it('1011: face-pay (businessType 0/3) and the campus contact APIs are not emulated', async () => {
    const panel = await t.bed.device();
    const result = await panel.initByCaller({ roomType: 'video', caller: { id: 'face-user-1' }, listener: { id: 'openid-alice' }, voipToken: 'face-pay-token' });
    expect(result).toMatchObject({ isSuccess: false, errCode: 1011 });
    await expect(t.wmpfVoip.bindVoipAdminContact({ userId: 'child-1' })).rejects.toMatchObject({ errCode: 1011 });
    await expect(t.wmpfVoip.getBindContactPath({ userId: 'child-1' })).rejects.toMatchObject({ errCode: 1011 });
    await expect(panel.getVoipBindContactList({ userId: 'child-1' })).rejects.toMatchObject({ errCode: 1011 });
    await expect(panel.getBindContactPath({ userId: 'child-1' })).rejects.toMatchObject({ errCode: 1007 });
    await expect(t.wmpfVoip.getVoipBindContactList({} as never)).rejects.toMatchObject({ errCode: 1004 });
    expect(() => t.wmpfVoip.deleteVoipBindContact({ userId: 'child-1', openidList: ['openid-bob'] })).toThrow(expect.objectContaining({ errCode: 1011 }));
    expect(() => t.wmpfVoip.transerAdmin({ userId: 'child-1', newAdminOpenid: 'openid-bob' })).toThrow(expect.objectContaining({ errCode: 1011 }));
  });

  it('1002 and 1003: the request failed, or its answer could not be read', async () => {
    // The party client's fetch: the real one for connectParty, then `then` for every later request.
    const connectThen = (then: FetchLike): FetchLike => {
      let connected = false;
      return (url, init) => {
        if (!connected) {
          connected = true;
          return fetch(url, init);
        }
        return then(url, init);
      };
    };
    const offline = await createWmpfVoipSimulator({ host: 'wechat', appId: 'wx_demo_app', openId: 'openid-carol', fetch: connectThen(() => Promise.reject(new TypeError('fetch failed'))) });
    const failed = await offline.callDevice(doorbell).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(VoipCgiError);
    expect(failed).toMatchObject({ errCode: 1002, cause: expect.any(TypeError) });
    expect(await offline.initByCaller({ roomType: 'video', businessType: 2, caller: { id: 'openid-carol' }, listener: { id: 'SN-WMPF-0001' }, voipToken: 'p' })).toMatchObject({ isSuccess: false, errCode: 1002 });

    const garbled = await createWmpfVoipSimulator({ host: 'wechat', appId: 'wx_demo_app', openId: 'openid-bob', fetch: connectThen(async () => ({ status: 502, text: async () => '<html>Bad Gateway</html>' })) });
    await expect(garbled.callDevice(doorbell)).rejects.toMatchObject({ errCode: 1003, name: 'VoipCgiError' });
    await offline.simulator.close().catch(() => undefined);
    await garbled.simulator.close().catch(() => undefined);
  });
});

describe('backend codes from the platform (P §6.2)', () => {
  it('callDevice throws them as VoipCgiError: 12 (capability), 23 (license expired), 2 (unknown device)', async () => {
    const proto = await t.wmpfVoip.callDevice({ ...doorbell, sn: 'SN-PROTO-0001', modelId: 'model-linux-prototype' }).catch((e: unknown) => e);
    expect(proto).toBeInstanceOf(VoipCgiError);
    expect(proto).toMatchObject({ errCode: 12, key: 'VOIP_CAPABILITY_NOT_APPROVED' });
    await expect(t.wmpfVoip.callDevice({ ...doorbell, sn: 'SN-LINUX-0002' })).rejects.toMatchObject({ errCode: 23 });
    await expect(t.wmpfVoip.callDevice({ ...doorbell, sn: 'SN-NOBODY' })).rejects.toMatchObject({ errCode: 2 });
  });

  it('initByCaller resolves them with isSuccess: false, errCode, errMsg, errObj and the deprecated error', async () => {
    const bob = await t.bed.phone({ openId: 'openid-bob' });
    const panel = await t.bed.device();
    const { pushToken } = await panel.simulator.wmpf.getPushToken();
    const result = await bob.initByCaller({ roomType: 'video', businessType: 2, caller: { id: 'openid-bob' }, listener: { id: 'SN-WMPF-0001' }, voipToken: pushToken });
    expect(result).toEqual({
      isSuccess: false,
      errCode: 9,
      errMsg: expect.any(String),
      errObj: expect.any(VoipCgiError),
      error: { err_code: '9', errMsg: expect.any(String) },
    });
    if (!result.isSuccess) expect(result.errObj).toMatchObject({ errCode: 9, errMsg: result.errMsg });
    expect(await t.wmpfVoip.initByCaller({ roomType: 'video', businessType: 2, caller: { id: 'openid-alice' }, listener: { id: 'SN-WMPF-0001' }, voipToken: 'stale-push-token' })).toMatchObject({ isSuccess: false, errCode: 14 });
    expect(await panel.initByCaller({ ...deviceCallsAlice, voipToken: 'not-allowed' })).toMatchObject({ isSuccess: false, errCode: 13 });
    expect(await panel.initByCaller({ ...deviceCallsAlice, listener: { id: 'openid-dave' } })).toMatchObject({ isSuccess: false, errCode: 19 });
    expect(await panel.initByCaller({ ...deviceCallsAlice, listener: { id: 'openid-nobody' } })).toMatchObject({ isSuccess: false, errCode: 20 });
  });

  it('initByCaller success: isSuccess, roomId, groupId = roomId, chargeType; the caller joins once on the call page', async () => {
    const panel = await t.bed.device();
    const result = await panel.initByCaller(deviceCallsAlice);
    expect(result).toEqual({ isSuccess: true, roomId: expect.any(String), groupId: expect.any(String), chargeType: expect.stringMatching(/^(duration|license)$/) });
    if (result.isSuccess) expect(result.groupId).toBe(result.roomId);
    await panel.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    expect(panel.simulator.events.map((e) => e.eventName)).toEqual(['callPageOnShow', 'joinedRoomByCaller']);
  });
});
