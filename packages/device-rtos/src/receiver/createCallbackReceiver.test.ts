/**
 * The receiver as a serverless-style `(Request) => Promise<Response>` function, fed with pushes built independently
 * (test/messagePushVectors.ts): URL verification, every mode × format, the reply, and every refusal.
 */
import type { IotVoipNotifyMessage } from '@wxvoip/contracts';
import { describe, expect, it, vi } from 'vitest';
import { AES_KEY, APP, NOTIFY, TOKEN, encryptFor, pushQuery, sha1Sorted, xmlOf } from '../../test/messagePushVectors.js';
import { CallbackReceiverError } from './callbackReceiverError.js';
import { createCallbackReceiver, type CallbackReceiverOptions } from './createCallbackReceiver.js';

const URL_BASE = 'https://vendor.example.com/wechat/callback';
const TS = '1767225600';
const NONCE = '1234567890';

function receiverWith(overrides: Partial<CallbackReceiverOptions> = {}) {
  const seen: IotVoipNotifyMessage[] = [];
  const onError = vi.fn();
  const receiver = createCallbackReceiver({
    token: TOKEN,
    encodingAESKey: AES_KEY,
    appId: APP,
    onNotify: (message) => {
      seen.push(message);
      return { errcode: 0, errmsg: 'ok' };
    },
    onError,
    // The pushes are signed at TS: the receiver's clock stands there.
    now: () => Number(TS) * 1000,
    ...overrides,
  });
  return { receiver, seen, onError };
}

function post(query: URLSearchParams, body: string, contentType = 'application/json'): Request {
  return new Request(`${URL_BASE}?${query.toString()}`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

function securePost(message: string, format: 'json' | 'xml', appId = APP): Request {
  const encrypt = encryptFor(message, appId);
  const body = format === 'json' ? JSON.stringify({ ToUserName: NOTIFY.ToUserName, Encrypt: encrypt }) : xmlOf({ ToUserName: NOTIFY.ToUserName, Encrypt: encrypt });
  return post(pushQuery(TS, NONCE, encrypt), body, format === 'json' ? 'application/json' : 'text/xml');
}

describe('URL verification (GET)', () => {
  it('echoes echostr when the signature matches the Token', async () => {
    const { receiver } = receiverWith();
    const query = new URLSearchParams({ signature: sha1Sorted([TOKEN, TS, NONCE]), timestamp: TS, nonce: NONCE, echostr: 'echo-me-4711' });
    const response = await receiver(new Request(`${URL_BASE}?${query.toString()}`));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('echo-me-4711');
  });

  it('answers 401 (and tells onError) for a signature made with another Token, 400 without echostr', async () => {
    const { receiver, onError } = receiverWith();
    const forged = new URLSearchParams({ signature: sha1Sorted(['otherToken', TS, NONCE]), timestamp: TS, nonce: NONCE, echostr: 'x' });
    const response = await receiver(new Request(`${URL_BASE}?${forged.toString()}`));
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/^badSignature: /);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ reason: 'badSignature' }), expect.any(Request));
    const missing = await receiver(new Request(`${URL_BASE}?signature=${sha1Sorted([TOKEN, TS, NONCE])}&timestamp=${TS}&nonce=${NONCE}`));
    expect(missing.status).toBe(400);
  });
});

