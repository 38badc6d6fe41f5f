/** The WMPF host (P §3.3, §9.1, D §3.3): the push message, launching it, auto-answer, and the deviceToken rules. */
import { CALL_PAGE_PATH, WmpfPushMessage, parseWmpfCallPagePath } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen } from '../../test/helpers/events.js';
import { useWmpfVoipTesting } from '../testing/index.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });
const deviceCallsAlice = { roomType: 'video', businessType: 1, caller: { id: 'SN-WMPF-0001' }, listener: { id: 'openid-alice' } } as const;

describe('incoming calls on the device', () => {
  it('receives the push message { path, appType, appid } with the call page query and the customQuery', async () => {
    const panel = await t.bed.device();
    const { pushToken } = await panel.simulator.wmpf.getPushToken();
    const { roomId } = await t.wmpfVoip.callWMPF({ roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken, nickName: 'Alice', customQuery: 'flat=3B', envVersion: 'trial' });
    await t.bed.settle();
    const push = panel.simulator.wmpf.pushes[0]!;
    expect(WmpfPushMessage.parse(push.message)).toEqual({ path: expect.stringMatching(new RegExp(`^${CALL_PAGE_PATH.replace(/[/.]/g, '\\$&')}\\?`)), appType: 2, appid: 'wx_demo_app' });
    expect(push).toMatchObject({ roomId, pushToken });
    expect(parseWmpfCallPagePath(push.message.path)).toEqual({ roomType: 'voice', groupId: roomId, listenerId: 'SN-WMPF-0001', callerName: 'Alice', customQuery: 'flat=3B', isClickedHangOnBtn: false });
  });

  it('launching the path with isClickedHangOnBtn=1 answers at once (hangOnVoip without a tap)', async () => {
    const panel = await t.bed.device();
    const events = listen(panel);
    panel.simulator.wmpf.onPush((push) => void panel.simulator.wmpf.launch(`${push.message.path}&isClickedHangOnBtn=1`));
    const { pushToken } = await panel.simulator.wmpf.getPushToken();
    await t.wmpfVoip.callWMPF({ roomType: 'video', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken, nickName: 'Alice' });
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    expect(events.seen()).toEqual([['callPageOnShow'], ['hangOnVoip'], ['startVoip']]);
    expect(panel.getPluginOnloadOptions()).toMatchObject({ isClickedHangOnBtn: '1', listenerId: 'SN-WMPF-0001' });
    const answered = t.platform.tenant().state.journal.all().find((e) => 'operation' in e && e.operation === 'transport.answerRoom');
    expect(answered).toMatchObject({ requestBody: { autoAnswered: true } });
  });

  it('launch is for WMPF and openReminder for the phone', async () => {
    const panel = await t.bed.device();
    await expect(panel.simulator.callPage.openReminder()).rejects.toThrow(/launch\(path\)/);
    await expect(t.wmpfVoip.simulator.wmpf).toBeUndefined();
  });
});

describe('initByCaller businessType 1 follows the deviceToken rules by registration (P §3.3)', () => {
  it('WMPF-registered: no voipToken, the plugin fetches the deviceToken itself', async () => {
    const panel = await t.bed.device();
    expect(await panel.initByCaller(deviceCallsAlice)).toMatchObject({ isSuccess: true });
    expect(t.platform.tenant().state.journal.all().some((e) => 'operation' in e && e.operation === 'transport.wmpfGetDeviceToken')).toBe(true);
  });

  it('WMPF-registered with a voipToken: the backend refuses with 13', async () => {
    const panel = await t.bed.device();
    const { deviceToken } = await panel.simulator.wmpf.getDeviceToken();
    expect(await panel.initByCaller({ ...deviceCallsAlice, voipToken: deviceToken } as never)).toMatchObject({ isSuccess: false, errCode: 13 });
  });

  it('device-auth SDK: the deviceToken from getDeviceToken() works, a made-up one is 13', async () => {
    const legacy = await t.bed.device({ sn: 'SN-WMPF-LEGACY', registrationMode: 'deviceAuthSdk' });
    const req = { ...deviceCallsAlice, caller: { id: 'SN-WMPF-LEGACY' } };
    expect(await legacy.initByCaller({ ...req, voipToken: 'made-up' })).toMatchObject({ isSuccess: false, errCode: 13 });
    const { deviceToken } = await legacy.simulator.wmpf.getDeviceToken();
    expect(await legacy.initByCaller({ ...req, voipToken: deviceToken })).toMatchObject({ isSuccess: true });
  });
});
