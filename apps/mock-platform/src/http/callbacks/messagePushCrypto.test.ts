import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MessagePushCryptoError, aesKeyOf, decryptMessage, encryptMessage, msgSignature, signature } from './messagePushCrypto.js';

// Independent reference of D §4.13, written with node:crypto only (none of the functions under test).
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP = 'wx_demo_app';
const RANDOM = Buffer.from('0123456789abcdef', 'utf8');

function refSha1(parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

function refKey(encodingAESKey: string): Buffer {
  return Buffer.from(`${encodingAESKey}=`, 'base64');
}

/** AES-256-CBC of a raw plaintext (no padding added), iv = key[0:16]. */
function refCipher(raw: Buffer, encodingAESKey = KEY): string {
  const key = refKey(encodingAESKey);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(raw), cipher.final()]).toString('base64');
}

/** random ‖ be32(len) ‖ msg ‖ appid, before padding. */
function refContent(message: string, appId = APP, random = RANDOM, declaredLength?: number): Buffer {
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(declaredLength ?? msg.length);
  return Buffer.concat([random, len, msg, Buffer.from(appId, 'utf8')]);
}

function refPad(content: Buffer): Buffer {
  const n = 32 - (content.length % 32);
  return Buffer.concat([content, Buffer.alloc(n, n)]);
}

function refEncrypt(message: string, appId = APP, random = RANDOM, encodingAESKey = KEY): string {
  return refCipher(refPad(refContent(message, appId, random)), encodingAESKey);
}

function refDecryptRaw(encrypt: string, encodingAESKey = KEY): Buffer {
  const key = refKey(encodingAESKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
}

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MessagePushCryptoError) return error.reason;
    throw error;
  }
  throw new Error('expected a MessagePushCryptoError');
}

describe('signature and msg_signature', () => {
  it('matches a fixed vector computed outside Node (sha1sum of the sorted concatenation)', () => {
    // printf '%s' 12345678901767225600demoToken | sha1sum
    expect(signature('demoToken', '1767225600', '1234567890')).toBe('6894fd3ce849522b5ff8c4bd0da60ecd15e4ce54');
  });

  it('is sha1 of the sorted parts, whatever order they are given in', () => {
    expect(signature('tok', '1700000000', 'zz')).toBe(refSha1(['zz', 'tok', '1700000000']));
    expect(signature('Token1', '1', 'a')).toBe(refSha1(['a', '1', 'Token1']));
  });

  it('msg_signature covers Encrypt; changing one character of Encrypt changes it', () => {
    const encrypt = refEncrypt('{"a":1}');
    const good = msgSignature('demoToken', '1767225600', '42', encrypt);
    expect(good).toBe(refSha1(['demoToken', '1767225600', '42', encrypt]));
    const tampered = `${encrypt.slice(0, 10)}${encrypt[10] === 'A' ? 'B' : 'A'}${encrypt.slice(11)}`;
    expect(msgSignature('demoToken', '1767225600', '42', tampered)).not.toBe(good);
    expect(msgSignature('demoToken', '1767225600', '42', encrypt)).not.toBe(signature('demoToken', '1767225600', '42'));
  });
});

describe('aesKeyOf', () => {
  it('decodes EncodingAESKey + "=" into the 32-byte key', () => {
    expect(aesKeyOf(KEY).equals(refKey(KEY))).toBe(true);
    expect(aesKeyOf(KEY)).toHaveLength(32);
  });

  it('refuses keys that are not 43 base64 characters', () => {
    expect(reason(() => aesKeyOf(KEY.slice(1)))).toBe('badKey');
    expect(reason(() => aesKeyOf(`${KEY.slice(1)}-`))).toBe('badKey');
  });
});

