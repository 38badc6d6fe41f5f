import { z } from 'zod';

/**
 * Call status reported to the SDK listener's `status` callback (D §1.5, §2.4). The values are documented in
 * the cloud server header (`wx_cloudvoip_session_status_t`); the Linux `voip.h` is unpublished and we assume
 * [I] its listener uses the same numbers (D §9.3). C names: `WX_VOIP_STATUS_<NAME>` / `WX_CLOUDVOIP_STATUS_<NAME>`
 * (the prefix is our reading; only the `<NAME>` part is published).
 */
export const WX_VOIP_STATUS = {
  /** `IDLE`: no call. */
  IDLE: 0,
  /** `CALLING`: the call is placed and ringing. */
  CALLING: 1,
  /** `TALKING`: connected; billing runs. */
  TALKING: 2,
  /** `REJECTED`: the callee refused (plugin `rejectVoip`). */
  REJECTED: 3,
  /** `CANCELED`: the device cancelled while ringing (plugin `cancelVoip`). */
  CANCELED: 4,
  /** `HANGUP_BY_CALLER`: connected call ended by the caller. */
  HANGUP_BY_CALLER: 5,
  /** `HANGUP_BY_CALLEE`: connected call ended by the callee. */
  HANGUP_BY_CALLEE: 6,
  /** `ABORTED`: network loss or crash (plugin `abortVoip`). */
  ABORTED: 7,
  /** `BUSY`: the callee is in another call (plugin `busy`). */
  BUSY: 8,
  /** `TIMEOUT`: nobody answered in time (plugin `timeout`). */
  TIMEOUT: 9,
} as const;

/** A status name, e.g. `'TALKING'`. */
export type WxVoipStatusName = keyof typeof WX_VOIP_STATUS;

/** A listener status number from 0 (`IDLE`) to 9 (`TIMEOUT`). */
export const WxVoipStatus = z.nativeEnum(WX_VOIP_STATUS, {
  errorMap: () => ({ message: 'status must be an integer from 0 (IDLE) to 9 (TIMEOUT) (wx_cloudvoip_session_status_t)' }),
});
/** A listener status number. */
export type WxVoipStatus = z.infer<typeof WxVoipStatus>;

const NAMES = Object.fromEntries(Object.entries(WX_VOIP_STATUS).map(([name, code]) => [code, name])) as Record<WxVoipStatus, WxVoipStatusName>;

/** The name of a status number. @example wxVoipStatusName(2); // 'TALKING' */
export function wxVoipStatusName(status: WxVoipStatus): WxVoipStatusName {
  return NAMES[status];
}

/** The statuses that end a call (3–9): the listener sees no further status for that call. */
export const WX_VOIP_TERMINAL_STATUSES: readonly WxVoipStatus[] = [
  WX_VOIP_STATUS.REJECTED,
  WX_VOIP_STATUS.CANCELED,
  WX_VOIP_STATUS.HANGUP_BY_CALLER,
  WX_VOIP_STATUS.HANGUP_BY_CALLEE,
  WX_VOIP_STATUS.ABORTED,
  WX_VOIP_STATUS.BUSY,
  WX_VOIP_STATUS.TIMEOUT,
];
