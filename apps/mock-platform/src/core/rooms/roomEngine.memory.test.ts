/**
 * Issue 19 (10,000 talking rooms under 400 MB): what a talking room holds in the platform core, counted in heap bytes
 * after a full garbage collection, not timed. Two parties with their push channels attached and one room, talking for
 * one minute of platform time (60 `calling` ticks to the phone, a ping and pong every 10 s on both channels). A
 * room that kept what it already sent (pushes after delivery, `calling` ticks on its timeline, timers that were
 * re-armed) grows by kilobytes per minute and fails the bound; the bound is about twice what a room holds today.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CallDeviceRequest, ConnectPartyRequest, type PushMessage, type SeedInput } from '@wxvoip/contracts';
import { expect, it } from 'vitest';
import type { PartyState } from '../parties/partyRegistry.js';
import { PlatformTenant } from '../platformTenant.js';

const ROOMS = 600;
const WARM_UP = 100;
/** Bytes of heap one talking room (its two parties and their channel state included) may hold. */
const BOUND_PER_ROOM = 8 * 1024;

function seedFor(pairs: number): SeedInput {
  const sns = Array.from({ length: pairs }, (_, i) => `SN-${i}`);
  return {
    apps: [
      {
        appId: 'wx-mem',
        secret: 's',
        billing: { durationBalanceSec: null },
        models: [{ modelId: 'm', kind: 'linux', modelType: 'doorbell' }],
        devices: sns.map((sn) => ({ sn, modelId: 'm', kind: 'linux' as const, registered: true })),
        users: sns.map((_, i) => ({ openId: `u-${i}`, nickname: `u-${i}` })),
        licenses: sns.map((sn) => ({ sn, expireTime: 1_893_427_200 })),
      },
    ],
  };
}

function heapUsed(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

it(`a talking room with its two push channels holds less than ${BOUND_PER_ROOM / 1024} KB of heap, however long it talks`, () => {
  const tenant = new PlatformTenant({ seed: seedFor(WARM_UP + ROOMS) });
  // Like a channel: the sink keeps only the seq of the last ping, which the test answers after each clock step.
  const lastPing = new Map<string, number>();
  const connect = (input: unknown): PartyState => {
    const connected = tenant.parties.connect(ConnectPartyRequest.parse(input));
    if (!connected.ok) throw new Error(connected.refusal.rule);
    const { partyId } = connected.value.party;
    tenant.parties.attachChannel(partyId, (message: PushMessage) => {
      if (message.type === 'ping') lastPing.set(partyId, message.seq);
    });
    return connected.value.party;
  };
  const talk = (i: number): void => {
    const phone = connect({ kind: 'wechatPlugin', appId: 'wx-mem', openId: `u-${i}` });
    const device = connect({ kind: 'linuxDevice', appId: 'wx-mem', sn: `SN-${i}`, modelId: 'm' });
    const created = tenant.calls.callDevice(phone, CallDeviceRequest.parse({ roomType: 'voice', sn: `SN-${i}`, modelId: 'm' }));
    if (!created.ok) throw new Error(created.refusal.rule);
    expect(tenant.actions.joinAsCaller(phone, created.value.roomId).ok).toBe(true);
    expect(tenant.actions.linuxListenerJoin(device, { roomId: created.value.roomId, cameraStatus: 0 }).ok).toBe(true);
  };
  const talkFor = (ms: number): void => {
    for (let elapsed = 0; elapsed < ms; elapsed += 10_000) {
      tenant.state.clock.advance(10_000);
      for (const [partyId, seq] of lastPing) tenant.parties.pong(partyId, seq);
    }
  };

  // Warm up (compiled code, the journal filling to its bound) so that the measure counts the rooms alone.
  for (let i = 0; i < WARM_UP; i++) talk(i);
  talkFor(60_000);
  const before = heapUsed();
  for (let i = WARM_UP; i < WARM_UP + ROOMS; i++) talk(i);
  talkFor(60_000);
  const perRoom = (heapUsed() - before) / ROOMS;

  expect(tenant.rooms.activeCount).toBe(WARM_UP + ROOMS);
  expect(perRoom).toBeGreaterThan(0);
  expect(perRoom).toBeLessThan(BOUND_PER_ROOM);
  tenant.shutdown('shutdown');
}, 60_000);
