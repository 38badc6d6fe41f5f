import { z } from 'zod';
import { WxErrorCode } from './wxError.js';

/**
 * The RTOS device SDK returns VoIP backend errors as **negated** backend codes (−1…−24, −10008) so that
 * they never collide with positive `wx_error_t` values such as 7 and 9 (D §2.1, §7.3). `toRtosCode`
 * applies that convention; backend `0` (success) stays `0` (`WXERROR_OK`), never `-0`.
 *
 * Throws a `RangeError` for a negative or non-integer input: it would not be a backend code.
 *
 * @example
 * toRtosCode(9);     // -9: user has not authorized the device
 * toRtosCode(10008); // -10008: snTicket expired or invalid
 */
export function toRtosCode(backendCode: number): number {
  if (!Number.isSafeInteger(backendCode) || backendCode < 0) {
    throw new RangeError(`toRtosCode expects a VoIP backend code (an integer ≥ 0), got ${String(backendCode)}`);
  }
  return backendCode === 0 ? 0 : -backendCode;
}

/**
 * The backend code inside an RTOS return value: `-9` → `9`. Returns `undefined` for a value ≥ 0, which is a
 * `wx_error_t` (or `OK`), not a negated backend code.
 *
 * @example
 * fromRtosCode(-9); // 9
 * fromRtosCode(18); // undefined (WXERROR_RESPONSE)
 */
export function fromRtosCode(rtosCode: number): number | undefined {
  return Number.isSafeInteger(rtosCode) && rtosCode < 0 ? -rtosCode : undefined;
}

/** `-10008`: what RTOS `wx_device_register` returns for an expired or invalid snTicket (D §2.1). */
export const RTOS_SN_TICKET_INVALID = -10008;

const RTOS_RETURN_CODE_RULE =
  'an RTOS return code must be a wx_error_t (0–19) or a negated VoIP backend code (a negative integer, e.g. -9)';

/**
 * Anything an RTOS SDK call returns: a `wx_error_t` (0–19) or a negated backend code (a negative integer).
 */
export const RtosReturnCode = z
  .number({ required_error: RTOS_RETURN_CODE_RULE, invalid_type_error: RTOS_RETURN_CODE_RULE })
  .refine((n) => Number.isSafeInteger(n) && (n < 0 || WxErrorCode.safeParse(n).success), { message: RTOS_RETURN_CODE_RULE });
/** A `wx_error_t` or a negated backend code. */
export type RtosReturnCode = z.infer<typeof RtosReturnCode>;
