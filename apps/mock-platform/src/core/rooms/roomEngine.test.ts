import type { PushMessage, VoipEvent } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { CallbackDispatcher, type CallbackRequest } from '../callbacks/callbackDispatcher.js';
import { PartyRegistry } from '../parties/partyRegistry.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { CALL_PAGE_NEVER_SHOWN, RoomEngine, type RoomSpec } from './roomEngine.js';

const seed = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [{ modelId: 'm-linux', kind: 'linux' as const, modelType: 'doorbell' }],
      devices: [{ sn: 'SN_1', modelId: 'm-linux', kind: 'linux' as const, registered: true }],
      users: [{ openId: 'o-alice', nickname: 'Alice' }, { openId: 'o-bob', nickname: 'Bob' }],
    },
  ],
};

/** A namespace with an engine, real parties whose channels record what they receive, and 1 s = 1 billed second. */
function setup() {
  const state = createTenantState({ seed });
  const parties = new PartyRegistry(state);
  const callbacks = new CallbackDispatcher(state);
  const sent: CallbackRequest[] = [];
  callbacks.sender = (r) => sent.push(r);
  const engine = new RoomEngine(state, parties, { settle: (_app, _type, ms) => Math.floor(ms / 1000) }, callbacks);
  callbacks.onSettled = (roomId, accepted, detail) => engine.callbackAnswered(roomId, accepted, detail);
  parties.onVanished = (party) => engine.partyVanished(party);
  const inbox = new Map<string, PushMessage[]>();
  const connect = (identity: Parameters<PartyRegistry['connect']>[0]) => {
    const result = parties.connect(identity);
    if (!result.ok) throw new Error(result.refusal.message);
    const messages: PushMessage[] = [];
    inbox.set(result.value.party.partyId, messages);
    parties.attachChannel(result.value.party.partyId, (m) => {
      messages.push(m);
      if (m.type === 'ping') parties.pong(result.value.party.partyId, m.seq);
    });
    return result.value.party;
  };
  const events = (partyId: string) =>
    (inbox.get(partyId) ?? []).filter((m): m is Extract<PushMessage, { type: 'voipEvent' }> => m.type === 'voipEvent').map((m) => m.event);
  const names = (partyId: string) => events(partyId).map((e) => e.eventName).filter((n) => n !== 'calling');
  const statuses = (partyId: string) =>
    (inbox.get(partyId) ?? []).filter((m): m is Extract<PushMessage, { type: 'deviceStatus' }> => m.type === 'deviceStatus').map((m) => m.status);
  const app = state.app('wx-app')!;
  return { state, parties, engine, callbacks, sent, connect, events, names, statuses, inbox, app };
}

type Harness = ReturnType<typeof setup>;

/** Timers that belong to rooms (party pings are not room timers). */
function roomTimers(h: Harness): string[] {
  return h.state.clock.state().timers.map((t) => t.label).filter((label) => label.startsWith('room:'));
}

/** The phone (Alice) calls the Linux device SN_1 with callDevice; the caller joins. */
function phoneCallsLinux(h: Harness, overrides: Partial<RoomSpec> = {}) {
  const phone = h.connect({ kind: 'wechatPlugin', appId: 'wx-app', openId: 'o-alice', envVersion: 'release', pluginVersion: '2.4.6', wechatVersion: '8.0.54' });
  const device = h.connect({ kind: 'linuxDevice', appId: 'wx-app', sn: 'SN_1', modelId: 'm-linux', flavor: 'release' });
  const room = h.engine.create({
    app: h.app,
    entry: 'callDevice',
    roomType: 'video',
    direction: 'phoneToDevice',
    transport: 'linux',
    businessType: null,
    chargeType: 'license',
    caller: { kind: 'user', id: 'o-alice', name: 'Alice', cameraStatus: 0, partyId: phone.partyId },
    listener: { kind: 'device', id: 'SN_1', name: null, cameraStatus: 0 },
    sn: 'SN_1',
    modelId: 'm-linux',
    timeLimitSec: null,
    customQuery: null,
    payload: null,
    envVersion: 'release',
    alert: { kind: 'none' },
    needsCallback: false,
    callerJoinsAtCreate: false,
    ...overrides,
  });
  h.engine.callerJoin(room, phone.partyId);
  return { phone, device, room };
}

