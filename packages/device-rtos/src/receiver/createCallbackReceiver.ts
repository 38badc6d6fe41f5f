import { NotifyReply, toFlatXml } from '@wxvoip/contracts';
import type { IotVoipNotifyMessage, PushEncryptionMode, PushFormat } from '@wxvoip/contracts';
import { CallbackReceiverError, isCallbackReceiverError } from './callbackReceiverError.js';
import { aesKeyOf } from './messagePushCrypto.js';
import { openMessagePush, verifyUrl, type MessagePushCredentials, type OpenedMessagePush } from './openMessagePush.js';

/** What the handlers get besides the message: the verified push and the original request. */
export interface NotifyContext {
  /** The verified, decrypted push (mode, format, all fields, timestamp, nonce, openid). */
  readonly push: OpenedMessagePush;
  /** The web-standard request as received. */
  readonly request: Request;
}

/** Options of {@link createCallbackReceiver}. */
export interface CallbackReceiverOptions extends MessagePushCredentials {
  /**
   * Decides an `iot_voip_notify` (D §2.3): return `{ errcode: 0, errmsg: 'ok' }` to let the phone ring, any other
   * errcode to cancel the call. Relay the call to the device (phone→device) or start joining (device→phone) after the
   * reply, not before: the phone only rings once WeChat has read errcode 0.
   */
  readonly onNotify: (message: IotVoipNotifyMessage, context: NotifyContext) => NotifyReply | Promise<NotifyReply>;
  /**
   * Handles any other message push to the same URL (user messages, other events). Default: answer `success`, the
   * message-push convention for "received, nothing to reply".
   */
  readonly onMessage?: (fields: Readonly<Record<string, unknown>>, context: NotifyContext) => Response | string | Promise<Response | string>;
  /**
   * Encryption modes accepted. Default: `['secure']` when an EncodingAESKey is given (WeChat sends `iot_voip_notify` in
   * secure mode only, D §2.3, so a plaintext push to such a receiver is forged or misconfigured), `['plaintext']`
   * without one. Accepting more is an explicit opt-in, e.g. `['plaintext', 'compatible', 'secure']`.
   */
  readonly acceptModes?: readonly PushEncryptionMode[];
  /**
   * How far (seconds) the signed `timestamp` of a push may be from `now()`, either way, before it is refused as
   * `staleTimestamp` (a replayed `(signature, timestamp, nonce)`). [I] 300 s; WeChat documents no window. `Infinity`
   * turns the check off. De-duplicate retries within the window by `RoomId` (D §9.5 [I]).
   */
  readonly maxTimestampSkewSec?: number;
  /** The receiver's clock in ms, for the timestamp window. Default `Date.now`; give a mock platform's clock in tests. */
  readonly now?: () => number;
  /**
   * Format of the reply to `iot_voip_notify`. `json` (default): `{"errcode":0,"errmsg":"ok"}` as D §2.3 documents;
   * `request`: flat XML `<xml><errcode>0</errcode>…</xml>` when the push was XML [I], JSON otherwise.
   */
  readonly replyFormat?: 'json' | 'request';
  /** Told about every refused request (bad signature, bad ciphertext, …) before the error response is sent. */
  readonly onError?: (error: CallbackReceiverError, request: Request) => void;
}

/** [I] Default window of {@link CallbackReceiverOptions.maxTimestampSkewSec}: 300 s. */
export const DEFAULT_MAX_TIMESTAMP_SKEW_SEC = 300;

/** A message-push endpoint on web-standard `Request`/`Response`: fits fetch-style servers and serverless functions. */
export type CallbackReceiver = (request: Request) => Promise<Response>;

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

