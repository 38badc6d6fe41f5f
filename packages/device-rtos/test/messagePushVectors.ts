/**
 * Message-push vectors for tests, built independently of the receiver with node:crypto and WeChat's documented
 * algorithm (D §4.13): sha1 over the sorted parts; AES-256-CBC with key = base64(EncodingAESKey + '='), iv = key[0..16);
 * plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ appid, PKCS#7-padded to 32 bytes by hand.
 */
import { createCipheriv, createHash } from 'node:crypto';

/** The demo seed's message push Token. */
export const TOKEN = 'demoToken';
/** The demo seed's EncodingAESKey. */
export const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
/** The demo app. */
export const APP = 'wx_demo_app';

/** sha1 (hex) of the sorted, concatenated parts. */
export function sha1Sorted(parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Encrypts a message for an appId as WeChat does (fixed 16 "random" bytes, so vectors are reproducible). */
export function encryptFor(message: string, appId = APP, encodingAESKey = AES_KEY): string {
  const msg = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length);
  const data = Buffer.concat([Buffer.from('0123456789abcdef'), length, msg, Buffer.from(appId, 'utf8')]);
  const amount = 32 - (data.length % 32);
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([data, Buffer.alloc(amount, amount)])), cipher.final()]).toString('base64');
}

/** The query of a push: `signature`, `timestamp`, `nonce`, `openid` and, with `encrypt`, `encrypt_type` + `msg_signature`. */
export function pushQuery(timestamp: string, nonce: string, encrypt?: string, token = TOKEN): URLSearchParams {
  const query = new URLSearchParams({ signature: sha1Sorted([token, timestamp, nonce]), timestamp, nonce, openid: 'openid-alice' });
  if (encrypt !== undefined) {
    query.set('encrypt_type', 'aes');
    query.set('msg_signature', sha1Sorted([token, timestamp, nonce, encrypt]));
  }
  return query;
}

/** A flat `<xml>` document with every value in CDATA (numbers as text), as WeChat writes pushes. */
export function xmlOf(fields: Record<string, string | number>): string {
  return `<xml>${Object.entries(fields)
    .map(([name, value]) => (typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value}]]></${name}>`))
    .join('')}</xml>`;
}

/** A valid decrypted iot_voip_notify message. */
export const NOTIFY = {
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
} as const;
