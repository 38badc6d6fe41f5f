/** The call page as a person uses it: navigation, the custom button, end pages, lifecycle and options (P §3.4, §5.4–§5.6). */
import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen } from '../../test/helpers/events.js';
import { useWmpfVoipTesting } from '../testing/index.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });
const deviceCallsAlice = { roomType: 'video', businessType: 1, caller: { id: 'SN-WMPF-0001' }, listener: { id: 'openid-alice' } } as const;

/** The panel calls alice; alice answers from the reminder; they talk. */
async function aliceTalksToPanel() {
  const panel = await t.bed.device();
  await panel.initByCaller(deviceCallsAlice);
  await panel.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
  await t.bed.settle();
  await t.wmpfVoip.simulator.callPage.answer();
  await t.bed.settle();
  return panel;
}

describe('navigation', () => {
  it('navigating to the call page twice during a call is the documented mistake: the call ends with unloadCallPage', async () => {
    const events = listen(t.wmpfVoip);
    await t.wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    t.wx.redirectTo({ url: CALL_PAGE_PATH });
    await t.bed.settle();
    t.wx.navigateTo({ url: CALL_PAGE_PATH });
    await t.bed.settle();
    const page = t.wmpfVoip.simulator.callPage;
    expect(page.navigations.map((n) => [n.method, n.interruptedRoomId !== null])).toEqual([
      ['redirectTo', false],
      ['navigateTo', true],
    ]);
    expect(events.seen().map(([name, data]) => (name === 'cancelVoip' ? [name, data] : [name]))).toEqual([
      ['callPageOnShow'],
      ['joinedRoomByCaller'],
      ['cancelVoip', { status: 'unloadCallPage' }],
      ['endVoip'],
      ['finishVoip'],
      ['callPageOnShow'],
    ]);
    expect(page.state).toMatchObject({ open: true, roomId: null, summary: false });
  });

  it('a call placed while the call page is already open joins at once, without navigating', async () => {
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH);
    const { roomId } = await t.wmpfVoip.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await t.bed.settle();
    expect(t.wmpfVoip.simulator.callPage.state).toMatchObject({ roomId, side: 'caller', phase: 'waiting' });
  });

  it('refuses a URL that is not the call page; other pages pass through the fake wx', async () => {
    await expect(t.wmpfVoip.simulator.callPage.navigate('/pages/home/home')).rejects.toThrow(/not the plugin call page/);
    const done: string[] = [];
    t.wx.navigateTo({ url: '/pages/home/home', success: (r) => done.push(r.errMsg) });
    t.wx.switchTab({ url: CALL_PAGE_PATH, fail: (r) => done.push(r.errMsg) });
    expect(done).toEqual(['navigateTo:ok', 'switchTab:fail can not switch to a non-tabBar page']);
    expect(t.wx.history.map((h) => h.url)).toEqual(['/pages/home/home', CALL_PAGE_PATH]);
  });

  it('appShow fires callPageOnShow again while the page is open (guard against replays, P §3.4)', async () => {
    const events = listen(t.wmpfVoip);
    t.wmpfVoip.simulator.callPage.appShow();
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH);
    t.wmpfVoip.simulator.callPage.appShow();
    expect(events.seen()).toEqual([['callPageOnShow'], ['callPageOnShow']]);
  });
});

describe('the custom button (P §5.4)', () => {
  it('shows on a WeChat-client listener once talking; tapping opens the panel (showCustomBox), closing fires hideCustomBox', async () => {
    t.wmpfVoip.setCustomBtnText('Open door');
    const events = listen(t.wmpfVoip);
    const panel = await aliceTalksToPanel();
    const page = t.wmpfVoip.simulator.callPage;
    expect(page.state.customButtonShown).toBe(true);
    page.tapCustomButton();
    page.closeCustomBox();
    const roomId = page.state.roomId;
    expect(events.all.filter((e) => e.eventName.endsWith('CustomBox'))).toEqual([
      { eventName: 'showCustomBox', roomId, groupId: roomId, data: { callerId: 'SN-WMPF-0001', listenerId: 'openid-alice' } },
      { eventName: 'hideCustomBox', roomId, groupId: roomId, data: { callerId: 'SN-WMPF-0001', listenerId: 'openid-alice' } },
    ]);
    expect(panel.simulator.callPage.state.customButtonShown).toBe(false);
    expect(() => panel.simulator.callPage.tapCustomButton()).toThrow(/WeChat-client listener/);
  });

  it('is not shown without a label, nor before the call started', async () => {
    const panel = await t.bed.device();
    await panel.initByCaller(deviceCallsAlice);
    await t.bed.settle();
    await t.wmpfVoip.simulator.callPage.openReminder();
    t.wmpfVoip.setUIConfig({ btnText: 'Open door' });
    expect(() => t.wmpfVoip.simulator.callPage.tapCustomButton()).toThrow(/after the call started/);
  });
});

