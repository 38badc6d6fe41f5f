/** The configured plugin version behaves as that older plugin did (P §11; the table SIMULATED_VERSION_BEHAVIOUR). */
import { CALL_PAGE_PATH, PLUGIN_FEATURES, VoipError } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWmpfVoipTesting } from '../testing/index.js';
import { SIMULATED_VERSION_BEHAVIOUR, VersionGate } from './versionBehaviour.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });
const deviceCallsAlice = { roomType: 'video', businessType: 1, caller: { id: 'SN-WMPF-0001' }, listener: { id: 'openid-alice' } } as const;

describe('the version table', () => {
  it('says what the simulator does for every entry of PLUGIN_FEATURES', () => {
    expect(Object.keys(SIMULATED_VERSION_BEHAVIOUR).sort()).toEqual(Object.keys(PLUGIN_FEATURES).sort());
  });

  it('refuses a malformed version', () => {
    expect(() => new VersionGate('latest')).toThrow(RangeError);
  });
});

describe('exports by version', () => {
  it('2.4.6 has every documented export and the error classes', async () => {
    expect(Object.keys(t.wmpfVoip).sort()).toEqual(
      [...Object.keys(PLUGIN_FEATURES).filter((k) => !k.includes('.')), 'VoipCgiError', 'VoipError', 'VoipJoinError', 'VoipPluginError'].sort(),
    );
  });

  it('2.3.9 has no callDevice / callWMPF; 2.3.8 no CALL_PAGE_PATH; 2.2.2 no getPluginOnloadOptions; before 2.4.0 no error classes', async () => {
    const v239 = await t.bed.phone({ pluginVersion: '2.3.9' });
    expect(v239.callDevice).toBeUndefined();
    expect(v239.callWMPF).toBeUndefined();
    expect(v239.CALL_PAGE_PATH).toBe(CALL_PAGE_PATH);
    expect(v239.VoipError).toBeUndefined();
    const v238 = await t.bed.phone({ pluginVersion: '2.3.8', openId: 'openid-carol' });
    expect(v238.CALL_PAGE_PATH).toBeUndefined();
    const v222 = await t.bed.phone({ pluginVersion: '2.2.2', openId: 'openid-bob' });
    expect(v222.getPluginOnloadOptions).toBeUndefined();
  });
});

