import { z } from 'zod';

/**
 * The developer server's JSON answer to `iot_voip_notify` (D §2.3): `errcode` 0 accepts the call and the phone
 * rings; any other errcode refuses it and the call is cancelled without ringing.
 */
export const NotifyReply = z.object({
  errcode: z
    .number({ required_error: 'errcode is required: 0 lets the phone ring, anything else cancels the call', invalid_type_error: 'errcode must be a number' })
    .int('errcode must be an integer'),
  errmsg: z.string({ invalid_type_error: 'errmsg must be a string' }).optional(),
});
/** The developer server's answer to `iot_voip_notify`. */
export type NotifyReply = z.infer<typeof NotifyReply>;

/** The documented accepting answer, `{ "errcode": 0, "errmsg": "ok" }`. */
export const NOTIFY_REPLY_OK: NotifyReply = { errcode: 0, errmsg: 'ok' };

/** What a reply does to the call: `ring` (errcode 0) or `cancel` (any other errcode). */
export type NotifyReplyOutcome = 'ring' | 'cancel';

/**
 * The effect of a reply on the call (D §2.3, §10.2). A missing or unreadable reply is the sender's business
 * (WeChat may resend); this only interprets a parsed reply.
 *
 * @example
 * notifyReplyOutcome({ errcode: 0 });  // 'ring'
 * notifyReplyOutcome({ errcode: 1 });  // 'cancel'
 */
export function notifyReplyOutcome(reply: NotifyReply): NotifyReplyOutcome {
  return reply.errcode === 0 ? 'ring' : 'cancel';
}