/** The Linux device SN_1 calls Alice; her phone is connected and gets the reminder. */
function linuxCallsPhone(h: Harness, overrides: Partial<RoomSpec> = {}) {
  const phone = h.connect({ kind: 'wechatPlugin', appId: 'wx-app', openId: 'o-alice', envVersion: 'release', pluginVersion: '2.4.6', wechatVersion: '8.0.54' });
  const device = h.connect({ kind: 'linuxDevice', appId: 'wx-app', sn: 'SN_1', modelId: 'm-linux', flavor: 'release' });
  const room = h.engine.create({
    app: h.app,
    entry: 'linuxSessionCall',
    roomType: 'voice',
    direction: 'deviceToPhone',
    transport: 'linux',
    businessType: null,
    chargeType: 'license',
    caller: { kind: 'device', id: 'SN_1', name: 'Front door', cameraStatus: 0, partyId: device.partyId },
    listener: { kind: 'user', id: 'o-alice', name: 'Alice', cameraStatus: 0 },
    sn: 'SN_1',
    modelId: 'm-linux',
    timeLimitSec: null,
    customQuery: null,
    payload: null,
    envVersion: 'release',
    alert: { kind: 'wechatReminder', callerName: 'Front door' },
    needsCallback: false,
    callerJoinsAtCreate: true,
    ...overrides,
  });
  return { phone, device, room };
}

