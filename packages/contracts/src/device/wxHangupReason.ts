import { z } from 'zod';

/**
 * `wx_voip_hangup_reason_t`, passed to `wx_voip_session_hangup`, `wx_voip_listener_hangup` and the server SDK's
 * hang-up calls (D §1.5, §2.4). Values from the cloud server header; assumed [I] identical on Linux (D §9.3).
 * Numbers 2–5 and 9 are not published. C names: `WX_VOIP_HANGUP_REASON_<NAME>` (prefix is our reading).
 */
export const WX_HANGUP_REASON = {
  /** `UNKNOWN`. */
  UNKNOWN: 0,
  /** `MANUAL`: the user hung up. */
  MANUAL: 1,
  /** `SYSTEM`: interrupted by a system phone call. */
  SYSTEM: 6,
  /** `APP`: interrupted by another app. */
  APP: 7,
  /** `DEVICE`: the capture or playback device failed. */
  DEVICE: 8,
  /** `TIMEOUT`. */
  TIMEOUT: 10,
  /** `REJECT`: hung up without ever joining (the callee refuses, or reports busy). */
  REJECT: 11,
} as const;

/** A hang-up reason name, e.g. `'REJECT'`. */
export type WxHangupReasonName = keyof typeof WX_HANGUP_REASON;

/** A documented hang-up reason number: 0, 1, 6, 7, 8, 10 or 11. */
export const WxHangupReason = z.nativeEnum(WX_HANGUP_REASON, {
  errorMap: () => ({
    message: 'reason must be a documented wx_voip_hangup_reason_t: 0 UNKNOWN, 1 MANUAL, 6 SYSTEM, 7 APP, 8 DEVICE, 10 TIMEOUT or 11 REJECT',
  }),
});
/** A documented hang-up reason number. */
export type WxHangupReason = z.infer<typeof WxHangupReason>;
