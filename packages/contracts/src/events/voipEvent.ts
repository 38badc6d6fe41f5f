import { z } from 'zod';
import { RoomId } from '../common/identifiers.js';
import {
  AbortVoipData,
  BindContactData,
  CallingData,
  CancelVoipData,
  CustomBoxData,
  EndVoipData,
  FinishVoipData,
  HangUpVoipData,
  JoinFailData,
  RejectVoipData,
} from './eventData.js';
import { noData } from './eventFields.js';
import type { RoomlessVoipEventName, RoomVoipEventName, VoipEventName } from './voipEventName.js';

/** An event of one call: `roomId` (plugin ≥ 2.4.0) and its legacy alias `groupId`. */
function roomEvent<N extends RoomVoipEventName, D extends z.ZodTypeAny>(eventName: N, data: D) {
  return z.object({
    eventName: z.literal(eventName),
    roomId: RoomId.optional(),
    groupId: z.string({ invalid_type_error: 'groupId must be a string' }).min(1, 'groupId must not be empty').optional(),
    data,
  });
}

/** An event that is not about a call: P §5.2 says it has no `roomId`/`groupId`. */
function roomlessEvent<N extends RoomlessVoipEventName, D extends z.ZodTypeAny>(eventName: N, data: D) {
  const absent = (field: string) =>
    z.undefined({ message: `${eventName} is not tied to a call: ${field} must be absent (P §5.2)` }).optional();
  return z.object({ eventName: z.literal(eventName), roomId: absent('roomId'), groupId: absent('groupId'), data });
}

const objects = {
  startVoip: roomEvent('startVoip', noData('startVoip')),
  abortVoip: roomEvent('abortVoip', AbortVoipData),
  hangOnVoip: roomEvent('hangOnVoip', noData('hangOnVoip')),
  cancelVoip: roomEvent('cancelVoip', CancelVoipData),
  rejectVoip: roomEvent('rejectVoip', RejectVoipData),
  hangUpVoip: roomEvent('hangUpVoip', HangUpVoipData),
  endVoip: roomEvent('endVoip', EndVoipData),
  busy: roomEvent('busy', noData('busy')),
  calling: roomEvent('calling', CallingData),
  timeout: roomEvent('timeout', noData('timeout')),
  joinedRoomByCaller: roomEvent('joinedRoomByCaller', noData('joinedRoomByCaller')),
  joinFailCaller: roomEvent('joinFailCaller', JoinFailData),
  joinFailListener: roomEvent('joinFailListener', JoinFailData),
  finishVoip: roomEvent('finishVoip', FinishVoipData),
  callPageOnShow: roomlessEvent('callPageOnShow', noData('callPageOnShow')),
  showCustomBox: roomEvent('showCustomBox', CustomBoxData),
  hideCustomBox: roomEvent('hideCustomBox', CustomBoxData),
  bindContact: roomlessEvent('bindContact', BindContactData),
} as const satisfies { [N in VoipEventName]: z.ZodObject<z.ZodRawShape> };

/**
 * The envelope rules zod objects cannot express: a call event names its room (`roomId`, or `groupId`
 * alone as older plugins send it), and when both are present they are equal (`groupId` is an alias).
 */
function checkRoomIds(event: { eventName: VoipEventName; roomId?: string | undefined; groupId?: string | undefined }, ctx: z.RefinementCtx): void {
  if (event.eventName === 'callPageOnShow' || event.eventName === 'bindContact') return;
  if (event.roomId === undefined && event.groupId === undefined) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['roomId'],
      message: `${event.eventName} is a call event: roomId (or its legacy alias groupId) is required to say which call it belongs to`,
    });
  } else if (event.roomId !== undefined && event.groupId !== undefined && event.roomId !== event.groupId) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['groupId'],
      message: `groupId must equal roomId ('${event.roomId}'): groupId is the legacy alias of roomId`,
    });
  }
}