describe('RoomEngine: caller side (P §13.2)', () => {
  it('answered, talked 5 s, hung up by the caller: both sides see the documented sequence and 5 billed seconds', () => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h);
    expect(room.state).toBe('ringing');
    h.state.clock.advance(3000);
    h.engine.answer(room, device.partyId, { hangOn: false });
    h.state.clock.advance(5000);
    h.engine.hangUp(room, 'caller', phone.partyId, { origin: 'manual' });
    expect(h.names(phone.partyId)).toEqual(['joinedRoomByCaller', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    const hangUp = h.events(phone.partyId).find((e) => e.eventName === 'hangUpVoip');
    expect(hangUp?.data).toEqual({ keepTime: 5, status: 'endByCaller', origin: 'manual' });
    expect(h.events(phone.partyId).at(-1)).toEqual({ eventName: 'finishVoip', roomId: room.roomId, groupId: room.roomId, data: { keepTime: 5 } });
    expect(h.events(phone.partyId).filter((e) => e.eventName === 'calling').map((e) => (e.data as { keepTime: number }).keepTime)).toEqual([1, 2, 3, 4, 5]);
    expect(h.statuses(device.partyId)).toEqual([2, 5]);
    expect(room.keepTimeSec).toBe(5);
    expect(roomTimers(h)).toEqual([]);
  });

  it.each([
    ['manual', 'manual'],
    ['unloadCallPage', 'unloadCallPage'],
    ['forceFromApp', 'forceFromApp'],
  ] as const)('cancelled before connect (%s): cancelVoip{%s}, endVoip, finishVoip 0', (origin, status) => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h);
    h.engine.hangUp(room, 'caller', phone.partyId, { origin });
    expect(h.names(phone.partyId)).toEqual(['joinedRoomByCaller', 'cancelVoip', 'endVoip', 'finishVoip']);
    expect(h.events(phone.partyId)[1]?.data).toEqual({ status });
    expect(h.events(phone.partyId).at(-1)?.data).toEqual({ keepTime: 0 });
    expect(room.outcome).toBe('cancelled');
    expect(h.statuses(device.partyId)).toEqual([]);
  });

  it('times out after 60 s without an answer: timeout, endVoip, finishVoip; not one millisecond earlier', () => {
    const h = setup();
    const { phone, room } = phoneCallsLinux(h);
    h.state.clock.advance(59_999);
    expect(room.state).toBe('ringing');
    h.state.clock.advance(1);
    expect(room.outcome).toBe('timeout');
    expect(h.names(phone.partyId)).toEqual(['joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip']);
    expect(roomTimers(h)).toEqual([]);
  });

  it('the listener rejects: the caller sees rejectVoip{other}', () => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h);
    h.engine.reject(room, device.partyId, {});
    expect(h.names(phone.partyId)).toEqual(['joinedRoomByCaller', 'rejectVoip', 'endVoip', 'finishVoip']);
    expect(h.events(phone.partyId)[1]?.data).toEqual({ status: 'other' });
    expect(h.statuses(device.partyId)).toEqual([3]);
  });

  it('the listener reports busy: the caller sees busy', () => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h);
    h.engine.reject(room, device.partyId, { busy: true });
    expect(room.outcome).toBe('busy');
    expect(h.names(phone.partyId)).toEqual(['joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip']);
  });

  it('a listener already in a call makes a second caller get busy once it has joined (P §9.3, §13.2: busy is heard while Waiting)', () => {
    const h = setup();
    phoneCallsLinux(h);
    const bob = h.connect({ kind: 'wechatPlugin', appId: 'wx-app', openId: 'o-bob', envVersion: 'release', pluginVersion: '2.4.6', wechatVersion: '8.0.54' });
    const second = h.engine.create({
      ...phoneSpecFor(h, bob.partyId),
    });
    expect([second.state, second.outcome, h.names(bob.partyId)]).toEqual(['created', null, []]);
    h.engine.callerJoin(second, bob.partyId);
    expect(second.outcome).toBe('busy');
    expect(h.names(bob.partyId)).toEqual(['joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip']);
  });

  it('a plugin caller that never shows its call page gets no timeout: the room aborts on its side after callerJoinTimeoutMs [I]', () => {
    const h = setup();
    const phone = h.connect({ kind: 'wechatPlugin', appId: 'wx-app', openId: 'o-bob', envVersion: 'release', pluginVersion: '2.4.6', wechatVersion: '8.0.54' });
    const room = h.engine.create(phoneSpecFor(h, phone.partyId));
    h.state.clock.advance(59_999);
    expect(room.state).not.toBe('ended');
    h.state.clock.advance(1);
    expect(room.outcome).toBe('aborted');
    expect(h.names(phone.partyId)).toEqual(['abortVoip', 'endVoip', 'finishVoip']);
    expect(h.events(phone.partyId)[0]?.data).toEqual({ keepTime: 0, status: 'abortByCaller', error: { errMsg: CALL_PAGE_NEVER_SHOWN } });
  });

  it('talk ends at timeLimit: hangUpVoip{origin timeLimit} on both sides, billed exactly the limit', () => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h, { timeLimitSec: 30 });
    h.engine.answer(room, device.partyId, { hangOn: false });
    h.state.clock.advance(29_999);
    expect(room.state).toBe('talking');
    h.state.clock.advance(1);
    expect(room.outcome).toBe('timeLimit');
    expect(h.events(phone.partyId).find((e) => e.eventName === 'hangUpVoip')?.data).toEqual({ keepTime: 30, status: 'endByCaller', origin: 'timeLimit' });
    expect(room.keepTimeSec).toBe(30);
  });

  it('the listener hangs up while talking: hangUpVoip{endByListener, other} for the caller', () => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h);
    h.engine.answer(room, device.partyId, { hangOn: false });
    h.state.clock.advance(2000);
    h.engine.hangUp(room, 'listener', device.partyId, {});
    expect(h.events(phone.partyId).find((e) => e.eventName === 'hangUpVoip')?.data).toEqual({ keepTime: 2, status: 'endByListener', origin: 'other' });
    expect(h.statuses(device.partyId)).toEqual([2, 6]);
  });

  it('a local failure aborts: abortVoip{abortByCaller} here, abortVoip{unknown, "room status is abort"} there', () => {
    const h = setup();
    const { phone, room } = linuxCallsPhone(h);
    h.engine.answer(room, phone.partyId, { hangOn: true });
    h.engine.abort(room, 'listener', { errMsg: 'call interrupted due to close passive float ball' });
    const aborted = h.events(phone.partyId).find((e) => e.eventName === 'abortVoip');
    expect(aborted?.data).toEqual({ keepTime: 0, status: 'abortByListener', error: { errMsg: 'call interrupted due to close passive float ball' } });
    expect(room.outcome).toBe('aborted');
  });
});

