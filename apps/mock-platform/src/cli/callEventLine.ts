import type { Room } from '../core/rooms/room.js';
import type { RoomStateEntry } from '../core/rooms/roomEngine.js';

/** A call event as the CLI logs it: the line people read, and the fields a JSON log keeps. */
export interface CallEvent {
  /** One line: `call <roomId> ringing`, `call <roomId> ended: hungUpByCaller (12 s of talk)`, … */
  readonly line: string;
  readonly fields: {
    readonly namespace: string;
    readonly appId: string;
    readonly roomId: string;
    readonly state: Room['state'];
    readonly from: Room['state'] | null;
    readonly outcome: Room['outcome'];
    readonly caller: string;
    readonly listener: string;
    readonly transport: Room['transport'];
    readonly roomType: Room['roomType'];
    readonly cause: RoomStateEntry['cause'];
  };
}

function who(end: Room['caller'], transport: Room['transport']): string {
  return end.kind === 'user' ? `${end.id} (phone)` : `${end.id} (${transport === 'cloud' ? 'RTOS' : transport === 'wmpf' ? 'WMPF' : 'Linux'} device)`;
}

/**
 * The log line of one room state change: its creation names both ends, the transport and the room type; the end
 * names the outcome and the talk time billed; other changes name the new state.
 *
 * @example
 * callEvent('default', room, entry).line; // 'call wxf8…Voip01 created: openid-alice (phone) → SN-LINUX-0001 (Linux device), voice'
 */
export function callEvent(namespace: string, room: Room, entry: RoomStateEntry): CallEvent {
  const head = `call ${room.roomId}${namespace === 'default' ? '' : ` [${namespace}]`}`;
  let line: string;
  if (entry.from === null) line = `${head} created: ${who(room.caller, room.transport)} → ${who(room.listener, room.transport)}, ${room.roomType}`;
  else if (entry.to === 'ended') line = `${head} ended: ${entry.outcome ?? 'ended'}${room.keepTimeSec > 0 ? ` (${room.keepTimeSec} s of talk)` : ''}${entry.detail === '' ? '' : ` - ${entry.detail}`}`;
  else line = `${head} ${entry.to}`;
  return {
    line,
    fields: {
      namespace,
      appId: room.appId,
      roomId: room.roomId,
      state: entry.to,
      from: entry.from,
      outcome: entry.outcome,
      caller: room.caller.id,
      listener: room.listener.id,
      transport: room.transport,
      roomType: room.roomType,
      cause: entry.cause,
    },
  };
}
