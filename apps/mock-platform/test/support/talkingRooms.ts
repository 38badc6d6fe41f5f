import { CallDeviceRequest, ConnectPartyRequest, type PushMessage } from '@wxvoip/contracts';
import type { PartyState } from '../../src/core/parties/partyRegistry.js';
import { PlatformTenant } from '../../src/core/platformTenant.js';
import { doorbellSeed } from './doorbellSeed.js';

/** A tenant whose phone → doorbell calls talk, for the per-room measurements (talkingRoomHeap, talkingRoomChurn). */
export interface TalkingRooms {
  readonly tenant: PlatformTenant;
  /** Places call `i` (phone `u-i` → doorbell `SN-i`) with both parties' channels attached, and has both join: talking. */
  talk(i: number): void;
  /** Answers the last ping each channel got, as a live channel does. */
  answerPings(): void;
}

/**
 * A tenant seeded with `doorbells` doorbells of `appId`, whose channels behave like live ones: each sink keeps only the
 * seq of the last ping (answered by {@link TalkingRooms.answerPings}) and calls `onPush` for every message.
 *
 * @example
 * const rooms = talkingRooms('wx-mem', 700);
 * rooms.talk(0);
 */
export function talkingRooms(appId: string, doorbells: number, onPush: (message: PushMessage) => void = () => undefined): TalkingRooms {
  const tenant = new PlatformTenant({ seed: doorbellSeed(appId, doorbells) });
  const lastPing = new Map<string, number>();
  const connect = (input: unknown): PartyState => {
    const connected = tenant.parties.connect(ConnectPartyRequest.parse(input));
    if (!connected.ok) throw new Error(connected.refusal.rule);
    const { partyId } = connected.value.party;
    tenant.parties.attachChannel(partyId, (message: PushMessage) => {
      onPush(message);
      if (message.type === 'ping') lastPing.set(partyId, message.seq);
    });
    return connected.value.party;
  };
  return {
    tenant,
    talk: (i) => {
      const phone = connect({ kind: 'wechatPlugin', appId, openId: `u-${i}` });
      const device = connect({ kind: 'linuxDevice', appId, sn: `SN-${i}`, modelId: 'm' });
      const created = tenant.calls.callDevice(phone, CallDeviceRequest.parse({ roomType: 'voice', sn: `SN-${i}`, modelId: 'm' }));
      if (!created.ok) throw new Error(created.refusal.rule);
      if (!tenant.actions.joinAsCaller(phone, created.value.roomId).ok) throw new Error('joinAsCaller refused');
      if (!tenant.actions.linuxListenerJoin(device, { roomId: created.value.roomId, cameraStatus: 0 }).ok) throw new Error('linuxListenerJoin refused');
    },
    answerPings: () => {
      for (const [partyId, seq] of lastPing) tenant.parties.pong(partyId, seq);
    },
  };
}
