import {
  FlatXmlError,
  IotVoipNotifyMessage,
  NotifySecureBody,
  PushNotifyQuery,
  PushVerifyQuery,
  parseFlatXml,
  parseNotifyXml,
} from '@wxvoip/contracts';
import type { PushEncryptionMode, PushFormat } from '@wxvoip/contracts';
import { CallbackReceiverError } from './callbackReceiverError.js';
import { aesKeyOf, decryptMessage, pushSignature, signaturesEqual } from './messagePushCrypto.js';
import { parseXmlMessage } from './parseXmlMessage.js';

/** What a receiver needs to know about the app: the message push settings (D §4.13). */
export interface MessagePushCredentials {
  /** The Token of the message push settings. */
  readonly token: string;
  /** The EncodingAESKey (43 characters); required to read compatible and secure pushes. */
  readonly encodingAESKey?: string;
  /** The mini program's appId: the tail every encrypted message must end with. */
  readonly appId: string;
}

/** One received message push: its query and raw body. */
export interface MessagePushInput {
  /** The query string parameters (`signature`, `timestamp`, `nonce`, `openid`, `encrypt_type`, `msg_signature`). */
  readonly query: URLSearchParams;
  /** The raw body text. */
  readonly body: string;
  /** The `content-type` header, if any (used with the body's first character to tell JSON from XML). */
  readonly contentType?: string | null;
}

/** A verified, decrypted message push. */
export interface OpenedMessagePush {
  /** The encryption mode the push came in: no `Encrypt` → plaintext; `Encrypt` beside the fields → compatible; else secure. */
  readonly mode: PushEncryptionMode;
  /** The body format: JSON or XML. */
  readonly format: PushFormat;
  /** Every field of the (decrypted) message, as sent (XML values are strings; nested XML elements are objects, see `parseXmlMessage`). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The message as an `iot_voip_notify`, or `null` when it is another kind of message push. */
  readonly notify: IotVoipNotifyMessage | null;
  /** `timestamp` of the query (Unix seconds, as sent). */
  readonly timestamp: string;
  /** `nonce` of the query. */
  readonly nonce: string;
  /** `openid` of the query, when WeChat sent one. */
  readonly openid: string | undefined;
}

function queryRecord(query: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of query) if (!(name in record)) record[name] = value;
  return record;
}

function formatOf(body: string, contentType: string | null | undefined): PushFormat {
  const first = body.trimStart().charAt(0);
  if (first === '<') return 'xml';
  if (first === '{') return 'json';
  return contentType?.toLowerCase().includes('xml') ? 'xml' : 'json';
}

