import { z } from 'zod';
import { RoomId } from '../common/identifiers.js';
import { ChargeType } from './chargeType.js';
import { VoipErrorLike } from './voipErrorLike.js';

const SuccessFields = z.object({
  isSuccess: z.literal(true),
  roomId: RoomId,
  groupId: RoomId,
  chargeType: ChargeType.optional(),
});

const FailureFields = z.object({
  isSuccess: z.literal(false),
  errCode: z.number({ required_error: 'errCode is required (a number from the error-code tables)' }).int('errCode must be an integer'),
  errMsg: z.string({ required_error: 'errMsg is required' }),
  errObj: VoipErrorLike,
  error: z.object(
    {
      err_code: z.string({ invalid_type_error: 'error.err_code must be a string (the deprecated field keeps the code as text)' }),
      errMsg: z.string({ invalid_type_error: 'error.errMsg must be a string' }),
    },
    { required_error: 'error is required: the deprecated { err_code, errMsg } object' },
  ),
});

/** groupId is the legacy alias of roomId and carries the same value (P §3.2). */
function checkGroupIdAlias(result: { isSuccess: boolean; roomId?: string; groupId?: string }, ctx: z.RefinementCtx): void {
  if (result.isSuccess && result.groupId !== result.roomId) {
    ctx.addIssue({
      code: 'custom',
      path: ['groupId'],
      message: 'groupId must equal roomId: it is the legacy alias of roomId (P §3.2)',
    });
  }
}

/**
 * `initByCaller` resolved with success (P §3.2). `roomId` is present from plugin 2.4.0 (older plugins give
 * `groupId` only), `chargeType` from 2.3.8. This schema describes the latest plugin (2.4.6).
 */
export const InitByCallerSuccess = SuccessFields.superRefine(checkGroupIdAlias);
/** `initByCaller` resolved with success. */
export type InitByCallerSuccess = z.infer<typeof InitByCallerSuccess>;

/**
 * `initByCaller` resolved with `isSuccess: false`, usually a backend error (P §3.2). `errObj` is present
 * from plugin 2.4.0. `error` is deprecated: prefer `errCode` / `errMsg` / `errObj`.
 */
export const InitByCallerFailure = FailureFields;
/** `initByCaller` resolved with `isSuccess: false`. */
export type InitByCallerFailure = z.infer<typeof InitByCallerFailure>;

/**
 * What `initByCaller` resolves with, discriminated by `isSuccess` (P §3.2). Argument errors are thrown
 * instead, so always check `isSuccess` after the promise resolves.
 *
 * @example
 * const result = InitByCallerResult.parse(await wmpfVoip.initByCaller(req));
 * if (result.isSuccess) use(result.roomId); else report(result.errCode);
 */
export const InitByCallerResult = z.discriminatedUnion('isSuccess', [SuccessFields, FailureFields]).superRefine(checkGroupIdAlias);
/** What `initByCaller` resolves with. */
export type InitByCallerResult = z.infer<typeof InitByCallerResult>;

/**
 * Builds an `isSuccess: false` result from an error, filling the deprecated `error` object.
 * [I] `error.err_code` is the errCode written as text; the reference gives its type, not its value.
 *
 * @example
 * makeInitByCallerFailure({ errCode: 9, errMsg: 'openId has not authorized the device' });
 */
export function makeInitByCallerFailure(errObj: VoipErrorLike): InitByCallerFailure {
  return {
    isSuccess: false,
    errCode: errObj.errCode,
    errMsg: errObj.errMsg,
    errObj,
    error: { err_code: String(errObj.errCode), errMsg: errObj.errMsg },
  };
}
