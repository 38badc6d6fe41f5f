import { z } from 'zod';

/** True when `value` has the `VoipError` fields: a numeric `errCode`, a string `errMsg`, an optional numeric `errno`. */
function hasVoipErrorFields(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['errCode'] === 'number' &&
    typeof record['errMsg'] === 'string' &&
    (record['errno'] === undefined || typeof record['errno'] === 'number')
  );
}

/**
 * A `VoipError` (P §6.1: `VoipError` and its subclasses `VoipCgiError`, `VoipJoinError`,
 * `VoipPluginError`), checked by shape. The value passes through unchanged, so an error instance keeps
 * its class for `instanceof`. The error classes themselves belong to the error catalogue, not here.
 */
export const VoipErrorLike = z.custom<{
  /** Error code (P §6.2, §6.3). */
  readonly errCode: number;
  /** Error message. */
  readonly errMsg: string;
  /** Base-library errno, when there is one. */
  readonly errno?: number;
  /** The wrapped original error. */
  readonly cause?: unknown;
}>(hasVoipErrorFields, {
  message: 'errObj must be a VoipError: an object with a numeric errCode, a string errMsg and an optional numeric errno',
});
/** A `VoipError`, checked by shape. */
export type VoipErrorLike = z.infer<typeof VoipErrorLike>;