function readFields(text: string, format: PushFormat, what: string): Record<string, unknown> {
  if (format === 'xml') {
    try {
      return parseFlatXml(text);
    } catch (error) {
      if (!(error instanceof FlatXmlError)) throw error;
      // One push URL receives every message type of the mini program (D §4.13): some are nested XML
      // (subscribe_msg_popup_event's <List>). Any well-formed message is read and handed to the application.
      try {
        return parseXmlMessage(text);
      } catch (nested) {
        if (nested instanceof CallbackReceiverError) throw new CallbackReceiverError('badBody', `${what} is not readable XML: ${nested.message}`);
        throw nested;
      }
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CallbackReceiverError('badBody', `${what} is not JSON (starts with ${JSON.stringify(text.slice(0, 20))})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CallbackReceiverError('badBody', `${what} must be a JSON object`);
  return json as Record<string, unknown>;
}

function readNotify(text: string, format: PushFormat, fields: Record<string, unknown>): IotVoipNotifyMessage | null {
  if (fields['Event'] !== 'iot_voip_notify') return null;
  try {
    if (format === 'xml') return parseNotifyXml(text);
  } catch (error) {
    const issue = (error as { issues?: { path: unknown[]; message: string }[] }).issues?.[0];
    throw new CallbackReceiverError('badMessage', `the iot_voip_notify message breaks the contract: ${issue ? `${issue.path.join('.')}: ${issue.message}` : error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = IotVoipNotifyMessage.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CallbackReceiverError('badMessage', `the iot_voip_notify message breaks the contract: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}

/**
 * Answers WeChat's URL verification (D §4.13): checks `signature` over (Token, timestamp, nonce) and returns the
 * `echostr` to send back as the raw response body. Throws `CallbackReceiverError` (`badQuery`, `badSignature`).
 *
 * @example
 * const echo = verifyUrl(new URL(request.url).searchParams, 'demoToken'); // respond 200 text/plain with echo
 */
export function verifyUrl(query: URLSearchParams, token: string): string {
  const parsed = PushVerifyQuery.safeParse(queryRecord(query));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CallbackReceiverError('badQuery', `URL verification needs signature, timestamp, nonce and echostr: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  const { signature, timestamp, nonce, echostr } = parsed.data;
  if (!signaturesEqual(pushSignature({ token, timestamp, nonce }), signature)) {
    throw new CallbackReceiverError('badSignature', 'signature is not sha1(sort([Token, timestamp, nonce])): the Token differs from the message push settings, or the request is not from WeChat');
  }
  return echostr;
}

/**
 * Verifies and decrypts one message push (D §2.3, §4.13), whatever its mode (plaintext, compatible, secure) and
 * format (JSON, XML):
 *
 * 1. the query must carry `signature`, `timestamp` and `nonce`; `signature` must match the Token;
 * 2. a body with `Encrypt` must come with `msg_signature` = sha1 over (Token, timestamp, nonce, Encrypt);
 * 3. `Encrypt` is decrypted (AES-256-CBC, 32-byte PKCS#7) and its appid tail must be `appId`;
 * 4. an `iot_voip_notify` message is validated against the contract's `IotVoipNotifyMessage`.
 *
 * Throws a `CallbackReceiverError` naming what failed. Uses `node:crypto` only: works against the real WeChat too.
 *
 * @example
 * const opened = openMessagePush({ query: url.searchParams, body: await request.text() }, { token, encodingAESKey, appId });
 * if (opened.notify) console.log(opened.notify.RoomId, opened.notify.Payload);
 */
export function openMessagePush(input: MessagePushInput, credentials: MessagePushCredentials): OpenedMessagePush {
  const parsedQuery = PushNotifyQuery.safeParse(queryRecord(input.query));
  if (!parsedQuery.success) {
    const issue = parsedQuery.error.issues[0];
    const reason = issue?.path[0] === 'msg_signature' ? 'badMsgSignature' : 'badQuery';
    throw new CallbackReceiverError(reason, `the message push query is not WeChat's: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  const query = parsedQuery.data;
  const { token } = credentials;
  if (!signaturesEqual(pushSignature({ token, timestamp: query.timestamp, nonce: query.nonce }), query.signature)) {
    throw new CallbackReceiverError('badSignature', 'signature is not sha1(sort([Token, timestamp, nonce])): the Token differs from the message push settings, or the request is not from WeChat');
  }
  const format = formatOf(input.body, input.contentType);
  const outer = readFields(input.body, format, 'the message push body');
  const base = { format, timestamp: query.timestamp, nonce: query.nonce, openid: query.openid };

  if (!('Encrypt' in outer)) {
    return { ...base, mode: 'plaintext', fields: outer, notify: readNotify(input.body, format, outer) };
  }
  const encrypt = outer['Encrypt'];
  if (typeof encrypt !== 'string' || encrypt === '') throw new CallbackReceiverError('badBody', 'Encrypt must be a non-empty base64 string');
  if (query.msg_signature === undefined) {
    throw new CallbackReceiverError('badMsgSignature', 'the body is encrypted but the query has no msg_signature (and encrypt_type=aes): the request is not from WeChat');
  }
  if (!signaturesEqual(pushSignature({ token, timestamp: query.timestamp, nonce: query.nonce, encrypt }), query.msg_signature)) {
    throw new CallbackReceiverError('badMsgSignature', 'msg_signature is not sha1(sort([Token, timestamp, nonce, Encrypt])): the Token differs, or the Encrypt field was altered');
  }
  if (credentials.encodingAESKey === undefined) {
    throw new CallbackReceiverError('badKey', 'the push is encrypted but the receiver has no EncodingAESKey: pass the one from the message push settings');
  }
  const secure = NotifySecureBody.safeParse(outer).success && Object.keys(outer).every((key) => key === 'ToUserName' || key === 'Encrypt');
  const text = decryptMessage(encrypt, aesKeyOf(credentials.encodingAESKey), credentials.appId);
  const innerFormat = formatOf(text, format === 'xml' ? 'text/xml' : 'application/json');
  const fields = readFields(text, innerFormat, 'the decrypted message');
  return { ...base, mode: secure ? 'secure' : 'compatible', fields, notify: readNotify(text, innerFormat, fields) };
}