describe('results, errors and events by version', () => {
  it('before 2.4.0 initByCaller gives groupId only, events carry groupId only, failures have no errObj and errors are plain', async () => {
    const panel = await t.bed.device({ pluginVersion: '2.3.9' });
    const ok = await panel.initByCaller(deviceCallsAlice);
    expect(Object.keys(ok).sort()).toEqual(['chargeType', 'groupId', 'isSuccess']);
    await panel.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    const joined = panel.simulator.events.find((e) => e.eventName === 'joinedRoomByCaller');
    expect(joined).toEqual({ eventName: 'joinedRoomByCaller', groupId: ok.isSuccess ? ok.groupId : '' });
    panel.forceHangUpVoip();
    await t.bed.settle();
    const failed = await panel.initByCaller({ ...deviceCallsAlice, listener: { id: 'openid-dave' } });
    expect(Object.keys(failed).sort()).toEqual(['errCode', 'errMsg', 'error', 'isSuccess']);
    const thrown = await panel.initByCaller({ ...deviceCallsAlice, roomType: 'chat' as never }).catch((e: unknown) => e);
    expect(thrown).not.toBeInstanceOf(VoipError);
    expect(thrown).toMatchObject({ errCode: 1004, errMsg: expect.stringContaining('roomType') });
  });

  it('before 2.3.8 chargeType is absent from the result, timeLimit is ignored and businessType 3 is refused', async () => {
    const panel = await t.bed.device({ pluginVersion: '2.3.7' });
    const result = await panel.initByCaller({ ...deviceCallsAlice, timeLimit: 5 });
    expect(Object.keys(result).sort()).toEqual(['groupId', 'isSuccess']);
    const room = t.platform.tenant().rooms.get(result.isSuccess ? result.groupId : '');
    expect(room?.timeLimitSec).toBeNull();
    panel.forceHangUpVoip();
    await t.bed.settle();
    await expect(panel.initByCaller({ ...deviceCallsAlice, businessType: 3, caller: { id: 'face-user' }, voipToken: 't' })).rejects.toMatchObject({ errCode: 1004, errMsg: expect.stringContaining('2.3.8') });
  });

  it('before 2.3.0 a WMPF-registered device still needs voipToken (1001)', async () => {
    const panel = await t.bed.device({ pluginVersion: '2.2.9' });
    await expect(panel.initByCaller(deviceCallsAlice)).rejects.toMatchObject({ errCode: 1001, errMsg: expect.stringContaining('2.3.0') });
  });

  it('before 2.2.2 finishVoip is not delivered', async () => {
    const legacy = await t.bed.device({ pluginVersion: '2.2.1', sn: 'SN-WMPF-LEGACY', registrationMode: 'deviceAuthSdk' });
    const { deviceToken } = await legacy.simulator.wmpf.getDeviceToken();
    const result = await legacy.initByCaller({ ...deviceCallsAlice, caller: { id: 'SN-WMPF-LEGACY' }, voipToken: deviceToken });
    expect(result.isSuccess).toBe(true);
    legacy.forceHangUpVoip();
    await t.bed.settle();
    expect(legacy.simulator.events.map((e) => e.eventName)).toEqual(['cancelVoip', 'endVoip']);
  });

  it('before 2.3.10 the unsubscribe function does not remove the listener; from 2.3.10 it does', async () => {
    const old = await t.bed.device({ pluginVersion: '2.3.9' });
    const seenOld: string[] = [];
    old.onVoipEvent((e) => seenOld.push(e.eventName))();
    const seenNew: string[] = [];
    t.wmpfVoip.onVoipEvent((e) => seenNew.push(e.eventName))();
    await old.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    expect(seenOld).toEqual(['callPageOnShow']);
    expect(seenNew).toEqual([]);
  });

  it('before 2.3.2 going to the background rejects a ringing call, and forceHangUpVoip ignores its roomId', async () => {
    const panel = await t.bed.device();
    const old = await t.bed.phone({ pluginVersion: '2.3.1' });
    await panel.initByCaller(deviceCallsAlice);
    await t.bed.settle();
    await old.simulator.callPage.openReminder();
    await old.simulator.callPage.appHide();
    await t.bed.settle();
    expect(old.simulator.events.map((e) => [e.eventName, e.data])).toEqual([['callPageOnShow', undefined], ['rejectVoip', { status: 'manual' }], ['endVoip', expect.any(Object)], ['finishVoip', { keepTime: 0 }]]);

    await panel.initByCaller(deviceCallsAlice);
    await t.bed.settle();
    await old.simulator.callPage.answer();
    await t.bed.settle();
    expect(old.simulator.callPage.state.phase).toBe('waiting');
    old.forceHangUpVoip('not-this-room');
    await t.bed.settle();
    expect(old.simulator.events.slice(-3).map((e) => [e.eventName, e.data])).toEqual([['rejectVoip', { status: 'forceFromApp' }], ['endVoip', expect.any(Object)], ['finishVoip', { keepTime: 0 }]]);
  });

  it('2.4.6 keeps forceHangUpVoip(roomId) to that room and ignores the background', async () => {
    const panel = await t.bed.device();
    await panel.initByCaller(deviceCallsAlice);
    await t.bed.settle();
    await t.wmpfVoip.simulator.callPage.openReminder();
    await t.wmpfVoip.simulator.callPage.appHide();
    t.wmpfVoip.forceHangUpVoip('not-this-room');
    await t.bed.settle();
    expect(t.wmpfVoip.simulator.callPage.state.phase).toBe('ringing');
  });

  it('setUIConfig drops fields newer than the plugin; setVoipEndPagePath ignores routeType before 2.3.9', async () => {
    const old = await t.bed.phone({ pluginVersion: '2.3.3', openId: 'openid-carol' });
    old.setUIConfig({ handsFree: false, isSelfWindowMax: true, customBoxHeight: '70vh', callerUI: { objectFit: 'contain', cameraRotation: 90 } });
    expect(old.simulator.uiConfig).toEqual({ handsFree: false, callerUI: { cameraRotation: 90, aspectRatio: 4 / 3, horMirror: false, vertMirror: false, enableToggleCamera: true } });
    old.setVoipEndPagePath({ url: '/pages/home/home', key: 'Call', routeType: 'reLaunch' });
    expect(old.simulator.endPagePaths.get('Call')).toEqual({ url: '/pages/home/home', options: undefined, routeType: 'redirectTo' });
    t.wmpfVoip.setVoipEndPagePath({ url: '/pages/home/home', key: 'Call', routeType: 'reLaunch' });
    expect(t.wmpfVoip.simulator.endPagePaths.get('Call')?.routeType).toBe('reLaunch');
  });

  it('before 2.4.3 callDevice drops isCloud and payload (no cloud callback); before 2.4.1 deviceName', async () => {
    const old = await t.bed.phone({ pluginVersion: '2.4.0', openId: 'openid-alice' });
    await old.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', deviceName: 'Door', isCloud: true, payload: 'p' }).catch((e: unknown) => e);
    const sent = t.platform
      .tenant()
      .state.journal.all()
      .filter((e) => 'operation' in e && e.operation === 'transport.callDevice')
      .map((e) => ('requestBody' in e ? e.requestBody : undefined));
    expect(sent.at(-1)).toMatchObject({ isCloud: false });
    expect(sent.at(-1)).not.toHaveProperty('payload');
    expect(sent.at(-1)).not.toHaveProperty('deviceName');
  });
});
