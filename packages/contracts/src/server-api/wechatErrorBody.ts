import { z } from 'zod';

/**
 * WeChat's error answer: HTTP 200 with a non-zero `errcode` and its `errmsg` (D §4 conventions).
 *
 * @example
 * WechatErrorBody.parse({ errcode: 9800013, errmsg: 'invalid group_id' });
 */
export const WechatErrorBody = z.object({
  errcode: z
    .number({ required_error: 'errcode is required', invalid_type_error: 'errcode must be a number' })
    .int('errcode must be an integer')
    .refine((code) => code !== 0, 'errcode of an error body must be non-zero: errcode 0 means success (WeChat convention)'),
  errmsg: z.string({ required_error: 'errmsg is required' }),
});
/** WeChat's error answer: HTTP 200 with a non-zero `errcode`. */
export type WechatErrorBody = z.infer<typeof WechatErrorBody>;

/**
 * WeChat's plain success answer `{ errcode: 0, errmsg }` (errmsg is "ok" in practice); routes with data extend it.
 *
 * @example
 * WechatOkBody.parse({ errcode: 0, errmsg: 'ok' });
 */
export const WechatOkBody = z.object({
  errcode: z.literal(0, { errorMap: () => ({ message: 'errcode of a success body must be 0 (WeChat convention)' }) }),
  errmsg: z.string({ required_error: 'errmsg is required' }),
});
/** WeChat's plain success answer. */
export type WechatOkBody = z.infer<typeof WechatOkBody>;

/**
 * The HTTP 200 body of an emulated WeChat route: its success shape or the generic {@link WechatErrorBody}.
 *
 * @example
 * const GetSnTicketResponse = wechatResponse(GetSnTicketSuccess);
 */
export function wechatResponse<TSuccess extends z.ZodTypeAny>(success: TSuccess): z.ZodUnion<[TSuccess, typeof WechatErrorBody]> {
  return z
    .union([success, WechatErrorBody])
    .describe('HTTP 200, as WeChat always answers: the success body, or { errcode (non-zero), errmsg } on error');
}
