/**
 * The documented event sequences of P §9 and §13, caller side and listener side, driven through the call page as a
 * person uses it, on the platform's manual clock (in-process through msw). The phone calls the WMPF door panel with
 * callWMPF, so both ends are plugin instances and each test asserts both ordered event lists.
 */
import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { endData, listen } from '../../test/helpers/events.js';
import { useWmpfVoipTesting } from '../testing/index.js';
import type { SimulatedWmpfVoip } from './createWmpfVoipSimulator.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });

const NAMES = { callerName: 'Alice', listenerName: 'Lobby panel', businessType: 2 };
const callerEnd = (keepTime: number) => ['endVoip', endData(true, keepTime, NAMES)];
const listenerEnd = (keepTime: number) => ['endVoip', endData(false, keepTime, NAMES)];
const finish = (keepTime: number) => ['finishVoip', { keepTime }];

/** The phone (openid-alice) calls the door panel SN-WMPF-0001 with callWMPF; nobody has acted yet. */
async function phoneCallsPanel(extra: Record<string, unknown> = {}) {
  const phone = t.wmpfVoip;
  const panel = await t.bed.device();
  const { pushToken } = await panel.simulator.wmpf.getPushToken();
  const caller = listen(phone);
  const listener = listen(panel);
  const { roomId } = await phone.callWMPF({ roomType: 'video', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken, nickName: 'Alice', ...extra });
  await t.bed.settle();
  const callerOpensPage = async () => {
    await phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
  };
  const panelLaunchesPush = async (suffix = '') => {
    await panel.simulator.wmpf.launch(`${panel.simulator.wmpf.pushes.at(-1)!.message.path}${suffix}`);
    await t.bed.settle();
  };
  return { phone, panel, roomId, caller, listener, callerOpensPage, panelLaunchesPush };
}

/** Both ends on their call pages, the panel answered, talking for `seconds`. */
async function talking(seconds: number, extra: Record<string, unknown> = {}) {
  const call = await phoneCallsPanel(extra);
  await call.callerOpensPage();
  await call.panelLaunchesPush();
  await call.panel.simulator.callPage.answer();
  await t.bed.settle();
  if (seconds > 0) await t.bed.advance(seconds * 1000);
  return call;
}

const ticks = (n: number) => Array.from({ length: n }, (_, i) => ['calling', { keepTime: i + 1 }]);

function expectRoomIds(plugin: SimulatedWmpfVoip, roomId: string): void {
  for (const event of plugin.simulator.events) {
    if (event.eventName === 'callPageOnShow') expect(event).toEqual({ eventName: 'callPageOnShow' });
    else expect(event).toMatchObject({ roomId, groupId: roomId });
  }
}