describe('end of call (P §5.5)', () => {
  it('phone without an end page: closing the summary closes the mini program', async () => {
    const panel = await aliceTalksToPanel();
    await panel.simulator.callPage.hangUp();
    await t.bed.settle();
    const page = t.wmpfVoip.simulator.callPage;
    expect(page.state).toMatchObject({ summary: true, phase: 'ended', side: 'listener' });
    page.closeSummary();
    expect(page.endPageOutcomes).toEqual([{ kind: 'miniProgramClosed', roomId: expect.any(String) }]);
    expect(page.state.open).toBe(false);
    expect(() => page.closeSummary()).toThrow(/no call summary/);
  });

  it('phone with an end page: closing the summary opens it with its options and route type', async () => {
    t.wmpfVoip.setVoipEndPagePath({ url: '/pages/after/after', key: 'Call', options: 'from=call', routeType: 'reLaunch' });
    await aliceTalksToPanel();
    await t.wmpfVoip.simulator.callPage.hangUp();
    await t.bed.settle();
    t.wmpfVoip.simulator.callPage.closeSummary();
    expect(t.wmpfVoip.simulator.callPage.endPageOutcomes).toEqual([{ kind: 'navigated', roomId: expect.any(String), url: '/pages/after/after?from=call', routeType: 'reLaunch' }]);
  });

  it('WMPF device: with an end page it goes there at once (≥ 2.3.8); without one it stays on the call-record page', async () => {
    const panel = await aliceTalksToPanel();
    panel.setVoipEndPagePath({ url: '/pages/idle/idle', key: 'Call' });
    await panel.simulator.callPage.hangUp();
    await t.bed.settle();
    expect(panel.simulator.callPage.endPageOutcomes).toEqual([{ kind: 'navigated', roomId: expect.any(String), url: '/pages/idle/idle', routeType: 'redirectTo' }]);
    expect(panel.simulator.callPage.state.open).toBe(false);
  });

  it('WMPF device without an end page stays on the call record; before 2.3.8 an end page comes after the detail screen', async () => {
    const panel = await t.bed.device({ pluginVersion: '2.3.7' });
    await panel.initByCaller(deviceCallsAlice);
    await panel.simulator.callPage.navigate(CALL_PAGE_PATH);
    await t.bed.settle();
    panel.forceHangUpVoip();
    await t.bed.settle();
    expect(panel.simulator.callPage.endPageOutcomes).toEqual([{ kind: 'stayedOnCallRecordPage', roomId: expect.any(String) }]);

    panel.setVoipEndPagePath({ url: '/pages/idle/idle', key: 'Call' });
    await panel.initByCaller(deviceCallsAlice);
    // Still on the plugin page (its call record): the new call joins there, without navigating again (P §3.4).
    await t.bed.settle();
    expect(panel.simulator.callPage.state.phase).toBe('waiting');
    panel.forceHangUpVoip();
    await t.bed.settle();
    expect(panel.simulator.callPage.state.summary).toBe(true);
    panel.simulator.callPage.closeSummary();
    expect(panel.simulator.callPage.endPageOutcomes.at(-1)).toMatchObject({ kind: 'navigated', url: '/pages/idle/idle' });
  });
});

describe('options of the page and the launch (P §5.6)', () => {
  it('a reminder tapped while the mini program is closed sets the enter options; while it runs, only the onload query changes', async () => {
    const closed = await t.bed.phone({ running: false });
    expect(t.wmpfVoip.getPluginEnterOptions()).toEqual({ path: 'pages/index/index', query: {}, scene: 1001 });
    const panel = await t.bed.device();
    await panel.initByCaller({ ...deviceCallsAlice, customQuery: 'door=front' });
    await t.bed.settle();
    await closed.simulator.callPage.openReminder();
    await t.wmpfVoip.simulator.callPage.openReminder();
    const roomId = closed.simulator.callPage.state.roomId;
    expect(closed.getPluginEnterOptions()).toMatchObject({ query: { roomType: 'video', groupId: roomId, door: 'front' } });
    expect(t.wmpfVoip.getPluginEnterOptions().query).toEqual({});
    expect(t.wmpfVoip.getPluginOnloadOptions()).toEqual({ roomType: 'video', groupId: roomId, door: 'front' });
  });

  it('setUIConfig is recorded and the call started after it carries it; invalid values throw 1004', async () => {
    t.wmpfVoip.setUIConfig({ listenerUI: { cameraRotation: 90 } });
    expect(() => t.wmpfVoip.setUIConfig({ customBoxHeight: '75vh' } as never)).toThrow(expect.objectContaining({ errCode: 1004 }));
    expect(() => t.wmpfVoip.setCustomBtnText(3 as never)).toThrow(expect.objectContaining({ errCode: 1004 }));
    await t.wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH);
    expect(t.wmpfVoip.simulator.callPage.state.uiConfig).toMatchObject({ listenerUI: { cameraRotation: 90 }, handsFree: true });
  });
});