describe('encryptMessage', () => {
  it('produces exactly the documented layout (same bytes as the independent reference)', () => {
    const message = '{"ToUserName":"gh_demo0000001","Event":"iot_voip_notify"}';
    expect(encryptMessage(message, KEY, APP, RANDOM)).toBe(refEncrypt(message));
  });

  it('pads to a 32-byte block with PKCS#7, a full block of 32 when already aligned', () => {
    // 16 random + 4 length + 1 msg + 11 appid = 32 bytes: a whole extra block of padding.
    const raw = refDecryptRaw(encryptMessage('x', KEY, APP, RANDOM));
    expect(raw).toHaveLength(64);
    expect([...raw.subarray(32)]).toEqual(new Array<number>(32).fill(32));
    const short = refDecryptRaw(encryptMessage('xy', KEY, APP, RANDOM));
    expect(short).toHaveLength(64);
    expect([...short.subarray(33)]).toEqual(new Array<number>(31).fill(31));
  });

  it('counts the length in UTF-8 bytes', () => {
    const message = '门铃 📞';
    const raw = refDecryptRaw(encryptMessage(message, KEY, APP, RANDOM));
    expect(raw.readUInt32BE(16)).toBe(Buffer.byteLength(message, 'utf8'));
    expect(raw.subarray(0, 16).equals(RANDOM)).toBe(true);
  });

  it('uses fresh random bytes by default and refuses a random prefix of the wrong size', () => {
    expect(encryptMessage('m', KEY, APP)).not.toBe(encryptMessage('m', KEY, APP));
    expect(() => encryptMessage('m', KEY, APP, new Uint8Array(15))).toThrow(RangeError);
  });
});

describe('decryptMessage', () => {
  it('opens a ciphertext made by the independent reference, and round-trips its own', () => {
    expect(decryptMessage(refEncrypt('hello 门铃'), KEY, APP)).toBe('hello 门铃');
    for (const message of ['', 'a', 'x'.repeat(11), 'y'.repeat(12), '<xml><A>1</A></xml>', 'z'.repeat(1000)]) {
      expect(decryptMessage(encryptMessage(message, KEY, APP), KEY, APP)).toBe(message);
    }
  });

  it('refuses a wrong appid tail', () => {
    const error = (() => {
      try {
        decryptMessage(refEncrypt('m', 'wx_other_app'), KEY, APP);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MessagePushCryptoError);
    expect((error as MessagePushCryptoError).reason).toBe('appIdMismatch');
    expect((error as MessagePushCryptoError).message).toContain('"wx_other_app", expected "wx_demo_app"');
  });

  it('refuses bad padding: a zero pad byte, a pad above 32, inconsistent pad bytes', () => {
    const content = refContent('m'); // 32 bytes, needs a full block of padding
    expect(reason(() => decryptMessage(refCipher(Buffer.concat([content, Buffer.alloc(32, 0)])), KEY, APP))).toBe('badPadding');
    expect(reason(() => decryptMessage(refCipher(Buffer.concat([content, Buffer.alloc(32, 33)])), KEY, APP))).toBe('badPadding');
    const mixed = Buffer.concat([content, Buffer.alloc(32, 4)]);
    mixed[61] = 5;
    expect(reason(() => decryptMessage(refCipher(mixed), KEY, APP))).toBe('badPadding');
  });

  it('refuses truncated ciphertext: partial blocks, empty, and a dropped final block', () => {
    const encrypt = refEncrypt('a message long enough to span several blocks of ciphertext');
    const bytes = Buffer.from(encrypt, 'base64');
    expect(reason(() => decryptMessage(bytes.subarray(0, bytes.length - 5).toString('base64'), KEY, APP))).toBe('truncated');
    expect(reason(() => decryptMessage('', KEY, APP))).toBe('truncated');
    expect(() => decryptMessage(bytes.subarray(0, bytes.length - 32).toString('base64'), KEY, APP)).toThrow(MessagePushCryptoError);
  });

  it('refuses a length field that runs past the data, a too-short content, bad base64 and the wrong key', () => {
    expect(reason(() => decryptMessage(refCipher(refPad(refContent('m', APP, RANDOM, 500))), KEY, APP))).toBe('badLength');
    expect(reason(() => decryptMessage(refCipher(refPad(Buffer.alloc(10, 1))), KEY, APP))).toBe('badLength');
    expect(reason(() => decryptMessage('not base64!', KEY, APP))).toBe('badBase64');
    const otherKey = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
    expect(() => decryptMessage(refEncrypt('m'), otherKey, APP)).toThrow(MessagePushCryptoError);
  });
});
