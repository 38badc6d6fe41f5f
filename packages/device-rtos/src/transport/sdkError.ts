import { findRtosError } from '@wxvoip/contracts';

/**
 * The last failure of a simulated SDK call, for people: the code the call returned, the catalogue key of that code
 * (when there is one) and a message that says what happened and how to fix it. The real SDKs print this to their
 * log; the simulators keep it in `lastError`.
 */
export interface SdkError {
  /** The value the call returned: a `wx_error_t` (≥ 0) or a negated backend code (< 0). */
  readonly code: number;
  /** The catalogue key of `code` (see docs/errors.md), e.g. `DEVICE_NOT_AUTHORIZED` for -9. */
  readonly key: string | undefined;
  /** What happened, why, and what to do. */
  readonly message: string;
}

/**
 * Builds an {@link SdkError} for a returned code: the catalogue entry's key and fix (or `fixOverride`, where the same
 * code means something else in this call), plus the call's own detail.
 *
 * @example
 * sdkError('wx_cloudvoip_client_call', -9, 'openid-bob has not authorized SN-1').key; // 'DEVICE_NOT_AUTHORIZED'
 */
export function sdkError(call: string, code: number, detail: string, fixOverride?: string): SdkError {
  const entry = findRtosError(code);
  const fix = fixOverride !== undefined ? ` Fix: ${fixOverride}` : entry === undefined ? '' : ` Fix: ${entry.fix}`;
  return { code, key: entry?.key, message: `${call} returned ${code}${entry === undefined ? '' : ` (${entry.key})`}: ${detail}.${fix}` };
}
