import { CallDeviceRequest, ConnectPartyRequest, LinuxSessionCallBody, type PushMessage, type SeedInput } from '@wxvoip/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartyState } from '../parties/partyRegistry.js';
import { PlatformTenant } from '../platformTenant.js';

const USERS = ['u-0', 'u-1', 'u-2'];
const DEVICES = ['SN-0', 'SN-1', 'SN-2'];

const seed: SeedInput = {
  apps: [
    {
      appId: 'wx-prop',
      secret: 's',
      billing: { durationBalanceSec: null },
      models: [{ modelId: 'm', kind: 'linux', modelType: 'doorbell' }],
      devices: DEVICES.map((sn) => ({ sn, modelId: 'm', kind: 'linux' as const, registered: true })),
      users: USERS.map((openId) => ({ openId, nickname: openId })),
      authorizations: USERS.flatMap((openId) => DEVICES.map((sn) => ({ openId, sn }))),
      licenses: DEVICES.map((sn) => ({ sn, expireTime: 1_893_427_200 })),
    },
  ],
};

type Op =
  | { kind: 'phoneCalls'; user: number; device: number; timeLimit: number | null; join: boolean }
  | { kind: 'deviceCalls'; device: number; user: number }
  | { kind: 'answer'; who: 'phone' | 'device'; index: number }
  | { kind: 'reject'; who: 'phone' | 'device'; index: number }
  | { kind: 'hangUp'; who: 'phone' | 'device'; index: number }
  | { kind: 'abort'; who: 'phone' | 'device'; index: number }
  | { kind: 'vanish'; who: 'phone' | 'device'; index: number }
  | { kind: 'advance'; ms: number };

const who = fc.constantFrom<'phone' | 'device'>('phone', 'device');
const index = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('phoneCalls' as const), user: index, device: index, timeLimit: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }), join: fc.boolean() }),
  fc.record({ kind: fc.constant('deviceCalls' as const), device: index, user: index }),
  fc.record({ kind: fc.constant('answer' as const), who, index }),
  fc.record({ kind: fc.constant('reject' as const), who, index }),
  fc.record({ kind: fc.constant('hangUp' as const), who, index }),
  fc.record({ kind: fc.constant('abort' as const), who, index }),
  fc.record({ kind: fc.constant('vanish' as const), who, index }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 70_000 }) }),
);

