import { createDecipheriv } from 'node:crypto';

/**
 * Opens a WeChat secure-mode `Encrypt` field the way a developer server does (AES-256-CBC, key = base64 of
 * EncodingAESKey + "=", IV = its first 16 bytes, PKCS#7 to 32 bytes; random(16) · length(4) · message · appId),
 * written independently of the platform's own `decryptMessage` so that tests check the platform against it.
 *
 * @example
 * const { message, appId } = openEncrypted(body.Encrypt, KEY);
 */
export function openEncrypted(encrypt: string, encodingAESKey: string): { message: string; appId: string } {
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const raw = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const content = raw.subarray(0, raw.length - raw[raw.length - 1]!);
  const length = content.readUInt32BE(16);
  return { message: content.subarray(20, 20 + length).toString('utf8'), appId: content.subarray(20 + length).toString('utf8') };
}
