import { createDecipheriv, createHash } from 'node:crypto';
import {
  IotVoipNotifyMessage,
  NotifyCompatibleBody,
  NotifyPlaintextBody,
  NotifySecureBody,
  PushConfig,
  PushNotifyQuery,
  parseFlatXml,
  parseNotifyXml,
  parseSecureNotifyXml,
} from '@wxvoip/contracts';
import type { PushEncryptionMode, PushFormat } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { buildCallbackRequest } from './buildCallbackRequest.js';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const TOKEN = 'demoToken';
const APP = 'wx_demo_app';
const NOW = 1_767_225_600_123;
const OPTIONS = { now: NOW, nonce: '8302175946', random: Buffer.from('fedcba9876543210') };

const event = IotVoipNotifyMessage.parse({
  ToUserName: 'gh_demo0000001',
  FromUserName: 'openid-alice',
  CreateTime: 1_767_225_600,
  MsgType: 'event',
  Event: 'iot_voip_notify',
  Action: 'join_voip_room',
  RoomId: 'wxf830863afde621ebWmpfVoip1',
  SessionKey: 'session-key',
  ServerToken: 'server-token',
  Payload: 'stream <7> & "quotes"',
  ModelId: 'model-rtos-camera',
  Sn: 'SN-RTOS-0001',
});

const config = (mode: PushEncryptionMode, format: PushFormat, url = 'http://dev.example/wechat/callback') =>
  PushConfig.parse({ url, token: TOKEN, encodingAESKey: KEY, mode, format });

// Independent checks with node:crypto only.
const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

