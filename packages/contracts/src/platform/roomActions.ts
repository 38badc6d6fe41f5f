import { z } from 'zod';
import { RoomId } from '../common/identifiers.js';
import { WxHangupReason } from '../device/index.js';
import { CameraStatus, ForceHangUpVoipRequest } from '../plugin-api/index.js';

/**
 * How the acting side ended a call itself (P §7 #4–#6): tapped the button (`manual`), its call page was
 * unloaded (`unloadCallPage`), or the mini program called `forceHangUpVoip` (`forceFromApp`). The other
 * side is told `other`.
 */
export const LocalEndOrigin = z.enum(['manual', 'unloadCallPage', 'forceFromApp'], {
  errorMap: () => ({ message: "origin must be 'manual', 'unloadCallPage' or 'forceFromApp' (the other side is told 'other')" }),
});
/** How the acting side ended a call itself. */
export type LocalEndOrigin = z.infer<typeof LocalEndOrigin>;

/**
 * Body of `answerRoom`: the listener answers and joins (`hangOnVoip`, P §9.4). `autoAnswered` records a WMPF
 * launch with `isClickedHangOnBtn=1` (D §3.3). `cameraStatus` overrides the camera chosen at call creation.
 */
export const AnswerRoomBody = z.object({
  cameraStatus: CameraStatus.optional(),
  autoAnswered: z.boolean().default(false),
});
/** Body of `answerRoom`. */
export type AnswerRoomBody = z.infer<typeof AnswerRoomBody>;
/** `AnswerRoomBody` as written, before defaults are applied. */
export type AnswerRoomBodyInput = z.input<typeof AnswerRoomBody>;

/**
 * Body of `rejectRoom`: the listener refuses before connect (P §9.4, §9.5). `busy: true` reports busy instead
 * of a refusal; only devices can (Linux `wx_voip_listener_hangup`, D §1.2). `reason` is the device SDK's
 * hang-up reason, recorded for device parties. [I] The SDK has no busy reason value, hence the flag.
 */
export const RejectRoomBody = z.object({
  origin: LocalEndOrigin.default('manual'),
  busy: z.boolean().default(false),
  reason: WxHangupReason.optional(),
});
/** Body of `rejectRoom`. */
export type RejectRoomBody = z.infer<typeof RejectRoomBody>;
/** `RejectRoomBody` as written, before defaults are applied. */
export type RejectRoomBodyInput = z.input<typeof RejectRoomBody>;

/**
 * Body of `hangUpRoom`: the acting side ends the call. The platform picks the event from phase and side, as
 * `forceHangUpVoip` does (P §5.1): caller before connect → `cancelVoip`, listener before connect →
 * `rejectVoip`, after connect → `hangUpVoip`. Devices pass their SDK `reason` (`wx_voip_session_hangup`).
 */
export const HangUpRoomBody = z.object({
  origin: LocalEndOrigin.default('manual'),
  reason: WxHangupReason.optional(),
});
/** Body of `hangUpRoom`. */
export type HangUpRoomBody = z.infer<typeof HangUpRoomBody>;
/** `HangUpRoomBody` as written, before defaults are applied. */
export type HangUpRoomBodyInput = z.input<typeof HangUpRoomBody>;

/**
 * Body of `forceHangUp`: the plugin's `forceHangUpVoip(roomId?)` (P §5.1). Without `roomId` it ends the
 * party's current call; with one it ends that call only if it is the current one, else nothing happens.
 */
export const ForceHangUpBody = z.object({ roomId: ForceHangUpVoipRequest });
/** Body of `forceHangUp`. */
export type ForceHangUpBody = z.infer<typeof ForceHangUpBody>;

/** Data of `forceHangUp`: whether a call was ended (false when no call or another roomId, P §12.15). */
export const ForceHangUpData = z.object({ ended: z.boolean(), roomId: RoomId.nullable() });
/** Data of `forceHangUp`. */
export type ForceHangUpData = z.infer<typeof ForceHangUpData>;

/**
 * Body of `abortRoom`: the acting side failed locally (network loss, float ball closed, an incoming system call,
 * a join failure): the platform ends the room as aborted (P §9.6). `errCode` is the plugin code (2000–2104) of
 * a join failure, when there is one.
 *
 * @example
 * AbortRoomBody.parse({ errMsg: 'call interrupted due to native reason' });
 */
export const AbortRoomBody = z.object({
  errMsg: z.string({ required_error: 'errMsg is required: say why the call broke off' }).min(1, 'errMsg must not be empty'),
  errCode: z.number().int().optional(),
  joinFailed: z.boolean().default(false),
});
/** Body of `abortRoom`. */
export type AbortRoomBody = z.infer<typeof AbortRoomBody>;
/** `AbortRoomBody` as written, before defaults are applied. */
export type AbortRoomBodyInput = z.input<typeof AbortRoomBody>;
