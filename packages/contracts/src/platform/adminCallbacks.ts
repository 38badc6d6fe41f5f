import { z } from 'zod';
import { AppId, RoomId } from '../common/identifiers.js';
import { IotVoipNotifyMessage, PushEncryptionMode, PushFormat } from '../push/index.js';

/** How one callback delivery attempt ended: `{errcode: 0}` reply, non-zero reply, no reply in time, or a transport error. */
export const CallbackOutcome = z.enum(['accepted', 'refused', 'noReply', 'error']);
/** How one callback delivery attempt ended. */
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;

/**
 * One `iot_voip_notify` delivery attempt (D §2.3, §4.13): where it went, in which mode and format, the exact
 * query and body sent (signed and, in secure mode, encrypted), the decrypted event, the developer server's reply
 * and the outcome. [I] Retries and their spacing are platform settings (D §9.5); each attempt is one entry.
 */
export const CallbackDelivery = z.object({
  deliveryId: z.string().min(1),
  appId: AppId,
  roomId: RoomId,
  attempt: z.number().int().positive(),
  url: z.string(),
  mode: PushEncryptionMode,
  format: PushFormat,
  sentAt: z.number().int().nonnegative(),
  request: z.object({ query: z.record(z.string()), body: z.string() }),
  event: IotVoipNotifyMessage,
  reply: z
    .object({
      status: z.number().int(),
      errcode: z.number().int().nullable(),
      body: z.string(),
    })
    .nullable(),
  outcome: CallbackOutcome,
  durationMs: z.number().int().nonnegative(),
  /** Why the attempt ended as it did, in words: for example why nothing was sent (no push URL, not secure mode). */
  detail: z.string().optional(),
});
/** One `iot_voip_notify` delivery attempt. */
export type CallbackDelivery = z.infer<typeof CallbackDelivery>;

/** Query of `listCallbacks`: filters (all optional) and a page size (default 100, at most 1000), newest first. */
export const CallbackListQuery = z.object({
  appId: AppId.optional(),
  roomId: RoomId.optional(),
  outcome: CallbackOutcome.optional(),
  limit: z.coerce.number().int('limit must be a whole number').positive('limit must be at least 1').max(1000, 'limit must be at most 1000').default(100),
});
/** Query of `listCallbacks`. */
export type CallbackListQuery = z.infer<typeof CallbackListQuery>;
/** `CallbackListQuery` as written, before defaults are applied. */
export type CallbackListQueryInput = z.input<typeof CallbackListQuery>;
