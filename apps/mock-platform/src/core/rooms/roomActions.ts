import type {
  AbortRoomBody,
  AnswerRoomBody,
  CloudCallJoinBody,
  CloudListenerHangupBody,
  CloudSessionJoinBody,
  HangUpRoomBody,
  LinuxListenerHangupBody,
  LinuxListenerJoinBody,
  RejectRoomBody,
  RoomSide,
  RtosClientJoinBody,
} from '@wxvoip/contracts';
import type { PartyState } from '../parties/partyRegistry.js';
import { accept, refuse, type Outcome } from '../refusal.js';
import { deviceSide, endOf, type Room } from './room.js';
import type { RoomEngine } from './roomEngine.js';

/** A room and the side the acting party is on. */
export interface RoomAndSide {
  readonly room: Room;
  readonly side: RoomSide;
}

/**
 * What parties do to rooms that exist: join, answer, reject, hang up, abort, and the device SDKs' joins and
 * pre-session refusals. Each checks that the room exists and that the party belongs to it (backend 1 otherwise),
 * then hands the transition to the {@link RoomEngine}.
 */
export class RoomActions {
  constructor(private readonly rooms: RoomEngine) {}

  /** The room a party acts in, and its side: 1 (bad roomId) when unknown or not the party's. */
  locate(party: PartyState, roomId: string): Outcome<RoomAndSide> {
    const room = this.rooms.get(roomId);
    if (!room || (party.identity.kind !== 'vendorCloud' && party.identity.appId !== room.appId)) {
      return refuse('ROOM_ID_INVALID', 'notFound', `room ${roomId} does not exist in this namespace (or belongs to another mini program)`);
    }
    const side = this.rooms.sideOf(room, party);
    if (side === undefined) return refuse('ROOM_ID_INVALID', 'notFound', `this party is not a member of room ${roomId}`);
    return accept({ room, side });
  }

  /** The caller joins (`joinedRoomByCaller`). */
  joinAsCaller(party: PartyState, roomId: string): Outcome<RoomAndSide> {
    const found = this.locate(party, roomId);
    if (!found.ok) return found;
    if (found.value.side !== 'caller') return refuse('ROOM_ID_INVALID', 'state', 'only the caller joins with joinRoomAsCaller; the listener answers');
    return this.then(found.value, this.rooms.callerJoin(found.value.room, party.partyId));
  }

  /** A plugin listener answers (`hangOnVoip`, then talk or the 20 s wait). */
  answer(party: PartyState, roomId: string, body: AnswerRoomBody): Outcome<RoomAndSide> {
    const found = this.locate(party, roomId);
    if (!found.ok) return found;
    if (found.value.side !== 'listener') return refuse('ROOM_ID_INVALID', 'state', 'only the listener can answer a call');
    return this.then(found.value, this.rooms.answer(found.value.room, party.partyId, { ...(body.cameraStatus === undefined ? {} : { cameraStatus: body.cameraStatus }), hangOn: true }));
  }

  /** A listener refuses before talking (or reports busy). */
  reject(party: PartyState, roomId: string, body: RejectRoomBody): Outcome<RoomAndSide> {
    const found = this.locate(party, roomId);
    if (!found.ok) return found;
    if (found.value.side !== 'listener') return refuse('ROOM_ID_INVALID', 'state', 'only the listener can reject; the caller hangs up (cancel)');
    return this.then(found.value, this.rooms.reject(found.value.room, party.partyId, { origin: body.origin, busy: body.busy, ...(body.reason === undefined ? {} : { reason: body.reason }) }));
  }

  /** Either side ends the call (cancel, reject or hang up, by phase). */
  hangUp(party: PartyState, roomId: string, body: HangUpRoomBody): Outcome<RoomAndSide> {
    const found = this.locate(party, roomId);
    if (!found.ok) return found;
    return this.then(found.value, this.rooms.hangUp(found.value.room, found.value.side, party.partyId, { origin: body.origin, ...(body.reason === undefined ? {} : { reason: body.reason }) }));
  }

  /** This side failed locally (or failed to join). */
  abort(party: PartyState, roomId: string, body: AbortRoomBody): Outcome<RoomAndSide> {
    const found = this.locate(party, roomId);
    if (!found.ok) return found;
    return this.then(found.value, this.rooms.abort(found.value.room, found.value.side, { errMsg: body.errMsg, joinFailed: body.joinFailed }));
  }

  /** `forceHangUpVoip(roomId?)` (P §5.1): ends the party's current call; a non-matching roomId is ignored. */
  forceHangUp(party: PartyState, roomId: string | undefined): { ended: boolean; roomId: string | null } {
    const current = party.currentRoomId === null ? undefined : this.rooms.get(party.currentRoomId);
    if (!current || current.state === 'ended' || (roomId !== undefined && roomId !== current.roomId)) return { ended: false, roomId: null };
    const side = this.rooms.sideOf(current, party);
    if (side === undefined) return { ended: false, roomId: null };
    this.rooms.hangUp(current, side, party.partyId, { origin: 'forceFromApp' });
    return { ended: true, roomId: current.roomId };
  }

