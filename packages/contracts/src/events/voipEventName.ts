import { z } from 'zod';

/**
 * The 18 documented `onVoipEvent` event names, in the order of the plugin's event table (P §7): the 17 of the official
 * onVoipEvent page, plus `bindContact`, documented on the campus face-pay page (P §5.8; checked 2026-12).
 *
 * @example
 * VoipEventName.parse('finishVoip'); // 'finishVoip'
 */
export const VoipEventName = z.enum(
  [
    'startVoip',
    'abortVoip',
    'hangOnVoip',
    'cancelVoip',
    'rejectVoip',
    'hangUpVoip',
    'endVoip',
    'busy',
    'calling',
    'timeout',
    'joinedRoomByCaller',
    'joinFailCaller',
    'joinFailListener',
    'finishVoip',
    'callPageOnShow',
    'showCustomBox',
    'hideCustomBox',
    'bindContact',
  ],
  {
    errorMap: () => ({
      message: 'eventName must be one of the 18 documented onVoipEvent names (startVoip … bindContact, P §7)',
    }),
  },
);
/** One of the 18 documented `onVoipEvent` event names. */
export type VoipEventName = z.infer<typeof VoipEventName>;

/** The two events that are not about one call and so carry neither `roomId` nor `groupId` (P §5.2). */
export const ROOMLESS_VOIP_EVENT_NAMES = ['callPageOnShow', 'bindContact'] as const satisfies readonly VoipEventName[];
/** An event that carries neither `roomId` nor `groupId`. */
export type RoomlessVoipEventName = (typeof ROOMLESS_VOIP_EVENT_NAMES)[number];
/** An event that belongs to one call room and so carries `roomId` and/or its legacy alias `groupId`. */
export type RoomVoipEventName = Exclude<VoipEventName, RoomlessVoipEventName>;

/** True when the event belongs to one call room (every event but `callPageOnShow` and `bindContact`). */
export function isRoomVoipEventName(name: VoipEventName): name is RoomVoipEventName {
  return !(ROOMLESS_VOIP_EVENT_NAMES as readonly VoipEventName[]).includes(name);
}