describe('iot_voip_notify pushes (POST)', () => {
  it('secure JSON: decrypts, hands the contract message to onNotify, replies {"errcode":0,"errmsg":"ok"}', async () => {
    const { receiver, seen } = receiverWith();
    const response = await receiver(securePost(JSON.stringify(NOTIFY), 'json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(seen).toEqual([NOTIFY]);
  });

  it('secure XML: reads the XML message (CreateTime as a number); replies JSON by default, XML with replyFormat "request"', async () => {
    const { receiver, seen } = receiverWith();
    const json = await receiver(securePost(xmlOf(NOTIFY), 'xml'));
    expect(await json.json()).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(seen).toEqual([NOTIFY]);
    const xml = await receiverWith({ replyFormat: 'request' }).receiver(securePost(xmlOf(NOTIFY), 'xml'));
    expect(xml.headers.get('content-type')).toContain('xml');
    expect(await xml.text()).toBe('<xml><errcode>0</errcode><errmsg><![CDATA[ok]]></errmsg></xml>');
  });

  it('compatible mode (opted in): verifies msg_signature and uses the decrypted message', async () => {
    const { receiver, seen } = receiverWith({ acceptModes: ['compatible', 'secure'] });
    const encrypt = encryptFor(JSON.stringify(NOTIFY));
    const response = await receiver(post(pushQuery(TS, NONCE, encrypt), JSON.stringify({ ...NOTIFY, Encrypt: encrypt })));
    expect(response.status).toBe(200);
    expect(seen).toEqual([NOTIFY]);
  });

  it('plaintext mode, JSON and XML: only signature is checked (no Encrypt), even without an EncodingAESKey', async () => {
    const { receiver, seen } = receiverWith({ encodingAESKey: undefined });
    expect((await receiver(post(pushQuery(TS, NONCE), JSON.stringify(NOTIFY)))).status).toBe(200);
    expect((await receiver(post(pushQuery(TS, NONCE), xmlOf(NOTIFY), 'text/xml'))).status).toBe(200);
    expect(seen).toEqual([NOTIFY, NOTIFY]);
  });

  it('turns the handler\'s non-zero errcode into the reply that cancels the call', async () => {
    const { receiver } = receiverWith({ onNotify: () => ({ errcode: 40001, errmsg: 'unknown device' }) });
    expect(await (await receiver(securePost(JSON.stringify(NOTIFY), 'json'))).json()).toEqual({ errcode: 40001, errmsg: 'unknown device' });
  });

  it('answers 500 when the handler throws or returns something that is not { errcode }, so WeChat retries', async () => {
    const thrown = await receiverWith({ onNotify: () => Promise.reject(new Error('database down')) }).receiver(securePost(JSON.stringify(NOTIFY), 'json'));
    expect(thrown.status).toBe(500);
    expect(await thrown.text()).toContain('database down');
    const shapeless = await receiverWith({ onNotify: () => ({ errcode: 'zero' }) as unknown as { errcode: number } }).receiver(securePost(JSON.stringify(NOTIFY), 'json'));
    expect(shapeless.status).toBe(500);
  });

  it('passes other message pushes to onMessage, or answers "success"', async () => {
    const text = { ToUserName: 'gh_demo0000001', FromUserName: 'openid-alice', CreateTime: 1, MsgType: 'text', Content: 'hi' };
    const { receiver, seen } = receiverWith();
    const plain = await receiver(securePost(JSON.stringify(text), 'json'));
    expect(await plain.text()).toBe('success');
    expect(seen).toEqual([]);
    const onMessage = vi.fn(() => 'handled');
    const handled = await receiverWith({ onMessage }).receiver(securePost(JSON.stringify(text), 'json'));
    expect(await handled.text()).toBe('handled');
    expect(onMessage).toHaveBeenCalledWith(text, expect.objectContaining({ push: expect.objectContaining({ mode: 'secure' }) }));
  });
});

/** A secure push whose `signature` or `msg_signature` was computed over other data. */
function tampered(name: 'signature' | 'msg_signature'): Request {
  const encrypt = encryptFor(JSON.stringify(NOTIFY));
  const query = pushQuery(TS, NONCE, encrypt);
  query.set(name, sha1Sorted([TOKEN, TS, NONCE, 'something else']));
  return post(query, JSON.stringify({ ToUserName: NOTIFY.ToUserName, Encrypt: encrypt }));
}

describe('refusals', () => {
  it.each([
    ['a wrong appId tail', () => securePost(JSON.stringify(NOTIFY), 'json', 'wx_other_app'), 400, 'appIdMismatch'],
    ['a tampered msg_signature', () => tampered('msg_signature'), 401, 'badMsgSignature'],
    ['a tampered signature', () => tampered('signature'), 401, 'badSignature'],
    ['an encrypted body without msg_signature', () => post(pushQuery(TS, NONCE), JSON.stringify({ ToUserName: NOTIFY.ToUserName, Encrypt: encryptFor('{}') })), 401, 'badMsgSignature'],
    ['a body that is neither JSON nor XML', () => post(pushQuery(TS, NONCE), 'hello'), 400, 'badBody'],
    ['a query without nonce', () => post(new URLSearchParams({ signature: sha1Sorted([TOKEN, TS]), timestamp: TS }), '{}'), 400, 'badQuery'],
  ])('%s', async (_name, request, status, reason) => {
    const { receiver, onError, seen } = receiverWith();
    const response = await receiver(request());
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(new RegExp(`^${reason}: `));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ reason }), expect.any(Request));
    expect(seen).toEqual([]);
  });

  it('refuses a mode it does not accept, and methods other than GET and POST', async () => {
    const { receiver } = receiverWith({ acceptModes: ['secure'] });
    const plaintext = await receiver(post(pushQuery(TS, NONCE), JSON.stringify(NOTIFY)));
    expect(plaintext.status).toBe(400);
    expect(await plaintext.text()).toMatch(/^modeNotAllowed: /);
    expect((await receiver(new Request(URL_BASE, { method: 'PUT', body: '' }))).status).toBe(405);
  });

  it('throws at creation for a malformed EncodingAESKey', () => {
    expect(() => receiverWith({ encodingAESKey: 'short' })).toThrow(CallbackReceiverError);
  });
});

