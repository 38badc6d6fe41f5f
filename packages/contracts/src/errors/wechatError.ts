import type { ErrorEntryByKey, WechatErrorKey } from './catalogue.js';
import { errorByKey } from './findError.js';

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
 * The `{ errcode, errmsg }` body WeChat answers for a catalogued server API or backend code. `errmsg` is WeChat's
 * documented wire literal where there is one (verbatim), otherwise the catalogue message with `detail` (for example
 * the offending field) appended after a colon (our format choice: the reference quotes no errmsg with a detail).
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
  return { errcode: entry.code as ErrorEntryByKey<K>['code'], errmsg: errmsgOf(entry, detail) };
}

/**
 * The `errmsg` a `{ errcode, errmsg }` body carries for a catalogue entry: WeChat's documented wire literal verbatim
 * when the catalogue has one (`wireErrmsg`; `detail` is then left out, it belongs in the journal), otherwise the
 * catalogue message with `detail` appended after a colon.
 *
 * @example
 * errmsgOf(errorByKey('SN_TOO_LONG'), 'sn is 130 bytes'); // 'sn长度不能超过128字节'
 * errmsgOf(errorByKey('ARGUMENT_INVALID'), 'data.thing1.value'); // 'argument invalid: data.thing1.value'
 */
export function errmsgOf(entry: { readonly message: string; readonly wireErrmsg?: string }, detail?: string): string {
  if (entry.wireErrmsg !== undefined) return entry.wireErrmsg;
  return detail === undefined || detail === '' ? entry.message : `${entry.message}: ${detail}`;
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
