import {
  buildWmpfCallPagePath,
  wmpfAppTypeOf,
  type RoomSide,
  type VoipEvent,
  type VoipEventName,
  type WxVoipStatus,
  type WxHangupReason,
} from '@wxvoip/contracts';
import type { PartyRegistry, PartyState } from '../parties/partyRegistry.js';
import type { TenantState } from '../tenant/tenantState.js';
import { endOf, type Room } from './room.js';

/** Event data by name, as the contract types it. */
type EventData<N extends VoipEventName> = Extract<VoipEvent, { eventName: N }>['data'];

/**
 * Tells the parties of a room what happened, each in its own vocabulary: plugin instances get `voipEvent`
 * messages (P §7), Linux devices and vendor-cloud sessions get `deviceStatus` (D §1.5, §2.4). Every message is
 * journalled by the party registry and recorded on the room's timeline.
 */
export class RoomNotifier {
  constructor(
    private readonly state: TenantState,
    private readonly parties: PartyRegistry,
  ) {}

  /** Sends a plugin event to one side (its joined party, or every alerted party before anyone answered). */
  event<N extends VoipEventName>(room: Room, side: RoomSide, eventName: N, data?: EventData<N>): void {
    const end = endOf(room, side);
    if (end.finished) return;
    // The 1 s `calling` ticks stay off the timeline, so a long call does not grow its room without bound; and a tick
    // for a side with no plugin (a Linux doorbell's) allocates nothing (issue 19: every talking room ticks).
    const joined = end.partyId === null ? undefined : this.parties.get(end.partyId);
    if (eventName === 'calling' && joined !== undefined && !(joined.active && isPlugin(joined))) return;
    const event = (data === undefined ? { eventName, roomId: room.roomId, groupId: room.roomId } : { eventName, roomId: room.roomId, groupId: room.roomId, data }) as VoipEvent;
    if (eventName !== 'calling') room.timeline.push({ kind: 'event', at: this.state.now(), side, partyId: end.partyId, event });
    if (joined !== undefined) {
      if (joined.active && isPlugin(joined)) this.sendEvent(joined, room, side, event);
      return;
    }
    for (const party of this.targets(room, side)) if (isPlugin(party)) this.sendEvent(party, room, side, event);
  }

  private sendEvent(party: PartyState, room: Room, side: RoomSide, event: VoipEvent): void {
    // With the seq and at that the registry and the journal stamp in place (issue 19).
    this.parties.send(party.partyId, { type: 'voipEvent', roomId: room.roomId, event, seq: 0, at: 0 }, room.roomId);
    this.state.journal.append({ kind: 'event', partyId: party.partyId, roomId: room.roomId, side, eventName: event.eventName, seq: 0, at: 0 });
  }

  /** Sends a device SDK status to one side, if a Linux device or vendor-cloud session acts for it. */
  status(room: Room, side: RoomSide, status: WxVoipStatus, reason: WxHangupReason | null = null): void {
    const end = endOf(room, side);
    if (end.finished) return;
    const targets = this.targets(room, side).filter(isDeviceSession);
    if (targets.length === 0) return;
    room.timeline.push({ kind: 'deviceStatus', at: this.state.now(), side, partyId: end.partyId, status, reason });
    for (const party of targets) this.parties.send(party.partyId, { type: 'deviceStatus', roomId: room.roomId, status, reason }, room.roomId);
  }

  /**
   * Alerts the listener (P §9.1): the strong reminder on every phone of the user, or the WMPF push to the device.
   * A Linux or cloud listener gets nothing from WeChat: the developer relays the roomId.
   * Returns the alerted parties.
   */
  alertListener(room: Room, via: { kind: 'wechatReminder'; callerName: string } | { kind: 'wmpfPush'; pushToken: string; callerName: string } | { kind: 'none' }): string[] {
    if (via.kind === 'none') return [];
    if (via.kind === 'wechatReminder') {
      const phones = this.parties.phonesOf(room.appId, room.listener.id);
      for (const phone of phones) {
        this.parties.send(
          phone.partyId,
          {
            type: 'incomingCall',
            roomId: room.roomId,
            notice: {
              via: 'wechatReminder',
              roomType: room.roomType,
              caller: { kind: room.caller.kind, id: room.caller.id, name: via.callerName },
              listenerOpenId: room.listener.id,
              businessType: room.businessType,
              envVersion: room.envVersion,
              customQuery: room.customQuery,
            },
          },
          room.roomId,
        );
      }
      return phones.map((p) => p.partyId);
    }
    const path = buildWmpfCallPagePath({
      roomType: room.roomType,
      groupId: room.roomId,
      listenerId: room.sn,
      callerName: via.callerName,
      ...(room.customQuery ? { customQuery: room.customQuery } : {}),
    });
    const devices = this.parties.devicesOf(room.appId, room.sn).filter((p) => p.identity.kind === 'wmpfPlugin');
    for (const device of devices) {
      this.parties.send(
        device.partyId,
        {
          type: 'incomingCall',
          roomId: room.roomId,
          notice: { via: 'wmpfPush', pushToken: via.pushToken, message: { path, appType: wmpfAppTypeOf(room.envVersion), appid: room.appId } },
        },
        room.roomId,
      );
    }
    return devices.map((p) => p.partyId);
  }

  private targets(room: Room, side: RoomSide): PartyState[] {
    const end = endOf(room, side);
    const ids = end.partyId !== null ? [end.partyId] : end.alerted;
    return ids.map((id) => this.parties.get(id)).filter((p): p is PartyState => p !== undefined && p.active);
  }
}

function isPlugin(party: PartyState): boolean {
  return party.identity.kind === 'wechatPlugin' || party.identity.kind === 'wmpfPlugin';
}

function isDeviceSession(party: PartyState): boolean {
  return party.identity.kind === 'linuxDevice' || party.identity.kind === 'vendorCloud';
}