describe('issue 17: what a receiver accepts by default', () => {
  it('with an EncodingAESKey, refuses a plaintext iot_voip_notify with a valid (signature, timestamp, nonce): secure only (D §2.3)', async () => {
    const { receiver, seen, onError } = receiverWith();
    const forged = await receiver(post(pushQuery(TS, NONCE), JSON.stringify(NOTIFY)));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toMatch(/^modeNotAllowed: the push came in plaintext mode, but this receiver accepts secure/);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ reason: 'modeNotAllowed' }), expect.any(Request));
    const encrypt = encryptFor(JSON.stringify(NOTIFY));
    const compatible = await receiver(post(pushQuery(TS, NONCE, encrypt), JSON.stringify({ ...NOTIFY, Encrypt: encrypt })));
    expect(compatible.status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('other modes are an explicit opt-in (acceptModes)', async () => {
    const { receiver, seen } = receiverWith({ acceptModes: ['plaintext', 'compatible', 'secure'] });
    expect((await receiver(post(pushQuery(TS, NONCE), JSON.stringify(NOTIFY)))).status).toBe(200);
    expect(seen).toEqual([NOTIFY]);
  });

  it('refuses a push whose signed timestamp is outside the window (300 s by default) as staleTimestamp, 401', async () => {
    const at = (offsetSec: number) => receiverWith({ now: () => (Number(TS) + offsetSec) * 1000 });
    const late = at(301);
    const replayed = await late.receiver(securePost(JSON.stringify(NOTIFY), 'json'));
    expect(replayed.status).toBe(401);
    expect(await replayed.text()).toMatch(/^staleTimestamp: timestamp 1767225600 is 301 s from this receiver's clock \(window 300 s\)/);
    expect(late.seen).toEqual([]);
    expect((await at(-301).receiver(securePost(JSON.stringify(NOTIFY), 'json'))).status).toBe(401);
    const inWindow = at(299);
    expect((await inWindow.receiver(securePost(JSON.stringify(NOTIFY), 'json'))).status).toBe(200);
    const wide = receiverWith({ now: () => (Number(TS) + 3_600) * 1000, maxTimestampSkewSec: 7_200 });
    expect((await wide.receiver(securePost(JSON.stringify(NOTIFY), 'json'))).status).toBe(200);
    expect(() => receiverWith({ maxTimestampSkewSec: -1 })).toThrow(RangeError);
  });

  it('hands a nested XML message (subscribe_msg_popup_event) to onMessage instead of refusing it', async () => {
    const popup =
      '<xml><ToUserName><![CDATA[gh_demo0000001]]></ToUserName><FromUserName><![CDATA[openid-alice]]></FromUserName><CreateTime>1767225600</CreateTime>' +
      '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_popup_event]]></Event>' +
      '<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[T1]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>0</PopupScene></List>' +
      '<List><TemplateId><![CDATA[T2]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString><PopupScene>0</PopupScene></List></SubscribeMsgPopupEvent></xml>';
    const onMessage = vi.fn(() => 'success');
    const { receiver, seen } = receiverWith({ onMessage });
    const response = await receiver(securePost(popup, 'xml'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('success');
    expect(seen).toEqual([]);
    expect(onMessage).toHaveBeenCalledWith(
      expect.objectContaining({
        Event: 'subscribe_msg_popup_event',
        SubscribeMsgPopupEvent: {
          List: [
            { TemplateId: 'T1', SubscribeStatusString: 'accept', PopupScene: '0' },
            { TemplateId: 'T2', SubscribeStatusString: 'reject', PopupScene: '0' },
          ],
        },
      }),
      expect.anything(),
    );
    const broken = await receiver(securePost('<xml><Event>x</Event><List><item></List></xml>', 'xml'));
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/^badBody: .*<\/List> closes <item>/);
  });
});