describe('RoomEngine: listener side (P §13.3)', () => {
  it('reminds every phone of the user and answers with hangOnVoip then startVoip; the device sees CALLING then TALKING', () => {
    const h = setup();
    const { phone, device, room } = linuxCallsPhone(h);
    const reminder = h.inbox.get(phone.partyId)!.find((m) => m.type === 'incomingCall');
    expect(reminder).toMatchObject({ roomId: room.roomId, notice: { via: 'wechatReminder', caller: { kind: 'device', id: 'SN_1', name: 'Front door' }, listenerOpenId: 'o-alice' } });
    h.engine.answer(room, phone.partyId, { hangOn: true });
    expect(h.names(phone.partyId)).toEqual(['hangOnVoip', 'startVoip']);
    expect(h.statuses(device.partyId)).toEqual([1, 2]);
  });

  it('the caller cancels while ringing: the ringing phone gets cancelVoip{other}', () => {
    const h = setup();
    const { phone, device, room } = linuxCallsPhone(h);
    h.engine.hangUp(room, 'caller', device.partyId, {});
    expect(h.names(phone.partyId)).toEqual(['cancelVoip', 'endVoip', 'finishVoip']);
    expect(h.events(phone.partyId)[0]?.data).toEqual({ status: 'other' });
    expect(h.statuses(device.partyId)).toEqual([1, 4]);
  });

  it('a listener that joined waits 20 s for a caller that never joins, then aborts with the documented errMsg', () => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h, { callerJoinsAtCreate: false });
    // phoneCallsLinux joined the caller; make a fresh room whose caller never joins.
    h.engine.hangUp(room, 'caller', phone.partyId, {});
    const late = h.engine.create({ ...phoneSpecFor(h, phone.partyId) });
    h.engine.answer(late, device.partyId, { hangOn: false });
    expect(late.state).toBe('connecting');
    h.state.clock.advance(19_999);
    expect(late.state).toBe('connecting');
    h.state.clock.advance(1);
    expect(late.outcome).toBe('aborted');
    const callerAbort = h.events(phone.partyId).filter((e) => e.roomId === late.roomId).find((e) => e.eventName === 'abortVoip');
    expect(callerAbort?.data).toEqual({ keepTime: 0, status: 'unknown', error: { errMsg: 'room status is abort' } });
  });

  it('the caller joining during the 20 s wait starts the talk', () => {
    const h = setup();
    const phone = h.connect({ kind: 'wechatPlugin', appId: 'wx-app', openId: 'o-alice', envVersion: 'release', pluginVersion: '2.4.6', wechatVersion: '8.0.54' });
    const device = h.connect({ kind: 'linuxDevice', appId: 'wx-app', sn: 'SN_1', modelId: 'm-linux', flavor: 'release' });
    const room = h.engine.create(phoneSpecFor(h, phone.partyId));
    h.engine.answer(room, device.partyId, { hangOn: false });
    h.state.clock.advance(10_000);
    h.engine.callerJoin(room, phone.partyId);
    expect(room.state).toBe('talking');
    expect(h.names(phone.partyId)).toEqual(['joinedRoomByCaller', 'startVoip']);
  });

  it('a vanished party aborts its call and the other side is told', () => {
    const h = setup();
    const { phone, device, room } = phoneCallsLinux(h);
    h.engine.answer(room, device.partyId, { hangOn: false });
    h.parties.channelClosed(device.partyId);
    expect(room.outcome).toBe('aborted');
    expect(h.events(phone.partyId).find((e) => e.eventName === 'abortVoip')?.data).toMatchObject({ status: 'unknown' });
  });

  it('a party that stops answering pings vanishes after two missed pongs', () => {
    const h = setup();
    const { phone, room } = phoneCallsLinux(h);
    const silent = h.parties.connect({ kind: 'linuxDevice', appId: 'wx-app', sn: 'SN_1', modelId: 'm-linux', flavor: 'release' });
    if (!silent.ok) throw new Error('connect');
    h.parties.attachChannel(silent.value.party.partyId, () => undefined);
    h.engine.answer(room, silent.value.party.partyId, { hangOn: false });
    // Pings of one jump cannot be answered in between, so one long jump is not silence.
    h.state.clock.advance(h.state.config.pingIntervalMs * 6);
    expect(room.outcome).toBeNull();
    // Three separate turns, each giving the party a chance to answer: two pings go unanswered.
    for (let i = 0; i < 3; i++) h.state.clock.advance(h.state.config.pingIntervalMs);
    expect(room.outcome).toBe('aborted');
    expect(h.parties.get(silent.value.party.partyId)?.active).toBe(false);
    expect(h.names(phone.partyId)).toContain('abortVoip');
  });
});

