import type { ErrorEntryByKey, WechatErrorKey } from './catalogue.js';
import { errorByKey } from './find-error.js';

/**
 * A `{ errcode, errmsg }` body with the code's literal type, as `wechatError` builds it. Structurally compatible with
 * the `WechatErrorBody` / `WechatOkBody` schemas of `server-api` (HTTP 200 even on errors).
 */
export interface WechatErrorReply<C extends number = number> {
  /** 0 on success, otherwise the error code. */
  readonly errcode: C;
  /** `'ok'` on success, otherwise WeChat's message. */
  readonly errmsg: string;
}

/** The success body `{ errcode: 0, errmsg: 'ok' }`. */
export interface WechatOkReply extends WechatErrorReply<0> {
  /** Always `'ok'`. */
  readonly errmsg: 'ok';
}

/**
 * The `{ errcode, errmsg }` body WeChat answers for a catalogued server API or backend code. `errmsg` is the
 * catalogue message; `detail` (for example the offending field) is appended after a colon (our format choice:
 * the reference quotes no errmsg with a detail).
 *
 * @example
 * wechatError('INVALID_CREDENTIAL');
 * // { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
 * wechatError('ARGUMENT_INVALID', 'data.thing1.value');
 * // { errcode: 47003, errmsg: 'argument invalid: data.thing1.value' }
 */
export function wechatError<K extends WechatErrorKey>(key: K, detail?: string): WechatErrorReply<ErrorEntryByKey<K>['code']> {
  const entry = errorByKey<WechatErrorKey>(key);
  if (entry.domain !== 'server-api' && entry.domain !== 'backend') {
    // Unreachable from TypeScript; guards JavaScript callers.
    throw new TypeError(
      `[wxvoip] wechatError("${String(key)}"): only server API and backend codes appear in a { errcode, errmsg } body; use findError for other domains.`,
    );
  }
  const errmsg = detail === undefined || detail === '' ? entry.message : `${entry.message}: ${detail}`;
  return { errcode: entry.code as ErrorEntryByKey<K>['code'], errmsg };
}

/**
 * The success body, `{ errcode: 0, errmsg: 'ok' }`; also what a developer server replies to accept an
 * `iot_voip_notify` callback (D §2.3). Returns a fresh object each time.
 *
 * @example
 * reply.send(ok());
 */
export function ok(): WechatOkReply {
  return { errcode: 0, errmsg: 'ok' };
}
