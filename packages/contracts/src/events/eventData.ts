import { z } from 'zod';
import { RoomType } from '../common/identifiers.js';
import { ABORT_ERR_MSG_STATUS, KnownAbortVoipErrMsg } from './eventErrMsg.js';
import { keepTimeSeconds, text } from './eventFields.js';

/** How the side that ended a not-yet-connected call did it, or `other` on the opposite side (P §7 #4/#5). */
export const PreConnectEndStatus = z.enum(['manual', 'unloadCallPage', 'forceFromApp', 'other'], {
  errorMap: () => ({ message: "status must be 'manual', 'unloadCallPage', 'forceFromApp' or 'other'" }),
});
/** How a not-yet-connected call was ended. */
export type PreConnectEndStatus = z.infer<typeof PreConnectEndStatus>;

/** `cancelVoip.data`: the caller gave up. The caller sees manual/unloadCallPage/forceFromApp, the listener `other`. */
export const CancelVoipData = z.object({ status: PreConnectEndStatus }, { required_error: 'cancelVoip requires data { status }' });
/** `cancelVoip.data`. */
export type CancelVoipData = z.infer<typeof CancelVoipData>;

/** `rejectVoip.data`: the listener refused. The listener sees manual/unloadCallPage/forceFromApp, the caller `other`. */
export const RejectVoipData = z.object({ status: PreConnectEndStatus }, { required_error: 'rejectVoip requires data { status }' });
/** `rejectVoip.data`. */
export type RejectVoipData = z.infer<typeof RejectVoipData>;

/** Which party ended a connected call (`hangUpVoip.status`). */
export const HangUpStatus = z.enum(['endByListener', 'endByCaller'], {
  errorMap: () => ({ message: "hangUpVoip status must be 'endByListener' or 'endByCaller'" }),
});
/** Which party ended a connected call. */
export type HangUpStatus = z.infer<typeof HangUpStatus>;

/**
 * Why a connected call ended (`hangUpVoip.origin`): the hanging-up side sees manual/unloadCallPage/forceFromApp,
 * the other side `other`; `timeLimit` when the call's maximum duration was reached.
 */
export const HangUpOrigin = z.enum(['manual', 'unloadCallPage', 'forceFromApp', 'other', 'timeLimit'], {
  errorMap: () => ({ message: "hangUpVoip origin must be 'manual', 'unloadCallPage', 'forceFromApp', 'other' or 'timeLimit'" }),
});
/** Why a connected call ended. */
export type HangUpOrigin = z.infer<typeof HangUpOrigin>;

/** `hangUpVoip.data`: a connected call ended (P §7 #6). */
export const HangUpVoipData = z.object(
  { keepTime: keepTimeSeconds('talk time so far'), status: HangUpStatus, origin: HangUpOrigin },
  { required_error: 'hangUpVoip requires data { keepTime, status, origin }' },
);
/** `hangUpVoip.data`. */
export type HangUpVoipData = z.infer<typeof HangUpVoipData>;

/** Which end failed (`abortVoip.status`): this end as listener, this end as caller, or `unknown` = the other end. */
export const AbortStatus = z.enum(['abortByListener', 'abortByCaller', 'unknown'], {
  errorMap: () => ({ message: "abortVoip status must be 'abortByListener', 'abortByCaller' or 'unknown'" }),
});
/** Which end failed. */
export type AbortStatus = z.infer<typeof AbortStatus>;

/**
 * `abortVoip.data`: the call broke off (P §7 #2). `error.errMsg` is free text; the documented literals are in
 * `ABORT_VOIP_ERR_MSG`. Two of them come with a fixed status (P §6.4), and that pairing is enforced.
 */
export const AbortVoipData = z
  .object(
    {
      keepTime: keepTimeSeconds('talk time before the abort'),
      status: AbortStatus,
      error: z.object({ errMsg: text('error.errMsg') }, { required_error: 'abortVoip requires data.error { errMsg }' }),
    },
    { required_error: 'abortVoip requires data { keepTime, status, error }' },
  )
  .superRefine((data, ctx) => {
    const known = KnownAbortVoipErrMsg.safeParse(data.error.errMsg);
    const expected = known.success ? ABORT_ERR_MSG_STATUS[known.data] : undefined;
    if (expected !== undefined && data.status !== expected) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['status'],
        message: `abortVoip with errMsg '${data.error.errMsg}' must have status '${expected}' (P §6.4 pairs them); got '${data.status}'`,
      });
    }
  });
