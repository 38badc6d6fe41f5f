/**
 * The devices page of the example mini program, loaded with miniprogram-simulate (WeChat's WXML compiler, j-component)
 * and driven as a person does: a tap on "Call". The page's own code runs unchanged against the plugin simulator:
 * `requirePlugin('wmpf-voip').default` at module level, `wx.getDeviceVoIPList`, `callDevice`, `onVoipEvent`,
 * `setVoipEndPagePath` and `wx.navigateTo(CALL_PAGE_PATH)`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALL_PAGE_PATH, WX_VOIP_SESSION_TYPE, wxVoipStatusName } from '@wxvoip/contracts';
import { LinuxDevice, WxError, type WebSocketConstructorLike } from '@wxvoip/device-linux';
import type { WmpfVoipModule } from '@wxvoip/plugin';
import { useWmpfVoipTesting, type MiniProgramPage } from '@wxvoip/plugin/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPage, textOf, type RenderedPage } from './loadPage.ts';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll, expect }, { globals: { homePage: 'pages/devices/devices' } });

/** The `wx.request` option the page passes. */
interface RequestOption {
  url: string;
  method?: string;
  data?: unknown;
  success?: (res: { statusCode: number; data: unknown }) => void;
  fail?: (err: { errMsg: string }) => void;
}
type Scope = {
  requirePlugin(name: string): WmpfVoipModule;
  getCurrentPages(): MiniProgramPage[];
  wx: { request(option: RequestOption): void; showToast(option: { title: string; icon?: string }): void; scanCode(option: { success?: (res: { result: string }) => void }): void };
};
const scope = globalThis as unknown as Scope;

// Bound once, at module level, as the page binds it: it must stay this test's plugin across the resets between tests.
const wmpfVoip = scope.requirePlugin('wmpf-voip').default;

/** Opens the devices page and waits for its device list (wx.getDeviceVoIPList answers asynchronously). */
async function openDevicesPage(query: Record<string, string> = {}): Promise<RenderedPage> {
  const page = loadPage('pages/devices/devices', query);
  await t.bed.settle();
  return page;
}

/**
 * Taps the element matching `selector` (failing the test when the page does not render it) and returns once the
 * handler's synchronous part ran: j-component delivers the event a microtask later, as the client does.
 */
async function tap(page: RenderedPage, selector: string): Promise<void> {
  const target = page.querySelector(selector);
  if (target === undefined) throw new Error(`the page renders no ${selector}`);
  target.dispatchEvent('tap');
  await Promise.resolve(); // queued after j-component's delivery: the handler ran up to its first await
}

/**
 * The developer's backend, as the page reaches it through `wx.request`: `POST /sn-tickets` gets an snTicket (here from
 * the control API, as `POST /wxa/getsnticket` would), `POST /calls` relays a roomId to the doorbell, if one is online.
 */
function fakeBackend() {
  const pending = new Set<Promise<void>>();
  const relayed: unknown[] = [];
  let relay: ((roomId: string) => void) | undefined;
  vi.spyOn(scope.wx, 'request').mockImplementation((option) => {
    const path = option.url.replace('https://doorbell.example.com', '');
    const work = (async () => {
      if (option.method === 'POST' && path === '/sn-tickets') {
        const { sn, modelId } = option.data as { sn: string; modelId: string };
        const res = await t.platform.control().issueSnTicket({ params: { appId: 'wx_demo_app' }, body: { sn, modelId } });
        if (res.status === 201) option.success?.({ statusCode: 200, data: { snTicket: res.body.snTicket } });
        else option.fail?.({ errMsg: `request:fail ${res.status}` });
      } else if (option.method === 'POST' && path === '/calls') {
        relayed.push(option.data);
        relay?.((option.data as { roomId: string }).roomId);
        option.success?.({ statusCode: 204, data: '' });
      } else {
        option.fail?.({ errMsg: `request:fail no route ${option.method ?? 'GET'} ${path}` });
      }
    })();
    pending.add(work);
    void work.finally(() => pending.delete(work));
  });
  return {
    relayed,
    relayTo(join: (roomId: string) => void) {
      relay = join;
    },
    /** Waits for the backend's answers and everything they caused. */
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await t.bed.settle();
    },
  };
}

