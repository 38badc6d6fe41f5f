/**
 * The two seed pages' sample code (../shared/seeds/callDevice.md, initByCaller.md) run against the simulator. As
 * published they do not parse (an empty `if ()`, unquoted strings, top-level await): the package README lists every
 * line changed here and why. Placeholders are filled with ids of the demo seed (the literal SN fails the SN rule,
 * ADR 0003); every other line is kept verbatim.
 */
import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WmpfVoipModule } from '../src/index.js';
import { useWmpfVoipTesting } from '../src/testing/index.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });

type RequirePlugin = (name: 'wmpf-voip') => WmpfVoipModule;
interface SampleWx {
  redirectTo(option: { url: string }): void;
  showToast(option: { title: string; icon?: string }): void;
}

/** seeds/callDevice.md, "sample code". `当前不在插件页面` ("not on the plugin page now") is the `notOnPluginPage` flag. */
async function callDeviceSample(requirePlugin: RequirePlugin, wx: SampleWx, sn: string, notOnPluginPage: boolean) {
  const wmpfVoip = requirePlugin('wmpf-voip').default

  try {
    const { roomId } = await wmpfVoip.callDevice({
      roomType: 'video',
      sn: sn,
      modelId: 'model-linux-doorbell',
      nickName: '设备端显示的微信用户名称',
    })

    if (notOnPluginPage /* 当前不在插件页面 */) {
      wx.redirectTo({
        url: wmpfVoip.CALL_PAGE_PATH,
      })
    }
    return roomId
  } catch (e) {
    console.error('callDevice failed:', e)
    wx.showToast({
      title: '呼叫失败',
      icon: 'error',
    })
  }
  return undefined
}

/** seeds/initByCaller.md, "sample code" (runs in WMPF on the device: businessType 1). */
async function initByCallerSample(requirePlugin: RequirePlugin, wx: SampleWx, voipToken: string) {
  const wmpfVoip = requirePlugin('wmpf-voip').default

  try {
    const { isSuccess } = await wmpfVoip.initByCaller({
      caller: {
        id: 'SN-WMPF-LEGACY',
        name: "Calling party name,"
      },
      listener: {
        id: 'openid-alice',
        name: 'The name of the receiver',
      },
      roomType: 'video',
      businessType: 1,
      voipToken:  voipToken,
      miniprogramState: 'developer', // The development phase recommends using the development version
    })

    if (isSuccess /* && Currently not in plugin page */) {
      wx.redirectTo({
        url: wmpfVoip.CALL_PAGE_PATH,
      })
    } else {
      wx.showToast({
        title: 'Call failure',
        icon: 'error',
      })
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the sample's own catch clause, kept verbatim
  } catch (e) {
    wx.showToast({
      title: 'Call failure',
      icon: 'error',
    })
  }
}

describe('seeds/callDevice.md', () => {
  it('calls the doorbell, gets a roomId and opens the call page, where the phone joins the room', async () => {
    const roomId = await callDeviceSample(t.wmpfVoip.simulator.requirePlugin, t.wx, 'SN-LINUX-0001', true);
    await t.bed.settle();
    expect(roomId).toEqual(expect.any(String));
    expect(t.wx.history).toEqual([{ method: 'redirectTo', url: CALL_PAGE_PATH }]);
    expect(t.wx.toasts).toEqual([]);
    expect(t.wmpfVoip.simulator.callPage.state).toMatchObject({ open: true, roomId, side: 'caller', phase: 'waiting' });
    expect(t.platform.tenant().rooms.get(roomId!)).toMatchObject({ state: 'ringing', sn: 'SN-LINUX-0001' });
  });

  it('with the literal placeholder SN the call throws 1004, logged and toasted', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await callDeviceSample(t.wmpfVoip.simulator.requirePlugin, t.wx, '设备 SN', true)).toBeUndefined();
    expect(log).toHaveBeenCalledWith('callDevice failed:', expect.objectContaining({ errCode: 1004, name: 'VoipPluginError' }));
    expect(t.wx.toasts).toEqual([{ title: '呼叫失败', icon: 'error' }]);
    expect(t.wx.history).toEqual([]);
    log.mockRestore();
  });
});

describe('seeds/initByCaller.md', () => {
  it("with the device's deviceToken: isSuccess, then the call page, where the device joins and alice's phone rings", async () => {
    const device = await t.bed.device({ sn: 'SN-WMPF-LEGACY', registrationMode: 'deviceAuthSdk', envVersion: 'develop' });
    const wx = t.bed.wx(device);
    const { deviceToken } = await device.simulator.wmpf.getDeviceToken();
    await initByCallerSample(device.simulator.requirePlugin, wx, deviceToken);
    await t.bed.settle();
    expect(wx.history).toEqual([{ method: 'redirectTo', url: CALL_PAGE_PATH }]);
    expect(wx.toasts).toEqual([]);
    expect(device.simulator.events.map((e) => e.eventName)).toEqual(['callPageOnShow', 'joinedRoomByCaller']);
    expect(t.wmpfVoip.simulator.reminders).toEqual([expect.objectContaining({ notice: expect.objectContaining({ caller: { kind: 'device', id: 'SN-WMPF-LEGACY', name: 'Old panel door-panel' }, envVersion: 'develop' }) })]);
  });

  it("with the sample's literal token 'xxxx*****xxxx': resolves isSuccess false (backend 13) and toasts", async () => {
    const device = await t.bed.device({ sn: 'SN-WMPF-LEGACY', registrationMode: 'deviceAuthSdk' });
    const wx = t.bed.wx(device);
    await initByCallerSample(device.simulator.requirePlugin, wx, 'xxxx*****xxxx');
    expect(wx.toasts).toEqual([{ title: 'Call failure', icon: 'error' }]);
    expect(wx.history).toEqual([]);
    const refusal = t.platform.tenant().state.journal.all().find((e) => e.kind === 'refusal' && 'operation' in e && e.operation === 'transport.initByCaller');
    expect(refusal).toMatchObject({ responseBody: { errcode: 13 } });
  });
});