/** `abortVoip.data`. */
export type AbortVoipData = z.infer<typeof AbortVoipData>;

/** `endVoip.data`: the call is over (P §7 #7). `keepTime` here is the plugin's local timer, not the billed time. */
export const EndVoipData = z.object(
  {
    keepTime: keepTimeSeconds('local timer; the billed value comes in finishVoip'),
    callerName: text('callerName'),
    listenerName: text('listenerName'),
    roomType: RoomType,
    isCaller: z.boolean({ required_error: 'isCaller is required', invalid_type_error: 'isCaller must be a boolean' }),
    businessType: z
      .number({ required_error: 'businessType is required', invalid_type_error: 'businessType must be a number' })
      .int('businessType must be an integer')
      .nonnegative('businessType must be 0 or more'),
  },
  { required_error: 'endVoip requires data { keepTime, callerName, listenerName, roomType, isCaller, businessType }' },
);
/** `endVoip.data`. */
export type EndVoipData = z.infer<typeof EndVoipData>;

/** `calling.data`: sent once a second while talking (P §7 #9). */
export const CallingData = z.object({ keepTime: keepTimeSeconds('talk time so far') }, { required_error: 'calling requires data { keepTime }' });
/** `calling.data`. */
export type CallingData = z.infer<typeof CallingData>;

/**
 * `finishVoip.data`: `keepTime` is the **billed** talk duration in seconds, fetched from the backend after
 * `endVoip` (plugin ≥ 2.2.2, P §7 #14, §10.4). It is the authoritative duration; only talk time is billed.
 */
export const FinishVoipData = z.object(
  { keepTime: keepTimeSeconds('billed talk duration') },
  { required_error: 'finishVoip requires data { keepTime } (the billed duration)' },
);
/** `finishVoip.data`. */
export type FinishVoipData = z.infer<typeof FinishVoipData>;

/**
 * `joinFailCaller.data` / `joinFailListener.data`: `{ errMsg, message }` (P §7 #12/#13). For backward
 * compatibility the plugin may pass an `Error`; one that carries both strings passes this schema.
 */
export const JoinFailData = z.object(
  { errMsg: text('errMsg'), message: text('message') },
  { required_error: 'joinFail events require data { errMsg, message }' },
);
/** `joinFailCaller.data` / `joinFailListener.data`. */
export type JoinFailData = z.infer<typeof JoinFailData>;

/** `showCustomBox.data` / `hideCustomBox.data`: the two parties of the call (P §7 #16/#17). */
export const CustomBoxData = z.object(
  { callerId: text('callerId'), listenerId: text('listenerId') },
  { required_error: 'showCustomBox/hideCustomBox require data { callerId, listenerId }' },
);
/** `showCustomBox.data` / `hideCustomBox.data`. */
export type CustomBoxData = z.infer<typeof CustomBoxData>;

/** Outcome of campus face-pay contact binding (P §5.8). */
export const BindContactType = z.enum(['success', 'unbind', 'binded', 'expire', 'overload', 'invalid', 'auth', 'cancel'], {
  errorMap: () => ({
    message: "bindContact type must be one of 'success', 'unbind', 'binded', 'expire', 'overload', 'invalid', 'auth', 'cancel'",
  }),
});
/** Outcome of campus face-pay contact binding. */
export type BindContactType = z.infer<typeof BindContactType>;

/** `bindContact.data` (P §5.8). */
export const BindContactData = z.object(
  { type: BindContactType, errMsg: text('errMsg'), userId: text('userId') },
  { required_error: 'bindContact requires data { type, errMsg, userId }' },
);
/** `bindContact.data`. */
export type BindContactData = z.infer<typeof BindContactData>;