describe('answered calls', () => {
  it('answer, talk, the caller hangs up: hangUpVoip endByCaller (manual / other), endVoip, finishVoip with the billed seconds', async () => {
    const call = await talking(2);
    await call.phone.simulator.callPage.hangUp();
    await t.bed.settle();
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['startVoip'], ...ticks(2), ['hangUpVoip', { keepTime: 2, status: 'endByCaller', origin: 'manual' }], callerEnd(2), finish(2)]);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['hangOnVoip'], ['startVoip'], ...ticks(2), ['hangUpVoip', { keepTime: 2, status: 'endByCaller', origin: 'other' }], listenerEnd(2), finish(2)]);
    expectRoomIds(call.phone, call.roomId);
    expectRoomIds(call.panel, call.roomId);
  });

  it('answer, talk, the listener hangs up: hangUpVoip endByListener (other / manual)', async () => {
    const call = await talking(3);
    await call.panel.simulator.callPage.hangUp();
    await t.bed.settle();
    expect(call.caller.seen({ calling: false })).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['startVoip'], ['hangUpVoip', { keepTime: 3, status: 'endByListener', origin: 'other' }], callerEnd(3), finish(3)]);
    expect(call.listener.seen({ calling: false })).toEqual([['callPageOnShow'], ['hangOnVoip'], ['startVoip'], ['hangUpVoip', { keepTime: 3, status: 'endByListener', origin: 'manual' }], listenerEnd(3), finish(3)]);
  });

  it('leaving the call page while talking hangs up with unloadCallPage', async () => {
    const call = await talking(1);
    await call.panel.simulator.callPage.leave();
    await t.bed.settle();
    expect(call.listener.seen().slice(-3)).toEqual([['hangUpVoip', { keepTime: 1, status: 'endByListener', origin: 'unloadCallPage' }], listenerEnd(1), finish(1)]);
    expect(call.caller.seen().slice(-3)).toEqual([['hangUpVoip', { keepTime: 1, status: 'endByListener', origin: 'other' }], callerEnd(1), finish(1)]);
  });

  it('timeLimit: the call ends by itself when the limit is reached, hangUpVoip origin timeLimit on both sides', async () => {
    const call = await talking(0, { timeLimit: 3 });
    await t.bed.advance(5_000);
    const tail = [['hangUpVoip', { keepTime: 3, status: 'endByCaller', origin: 'timeLimit' }]];
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['startVoip'], ...ticks(2), ...tail, callerEnd(3), finish(3)]);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['hangOnVoip'], ['startVoip'], ...ticks(2), ...tail, listenerEnd(3), finish(3)]);
  });

  it('abort while talking: the failing side gets abortVoip with its status and errMsg, the other side status unknown', async () => {
    const call = await talking(2);
    await call.panel.simulator.callPage.interrupt('call interrupted due to close passive float ball');
    await t.bed.settle();
    expect(call.listener.seen().slice(-3)).toEqual([
      ['abortVoip', { keepTime: 2, status: 'abortByListener', error: { errMsg: 'call interrupted due to close passive float ball' } }],
      listenerEnd(2),
      finish(2),
    ]);
    expect(call.caller.seen().slice(-3)).toEqual([['abortVoip', { keepTime: 2, status: 'unknown', error: { errMsg: 'room status is abort' } }], callerEnd(2), finish(2)]);
  });

  it('the caller aborts: abortByCaller on the caller, unknown on the listener', async () => {
    const call = await talking(1);
    await call.phone.simulator.callPage.interrupt();
    await t.bed.settle();
    expect(call.caller.seen().slice(-3)[0]).toEqual(['abortVoip', { keepTime: 1, status: 'abortByCaller', error: { errMsg: 'call interrupted due to native reason' } }]);
    expect(call.listener.seen().slice(-3)[0]).toEqual(['abortVoip', { keepTime: 1, status: 'unknown', error: { errMsg: 'room status is abort' } }]);
  });
});

