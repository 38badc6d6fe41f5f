import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { signatureBase } from '@wxvoip/contracts';

/**
 * WeChat message-push cryptography (D §4.13): the `signature` and `msg_signature` SHA-1 digests, and the
 * AES-256-CBC envelope of secure and compatible mode. The key is `base64decode(EncodingAESKey + "=")` (32 bytes),
 * the IV its first 16 bytes, the plaintext `16 random bytes ‖ 4-byte big-endian msg length ‖ msg ‖ appid`, padded
 * with PKCS#7 to a 32-byte block.
 *
 * This is the platform's (sending) side. `decryptMessage` exists for our tests and for checks such as the echo of
 * URL verification; the developer-side receiver lives in `@wxvoip/device-rtos`.
 */

/** The PKCS#7 block size of the message-push envelope: 32 bytes, not AES's 16 (D §4.13). */
export const MESSAGE_PUSH_BLOCK_SIZE = 32;

/** Why `decryptMessage` (or key decoding) refused its input. */
export type MessagePushCryptoFailure = 'badKey' | 'badBase64' | 'truncated' | 'badPadding' | 'badLength' | 'appIdMismatch';

/** A message-push envelope that cannot be opened: bad key, bad base64, truncation, bad padding, bad length or appid. */
export class MessagePushCryptoError extends Error {
  /** Machine-readable reason, for tests and delivery logs. */
  readonly reason: MessagePushCryptoFailure;

  constructor(reason: MessagePushCryptoFailure, message: string) {
    super(message);
    this.name = 'MessagePushCryptoError';
    this.reason = reason;
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** SHA-1 hex digest (lower case) of a UTF-8 string. */
function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/**
 * The URL-verification and push `signature`: `sha1(sort([token, timestamp, nonce]).join(''))` (D §4.13).
 *
 * @example
 * signature('demoToken', '1767225600', '1234567890'); // 40 hex characters
 */
export function signature(token: string, timestamp: string, nonce: string): string {
  return sha1Hex(signatureBase({ token, timestamp, nonce }));
}

/** The push `msg_signature`: `sha1(sort([token, timestamp, nonce, Encrypt]).join(''))` (D §4.13). */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1Hex(signatureBase({ token, timestamp, nonce, encrypt }));
}

/**
 * The 32-byte AES key of an EncodingAESKey: `base64decode(key + "=")` (D §4.13). Throws `MessagePushCryptoError`
 * (`badKey`) unless the key is 43 base64 characters that decode to exactly 32 bytes.
 */
export function aesKeyOf(encodingAESKey: string): Buffer {
  const padded = `${encodingAESKey}=`;
  if (encodingAESKey.length !== 43 || !BASE64.test(padded)) {
    throw new MessagePushCryptoError('badKey', `EncodingAESKey must be 43 base64 characters [A-Za-z0-9+/] (got ${encodingAESKey.length} characters)`);
  }
  const key = Buffer.from(padded, 'base64');
  if (key.length !== 32) throw new MessagePushCryptoError('badKey', `EncodingAESKey must decode to 32 bytes, got ${key.length}`);
  return key;
}

/** PKCS#7 padding to `MESSAGE_PUSH_BLOCK_SIZE`: 1 to 32 bytes, each holding the pad length. */
function pad(data: Buffer): Buffer {
  const amount = MESSAGE_PUSH_BLOCK_SIZE - (data.length % MESSAGE_PUSH_BLOCK_SIZE);
  return Buffer.concat([data, Buffer.alloc(amount, amount)]);
}

/**
 * Encrypts a message for secure or compatible mode and returns the base64 `Encrypt` value (D §4.13).
 * `random16` fixes the 16 leading random bytes (tests); by default they come from `crypto.randomBytes`.
 *
 * @example
 * const encrypt = encryptMessage('{"MsgType":"event"}', encodingAESKey, 'wx_demo_app');
 * decryptMessage(encrypt, encodingAESKey, 'wx_demo_app'); // '{"MsgType":"event"}'
 */
export function encryptMessage(plaintext: string, encodingAESKey: string, appId: string, random16?: Uint8Array): string {
  const key = aesKeyOf(encodingAESKey);
  const random = random16 === undefined ? randomBytes(16) : Buffer.from(random16);
  if (random.length !== 16) throw new RangeError(`encryptMessage: random16 must be 16 bytes, got ${random.length}`);
  const message = Buffer.from(plaintext, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(message.length, 0);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const padded = pad(Buffer.concat([random, length, message, Buffer.from(appId, 'utf8')]));
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/**
 * Decrypts an `Encrypt` value and returns the message (D §4.13). Throws `MessagePushCryptoError` with reason
 * `badKey`, `badBase64`, `truncated` (empty or not whole AES blocks), `badPadding` (PKCS#7 over 32 bytes),
 * `badLength` (the 4-byte length runs past the data) or `appIdMismatch` (the tail is not `appId`).
 */
export function decryptMessage(encrypt: string, encodingAESKey: string, appId: string): string {
  const key = aesKeyOf(encodingAESKey);
  if (!BASE64.test(encrypt)) throw new MessagePushCryptoError('badBase64', 'Encrypt is not valid base64 (characters [A-Za-z0-9+/], length a multiple of 4, at most two "=")');
  const ciphertext = Buffer.from(encrypt, 'base64');
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw new MessagePushCryptoError('truncated', `Encrypt must be a whole number of 16-byte AES blocks, got ${ciphertext.length} bytes: the ciphertext is truncated or damaged`);
  }
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const amount = padded[padded.length - 1] ?? 0;
  if (amount < 1 || amount > MESSAGE_PUSH_BLOCK_SIZE || amount > padded.length || !padded.subarray(padded.length - amount).every((byte) => byte === amount)) {
    throw new MessagePushCryptoError('badPadding', `bad PKCS#7 padding (last byte ${amount}): wrong EncodingAESKey, or a damaged or truncated ciphertext`);
  }
  const content = padded.subarray(0, padded.length - amount);
  if (content.length < 20) throw new MessagePushCryptoError('badLength', `decrypted content is ${content.length} bytes, shorter than the 16 random bytes and 4-byte length`);
  const length = content.readUInt32BE(16);
  if (20 + length > content.length) {
    throw new MessagePushCryptoError('badLength', `the length field says ${length} message bytes but only ${content.length - 20} remain`);
  }
  const tail = content.subarray(20 + length).toString('utf8');
  if (tail !== appId) throw new MessagePushCryptoError('appIdMismatch', `the appid tail is "${tail}", expected "${appId}": the message was encrypted for another mini program`);
  return content.subarray(20, 20 + length).toString('utf8');
}
