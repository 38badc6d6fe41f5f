/**
 * The mini-program globals: requirePlugin, the VoIP and navigation members of wx, getCurrentPages. The plugin is bound
 * at module level, as WeChat's docs tell mini programs to, and must stay right across tests and resets.
 */
import { CALL_PAGE_PATH, type VoipEvent } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WmpfVoipModule } from '../index.js';
import type { MiniProgramPage, MiniProgramWx } from './index.js';
import { parsePageUrl, useWmpfVoipTesting } from './index.js';

type Scope = { requirePlugin(name: string): WmpfVoipModule; getCurrentPages(): MiniProgramPage[]; wx: MiniProgramWx & Record<string, unknown> };
const scope = globalThis as unknown as Scope;

// An existing wx (as miniprogram-simulate installs one) whose own members must survive.
const showModal = () => 'modal';
const ownRedirect = () => 'original redirectTo';
(globalThis as unknown as { wx: Record<string, unknown> }).wx = { showModal, redirectTo: ownRedirect };
const existingWx = scope.wx;

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll, expect }, { globals: { homePage: 'pages/devices/devices' } });

// Module level, before any test: the documented habit.
const wmpfVoip = scope.requirePlugin('wmpf-voip').default;
const seen: string[] = [];
const doorbell = { roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' } as const;

describe('requirePlugin bound at module level', () => {
  let firstPartyId = '';

  it('is the first test’s simulator', async () => {
    firstPartyId = t.wmpfVoip.simulator.partyId;
    wmpfVoip.onVoipEvent((e: VoipEvent) => seen.push(e.eventName));
    const { roomId } = await wmpfVoip.callDevice(doorbell);
    expect(t.platform.tenant().rooms.get(roomId)).toMatchObject({ caller: { id: 'openid-alice' } });
    expect((wmpfVoip as typeof t.wmpfVoip).simulator.partyId).toBe(t.wmpfVoip.simulator.partyId);
  });

  it('is the second test’s simulator after the reset: a fresh plugin (no call in progress, no listener)', async () => {
    expect(t.platform.tenant().rooms.activeCount).toBe(0);
    // The reset closed the first simulator; a stale binding would fail with 1002 (credential refused) or 1005 (busy).
    const { roomId } = await wmpfVoip.callDevice(doorbell);
    expect(t.platform.tenant().rooms.get(roomId)).toMatchObject({ state: 'ringing', caller: { id: 'openid-alice' } });
    expect(Object.keys(wmpfVoip)).toEqual(Object.keys(t.wmpfVoip));
    expect(wmpfVoip.CALL_PAGE_PATH).toBe(CALL_PAGE_PATH);
    expect(t.wmpfVoip.simulator.partyId).toBe(firstPartyId); // same seed, same deterministic id: a new instance all the same
    expect(seen).toEqual([]); // the reset relaunched the mini program: the first test's listener is gone
    expect(() => Object.assign(wmpfVoip, { callDevice: null })).toThrow(/cannot be changed/);
  });
});

describe('wx and getCurrentPages', () => {
  it('merge into the existing wx: its other members stay, and ours are live', () => {
    expect(scope.wx).toBe(existingWx);
    expect(scope.wx['showModal']).toBe(showModal);
    expect(scope.wx.redirectTo).not.toBe(ownRedirect);
    expect(scope.wx.requestDeviceVoIP).toBe(t.globals.wx.requestDeviceVoIP);
  });

  it('are restored by the next reset when a test replaced them', () => {
    scope.wx.navigateTo = () => undefined;
    (globalThis as unknown as { getCurrentPages: unknown }).getCurrentPages = () => [];
  });

  it('(after that reset) are ours again, starting on the home page', () => {
    expect(scope.wx.navigateTo).toBe(t.globals.wx.navigateTo);
    expect(scope.getCurrentPages()).toEqual([{ route: 'pages/devices/devices', options: {} }]);
  });

  it('navigateTo the call page opens it, settled, and puts it on the stack; navigateBack while it rings ends the call', async () => {
    await wmpfVoip.callDevice(doorbell);
    await expect(scope.wx.navigateTo({ url: CALL_PAGE_PATH })).resolves.toEqual({ errMsg: 'navigateTo:ok' });
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller']); // no settle() needed
    expect(scope.getCurrentPages().map((p) => p.route)).toEqual(['pages/devices/devices', CALL_PAGE_PATH]);
    await scope.wx.navigateBack();
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', { eventName: 'cancelVoip', data: { status: 'unloadCallPage' } }, 'endVoip', 'finishVoip']);
    expect(t.globals.navigations).toEqual([
      { method: 'navigateTo', url: CALL_PAGE_PATH, by: 'page' },
      { method: 'navigateBack', url: '/pages/devices/devices', by: 'page' },
    ]);
  });

  it('follow the plugin to the end page set with setVoipEndPagePath when the summary is closed', async () => {
    wmpfVoip.setVoipEndPagePath({ url: '/pages/calls/calls', key: 'Call', options: 'from=call', routeType: 'reLaunch' });
    await t.bed.linuxDevice().answerNextCall();
    await wmpfVoip.callDevice(doorbell);
    scope.wx.redirectTo({ url: CALL_PAGE_PATH, success: () => undefined });
    await t.bed.waitForEvent('startVoip');
    await t.wmpfVoip.simulator.callPage.hangUp();
    t.wmpfVoip.simulator.callPage.closeSummary();
    expect(scope.getCurrentPages()).toEqual([{ route: 'pages/calls/calls', options: { from: 'call' } }]);
    expect(t.globals.navigations.map((n) => `${n.by} ${n.method} ${n.url}`)).toEqual([`page redirectTo ${CALL_PAGE_PATH}`, 'plugin reLaunch /pages/calls/calls?from=call']);
  });

  it('answer with the base library’s failures, through callbacks or a rejected promise', async () => {
    await expect(scope.wx.navigateBack()).rejects.toEqual({ errMsg: 'navigateBack:fail cannot navigate back at first page.' });
    for (let i = 1; i < 10; i += 1) await scope.wx.navigateTo({ url: `/pages/p${i}/p${i}` });
    const results: unknown[] = [];
    scope.wx.navigateTo({ url: '/pages/p10/p10', fail: (r) => results.push(r), complete: (r) => results.push(r) });
    await t.bed.settle();
    expect(results).toEqual([{ errMsg: 'navigateTo:fail webview count limit exceed' }, { errMsg: 'navigateTo:fail webview count limit exceed' }]);
    await expect(scope.wx.switchTab({ url: CALL_PAGE_PATH })).rejects.toEqual({ errMsg: 'switchTab:fail can not switch to a non-tabBar page' });
  });

  it('resolve relative page URLs against the current page', () => {
    expect(parsePageUrl('../call/call?sn=SN-1&x=a%20b', 'pages/devices/devices')).toEqual({ route: 'pages/call/call', options: { sn: 'SN-1', x: 'a b' } });
  });

  it('a requirePlugin of another plugin says which one it provides', () => {
    expect(() => scope.requirePlugin('other-plugin')).toThrow("[wxvoip] requirePlugin('other-plugin'): the test globals provide the plugin declared as 'wmpf-voip' only");
  });
});
