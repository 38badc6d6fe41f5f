import type { RoomDetail, RoomListQuery, RoomSide, RoomSnapshot } from '@wxvoip/contracts';
import type { PlatformTenant } from '../platformTenant.js';
import { endOf, snapshot, type Room } from '../rooms/room.js';

/**
 * A room with everything the control API shows: the snapshot, app, device, the user's openId, the billed seconds
 * once ended, and the timeline in time order. [I] `sessionKey` and `serverToken` are shown for cloud calls only (the
 * only calls whose vendor cloud joins with them, D §2.2); other transports show null.
 */
export function roomDetail(room: Room): RoomDetail {
  const user = room.caller.kind === 'user' ? room.caller : room.listener;
  const cloud = room.transport === 'cloud';
  return {
    ...snapshot(room),
    appId: room.appId,
    sn: room.sn,
    modelId: room.modelId,
    openId: user.id,
    payload: room.payload,
    sessionKey: cloud ? room.sessionKey : null,
    serverToken: cloud ? room.serverToken : null,
    billedSec: room.state === 'ended' ? room.keepTimeSec : null,
    timeline: [...room.timeline],
  };
}

/** The rooms the tenant holds (active and recently ended) that match the query, newest first, at most `limit`. */
export function listRooms(tenant: PlatformTenant, query: RoomListQuery): RoomSnapshot[] {
  const matching = tenant.rooms
    .list()
    .map((room, order) => ({ room, order }))
    .filter(({ room }) => matches(room, query));
  matching.sort((a, b) => b.room.createdAt - a.room.createdAt || b.order - a.order);
  return matching.slice(0, query.limit).map(({ room }) => snapshot(room));
}

/**
 * The parties that act for one side of a room, best first: the party bound to it; else the alerted parties still
 * connected (phones ringing, the WMPF device); else every connected party of that end (the user's phones, or the
 * device's own parties). Empty when nobody of that end is connected.
 */
export function sideParties(tenant: PlatformTenant, room: Room, side: RoomSide): string[] {
  const end = endOf(room, side);
  if (end.partyId !== null) return [end.partyId];
  const alerted = end.alerted.filter((id) => tenant.parties.get(id)?.active === true);
  if (alerted.length > 0) return alerted;
  const connected = end.kind === 'user' ? tenant.parties.phonesOf(room.appId, end.id) : tenant.parties.devicesOf(room.appId, end.id);
  return connected.map((party) => party.partyId);
}

function matches(room: Room, query: RoomListQuery): boolean {
  const user = room.caller.kind === 'user' ? room.caller : room.listener;
  return (
    (query.state === undefined || room.state === query.state) &&
    (query.outcome === undefined || room.outcome === query.outcome) &&
    (query.appId === undefined || room.appId === query.appId) &&
    (query.sn === undefined || room.sn === query.sn) &&
    (query.openId === undefined || user.id === query.openId)
  );
}