/** Runs a sequence of operations against one namespace, with every party recording what it receives. */
function run(ops: Op[]) {
  const tenant = new PlatformTenant({ seed });
  const inbox = new Map<string, PushMessage[]>();
  const connect = (input: unknown): PartyState => {
    const result = tenant.parties.connect(ConnectPartyRequest.parse(input));
    if (!result.ok) throw new Error(result.refusal.message);
    const messages: PushMessage[] = [];
    inbox.set(result.value.party.partyId, messages);
    tenant.parties.attachChannel(result.value.party.partyId, (m) => {
      messages.push(m);
      if (m.type === 'ping') tenant.parties.pong(result.value.party.partyId, m.seq);
    });
    return result.value.party;
  };
  const phones = USERS.map((openId) => connect({ kind: 'wechatPlugin', appId: 'wx-prop', openId }));
  const devices = DEVICES.map((sn) => connect({ kind: 'linuxDevice', appId: 'wx-prop', sn, modelId: 'm' }));
  const busyChecks: { listenerBusy: boolean; outcome: string | null }[] = [];
  const party = (w: 'phone' | 'device', i: number) => (w === 'phone' ? phones[i]! : devices[i]!);
  const roomOf = (p: PartyState) => (p.currentRoomId === null ? undefined : tenant.rooms.get(p.currentRoomId));

  for (const o of ops) {
    switch (o.kind) {
      case 'phoneCalls': {
        const phone = phones[o.user]!;
        const sn = DEVICES[o.device]!;
        const listenerBusy = tenant.rooms.activeRoomOf({ kind: 'device', sn }) !== undefined;
        const request = CallDeviceRequest.parse({ roomType: 'voice', sn, modelId: 'm', ...(o.timeLimit === null ? {} : { timeLimit: o.timeLimit }) });
        const created = tenant.calls.callDevice(phone, request);
        if (created.ok) {
          // Busy is heard in the caller's Waiting state (P §9.3): once the caller has joined.
          if (o.join) tenant.actions.joinAsCaller(phone, created.value.roomId);
          busyChecks.push({ listenerBusy: listenerBusy && o.join, outcome: created.value.outcome });
        }
        break;
      }
      case 'deviceCalls': {
        const device = devices[o.device]!;
        const openId = USERS[o.user]!;
        const listenerBusy = tenant.rooms.activeRoomOf({ kind: 'user', appId: 'wx-prop', openId }) !== undefined;
        const created = tenant.calls.linuxSessionCall(device, LinuxSessionCallBody.parse({ roomType: 'voice', callee: { id: openId } }));
        if (created.ok) busyChecks.push({ listenerBusy, outcome: created.value.outcome });
        break;
      }
      case 'answer': {
        const p = party(o.who, o.index);
        if (o.who === 'phone') {
          const pending = tenant.rooms.list().find((r) => r.state === 'ringing' && r.listener.alerted.includes(p.partyId));
          if (pending) tenant.actions.answer(p, pending.roomId, { autoAnswered: false });
        } else {
          const pending = tenant.rooms.list().find((r) => r.state === 'ringing' && r.sn === DEVICES[o.index] && r.direction === 'phoneToDevice');
          if (pending) tenant.actions.linuxListenerJoin(p, { roomId: pending.roomId, cameraStatus: 0 });
        }
        break;
      }
      case 'reject':
      case 'hangUp':
      case 'abort': {
        const p = party(o.who, o.index);
        const room = roomOf(p) ?? tenant.rooms.list().find((r) => r.state === 'ringing' && r.listener.alerted.includes(p.partyId));
        if (!room) break;
        if (o.kind === 'reject') tenant.actions.reject(p, room.roomId, { origin: 'manual', busy: false });
        else if (o.kind === 'hangUp') tenant.actions.hangUp(p, room.roomId, { origin: 'manual' });
        else tenant.actions.abort(p, room.roomId, { errMsg: 'call interrupted due to native reason', joinFailed: false });
        break;
      }
      case 'vanish':
        tenant.parties.channelClosed(party(o.who, o.index).partyId);
        break;
      case 'advance':
        tenant.state.clock.advance(o.ms);
        break;
    }
  }
  return { tenant, inbox, busyChecks, phones, devices };
}

/** Past every bound a room without a time limit can have: callback retries, 60 s ring, 20 s wait, 90 s limits. */
const BOUND_MS = 10 * 60_000;

describe('room engine properties (random operations over 3 users × 3 devices)', () => {
  it('rooms end, bill talk time, stop talking to finished parties, make second callers busy and leave no timers', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const { tenant, inbox, busyChecks } = run(ops);
        tenant.state.clock.advance(BOUND_MS);

        // Only a talking call without a time limit may outlive the bound; the caller's hang-up ends it.
        for (const room of tenant.rooms.list()) {
          if (room.state === 'ended') continue;
          expect(room.state).toBe('talking');
          expect(room.timeLimitSec).toBeNull();
          const caller = room.caller.partyId === null ? undefined : tenant.parties.get(room.caller.partyId);
          if (caller?.active) tenant.actions.hangUp(caller, room.roomId, { origin: 'manual' });
          else tenant.rooms.end(room, { outcome: 'aborted', cause: 'simulate', detail: 'test cleanup' });
        }

        for (const room of tenant.rooms.list()) {
          expect(room.state).toBe('ended');
          const talkMs = room.talkStartedAt === null ? 0 : room.endedAt! - room.talkStartedAt;
          expect(room.keepTimeSec).toBe(Math.ceil(talkMs / 1000));
          if (room.timeLimitSec !== null) expect(talkMs).toBeLessThanOrEqual(room.timeLimitSec * 1000);
        }

        for (const messages of inbox.values()) {
          const finished = new Set<string>();
          for (const m of messages) {
            if (m.type !== 'voipEvent' || m.roomId === null) continue;
            expect(finished.has(m.roomId)).toBe(false);
            if (m.event.eventName === 'finishVoip') finished.add(m.roomId);
          }
        }

        for (const check of busyChecks) if (check.listenerBusy) expect(check.outcome).toBe('busy');
        // A plugin caller that never joined never reached Waiting, so it hears neither timeout nor busy (P §13.2).
        for (const room of tenant.rooms.list()) {
          if (room.entry === 'callDevice' && room.caller.joinedAt === null) expect(['timeout', 'busy']).not.toContain(room.outcome);
        }

        expect(tenant.state.clock.state().timers.filter((t) => t.label.startsWith('room:'))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
