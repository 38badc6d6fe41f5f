import { z } from 'zod';

/**
 * The `errMsg` strings the plugin documents for `abortVoip` (P §6.4), keyed by a readable name.
 * The literals are WeChat's own, typos included (`in comming call`).
 */
export const ABORT_VOIP_ERR_MSG = {
  /** Seen with status `unknown`: the other end reported an abnormal end. */
  roomStatusIsAbort: 'room status is abort',
  /** Seen with status `abortByListener`: the listener joined and the caller did not arrive within 20 s. */
  listenerWaitTimeout: 'listener waitOtherToJoin timeout',
  /** The user closed the backgrounded mini program from its floating window. */
  closedFloatBall: 'call interrupted due to close passive float ball',
  /** Another incoming call interrupted this one (WeChat's spelling). */
  incomingCall: 'in comming call',
  /** No packets for a while (network): the end was removed from the room. */
  nativeReason: 'call interrupted due to native reason',
} as const;

/** The `errMsg` string the plugin documents for `joinFailCaller` (P §6.4): an old WMPF bug. */
export const JOIN_FAIL_ERR_MSG = {
  /** Restart WMPF or upgrade it to 2.0 or later. */
  alreadyInRoom: 'Already in room or joining',
} as const;

/** One of the documented `abortVoip` errMsg literals. Other strings are possible; this lists the known ones. */
export const KnownAbortVoipErrMsg = z.enum([
  ABORT_VOIP_ERR_MSG.roomStatusIsAbort,
  ABORT_VOIP_ERR_MSG.listenerWaitTimeout,
  ABORT_VOIP_ERR_MSG.closedFloatBall,
  ABORT_VOIP_ERR_MSG.incomingCall,
  ABORT_VOIP_ERR_MSG.nativeReason,
]);
/** One of the documented `abortVoip` errMsg literals. */
export type KnownAbortVoipErrMsg = z.infer<typeof KnownAbortVoipErrMsg>;

/** The documented `joinFailCaller` errMsg literal. */
export const KnownJoinFailErrMsg = z.enum([JOIN_FAIL_ERR_MSG.alreadyInRoom]);
/** The documented `joinFailCaller` errMsg literal. */
export type KnownJoinFailErrMsg = z.infer<typeof KnownJoinFailErrMsg>;

/**
 * The `abortVoip.status` that P §6.4 pairs with an errMsg, for the two errMsgs that have one.
 * The `AbortVoipData` schema enforces the pairing.
 */
export const ABORT_ERR_MSG_STATUS: Readonly<Partial<Record<KnownAbortVoipErrMsg, 'unknown' | 'abortByListener'>>> = {
  [ABORT_VOIP_ERR_MSG.roomStatusIsAbort]: 'unknown',
  [ABORT_VOIP_ERR_MSG.listenerWaitTimeout]: 'abortByListener',
};
