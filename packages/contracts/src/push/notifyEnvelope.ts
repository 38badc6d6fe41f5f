import { z } from 'zod';
import { IotVoipNotifyMessage } from './iotVoipNotify.js';
import { pushText } from './pushFields.js';

/**
 * The message-push encryption mode set in the admin console (D §4.13): plaintext, compatible (plaintext fields
 * plus `Encrypt`), or secure (only `Encrypt`). D §10.1 abbreviates them plain/compat/secure; we use the
 * console's words.
 */
export const PushEncryptionMode = z.enum(['plaintext', 'compatible', 'secure'], {
  errorMap: () => ({ message: "push mode must be 'plaintext', 'compatible' or 'secure'" }),
});
/** The message-push encryption mode. */
export type PushEncryptionMode = z.infer<typeof PushEncryptionMode>;

/** The message-push body format set in the admin console: JSON or XML (D §4.13). */
export const PushFormat = z.enum(['json', 'xml'], { errorMap: () => ({ message: "push format must be 'json' or 'xml'" }) });
/** The message-push body format. */
export type PushFormat = z.infer<typeof PushFormat>;

/** WeChat requires secure mode (AES) for `iot_voip_notify` (D §2.3); the other modes apply to message push in general. */
export const IOT_VOIP_NOTIFY_REQUIRED_MODE: PushEncryptionMode = 'secure';

const encrypt = pushText('Encrypt', 'base64 AES-256-CBC ciphertext of the message');

/** The secure-mode body: `{ ToUserName, Encrypt }` (D §2.3). Decrypting `Encrypt` gives an `IotVoipNotifyMessage`. */
export const NotifySecureBody = z.object({ ToUserName: IotVoipNotifyMessage.shape.ToUserName, Encrypt: encrypt });
/** The secure-mode body. */
export type NotifySecureBody = z.infer<typeof NotifySecureBody>;

/** The compatible-mode body: the plaintext message fields and `Encrypt` side by side (D §4.13). */
export const NotifyCompatibleBody = IotVoipNotifyMessage.extend({ Encrypt: encrypt });
/** The compatible-mode body. */
export type NotifyCompatibleBody = z.infer<typeof NotifyCompatibleBody>;

/** The plaintext-mode body is the message itself. */
export const NotifyPlaintextBody = IotVoipNotifyMessage;
/** The plaintext-mode body. */
export type NotifyPlaintextBody = z.infer<typeof NotifyPlaintextBody>;

/** The body schema for each push mode. @example NOTIFY_BODY_BY_MODE[app.mode].parse(body) */
export const NOTIFY_BODY_BY_MODE = {
  plaintext: NotifyPlaintextBody,
  compatible: NotifyCompatibleBody,
  secure: NotifySecureBody,
} as const satisfies Record<PushEncryptionMode, z.ZodTypeAny>;

const sha1Hex = (field: string) =>
  pushText(field, 'a SHA-1 hex digest').regex(/^[0-9a-fA-F]{40}$/, `${field} must be a SHA-1 digest: 40 hexadecimal characters`);
const timestamp = pushText('timestamp', 'Unix seconds').regex(/^\d+$/, 'timestamp must be Unix seconds written in decimal digits');
const nonce = pushText('nonce', 'a random string chosen by WeChat');

/**
 * The query of the URL-verification GET: `?signature&timestamp&nonce&echostr` (D §4.13), with
 * `signature = sha1(sort([token, timestamp, nonce]).join(''))`. The server answers with the raw `echostr`.
 */
export const PushVerifyQuery = z.object({
  signature: sha1Hex('signature'),
  timestamp,
  nonce,
  echostr: pushText('echostr', 'the string to echo back when the signature is valid'),
});
/** The URL-verification query. */
export type PushVerifyQuery = z.infer<typeof PushVerifyQuery>;

/**
 * The query of a message-push POST: `?signature&timestamp&nonce&openid&encrypt_type=aes&msg_signature` (D §4.13;
 * `openid` in the query is [T]). With `encrypt_type=aes`, `msg_signature = sha1(sort([token, timestamp, nonce,
 * Encrypt]).join(''))` is required.
 */
export const PushNotifyQuery = z
  .object({
    signature: sha1Hex('signature'),
    timestamp,
    nonce,
    openid: pushText('openid', 'the openid WeChat adds to the query').optional(),
    encrypt_type: z.literal('aes', { errorMap: () => ({ message: "encrypt_type must be 'aes' when present" }) }).optional(),
    msg_signature: sha1Hex('msg_signature').optional(),
  })
  .superRefine((query, ctx) => {
    if (query.encrypt_type === 'aes' && query.msg_signature === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['msg_signature'],
        message: 'msg_signature is required when encrypt_type=aes: it signs the Encrypt field',
      });
    }
  });
/** The message-push query. */
export type PushNotifyQuery = z.infer<typeof PushNotifyQuery>;

/**
 * The string whose SHA-1 is `signature` (without `encrypt`) or `msg_signature` (with it): the parts sorted
 * lexicographically and joined without a separator (D §4.13). Hashing is left to the caller (the mock platform,
 * the device-rtos callback receiver); this package carries no crypto.
 *
 * @example
 * signatureBase({ token: 'tok', timestamp: '1700000000', nonce: 'n1' }); // '1700000000n1tok'
 */
export function signatureBase(parts: { token: string; timestamp: string; nonce: string; encrypt?: string }): string {
  const values = [parts.token, parts.timestamp, parts.nonce];
  if (parts.encrypt !== undefined) values.push(parts.encrypt);
  return values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('');
}