let backend: ReturnType<typeof fakeBackend>;
beforeEach(() => {
  backend = fakeBackend();
});

/** The doorbell SN-LINUX-0001 running the Linux SDK simulator; the backend relays calls' roomIds to it. */
async function onlineDoorbell() {
  const device = new LinuxDevice({
    platformUrl: t.platform.url,
    now: () => t.platform.clock().now(),
    // msw stands in for the global WebSocket class while it listens (the device's default, `ws`, is not intercepted).
    WebSocket: globalThis.WebSocket as unknown as WebSocketConstructorLike,
  });
  await device.init({ data_dir: mkdtempSync(join(tmpdir(), 'doorbell-')), device_id: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', wxa_appid: 'wx_demo_app', wxa_flavor: 1 });
  const ticket = await t.platform.control().issueSnTicket({ params: { appId: 'wx_demo_app' }, body: { sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' } });
  if (ticket.status !== 201) throw new Error(`issueSnTicket answered ${ticket.status}`);
  // The demo seed registered this SN already: the device adopts the registration.
  await device.deviceRegister(ticket.body.snTicket).catch((error: unknown) => {
    if (!(error instanceof WxError && error.errorName === 'ALREADY_EXISTS')) throw error;
  });
  const statuses: string[] = [];
  const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.VIDEO, listener: (status) => void statuses.push(wxVoipStatusName(status)) });
  backend.relayTo((roomId) => void session.listenerJoin(roomId));
  return {
    statuses,
    async stop() {
      session.destroy();
      await device.stop();
    },
  };
}

/** The QR code on a doorbell, as `wx.scanCode` reads it. */
function scans(code: { sn: string; modelId: string; name: string }): void {
  vi.spyOn(scope.wx, 'scanCode').mockImplementation((option) => option.success?.({ result: JSON.stringify(code) }));
}

let doorbell: Awaited<ReturnType<typeof onlineDoorbell>> | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await doorbell?.stop();
  doorbell = undefined;
});

describe('pages/devices', () => {
  it('lists the doorbells the user authorized, each with a call button', async () => {
    const page = await openDevicesPage();
    expect(page.querySelectorAll('.device-name').map((n) => n.dom?.textContent)).toEqual(['Doorbell SN-LINUX-0001', 'Doorbell prototype SN-PROTO-0001']);
    expect(page.querySelectorAll('.call')).toHaveLength(2);
    expect(textOf(page, '.empty')).toBeNull();
  });

  it('a tap calls the doorbell; the Linux device answers; the page shows the call until the phone hangs up', async () => {
    doorbell = await onlineDoorbell();
    const page = await openDevicesPage();
    await tap(page, '#call-SN-LINUX-0001');
    expect(textOf(page, '.status')).toBe('Calling Doorbell SN-LINUX-0001…');

    await t.bed.waitForEvent('startVoip');
    expect(textOf(page, '.status')).toBe('In call');
    expect(backend.relayed).toEqual([{ sn: 'SN-LINUX-0001', roomId: expect.any(String) }]);
    expect(scope.getCurrentPages().map((p) => p.route)).toEqual(['pages/devices/devices', CALL_PAGE_PATH]);

    await t.bed.advance(5_000);
    expect(textOf(page, '.status')).toBe('In call 5 s');

    await t.wmpfVoip.simulator.callPage.hangUp(); // the person taps hang up on the call page
    expect(textOf(page, '.status')).toBe('Call ended after 5 s');
    expect(page.data).toMatchObject({ inCall: false, roomId: '', error: '' });
    expect(doorbell.statuses).toEqual(['TALKING', 'HANGUP_BY_CALLER']);
    expect(t.bed.events()).toMatchVoipSequence([
      'callPageOnShow',
      'joinedRoomByCaller',
      'startVoip',
      { eventName: 'hangUpVoip', data: { status: 'endByCaller', origin: 'manual', keepTime: 5 } },
      'endVoip',
      { eventName: 'finishVoip', data: { keepTime: 5 } },
    ]);

    // "Close" on the summary: the plugin opens the end page the page set with setVoipEndPagePath.
    t.wmpfVoip.simulator.callPage.closeSummary();
    expect(scope.getCurrentPages()).toEqual([{ route: 'pages/devices/devices', options: { from: 'call' } }]);
    expect(t.globals.navigations).toEqual([
      { method: 'navigateTo', url: CALL_PAGE_PATH, by: 'page' },
      { method: 'reLaunch', url: '/pages/devices/devices?from=call', by: 'plugin' },
    ]);
    const endPage = await openDevicesPage({ from: 'call' });
    expect(textOf(endPage, '.status')).toBe('Call ended');
  });

  it('a refused call (an unapproved prototype: errCode 12) is shown on the page, with no navigation', async () => {
    const toast = vi.spyOn(scope.wx, 'showToast');
    const page = await openDevicesPage();
    await tap(page, '#call-SN-PROTO-0001');
    await t.bed.settle();
    expect(textOf(page, '.error')).toMatch(/^Call failed \(12\): /);
    expect(textOf(page, '.status')).toBe('');
    expect(page.data).toMatchObject({ inCall: false });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Call failed', icon: 'error' }));
    expect(t.globals.navigations).toEqual([]);
    expect(t.bed.events()).toEqual([]);
  });

  it('the doorbell declines: the page says so', async () => {
    await t.bed.linuxDevice().rejectNextCall();
    const page = await openDevicesPage();
    await tap(page, '#call-SN-LINUX-0001');
    await t.bed.waitForEvent('endVoip');
    expect(textOf(page, '.status')).toBe('The doorbell declined the call');
    expect(page.data).toMatchObject({ inCall: false });
  });

  it('nobody answers for 60 s: the page shows "No answer"', async () => {
    await t.bed.linuxDevice().ignoreNextCall();
    const page = await openDevicesPage();
    await tap(page, '#call-SN-LINUX-0001');
    await t.bed.waitForEvent('joinedRoomByCaller');
    expect(textOf(page, '.status')).toBe('Ringing…');
    await t.bed.advance(60_000);
    expect(textOf(page, '.status')).toBe('No answer');
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip']);
  });

  it('adding a doorbell: a scan, an snTicket from the backend, wx.requestDeviceVoIP; the list then shows it', async () => {
    scans({ sn: 'SN-LINUX-0002', modelId: 'model-linux-doorbell', name: 'Back door' });
    const page = await openDevicesPage();
    await tap(page, '#add');
    await backend.idle();
    expect(textOf(page, '.status')).toBe('Back door can call you now');
    expect(page.querySelectorAll('.device-name').map((n) => n.dom?.textContent)).toEqual(['Doorbell SN-LINUX-0001', 'Doorbell prototype SN-PROTO-0001', 'Doorbell SN-LINUX-0002']);
  });

  it('adding a doorbell the user already authorized is refused (errCode 10001), shown on the page', async () => {
    scans({ sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', name: 'Front door' });
    const page = await openDevicesPage();
    await tap(page, '#add');
    await backend.idle();
    expect(textOf(page, '.error')).toMatch(/^Could not add Front door \(10001\): requestDeviceVoIP:fail /);
    expect(page.querySelectorAll('.device-name')).toHaveLength(2);
  });

  it("the plugin this file bound at module level is still this test's: forceHangUpVoip cancels the ringing call", async () => {
    const page = await openDevicesPage();
    await tap(page, '#call-SN-LINUX-0001');
    const { roomId } = await t.bed.waitForEvent('joinedRoomByCaller');
    wmpfVoip.forceHangUpVoip(roomId);
    await t.bed.waitForEvent('endVoip');
    expect(textOf(page, '.status')).toBe('Call cancelled');
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', { eventName: 'cancelVoip', data: { status: 'forceFromApp' } }, 'endVoip', 'finishVoip']);
  });
});
