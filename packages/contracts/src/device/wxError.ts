import { z } from 'zod';

/**
 * `wx_error_t`, the device SDKs' result codes (D §7.3). The names are documented (C: `WXERROR_<NAME>`,
 * e.g. `WXERROR_INVALID_ARGUMENT`); the numbers come from Tencent IoT Video docs that wrap the same SDK [T].
 * Positive 7 and 9 collide with backend codes 7 and 9, which is why the RTOS SDK negates backend codes
 * (see `toRtosCode`).
 */
export const WX_ERROR = {
  /** `WXERROR_OK`: success. */
  OK: 0,
  /** `WXERROR_CANCELLED`. */
  CANCELLED: 1,
  /** `WXERROR_UNKNOWN`; RTOS `wx_device_is_registered`: registration data corrupt, wipe and re-register. */
  UNKNOWN: 2,
  /** `WXERROR_INVALID_ARGUMENT`: bad config, bad/expired snTicket, bad openId. */
  INVALID_ARGUMENT: 3,
  /** `WXERROR_TIMEOUT`. */
  TIMEOUT: 4,
  /** `WXERROR_NOT_FOUND`. */
  NOT_FOUND: 5,
  /** `WXERROR_ALREADY_EXISTS`: Linux `wx_device_register` on an already registered device. */
  ALREADY_EXISTS: 6,
  /** `WXERROR_PERMISSION_DENIED`: user has not authorized the device (backend 9), or SN registered elsewhere. */
  PERMISSION_DENIED: 7,
  /** `WXERROR_RESOURCE_EXHAUSTED`: no network, or disk write failed. */
  RESOURCE_EXHAUSTED: 8,
  /** `WXERROR_FAILED_PRECONDITION`: not initialised, not registered, already in a call, clock wrong. */
  FAILED_PRECONDITION: 9,
  /** `WXERROR_ABORTED`. */
  ABORTED: 10,
  /** `WXERROR_OUT_OF_RANGE`. */
  OUT_OF_RANGE: 11,
  /** `WXERROR_UNIMPLEMENTED`: e.g. a HAL module the hardware lacks. */
  UNIMPLEMENTED: 12,
  /** `WXERROR_INTERNAL`. */
  INTERNAL: 13,
  /** `WXERROR_UNAVAILABLE`: network failure; or no capability / no call time / no license on a call. */
  UNAVAILABLE: 14,
  /** `WXERROR_DATA_LOSS`: registration could not be persisted. */
  DATA_LOSS: 15,
  /** `WXERROR_UNAUTHENTICATED`. */
  UNAUTHENTICATED: 16,
  /** `WXERROR_IO`: RTOS file write failed. */
  IO: 17,
  /** `WXERROR_RESPONSE`: RTOS backend or network error. */
  RESPONSE: 18,
  /** `WXERROR_INVALID_DEVICEID`: already registered with a different device id / model id. */
  INVALID_DEVICEID: 19,
} as const;

/** A `wx_error_t` name, e.g. `'FAILED_PRECONDITION'` (C: `WXERROR_FAILED_PRECONDITION`). */
export type WxErrorName = keyof typeof WX_ERROR;

/** A `wx_error_t` number from 0 (`OK`) to 19 (`INVALID_DEVICEID`). */
export const WxErrorCode = z.nativeEnum(WX_ERROR, {
  errorMap: () => ({ message: 'wx_error_t must be an integer from 0 (WXERROR_OK) to 19 (WXERROR_INVALID_DEVICEID)' }),
});
/** A `wx_error_t` number. */
export type WxErrorCode = z.infer<typeof WxErrorCode>;

const NAMES = Object.fromEntries(Object.entries(WX_ERROR).map(([name, code]) => [code, name])) as Record<number, WxErrorName>;

/**
 * The name of a `wx_error_t` number, or `undefined` for a number outside 0–19 (e.g. a negated backend code).
 *
 * @example
 * wxErrorName(9); // 'FAILED_PRECONDITION'
 */
export function wxErrorName(code: number): WxErrorName | undefined {
  return NAMES[code];
}

/** The C spelling of a `wx_error_t` name. @example wxErrorCName('IO'); // 'WXERROR_IO' */
export function wxErrorCName(name: WxErrorName): `WXERROR_${WxErrorName}` {
  return `WXERROR_${name}`;
}