describe('calls that never connect', () => {
  it('the listener rejects: rejectVoip manual / other, endVoip, finishVoip 0 (only talk is billed)', async () => {
    const call = await phoneCallsPanel();
    await call.callerOpensPage();
    await call.panelLaunchesPush();
    await call.panel.simulator.callPage.reject();
    await t.bed.settle();
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['rejectVoip', { status: 'other' }], callerEnd(0), finish(0)]);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['rejectVoip', { status: 'manual' }], listenerEnd(0), finish(0)]);
  });

  it('the caller cancels while it rings: cancelVoip manual / other', async () => {
    const call = await phoneCallsPanel();
    await call.callerOpensPage();
    await call.panelLaunchesPush();
    await call.phone.simulator.callPage.hangUp();
    await t.bed.settle();
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['cancelVoip', { status: 'manual' }], callerEnd(0), finish(0)]);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['cancelVoip', { status: 'other' }], listenerEnd(0), finish(0)]);
  });

  it('the caller leaves its call page while it rings: cancelVoip unloadCallPage', async () => {
    const call = await phoneCallsPanel();
    await call.callerOpensPage();
    await call.phone.simulator.callPage.leave();
    await t.bed.settle();
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['cancelVoip', { status: 'unloadCallPage' }], callerEnd(0), finish(0)]);
  });

  it('60 s without an answer: timeout on the caller, cancelVoip other on a listener whose page rings', async () => {
    const call = await phoneCallsPanel();
    await call.callerOpensPage();
    await call.panelLaunchesPush();
    await t.bed.advance(59_000);
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller']]);
    await t.bed.advance(1_000);
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['timeout'], callerEnd(0), finish(0)]);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['cancelVoip', { status: 'other' }], listenerEnd(0), finish(0)]);
  });

  it('20 s listener wait: the listener answers, the caller never joins, abortVoip listener waitOtherToJoin timeout', async () => {
    const call = await phoneCallsPanel();
    await call.panelLaunchesPush();
    await call.panel.simulator.callPage.answer();
    await t.bed.settle();
    expect(call.panel.simulator.callPage.state.phase).toBe('waiting');
    await t.bed.advance(19_000);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['hangOnVoip']]);
    await t.bed.advance(1_000);
    expect(call.listener.seen()).toEqual([
      ['callPageOnShow'],
      ['hangOnVoip'],
      ['abortVoip', { keepTime: 0, status: 'abortByListener', error: { errMsg: 'listener waitOtherToJoin timeout' } }],
      listenerEnd(0),
      finish(0),
    ]);
    expect(call.caller.seen()).toEqual([['abortVoip', { keepTime: 0, status: 'unknown', error: { errMsg: 'room status is abort' } }], callerEnd(0), finish(0)]);
  });

  it('the caller joins within the 20 s wait: the call starts', async () => {
    const call = await phoneCallsPanel();
    await call.panelLaunchesPush();
    await call.panel.simulator.callPage.answer();
    await t.bed.advance(5_000);
    await call.callerOpensPage();
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['startVoip']]);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['hangOnVoip'], ['startVoip']]);
  });

  it('busy: a second phone calling the panel during a call gets busy, endVoip, finishVoip; the busy panel sees nothing', async () => {
    const call = await talking(1);
    const carol = await t.bed.phone({ openId: 'openid-carol' });
    const carolEvents = listen(carol);
    const { pushToken } = await call.panel.simulator.wmpf.getPushToken();
    const { roomId } = await carol.callWMPF({ roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken, nickName: 'Carol' });
    await t.bed.settle();
    expect(carolEvents.seen()).toEqual([]);
    await carol.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    expect(carolEvents.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['busy'], ['endVoip', endData(true, 0, { callerName: 'Carol', listenerName: 'Lobby panel', businessType: 2, roomType: 'voice' })], finish(0)]);
    expect(carolEvents.all.every((e) => e.eventName === 'callPageOnShow' || e.roomId === roomId)).toBe(true);
    expect(call.panel.simulator.wmpf.pushes).toHaveLength(1);
    expect(call.panel.simulator.events.some((e) => e.roomId === roomId)).toBe(false);
  });

  it('a listener device reporting busy (Linux callDevice) gives the caller busy, endVoip, finishVoip', async () => {
    const { connectLinuxDevice } = await import('../../test/helpers/linuxDevice.js');
    const doorbell = await connectLinuxDevice(t.platform.url);
    const caller = listen(t.wmpfVoip);
    const { roomId } = await t.wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    expect((await doorbell.refuse(roomId, { busy: true })).errcode).toBe(0);
    await t.bed.settle();
    expect(caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['busy'], ['endVoip', endData(true, 0, { callerName: 'Alice', listenerName: 'Front door', businessType: 2 })], finish(0)]);
  });

  it('the caller fails to join: joinFailCaller with the catalogue message, then endVoip', async () => {
    const call = await phoneCallsPanel();
    await call.phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await call.phone.simulator.callPage.failJoin(2007);
    await t.bed.settle();
    const message = 'join failed: could not open the audio/video device';
    expect(call.caller.seen().filter(([name]) => name !== 'joinedRoomByCaller')).toEqual([['callPageOnShow'], ['joinFailCaller', { errMsg: message, message }], callerEnd(0), finish(0)]);
  });
});