  /** `wx_voip_listener_join(session, roomId)`: a Linux device answers a `callDevice` (D §1.2). */
  linuxListenerJoin(party: PartyState, body: LinuxListenerJoinBody): Outcome<RoomAndSide> {
    const found = this.deviceRoom(party, body.roomId);
    if (!found.ok) return found;
    return this.then(found.value, this.rooms.answer(found.value.room, party.partyId, { cameraStatus: body.cameraStatus, hangOn: false }));
  }

  /** `wx_voip_listener_hangup(roomId, reason)`: a Linux device refuses, or reports busy, without a session. */
  linuxListenerHangup(party: PartyState, body: LinuxListenerHangupBody): Outcome<RoomAndSide> {
    const found = this.deviceRoom(party, body.roomId);
    if (!found.ok) return found;
    const { room } = found.value;
    // The platform already ended this call busy (the device was in another call, P §9.4): the device's own busy
    // report agrees with it, so it is answered as done rather than refused with 1 [I].
    if (body.busy && room.state === 'ended' && room.outcome === 'busy') return accept(found.value);
    return this.then(found.value, this.rooms.reject(room, party.partyId, { busy: body.busy, reason: body.reason }));
  }

  /** `wx_cloudvoip_client_join(roomid, payload)`: the RTOS device accepts a phone call (D §2.1, §9.2). */
  rtosClientJoin(party: PartyState, body: RtosClientJoinBody): Outcome<RoomAndSide> {
    const found = this.deviceRoom(party, body.roomId);
    if (!found.ok) return found;
    return this.then(found.value, this.rooms.answer(found.value.room, party.partyId, { hangOn: false }));
  }

  /** Server SDK `wx_cloudvoip_session_join`: the vendor cloud joins a call its RTOS device placed (D §2.2). */
  cloudSessionJoin(party: PartyState, body: CloudSessionJoinBody): Outcome<RoomAndSide> {
    const room = this.rooms.byServerToken(body.serverToken);
    if (!room || room.appId !== body.appId || room.sn !== body.sn || room.modelId !== body.modelId) {
      return refuse('WXERROR_INVALID_ARGUMENT', 'notFound', 'no call matches this serverToken with this appId, sn and modelId; take them from the iot_voip_notify callback');
    }
    if (room.direction !== 'deviceToPhone') return refuse('WXERROR_INVALID_ARGUMENT', 'state', 'this call was placed by the phone: answer it with cloud_call_join');
    return this.then({ room, side: 'caller' }, this.rooms.callerJoin(room, party.partyId));
  }

  /** Server SDK `wx_cloudvoip_session_cloud_call_join`: the vendor cloud answers a phone→RTOS call or joins an `iot/voip/call` room. */
  cloudCallJoin(party: PartyState, body: CloudCallJoinBody): Outcome<RoomAndSide> {
    const room = this.rooms.get(body.roomId);
    if (!room || room.appId !== body.appId || room.serverToken !== body.serverToken || room.sessionKey !== body.sessionKey) {
      return refuse('WXERROR_INVALID_ARGUMENT', 'notFound', 'roomId, serverToken and sessionKey must be those of one iot_voip_notify callback of this appId');
    }
    const side = deviceSide(room);
    const joined = side === 'caller' ? this.rooms.callerJoin(room, party.partyId) : this.rooms.answer(room, party.partyId, { hangOn: false });
    return this.then({ room, side }, joined);
  }

  /** Server SDK `wx_cloudvoip_listener_hangup`: the vendor cloud refuses or reports busy as the callee. */
  cloudListenerHangup(party: PartyState, body: CloudListenerHangupBody): Outcome<RoomAndSide> {
    const room = this.rooms.byServerToken(body.serverToken);
    if (!room || room.appId !== body.appId || room.sn !== body.sn || room.modelId !== body.modelId || room.direction !== 'phoneToDevice') {
      return refuse('WXERROR_INVALID_ARGUMENT', 'notFound', 'no phone→device call matches this serverToken, appId, sn and modelId');
    }
    return this.then({ room, side: 'listener' }, this.rooms.reject(room, party.partyId, { busy: body.busy, reason: body.reason }));
  }

  /** The room of a device party's own SN, on the device's side. */
  private deviceRoom(party: PartyState, roomId: string): Outcome<RoomAndSide> {
    const found = this.locate(party, roomId);
    if (!found.ok) return found;
    if (found.value.side !== 'listener' || endOf(found.value.room, 'listener').kind !== 'device') {
      return refuse('ROOM_ID_INVALID', 'state', `room ${roomId} is not a call to this device`);
    }
    return found;
  }

  private then(found: RoomAndSide, outcome: Outcome<Room>): Outcome<RoomAndSide> {
    return outcome.ok ? accept(found) : outcome;
  }
}
