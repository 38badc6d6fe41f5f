import type {
  CallDirection,
  CallTransport,
  CameraStatus,
  ChargeType,
  EnvVersion,
  RoomOutcome,
  RoomSide,
  RoomSnapshot,
  RoomState,
  RoomView,
  TimelineEntry,
} from '@wxvoip/contracts';
import type { TimerHandle } from '../clock/platformClock.js';

/** Where one end of a call is in its own lifecycle (P §13.2, §13.3). */
export type SidePhase = 'created' | 'ringing' | 'joining' | 'waiting' | 'talking' | 'ended';

/** One end of a call. */
export interface RoomEnd {
  readonly kind: 'user' | 'device';
  /** openId for a user, SN for a device. */
  readonly id: string;
  readonly name: string | null;
  cameraStatus: CameraStatus;
  /** The party that acts for this end (set when it joins; a calling plugin or device from the start). */
  partyId: string | null;
  joinedAt: number | null;
  phase: SidePhase;
  /** Parties alerted about the call before one answers (all the user's phones, the WMPF device). */
  alerted: string[];
  /** True once this end received `finishVoip` (or its final status): nothing more is sent to it. */
  finished: boolean;
}

/** A call room in the platform core (D §10.1). */
export interface Room {
  readonly roomId: string;
  readonly appId: string;
  readonly roomType: 'voice' | 'video';
  readonly direction: CallDirection;
  readonly transport: CallTransport;
  readonly businessType: number | null;
  readonly chargeType: ChargeType;
  /** Which API created it (for timelines and billing rules). */
  readonly entry: RoomEntry;
  readonly caller: RoomEnd;
  readonly listener: RoomEnd;
  /** The device's SN and model (every call has exactly one device end). */
  readonly sn: string;
  readonly modelId: string;
  readonly timeLimitSec: number | null;
  readonly customQuery: string | null;
  readonly payload: string | null;
  readonly envVersion: EnvVersion;
  /** Credentials a vendor cloud joins with (cloud transport only). */
  readonly sessionKey: string;
  readonly serverToken: string;
  state: RoomState;
  outcome: RoomOutcome | null;
  readonly createdAt: number;
  ringingAt: number | null;
  answeredAt: number | null;
  talkStartedAt: number | null;
  endedAt: number | null;
  /** Billed talk seconds, set when the room ends. */
  keepTimeSec: number;
  /** Active timers by purpose; all cancelled when the room ends. */
  readonly timers: Map<string, TimerHandle>;
  readonly timeline: TimelineEntry[];
}

/** The API that created a room. */
export type RoomEntry = 'initByCaller' | 'callDevice' | 'callWmpf' | 'linuxSessionCall' | 'rtosClientCall' | 'iotVoipCall';

/** The end of a room on a side. */
export function endOf(room: Room, side: RoomSide): RoomEnd {
  return side === 'caller' ? room.caller : room.listener;
}

/** The other side. */
export function otherSide(side: RoomSide): RoomSide {
  return side === 'caller' ? 'listener' : 'caller';
}

/** The side the device is on. */
export function deviceSide(room: Room): RoomSide {
  return room.direction === 'deviceToPhone' ? 'caller' : 'listener';
}

/** Talk time so far (or until the end) in whole seconds, rounded down. */
export function talkSeconds(room: Room, now: number): number {
  if (room.talkStartedAt === null) return 0;
  return Math.floor(((room.endedAt ?? now) - room.talkStartedAt) / 1000);
}

/** The contract's snapshot of a room. */
export function snapshot(room: Room): RoomSnapshot {
  return {
    roomId: room.roomId,
    roomType: room.roomType,
    state: room.state,
    outcome: room.outcome,
    direction: room.direction,
    transport: room.transport,
    businessType: room.businessType,
    chargeType: room.chargeType,
    caller: member(room.caller),
    listener: member(room.listener),
    timeLimitSec: room.timeLimitSec,
    customQuery: room.customQuery,
    createdAt: room.createdAt,
    ringingAt: room.ringingAt,
    answeredAt: room.answeredAt,
    talkStartedAt: room.talkStartedAt,
    endedAt: room.endedAt,
    keepTimeSec: room.keepTimeSec,
  };
}

/** A party's view of a room: the snapshot and its side. */
export function viewFor(room: Room, side: RoomSide): RoomView {
  // One property added to a fresh snapshot, not a spread copy of its twenty fields (issue 19).
  const view: RoomSnapshot & { side?: RoomSide } = snapshot(room);
  view.side = side;
  return view as RoomView;
}

/** One end of the room as the snapshot shows it. */
function member(end: RoomEnd): RoomSnapshot['caller'] {
  return { kind: end.kind, id: end.id, name: end.name, cameraStatus: end.cameraStatus, partyId: end.partyId, joinedAt: end.joinedAt };
}
