import { IOT_VOIP_NOTIFY_FIELDS, toFlatXml, toNotifyXml, toSecureNotifyXml } from '@wxvoip/contracts';
import type { IotVoipNotifyMessage, PushConfig, PushEncryptionMode, PushFormat } from '@wxvoip/contracts';
import { encryptMessage, msgSignature, signature } from './messagePushCrypto.js';

/** What `buildCallbackRequest` needs of a delivery attempt: the app, the decrypted event and a push configuration. */
export interface CallbackRequestInput {
  readonly appId: string;
  readonly event: IotVoipNotifyMessage;
  readonly pushConfig: PushConfig;
}

/** The varying parts of one POST: the time (ms; the query carries Unix seconds), the nonce and 16 random bytes. */
export interface CallbackRequestOptions {
  /** Wall or platform time in milliseconds; `timestamp` is `floor(now / 1000)`. */
  readonly now: number;
  /** The `nonce` query value. */
  readonly nonce: string;
  /** The 16 random bytes that open the encrypted plaintext (secure and compatible mode). */
  readonly random: Uint8Array;
}

/** The query WeChat puts on a message-push POST, in the order D §4.13 lists it. */
export interface CallbackQuery {
  signature: string;
  timestamp: string;
  nonce: string;
  openid: string;
  encrypt_type?: 'aes';
  msg_signature?: string;
}

/** One `iot_voip_notify` POST exactly as WeChat's message push would send it. */
export interface BuiltCallbackRequest {
  /** The push URL with the query appended (an existing query in the configured URL is kept). */
  readonly url: string;
  /** The query parameters on their own, as the delivery log records them. */
  readonly query: CallbackQuery;
  /** The request body, JSON or XML text. */
  readonly body: string;
  /** The `Content-Type` header. [I] `application/json` for JSON, `text/xml` for XML; the reference names neither. */
  readonly contentType: string;
  /** The mode and format the body was built for. */
  readonly mode: PushEncryptionMode;
  /** The body format. */
  readonly format: PushFormat;
  /** The `Encrypt` value (secure and compatible mode), `undefined` in plaintext mode. */
  readonly encrypt: string | undefined;
}

/** The message fields in documented order (D §2.3), so JSON and XML bodies list them alike. */
function orderedFields(event: IotVoipNotifyMessage): Record<string, string | number> {
  const fields: Record<string, string | number> = {};
  for (const name of IOT_VOIP_NOTIFY_FIELDS) fields[name] = event[name];
  return fields;
}

/** The content type of a push body in a format. [I] See `BuiltCallbackRequest.contentType`. */
export function contentTypeOf(format: PushFormat): string {
  return format === 'json' ? 'application/json' : 'text/xml';
}

/**
 * Builds the POST of one `iot_voip_notify` attempt for the app's mode × format (D §2.3, §4.13):
 *
 * - **plaintext**: body = the message (JSON, or XML via `toNotifyXml`); query `signature, timestamp, nonce, openid`.
 * - **compatible**: body = the message fields plus `Encrypt` (last); query adds `encrypt_type=aes` and
 *   `msg_signature`. [I] The reference lists the aes query for encrypted pushes without naming the mode; we send it
 *   whenever there is an `Encrypt` to sign.
 * - **secure**: body = `{ ToUserName, Encrypt }` (JSON, or XML via `toSecureNotifyXml`); query as in compatible.
 *
 * `Encrypt` wraps the message written in the app's format (JSON text or XML text) [I: the reference gives the
 * decrypted fields, not their serialisation]. `openid` is the event's `FromUserName` [T]. `signature` never covers
 * `Encrypt`; `msg_signature` does.
 *
 * @example
 * buildCallbackRequest({ appId, event, pushConfig }, { now: Date.now(), nonce: '1234567890', random: randomBytes(16) });
 */
export function buildCallbackRequest(input: CallbackRequestInput, options: CallbackRequestOptions): BuiltCallbackRequest {
  const { pushConfig, event } = input;
  const { token, mode, format } = pushConfig;
  const timestamp = String(Math.floor(options.now / 1000));
  const nonce = options.nonce;
  const query: CallbackQuery = { signature: signature(token, timestamp, nonce), timestamp, nonce, openid: event.FromUserName };

  const plainBody = format === 'json' ? JSON.stringify(orderedFields(event)) : toNotifyXml(event);
  let body: string;
  let encrypt: string | undefined;
  if (mode === 'plaintext') {
    body = plainBody;
  } else {
    encrypt = encryptMessage(plainBody, pushConfig.encodingAESKey, input.appId, options.random);
    query.encrypt_type = 'aes';
    query.msg_signature = msgSignature(token, timestamp, nonce, encrypt);
    if (mode === 'secure') {
      const outer = { ToUserName: event.ToUserName, Encrypt: encrypt };
      body = format === 'json' ? JSON.stringify(outer) : toSecureNotifyXml(outer);
    } else {
      const fields = { ...orderedFields(event), Encrypt: encrypt };
      body = format === 'json' ? JSON.stringify(fields) : toFlatXml(fields);
    }
  }

  const url = new URL(pushConfig.url);
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') url.searchParams.set(name, value);
  return { url: url.toString(), query, body, contentType: contentTypeOf(format), mode, format, encrypt };
}
