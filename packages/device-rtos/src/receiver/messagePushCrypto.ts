import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { signatureBase } from '@wxvoip/contracts';
import { CallbackReceiverError } from './callbackReceiverError.js';

/**
 * WeChat message-push cryptography, receiving side (D §4.13), with `node:crypto` only:
 * - `signature = sha1(sort([token, timestamp, nonce]).join(''))`, `msg_signature` adds `Encrypt` to the sort;
 * - key = `base64decode(EncodingAESKey + "=")` (32 bytes), AES-256-CBC, IV = the key's first 16 bytes;
 * - plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ appid, PKCS#7-padded to a **32-byte** block.
 *
 * WebCrypto's AES-CBC insists on 16-byte PKCS#7 padding, which WeChat's 32-byte padding breaks (a pad of 17..32
 * bytes), so decryption runs with auto-padding off and checks the 1..32 padding itself.
 */

/** The PKCS#7 block size WeChat pads message pushes to: 32 bytes, not AES's 16 (D §4.13). */
export const MESSAGE_PUSH_BLOCK_SIZE = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The SHA-1 (lower-case hex) of the sorted, concatenated parts: `signature` without `encrypt`, `msg_signature` with it.
 *
 * @example
 * pushSignature({ token: 'demoToken', timestamp: '1700000000', nonce: '42' }); // 40 hex characters
 */
export function pushSignature(parts: { token: string; timestamp: string; nonce: string; encrypt?: string }): string {
  return createHash('sha1').update(signatureBase(parts), 'utf8').digest('hex');
}

/** Compares two hex signatures in constant time (case-insensitive); false when the lengths differ. */
export function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The 32-byte AES key of an EncodingAESKey. Throws `CallbackReceiverError('badKey')` unless it is 43 base64
 * characters that decode to 32 bytes.
 *
 * @example
 * aesKeyOf('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG').length; // 32
 */
export function aesKeyOf(encodingAESKey: string): Buffer {
  const padded = `${encodingAESKey}=`;
  if (typeof encodingAESKey !== 'string' || encodingAESKey.length !== 43 || !BASE64.test(padded)) {
    throw new CallbackReceiverError('badKey', `EncodingAESKey must be the 43 base64 characters [A-Za-z0-9+/] from the message push settings (got ${String(encodingAESKey).length} characters)`);
  }
  const key = Buffer.from(padded, 'base64');
  if (key.length !== 32) throw new CallbackReceiverError('badKey', `EncodingAESKey must decode to 32 bytes, got ${key.length}: copy it again from the message push settings`);
  return key;
}

/**
 * Decrypts an `Encrypt` value and returns the message text (JSON or XML, as the app's push format says). Throws a
 * `CallbackReceiverError` with reason `badBase64`, `truncated`, `badPadding`, `badLength` or `appIdMismatch`.
 *
 * @example
 * decryptMessage(body.Encrypt, aesKeyOf(encodingAESKey), 'wx_demo_app'); // '{"ToUserName":"gh_…",…}'
 */
export function decryptMessage(encrypt: string, key: Buffer, appId: string): string {
  if (!BASE64.test(encrypt)) {
    throw new CallbackReceiverError('badBase64', 'Encrypt is not valid base64 (characters [A-Za-z0-9+/], length a multiple of 4, at most two "="): the body was altered');
  }
  const ciphertext = Buffer.from(encrypt, 'base64');
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw new CallbackReceiverError('truncated', `Encrypt must be a whole number of 16-byte AES blocks, got ${ciphertext.length} bytes: the ciphertext is truncated or damaged`);
  }
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const amount = padded[padded.length - 1] ?? 0;
  if (amount < 1 || amount > MESSAGE_PUSH_BLOCK_SIZE || amount > padded.length || !padded.subarray(padded.length - amount).every((byte) => byte === amount)) {
    throw new CallbackReceiverError('badPadding', `bad PKCS#7 padding (last byte ${amount}, expected 1..32 equal bytes): the EncodingAESKey is wrong, or the ciphertext is damaged or truncated`);
  }
  const content = padded.subarray(0, padded.length - amount);
  if (content.length < 20) {
    throw new CallbackReceiverError('badLength', `the decrypted content is ${content.length} bytes, shorter than the 16 random bytes and the 4-byte length`);
  }
  const length = content.readUInt32BE(16);
  if (20 + length > content.length) {
    throw new CallbackReceiverError('badLength', `the length field says ${length} message bytes but only ${content.length - 20} remain: wrong key or damaged ciphertext`);
  }
  const tail = content.subarray(20 + length).toString('utf8');
  if (tail !== appId) {
    throw new CallbackReceiverError('appIdMismatch', `the plaintext ends with appid "${tail}", expected "${appId}": the message was encrypted for another mini program (check the receiver's appId)`);
  }
  return content.subarray(20, 20 + length).toString('utf8');
}
