/**
 * The receiver's cryptography against vectors built here, independently, with node:crypto and the documented
 * algorithm (D §4.13): never with the receiver's own code.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CallbackReceiverError } from './callbackReceiverError.js';
import { aesKeyOf, decryptMessage, pushSignature } from './messagePushCrypto.js';
import { openMessagePush } from './openMessagePush.js';

const TOKEN = 'demoToken';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP = 'wx_demo_app';
const RANDOM16 = Buffer.from('0123456789abcdef', 'utf8');

/** sha1 of the sorted, concatenated parts, as WeChat documents it. */
function sha1Sorted(parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Plaintext layout: 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ appid. */
function layout(message: string, appId: string): Buffer {
  const msg = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length);
  return Buffer.concat([RANDOM16, length, msg, Buffer.from(appId, 'utf8')]);
}

/** PKCS#7 to a 32-byte block, as WeChat pads (not AES's 16). `override` forces the pad bytes to test bad padding. */
function pad32(data: Buffer, override?: (amount: number) => Buffer): Buffer {
  const amount = 32 - (data.length % 32);
  return Buffer.concat([data, override ? override(amount) : Buffer.alloc(amount, amount)]);
}

/** AES-256-CBC, key = base64(EncodingAESKey + '='), iv = key[0..16), padding done by hand. */
function encryptRaw(padded: Buffer, encodingAESKey = AES_KEY): string {
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

function encrypt(message: string, appId = APP): string {
  return encryptRaw(pad32(layout(message, appId)));
}

function failure(run: () => unknown): CallbackReceiverError {
  try {
    run();
  } catch (error) {
    if (error instanceof CallbackReceiverError) return error;
    throw error;
  }
  throw new Error('expected a CallbackReceiverError');
}

const key = () => aesKeyOf(AES_KEY);

describe('signatures', () => {
  it('signature and msg_signature are sha1 over the sorted parts', () => {
    expect(pushSignature({ token: TOKEN, timestamp: '1700000000', nonce: '1234567890' })).toBe(sha1Sorted([TOKEN, '1700000000', '1234567890']));
    expect(pushSignature({ token: TOKEN, timestamp: '1700000000', nonce: '1234567890', encrypt: 'QUJD' })).toBe(sha1Sorted([TOKEN, '1700000000', '1234567890', 'QUJD']));
  });
});

describe('decryptMessage', () => {
  it('opens an independently built ciphertext and returns the message', () => {
    const message = '{"MsgType":"event","Event":"iot_voip_notify","Payload":"stream-42 ✓"}';
    expect(decryptMessage(encrypt(message), key(), APP)).toBe(message);
  });

  it('accepts pads of 17..32 bytes, which 16-byte PKCS#7 (WebCrypto) would refuse', () => {
    // 20 + 11 + 11 = 42 bytes → 22 bytes of padding.
    const message = '0123456789a';
    const padded = pad32(layout(message, APP));
    expect(padded[padded.length - 1]).toBe(22);
    expect(decryptMessage(encryptRaw(padded), key(), APP)).toBe(message);
    // Exactly one 32-byte block of padding when the content fills its blocks.
    const full = 'x'.repeat(64 - 20 - APP.length);
    expect(pad32(layout(full, APP)).at(-1)).toBe(32);
    expect(decryptMessage(encrypt(full), key(), APP)).toBe(full);
  });

  it('refuses a message encrypted for another mini program (wrong appId tail)', () => {
    const error = failure(() => decryptMessage(encrypt('{"a":1}', 'wx_other_app'), key(), APP));
    expect(error.reason).toBe('appIdMismatch');
    expect(error.message).toContain('wx_other_app');
  });

  it('refuses bad padding: inconsistent pad bytes, a zero pad, a pad over 32', () => {
    const data = layout('{"a":1}', APP);
    const inconsistent = encryptRaw(pad32(data, (amount) => Buffer.concat([Buffer.alloc(amount - 1, 7), Buffer.from([amount])])));
    expect(failure(() => decryptMessage(inconsistent, key(), APP)).reason).toBe('badPadding');
    const zero = encryptRaw(pad32(data, (amount) => Buffer.alloc(amount, 0)));
    expect(failure(() => decryptMessage(zero, key(), APP)).reason).toBe('badPadding');
    const tooLong = encryptRaw(Buffer.concat([data, Buffer.alloc(64 - data.length, 33)]));
    expect(failure(() => decryptMessage(tooLong, key(), APP)).reason).toBe('badPadding');
  });

  it('refuses the right ciphertext under a wrong EncodingAESKey (padding does not check out)', () => {
    const other = aesKeyOf('ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut');
    expect(['badPadding', 'badLength']).toContain(failure(() => decryptMessage(encrypt('{"a":1}'), other, APP)).reason);
  });

  it('refuses truncated ciphertext: cut inside a block, cut at a block boundary, empty', () => {
    const whole = Buffer.from(encrypt('{"MsgType":"event","Event":"iot_voip_notify"}'), 'base64');
    expect(failure(() => decryptMessage(whole.subarray(0, whole.length - 5).toString('base64'), key(), APP)).reason).toBe('truncated');
    // Dropping the last block removes the padding block: what remains ends in message bytes, not a valid pad.
    expect(['badPadding', 'badLength']).toContain(failure(() => decryptMessage(whole.subarray(0, whole.length - 16).toString('base64'), key(), APP)).reason);
    expect(failure(() => decryptMessage('', key(), APP)).reason).toBe('truncated');
  });

  it('refuses a length field that runs past the data', () => {
    const bad = layout('{"a":1}', APP);
    bad.writeUInt32BE(5000, 16);
    expect(failure(() => decryptMessage(encryptRaw(pad32(bad)), key(), APP)).reason).toBe('badLength');
  });

  it('refuses Encrypt that is not base64, and a malformed EncodingAESKey', () => {
    expect(failure(() => decryptMessage('not base64!', key(), APP)).reason).toBe('badBase64');
    expect(failure(() => aesKeyOf('too-short')).reason).toBe('badKey');
    expect(failure(() => aesKeyOf(`${AES_KEY.slice(0, 42)}-`)).reason).toBe('badKey');
  });
});

describe('openMessagePush with independent vectors', () => {
  const timestamp = '1767225600';
  const nonce = '9876543210';
  const notify = {
    ToUserName: 'gh_demo0000001',
    FromUserName: 'openid-alice',
    CreateTime: 1767225600,
    MsgType: 'event',
    Event: 'iot_voip_notify',
    Action: 'join_voip_room',
    RoomId: 'room-1',
    SessionKey: 'sk-1',
    ServerToken: 'st-1',
    Payload: 'payload with <xml> & "quotes"',
    ModelId: 'model-rtos-camera',
    Sn: 'SN-RTOS-0001',
  };
  const credentials = { token: TOKEN, encodingAESKey: AES_KEY, appId: APP };

  function securePush(encrypted: string, tamper: { signature?: string; msgSignature?: string } = {}) {
    const query = new URLSearchParams({
      signature: tamper.signature ?? sha1Sorted([TOKEN, timestamp, nonce]),
      timestamp,
      nonce,
      openid: 'openid-alice',
      encrypt_type: 'aes',
      msg_signature: tamper.msgSignature ?? sha1Sorted([TOKEN, timestamp, nonce, encrypted]),
    });
    return { query, body: JSON.stringify({ ToUserName: notify.ToUserName, Encrypt: encrypted }) };
  }

  it('reads a secure JSON push into the contract message', () => {
    const opened = openMessagePush(securePush(encrypt(JSON.stringify(notify))), credentials);
    expect(opened).toMatchObject({ mode: 'secure', format: 'json', openid: 'openid-alice', timestamp, nonce });
    expect(opened.notify).toEqual(notify);
  });

  it('refuses a tampered signature and a tampered msg_signature with clear errors', () => {
    const encrypted = encrypt(JSON.stringify(notify));
    const badSig = failure(() => openMessagePush(securePush(encrypted, { signature: sha1Sorted(['otherToken', timestamp, nonce]) }), credentials));
    expect(badSig.reason).toBe('badSignature');
    expect(badSig.message).toMatch(/Token/);
    const badMsgSig = failure(() => openMessagePush(securePush(encrypted, { msgSignature: sha1Sorted([TOKEN, timestamp, nonce, `${encrypted}x`]) }), credentials));
    expect(badMsgSig.reason).toBe('badMsgSignature');
    // Altering Encrypt after signing breaks msg_signature before any decryption.
    const pushed = securePush(encrypted);
    const altered = { ...pushed, body: JSON.stringify({ ToUserName: notify.ToUserName, Encrypt: encrypt('{"other":1}') }) };
    expect(failure(() => openMessagePush(altered, credentials)).reason).toBe('badMsgSignature');
  });

  it('refuses a signed push whose plaintext ends with another appId', () => {
    expect(failure(() => openMessagePush(securePush(encrypt(JSON.stringify(notify), 'wx_other_app')), credentials)).reason).toBe('appIdMismatch');
  });

  it('refuses a signed push whose ciphertext is truncated or badly padded', () => {
    const whole = Buffer.from(encrypt(JSON.stringify(notify)), 'base64');
    expect(failure(() => openMessagePush(securePush(whole.subarray(0, whole.length - 3).toString('base64')), credentials)).reason).toBe('truncated');
    const badPad = encryptRaw(pad32(layout(JSON.stringify(notify), APP), (amount) => Buffer.concat([Buffer.alloc(amount - 1, 0), Buffer.from([33])])));
    expect(failure(() => openMessagePush(securePush(badPad), credentials)).reason).toBe('badPadding');
  });

  it('refuses a decrypted iot_voip_notify that breaks the contract, naming the field', () => {
    const error = failure(() => openMessagePush(securePush(encrypt(JSON.stringify({ ...notify, ToUserName: 'no-gh-prefix' }))), credentials));
    expect(error.reason).toBe('badMessage');
    expect(error.message).toContain('ToUserName');
  });
});