describe('RoomEngine: cloud callback (D §2.2, §2.5)', () => {
  it('rings only after the developer server answers 0, and cancels on a non-zero errcode', () => {
    const h = setup();
    const accepted = phoneCallsLinux(h, { needsCallback: true, transport: 'cloud', payload: 'p-1' }).room;
    expect(accepted.state).toBe('created');
    expect(h.sent[0]?.event).toMatchObject({ RoomId: accepted.roomId, Payload: 'p-1', Sn: 'SN_1', FromUserName: 'o-alice', Event: 'iot_voip_notify' });
    h.callbacks.reply(h.sent[0]!.deliveryId, { errcode: 0 });
    expect(accepted.state).toBe('ringing');

    const h2 = setup();
    const refused = phoneCallsLinux(h2, { needsCallback: true, transport: 'cloud' });
    h2.callbacks.reply(h2.sent[0]!.deliveryId, { errcode: 40001 });
    expect(refused.room.outcome).toBe('callbackRefused');
    expect(h2.names(refused.phone.partyId)).toEqual(['joinedRoomByCaller', 'rejectVoip', 'endVoip', 'finishVoip']);
  });

  it('rings the phone even when the developer server answers before create returns', () => {
    const h = setup();
    h.callbacks.sender = (request) => h.callbacks.reply(request.deliveryId, { errcode: 0 });
    const { phone, room } = linuxCallsPhone(h, { needsCallback: true, transport: 'cloud' });
    expect(room.state).toBe('ringing');
    expect(h.inbox.get(phone.partyId)!.filter((m) => m.type === 'incomingCall')).toHaveLength(1);
  });

  it('a cloud device calling a user who is in another call: the callback goes out, and the joining vendor cloud hears BUSY', () => {
    const h = setup();
    const alice = phoneCallsLinux(h).phone; // Alice is calling SN_1
    const cloud = h.connect({ kind: 'vendorCloud' });
    const cloudCall = () =>
      linuxCallsPhone(h, {
        entry: 'rtosClientCall',
        transport: 'cloud',
        needsCallback: true,
        callerJoinsAtCreate: false,
        sn: 'SN_2',
        caller: { kind: 'device', id: 'SN_2', name: 'Garden camera', cameraStatus: 0, partyId: null },
      }).room;
    const room = cloudCall();
    expect(h.sent.map((r) => r.roomId)).toEqual([room.roomId]);
    h.callbacks.reply(h.sent[0]!.deliveryId, { errcode: 0 });
    expect(room.outcome).toBeNull();
    h.engine.callerJoin(room, cloud.partyId);
    expect(room.outcome).toBe('busy');
    expect(h.statuses(cloud.partyId)).toEqual([8]);
    // Neither Alice's phones nor her current call heard of it.
    expect((h.inbox.get(alice.partyId) ?? []).filter((m) => 'roomId' in m && m.roomId === room.roomId)).toEqual([]);

    // A vendor cloud that never joins: the ring timeout ends the room.
    const unjoined = cloudCall();
    h.callbacks.reply(h.sent[1]!.deliveryId, { errcode: 0 });
    h.state.clock.advance(60_000);
    expect(unjoined.outcome).toBe('timeout');
  });

  it('retries an unanswered callback 3 times, 5 s apart, then cancels', () => {
    const h = setup();
    const { room } = phoneCallsLinux(h, { needsCallback: true, transport: 'cloud' });
    h.state.clock.advance(15_000);
    expect(h.sent.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(room.state).toBe('created');
    h.state.clock.advance(5_000);
    expect(room.outcome).toBe('callbackRefused');
    expect(h.state.journal.query({ kind: 'callback', limit: 10 }).entries.map((e) => (e.kind === 'callback' ? e.outcome : null))).toEqual(['noReply', 'noReply', 'noReply', 'noReply']);
  });
});

function phoneSpecFor(h: Harness, partyId: string): RoomSpec {
  return {
    app: h.app,
    entry: 'callDevice',
    roomType: 'voice',
    direction: 'phoneToDevice',
    transport: 'linux',
    businessType: null,
    chargeType: 'license',
    caller: { kind: 'user', id: 'o-bob', name: 'Bob', cameraStatus: 0, partyId },
    listener: { kind: 'device', id: 'SN_1', name: null, cameraStatus: 0 },
    sn: 'SN_1',
    modelId: 'm-linux',
    timeLimitSec: null,
    customQuery: null,
    payload: null,
    envVersion: 'release',
    alert: { kind: 'none' },
    needsCallback: false,
    callerJoinsAtCreate: false,
  };
}

export type { VoipEvent };