describe('forceHangUpVoip in each phase (P §5.1)', () => {
  it('caller before it joined: cancelVoip forceFromApp', async () => {
    const call = await phoneCallsPanel();
    call.phone.forceHangUpVoip();
    await t.bed.settle();
    expect(call.caller.seen()).toEqual([['cancelVoip', { status: 'forceFromApp' }], callerEnd(0), finish(0)]);
  });

  it('caller waiting for the answer: cancelVoip forceFromApp; the ringing listener gets cancelVoip other', async () => {
    const call = await phoneCallsPanel();
    await call.callerOpensPage();
    await call.panelLaunchesPush();
    call.phone.forceHangUpVoip(call.roomId);
    await t.bed.settle();
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['cancelVoip', { status: 'forceFromApp' }], callerEnd(0), finish(0)]);
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['cancelVoip', { status: 'other' }], listenerEnd(0), finish(0)]);
  });

  it('listener ringing on its page: rejectVoip forceFromApp; the caller gets rejectVoip other', async () => {
    const call = await phoneCallsPanel();
    await call.callerOpensPage();
    await call.panelLaunchesPush();
    call.panel.forceHangUpVoip();
    await t.bed.settle();
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['rejectVoip', { status: 'forceFromApp' }], listenerEnd(0), finish(0)]);
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['rejectVoip', { status: 'other' }], callerEnd(0), finish(0)]);
  });

  it('listener waiting for the caller: rejectVoip forceFromApp', async () => {
    const call = await phoneCallsPanel();
    await call.panelLaunchesPush();
    await call.panel.simulator.callPage.answer();
    await t.bed.settle();
    call.panel.forceHangUpVoip(call.roomId);
    await t.bed.settle();
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['hangOnVoip'], ['rejectVoip', { status: 'forceFromApp' }], listenerEnd(0), finish(0)]);
  });

  it('talking, caller side: hangUpVoip endByCaller forceFromApp; the listener sees origin other', async () => {
    const call = await talking(2);
    call.phone.forceHangUpVoip(call.roomId);
    await t.bed.settle();
    expect(call.caller.seen().slice(-3)).toEqual([['hangUpVoip', { keepTime: 2, status: 'endByCaller', origin: 'forceFromApp' }], callerEnd(2), finish(2)]);
    expect(call.listener.seen().slice(-3)).toEqual([['hangUpVoip', { keepTime: 2, status: 'endByCaller', origin: 'other' }], listenerEnd(2), finish(2)]);
  });

  it('talking, listener side: hangUpVoip endByListener forceFromApp; the caller sees origin other', async () => {
    const call = await talking(1);
    call.panel.forceHangUpVoip();
    await t.bed.settle();
    expect(call.listener.seen().slice(-3)).toEqual([['hangUpVoip', { keepTime: 1, status: 'endByListener', origin: 'forceFromApp' }], listenerEnd(1), finish(1)]);
    expect(call.caller.seen().slice(-3)).toEqual([['hangUpVoip', { keepTime: 1, status: 'endByListener', origin: 'other' }], callerEnd(1), finish(1)]);
  });

  it('a roomId that is not the current call is ignored (P §12.15), and so is a call with no call in progress', async () => {
    t.wmpfVoip.forceHangUpVoip();
    const call = await talking(1);
    call.phone.forceHangUpVoip('some-other-room');
    await t.bed.advance(1_000);
    expect(call.phone.simulator.callPage.state.phase).toBe('talking');
    expect(call.caller.seen().at(-1)).toEqual(['calling', { keepTime: 2 }]);
  });
});

