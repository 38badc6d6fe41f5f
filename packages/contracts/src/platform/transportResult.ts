import { z } from 'zod';
import { ErrorDomain } from '../errors/index.js';
import { WechatErrorBody, WechatOkBody } from '../server-api/index.js';
import { FieldIssue } from './fieldIssue.js';

/**
 * The push sequence number at which a transport answer was produced: the `seq` of the last message the platform had
 * sent (or queued) on the calling party's push channel when it made the answer; 0 when it had sent none (ADR 0026).
 * Every push with a `seq` at or below it was produced before the answer, every later one after. The platform sends it
 * in every HTTP 200 transport body (success or refusal); a client waits for those pushes, then adopts the answer before
 * it hands them over, so no SDK needs an early-push buffer. HTTP 400 and 401 answers, and a refused
 * `connectParty`, carry none (no party acted).
 *
 * @example
 * PushSeq.parse(12); // the answer came after push 12 and before push 13
 */
export const PushSeq = z.number().int('pushSeq must be an integer').nonnegative('pushSeq is a push seq (1 or more), or 0 before any push');
/** The push sequence number at which a transport answer was produced. */
export type PushSeq = z.infer<typeof PushSeq>;

/**
 * A transport refusal: WeChat's own `{ errcode, errmsg }` with HTTP 200, the errcode taken from the error
 * catalogue (backend codes 1–24, 10008, 98000xx, plugin codes 1000–2104, `wx_error_t`, …), plus the catalogue
 * `key` and its `domain`, because the same number means different things in different domains (backend 9 is
 * "not authorized", `wx_error_t` 9 is FAILED_PRECONDITION): simulators map by key, never by number alone.
 * Why it was refused (which check, which rule) is recorded in the journal.
 *
 * @example
 * TransportRefusal.parse({ errcode: 9, errmsg: 'openId has not authorized the device', key: 'DEVICE_NOT_AUTHORIZED', domain: 'backend' });
 */
export const TransportRefusal = WechatErrorBody.extend({
  /** Push sequence number at which the refusal was produced (see {@link PushSeq}). */
  pushSeq: PushSeq.optional(),
  /** Catalogue key of the code (see docs/errors.md); the platform always sends it. A plain string keeps route types small. */
  key: z.string().min(1, 'key must name a catalogue entry').optional(),
  /** Catalogue domain of the code. */
  domain: ErrorDomain.optional(),
});
/** A transport refusal. */
export type TransportRefusal = z.infer<typeof TransportRefusal>;

/**
 * HTTP 400 body of a transport route: the request broke the contract (a simulator bug, not a WeChat refusal).
 * errcode 47001 is WeChat's "data format error" (D §4); `errors` lists each field issue.
 */
export const TransportValidationRefusal = z.object({
  errcode: z.literal(47001, { errorMap: () => ({ message: 'errcode of a validation refusal must be 47001 (data format error)' }) }),
  errmsg: z.string(),
  errors: z.array(FieldIssue).min(1, 'errors must list at least one field issue'),
});
/** HTTP 400 body of a transport route. */
export type TransportValidationRefusal = z.infer<typeof TransportValidationRefusal>;

/**
 * HTTP 401 body of a transport route: the party credential is missing (41001), invalid or from another
 * namespace (40001), or expired (42001). The codes are WeChat's access_token codes (D §4), reused for parties.
 */
export const CredentialRefusal = z.object({
  errcode: z.union([z.literal(41001), z.literal(40001), z.literal(42001)], {
    errorMap: () => ({ message: 'errcode of a credential refusal must be 41001 (missing), 40001 (invalid) or 42001 (expired)' }),
  }),
  errmsg: z.string(),
});
/** HTTP 401 body of a transport route. */
export type CredentialRefusal = z.infer<typeof CredentialRefusal>;

/** Success of a transport route that returns no data: `{ errcode: 0, errmsg: 'ok' }` (and its {@link PushSeq}). */
export const TransportOk = WechatOkBody.extend({ pushSeq: PushSeq.optional() });
/** Success of a transport route that returns no data. */
export type TransportOk = z.infer<typeof TransportOk>;

/**
 * The HTTP 200 body of a transport route: `{ errcode: 0, errmsg, pushSeq, ...data }` or a {@link TransportRefusal}.
 *
 * @example
 * const RegisterResult = transportResult({ registered: z.boolean() });
 */
export function transportResult<TShape extends z.ZodRawShape>(data: TShape) {
  return z.union([WechatOkBody.extend({ pushSeq: PushSeq.optional() }).extend(data), TransportRefusal]);
}

/**
 * Narrows a transport 200 body to its success branch (`errcode === 0`); the other branch is the refusal.
 * (A refusal guard could not narrow: every success body is structurally also a `{ errcode: number, errmsg }`.)
 *
 * @example
 * if (!isTransportOk(res.body)) throw new Error(`${res.body.errcode} ${res.body.errmsg}`);
 * use(res.body.roomId);
 */
export function isTransportOk<TBody extends { errcode: number }>(body: TBody): body is Extract<TBody, { errcode: 0 }> {
  return body.errcode === 0;
}
