/**
 * What a talking room holds in the platform core, in heap bytes after a full GC (issue 19), measured in a process of
 * its own so that nothing else's garbage or compiled code moves the count. Used by `roomEngine.memory.test.ts`:
 * `node --expose-gc --conditions=@wxvoip/source --import tsx test/support/talkingRoomHeap.ts ROOMS` prints
 * `{"perRoom": bytes, "active": rooms}`.
 */
import { pathToFileURL } from 'node:url';
import { CallDeviceRequest, ConnectPartyRequest, type PushMessage } from '@wxvoip/contracts';
import type { PartyState } from '../../src/core/parties/partyRegistry.js';
import { PlatformTenant } from '../../src/core/platformTenant.js';
import { doorbellSeed } from './doorbellSeed.js';

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap bytes per talking room: `rooms` phone → doorbell calls, each with both parties' channels attached, talking for
 * one minute of platform time (60 `calling` ticks to the phone, pings every 10 s answered on both channels), after
 * `warmUp` rooms did the same (compiled code, the journal filled to its bound).
 */
export function talkingRoomHeap(rooms: number, warmUp = 100): { perRoom: number; active: number } {
  const tenant = new PlatformTenant({ seed: doorbellSeed('wx-mem', warmUp + rooms) });
  // Like a channel: the sink keeps only the seq of the last ping, which is answered after each clock step.
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
    if (!tenant.actions.joinAsCaller(phone, created.value.roomId).ok) throw new Error('joinAsCaller refused');
    if (!tenant.actions.linuxListenerJoin(device, { roomId: created.value.roomId, cameraStatus: 0 }).ok) throw new Error('linuxListenerJoin refused');
  };
  const talkFor = (ms: number): void => {
    for (let elapsed = 0; elapsed < ms; elapsed += 10_000) {
      tenant.state.clock.advance(10_000);
      for (const [partyId, seq] of lastPing) tenant.parties.pong(partyId, seq);
    }
  };

  for (let i = 0; i < warmUp; i++) talk(i);
  talkFor(60_000);
  const before = heapUsed();
  for (let i = warmUp; i < warmUp + rooms; i++) talk(i);
  talkFor(60_000);
  const perRoom = (heapUsed() - before) / rooms;
  const active = tenant.rooms.activeCount;
  tenant.shutdown('shutdown');
  return { perRoom, active };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(talkingRoomHeap(Number(process.argv[2] ?? 600)))}\n`);
}