describe('a device calls the phone (initByCaller businessType 1): the phone is the listener', () => {
  async function panelCallsAlice() {
    const panel = await t.bed.device();
    const phone = t.wmpfVoip;
    const caller = listen(panel);
    const listener = listen(phone);
    const result = await panel.initByCaller({ roomType: 'voice', businessType: 1, caller: { id: 'SN-WMPF-0001' }, listener: { id: 'openid-alice' }, customQuery: 'visit=42' });
    expect(result).toMatchObject({ isSuccess: true });
    await panel.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    return { panel, phone, caller, listener, roomId: result.isSuccess ? result.roomId : '' };
  }
  const names = { callerName: 'Lobby panel door-panel', listenerName: 'Alice', businessType: 1, roomType: 'voice' as const };

  it('the phone gets the reminder, opens it, answers, and hangs up', async () => {
    const call = await panelCallsAlice();
    expect(call.phone.simulator.reminders.map((r) => r.roomId)).toEqual([call.roomId]);
    expect(call.listener.seen()).toEqual([]);
    await call.phone.simulator.callPage.answer();
    await t.bed.advance(2_000);
    await call.phone.simulator.callPage.hangUp();
    await t.bed.settle();
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['hangOnVoip'], ['startVoip'], ...ticks(2), ['hangUpVoip', { keepTime: 2, status: 'endByListener', origin: 'manual' }], ['endVoip', endData(false, 2, names)], finish(2)]);
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['startVoip'], ...ticks(2), ['hangUpVoip', { keepTime: 2, status: 'endByListener', origin: 'other' }], ['endVoip', endData(true, 2, names)], finish(2)]);
    expect(call.phone.getPluginOnloadOptions()).toEqual({ roomType: 'voice', groupId: call.roomId, visit: '42' });
  });

  it('the phone rejects from its call page: rejectVoip manual; the device gets rejectVoip other', async () => {
    const call = await panelCallsAlice();
    await call.phone.simulator.callPage.openReminder();
    await call.phone.simulator.callPage.reject();
    await t.bed.settle();
    expect(call.listener.seen()).toEqual([['callPageOnShow'], ['rejectVoip', { status: 'manual' }], ['endVoip', endData(false, 0, names)], finish(0)]);
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['rejectVoip', { status: 'other' }], ['endVoip', endData(true, 0, names)], finish(0)]);
  });

  it('a reminder nobody taps: the device times out after 60 s, the phone plugin hears nothing', async () => {
    const call = await panelCallsAlice();
    await t.bed.advance(60_000);
    expect(call.caller.seen()).toEqual([['callPageOnShow'], ['joinedRoomByCaller'], ['timeout'], ['endVoip', endData(true, 0, names)], finish(0)]);
    expect(call.listener.seen()).toEqual([]);
    await expect(call.phone.simulator.callPage.openReminder()).rejects.toThrow(/no incoming-call reminder/);
  });
});

describe('issue 17: what the caller sees before and without its call page', () => {
  it('busy comes after the caller showed the call page and joined (P §9.3, §13.2): Carol calls the doorbell Alice is talking to', async () => {
    const { connectLinuxDevice } = await import('../../test/helpers/linuxDevice.js');
    const doorbell = await connectLinuxDevice(t.platform.url);
    const { roomId } = await t.wmpfVoip.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    expect((await doorbell.join(roomId)).errcode).toBe(0);
    await t.bed.settle();
    const carol = await t.bed.phone({ openId: 'openid-carol' });
    const carolEvents = listen(carol);
    await carol.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await t.bed.settle();
    expect(carolEvents.seen()).toEqual([]);
    await carol.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.bed.settle();
    expect(carolEvents.seen().map(([name]) => name)).toEqual(['callPageOnShow', 'joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip']);
  });

  it('a callDevice whose call page is never shown gets no timeout: abortVoip abortByCaller after 60 s [I] (ADR 0021)', async () => {
    const caller = listen(t.wmpfVoip);
    await t.wmpfVoip.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await t.bed.advance(60_000);
    expect(caller.seen()).toEqual([
      ['abortVoip', { keepTime: 0, status: 'abortByCaller', error: { errMsg: 'caller never joined: the call page was not shown' } }],
      ['endVoip', endData(true, 0, { callerName: 'Alice', listenerName: 'Front door', businessType: 2, roomType: 'voice' })],
      finish(0),
    ]);
  });

  it('the deviceName passed to callDevice is the listener name WeChat shows (P §4.2, plugin 2.4.1)', async () => {
    const caller = listen(t.wmpfVoip);
    await t.wmpfVoip.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', deviceName: 'MyDoorbellX' });
    await t.wmpfVoip.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await t.wmpfVoip.simulator.callPage.hangUp();
    await t.bed.settle();
    expect(caller.seen().find(([name]) => name === 'endVoip')).toEqual(['endVoip', endData(true, 0, { callerName: 'Alice', listenerName: 'MyDoorbellX', businessType: 2, roomType: 'voice' })]);
  });
});