/**
 * One `onVoipEvent` event: `{ eventName, roomId, groupId, data }`, discriminated by `eventName` (P §7).
 * Unknown keys are dropped, so events from newer plugin versions with extra fields still parse.
 *
 * @example
 * const event = VoipEvent.parse({ eventName: 'finishVoip', roomId: 'r1', groupId: 'r1', data: { keepTime: 42 } });
 * if (event.eventName === 'finishVoip') event.data.keepTime; // billed seconds
 */
export const VoipEvent = z
  .discriminatedUnion(
    'eventName',
    [
      objects.startVoip,
      objects.abortVoip,
      objects.hangOnVoip,
      objects.cancelVoip,
      objects.rejectVoip,
      objects.hangUpVoip,
      objects.endVoip,
      objects.busy,
      objects.calling,
      objects.timeout,
      objects.joinedRoomByCaller,
      objects.joinFailCaller,
      objects.joinFailListener,
      objects.finishVoip,
      objects.callPageOnShow,
      objects.showCustomBox,
      objects.hideCustomBox,
      objects.bindContact,
    ],
    {
      errorMap: (issue, ctx) =>
        issue.code === z.ZodIssueCode.invalid_union_discriminator
          ? { message: 'eventName must be one of the 18 documented onVoipEvent names (startVoip … bindContact, P §7)' }
          : { message: ctx.defaultError },
    },
  )
  .superRefine(checkRoomIds);
/** One `onVoipEvent` event. */
export type VoipEvent = z.infer<typeof VoipEvent>;

/** The event whose `eventName` is `N`. @example type Finish = VoipEventOf<'finishVoip'>; */
export type VoipEventOf<N extends VoipEventName> = Extract<VoipEvent, { eventName: N }>;

/** The `data` of the event named `N` (`undefined` or `{}` for events without a payload). */
export type VoipEventDataOf<N extends VoipEventName> = VoipEventOf<N>['data'];

/** The schema of one event, envelope rules included. */
export type VoipEventSchema<N extends VoipEventName> = z.ZodEffects<(typeof objects)[N], VoipEventOf<N>>;

function withRoomRules<N extends VoipEventName>(name: N): VoipEventSchema<N> {
  const object: z.ZodTypeAny = objects[name];
  return object.superRefine(checkRoomIds) as unknown as VoipEventSchema<N>;
}

/**
 * One schema per event name, each with the envelope rules of `VoipEvent`.
 *
 * @example
 * VoipEventSchemas.finishVoip.parse({ eventName: 'finishVoip', roomId: 'r1', data: { keepTime: 42 } });
 */
export const VoipEventSchemas: { readonly [N in VoipEventName]: VoipEventSchema<N> } = {
  startVoip: withRoomRules('startVoip'),
  abortVoip: withRoomRules('abortVoip'),
  hangOnVoip: withRoomRules('hangOnVoip'),
  cancelVoip: withRoomRules('cancelVoip'),
  rejectVoip: withRoomRules('rejectVoip'),
  hangUpVoip: withRoomRules('hangUpVoip'),
  endVoip: withRoomRules('endVoip'),
  busy: withRoomRules('busy'),
  calling: withRoomRules('calling'),
  timeout: withRoomRules('timeout'),
  joinedRoomByCaller: withRoomRules('joinedRoomByCaller'),
  joinFailCaller: withRoomRules('joinFailCaller'),
  joinFailListener: withRoomRules('joinFailListener'),
  finishVoip: withRoomRules('finishVoip'),
  callPageOnShow: withRoomRules('callPageOnShow'),
  showCustomBox: withRoomRules('showCustomBox'),
  hideCustomBox: withRoomRules('hideCustomBox'),
  bindContact: withRoomRules('bindContact'),
};

/**
 * Narrows an event to one name; handy in `onVoipEvent` listeners and in tests.
 *
 * @example
 * if (isVoipEventOf(event, 'hangUpVoip')) console.log(event.data.origin);
 */
export function isVoipEventOf<N extends VoipEventName>(event: VoipEvent, eventName: N): event is VoipEventOf<N> {
  return event.eventName === eventName;
}