function reply(notifyReply: NotifyReply, format: PushFormat, replyFormat: 'json' | 'request'): Response {
  if (replyFormat === 'request' && format === 'xml') {
    const fields: Record<string, string | number> = { errcode: notifyReply.errcode, ...(notifyReply.errmsg === undefined ? {} : { errmsg: notifyReply.errmsg }) };
    return new Response(toFlatXml(fields), { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
  }
  return Response.json(notifyReply, { status: 200 });
}

/**
 * Creates the vendor cloud's message-push endpoint (D §2.3, §4.13) as a `(Request) => Promise<Response>` function:
 *
 * - `GET` with `signature, timestamp, nonce, echostr`: URL verification; answers the raw `echostr` (401 on a bad
 *   signature);
 * - `POST`: verifies `signature` / `msg_signature`, refuses modes not in `acceptModes` (default secure only when an
 *   EncodingAESKey is given) and timestamps outside the window, decrypts, reads JSON or any well-formed XML, and
 *   calls `onNotify` for `iot_voip_notify` (its `{ errcode }` becomes the reply) or `onMessage` for anything else
 *   (a mini program has one push URL for every message type);
 * - refused requests get 401 (signatures), 400 (body, ciphertext, appid) with a text saying why, 405 for other methods,
 *   500 when a handler throws (WeChat then retries).
 *
 * Only `node:crypto` is used: the same endpoint works against the real WeChat and the wxvoip mock platform.
 * Throws `CallbackReceiverError('badKey')` at once for a malformed EncodingAESKey.
 *
 * @example
 * const receiver = createCallbackReceiver({
 *   token: 'demoToken', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wx_demo_app',
 *   onNotify: (message) => ({ errcode: knownDevice(message.Sn) ? 0 : 1, errmsg: 'ok' }),
 * });
 * export default { fetch: receiver }; // e.g. a serverless function
 */
export function createCallbackReceiver(options: CallbackReceiverOptions): CallbackReceiver {
  if (options.encodingAESKey !== undefined) aesKeyOf(options.encodingAESKey);
  const acceptModes: readonly PushEncryptionMode[] = options.acceptModes ?? (options.encodingAESKey === undefined ? ['plaintext'] : ['secure']);
  const maxSkewSec = options.maxTimestampSkewSec ?? DEFAULT_MAX_TIMESTAMP_SKEW_SEC;
  if (!(maxSkewSec >= 0)) throw new RangeError(`maxTimestampSkewSec must be a number >= 0 (Infinity turns the check off), got ${String(maxSkewSec)}`);
  const now = options.now ?? Date.now;
  const replyFormat = options.replyFormat ?? 'json';
  const credentials: MessagePushCredentials = { token: options.token, appId: options.appId, ...(options.encodingAESKey === undefined ? {} : { encodingAESKey: options.encodingAESKey }) };

  const refuse = (error: CallbackReceiverError, request: Request): Response => {
    options.onError?.(error, request);
    return text(error.status, `${error.reason}: ${error.message}`);
  };

  return async (request: Request): Promise<Response> => {
    const query = new URL(request.url).searchParams;
    if (request.method === 'GET') {
      try {
        return text(200, verifyUrl(query, options.token));
      } catch (error) {
        if (isCallbackReceiverError(error)) return refuse(error, request);
        throw error;
      }
    }
    if (request.method !== 'POST') {
      return new Response('the message push endpoint answers GET (URL verification) and POST (pushes) only', { status: 405, headers: { allow: 'GET, POST' } });
    }
    let push: OpenedMessagePush;
    try {
      push = openMessagePush({ query, body: await request.text(), contentType: request.headers.get('content-type') }, credentials);
      if (!acceptModes.includes(push.mode)) {
        throw new CallbackReceiverError(
          'modeNotAllowed',
          `the push came in ${push.mode} mode, but this receiver accepts ${acceptModes.join(', ')}: WeChat sends iot_voip_notify in secure mode only (D §2.3); check the message push settings, or opt in with acceptModes`,
        );
      }
      const skewSec = Math.abs(now() / 1000 - Number(push.timestamp));
      if (!(skewSec <= maxSkewSec)) {
        throw new CallbackReceiverError(
          'staleTimestamp',
          `timestamp ${push.timestamp} is ${Number.isFinite(skewSec) ? `${Math.round(skewSec)} s` : 'far'} from this receiver's clock (window ${maxSkewSec} s): a replayed or delayed push, or a wrong clock`,
        );
      }
    } catch (error) {
      if (isCallbackReceiverError(error)) return refuse(error, request);
      throw error;
    }
    const context: NotifyContext = { push, request };
    try {
      if (push.notify === null) {
        const answer = options.onMessage ? await options.onMessage(push.fields, context) : 'success';
        return typeof answer === 'string' ? text(200, answer) : answer;
      }
      const answer = NotifyReply.safeParse(await options.onNotify(push.notify, context));
      if (!answer.success) {
        return text(500, `onNotify must return { errcode, errmsg? }: ${answer.error.issues[0]?.message ?? 'invalid'}`);
      }
      return reply(answer.data, push.format, replyFormat);
    } catch (error) {
      return text(500, `the handler failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