function independentDecrypt(encrypt: string): { message: string; appId: string } {
  const key = Buffer.from(`${KEY}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const raw = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const pad = raw[raw.length - 1]!;
  expect(pad).toBeGreaterThanOrEqual(1);
  expect(pad).toBeLessThanOrEqual(32);
  expect(raw.length % 32).toBe(0);
  const content = raw.subarray(0, raw.length - pad);
  expect(content.subarray(0, 16).equals(OPTIONS.random)).toBe(true);
  const length = content.readUInt32BE(16);
  return { message: content.subarray(20, 20 + length).toString('utf8'), appId: content.subarray(20 + length).toString('utf8') };
}

function checkQuery(query: Record<string, string | undefined>, encrypted: boolean): void {
  expect(PushNotifyQuery.parse(query)).toBeTruthy();
  expect(query['timestamp']).toBe('1767225600');
  expect(query['nonce']).toBe(OPTIONS.nonce);
  expect(query['openid']).toBe('openid-alice');
  expect(query['signature']).toBe(sha1([TOKEN, '1767225600', OPTIONS.nonce]));
  if (!encrypted) {
    expect(query['encrypt_type']).toBeUndefined();
    expect(query['msg_signature']).toBeUndefined();
  } else {
    expect(query['encrypt_type']).toBe('aes');
  }
}

function urlQuery(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

describe('buildCallbackRequest: every mode × format', () => {
  it('plaintext + json: the message as JSON, signature only', () => {
    const built = buildCallbackRequest({ appId: APP, event, pushConfig: config('plaintext', 'json') }, OPTIONS);
    checkQuery({ ...built.query }, false);
    expect(built.contentType).toBe('application/json');
    expect(NotifyPlaintextBody.parse(JSON.parse(built.body))).toEqual(event);
    expect(Object.keys(JSON.parse(built.body) as object)).toEqual(Object.keys(event));
    expect(built.encrypt).toBeUndefined();
  });

  it('plaintext + xml: the message as flat XML', () => {
    const built = buildCallbackRequest({ appId: APP, event, pushConfig: config('plaintext', 'xml') }, OPTIONS);
    checkQuery({ ...built.query }, false);
    expect(built.contentType).toBe('text/xml');
    expect(built.body.startsWith('<xml><ToUserName><![CDATA[gh_demo0000001]]></ToUserName>')).toBe(true);
    expect(built.body).toContain('<CreateTime>1767225600</CreateTime>');
    expect(parseNotifyXml(built.body)).toEqual(event);
  });

  it('compatible + json: plaintext fields plus Encrypt of the JSON message, msg_signature over Encrypt', () => {
    const built = buildCallbackRequest({ appId: APP, event, pushConfig: config('compatible', 'json') }, OPTIONS);
    checkQuery({ ...built.query }, true);
    const body = NotifyCompatibleBody.parse(JSON.parse(built.body));
    const { Encrypt, ...fields } = body;
    expect(fields).toEqual(event);
    expect(built.query.msg_signature).toBe(sha1([TOKEN, '1767225600', OPTIONS.nonce, Encrypt]));
    const opened = independentDecrypt(Encrypt);
    expect(opened.appId).toBe(APP);
    expect(JSON.parse(opened.message)).toEqual(event);
  });

  it('compatible + xml: plaintext XML fields plus <Encrypt> of the XML message', () => {
    const built = buildCallbackRequest({ appId: APP, event, pushConfig: config('compatible', 'xml') }, OPTIONS);
    checkQuery({ ...built.query }, true);
    const fields = parseFlatXml(built.body);
    const encrypt = fields['Encrypt']!;
    expect(built.body.endsWith(`<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`)).toBe(true);
    expect(fields['RoomId']).toBe(event.RoomId);
    expect(fields['Payload']).toBe(event.Payload);
    expect(built.query.msg_signature).toBe(sha1([TOKEN, '1767225600', OPTIONS.nonce, encrypt]));
    const opened = independentDecrypt(encrypt);
    expect(opened.appId).toBe(APP);
    expect(parseNotifyXml(opened.message)).toEqual(event);
  });

  it('secure + json: only {ToUserName, Encrypt}; the event is recoverable only by decryption', () => {
    const built = buildCallbackRequest({ appId: APP, event, pushConfig: config('secure', 'json') }, OPTIONS);
    checkQuery({ ...built.query }, true);
    const raw = JSON.parse(built.body) as Record<string, unknown>;
    expect(Object.keys(raw)).toEqual(['ToUserName', 'Encrypt']);
    const body = NotifySecureBody.parse(raw);
    expect(body.ToUserName).toBe('gh_demo0000001');
    expect(built.body).not.toContain('server-token');
    expect(built.query.msg_signature).toBe(sha1([TOKEN, '1767225600', OPTIONS.nonce, body.Encrypt]));
    const opened = independentDecrypt(body.Encrypt);
    expect(opened.appId).toBe(APP);
    expect(IotVoipNotifyMessage.parse(JSON.parse(opened.message))).toEqual(event);
  });

  it('secure + xml: <xml><ToUserName/><Encrypt/></xml> wrapping the XML message', () => {
    const built = buildCallbackRequest({ appId: APP, event, pushConfig: config('secure', 'xml') }, OPTIONS);
    checkQuery({ ...built.query }, true);
    expect(built.contentType).toBe('text/xml');
    const body = parseSecureNotifyXml(built.body);
    expect(Object.keys(parseFlatXml(built.body))).toEqual(['ToUserName', 'Encrypt']);
    expect(built.query.msg_signature).toBe(sha1([TOKEN, '1767225600', OPTIONS.nonce, body.Encrypt]));
    const opened = independentDecrypt(body.Encrypt);
    expect(opened.appId).toBe(APP);
    expect(parseNotifyXml(opened.message)).toEqual(event);
  });
});

describe('buildCallbackRequest: URL and determinism', () => {
  it('appends the query to the URL in the documented order and keeps an existing query', () => {
    const built = buildCallbackRequest({ appId: APP, event, pushConfig: config('secure', 'json', 'https://dev.example:8443/cb?tenant=t1') }, OPTIONS);
    const url = new URL(built.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://dev.example:8443/cb');
    expect([...url.searchParams.keys()]).toEqual(['tenant', 'signature', 'timestamp', 'nonce', 'openid', 'encrypt_type', 'msg_signature']);
    expect(urlQuery(built.url)).toEqual({ tenant: 't1', ...built.query });
  });

  it('is deterministic for fixed options and varies with the random bytes', () => {
    const input = { appId: APP, event, pushConfig: config('secure', 'json') };
    expect(buildCallbackRequest(input, OPTIONS)).toEqual(buildCallbackRequest(input, OPTIONS));
    const other = buildCallbackRequest(input, { ...OPTIONS, random: Buffer.alloc(16, 7) });
    expect(other.encrypt).not.toBe(buildCallbackRequest(input, OPTIONS).encrypt);
    expect(other.query.signature).toBe(buildCallbackRequest(input, OPTIONS).query.signature);
  });
});
