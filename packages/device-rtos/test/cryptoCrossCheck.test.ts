/**
 * The message-push crypto checked against two independent implementations from the npm registry (issue 17):
 * `wechat-crypto` (a port of WeChat's reference WXBizMsgCrypt) and `@wecom/crypto` (WeCom's, same algorithm, D §4.13).
 * They verify and decrypt what the mock platform's callback sender really POSTs, and the device-rtos receiver accepts
 * what they sign and encrypt. Neither library is used by the code under test.
 *
 * `signature` (without Encrypt) is sha1 of the sorted (Token, timestamp, nonce): the libraries only sign with an
 * `encrypt` part, and an empty one sorts first and adds nothing, so `getSignature(…, '')` computes it.
 */
import { decrypt as wecomDecrypt, encrypt as wecomEncrypt, getSignature as wecomSignature } from '@wecom/crypto';
import { IotVoipNotifyMessage, WX_CLOUDVOIP_SESSION_TYPE } from '@wxvoip/contracts';
import WXBizMsgCrypt from 'wechat-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RtosDevice } from '../src/device/rtosDevice.js';
import { createCallbackReceiver } from '../src/receiver/createCallbackReceiver.js';
import { AES_KEY, APP, NOTIFY, TOKEN, xmlOf } from './messagePushVectors.js';
import { startHarness, type Harness } from './platformHarness.js';

const wechatCrypto = new WXBizMsgCrypt(TOKEN, AES_KEY, APP);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** One real push of the platform's callback sender: its query and body, captured by the receiver host. */
async function capturePush(format: 'json' | 'xml'): Promise<{ query: URLSearchParams; body: string; contentType: string | null }> {
  h.platform.reset();
  if (format === 'xml') {
    const app = await h.platform.control().getApp({ params: { appId: APP } });
    if (app.status !== 200 || app.body.pushConfig === null) throw new Error('the harness app has no push configuration');
    expect((await h.platform.control().updateApp({ params: { appId: APP }, body: { pushConfig: { ...app.body.pushConfig, format: 'xml' } } })).status).toBe(200);
  }
  const captured: { query: URLSearchParams; body: string; contentType: string | null }[] = [];
  h.setReceiver(async (request) => {
    if (request.method !== "POST") return new Response("not a push", { status: 405 }); // URL verification GETs are not pushes
    captured.push({ query: new URL(request.url).searchParams, body: await request.text(), contentType: request.headers.get('content-type') });
    return Response.json({ errcode: 0, errmsg: 'ok' });
  });
  const device = new RtosDevice({ platformUrl: h.platform.url });
  try {
    expect(await device.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', wxa_appid: APP })).toBe(0);
    const call = await device.clientCall(WX_CLOUDVOIP_SESSION_TYPE.AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, 'cross-check');
    expect(call.code).toBe(0);
  } finally {
    await device.destroy();
  }
  expect(captured).toHaveLength(1);
  return captured[0]!;
}

function encryptOf(body: string, format: 'json' | 'xml'): { ToUserName: string; Encrypt: string } {
  if (format === 'json') return JSON.parse(body) as { ToUserName: string; Encrypt: string };
  const field = (name: string) => new RegExp(`<${name}><!\\[CDATA\\[([^\\]]*)\\]\\]></${name}>`).exec(body)?.[1] ?? '';
  return { ToUserName: field('ToUserName'), Encrypt: field('Encrypt') };
}

describe.each(['json', 'xml'] as const)('what the platform sends (%s), read by third-party implementations', (format) => {
  it('wechat-crypto and @wecom/crypto verify both signatures and decrypt the same iot_voip_notify for wx_demo_app', { timeout: 15_000 }, async () => {
    const { query, body } = await capturePush(format);
    const timestamp = query.get('timestamp')!;
    const nonce = query.get('nonce')!;
    const { ToUserName, Encrypt } = encryptOf(body, format);
    expect([ToUserName, query.get('encrypt_type')]).toEqual(['gh_demo0000001', 'aes']);

    expect(wechatCrypto.getSignature(timestamp, nonce, Encrypt)).toBe(query.get('msg_signature'));
    expect(wecomSignature(TOKEN, timestamp, nonce, Encrypt)).toBe(query.get('msg_signature'));
    expect(wechatCrypto.getSignature(timestamp, nonce, '')).toBe(query.get('signature'));
    expect(wecomSignature(TOKEN, timestamp, nonce, '')).toBe(query.get('signature'));

    const byWechatCrypto = wechatCrypto.decrypt(Encrypt);
    const byWecom = wecomDecrypt(AES_KEY, Encrypt);
    expect(byWechatCrypto.id).toBe(APP);
    expect(byWecom.id).toBe(APP);
    expect(byWecom.message).toBe(byWechatCrypto.message);
    const message = format === 'json' ? (JSON.parse(byWecom.message) as unknown) : byWecom.message;
    if (format === 'json') {
      expect(IotVoipNotifyMessage.parse(message)).toMatchObject({ Event: 'iot_voip_notify', Action: 'join_voip_room', Sn: 'SN-RTOS-0001', Payload: 'cross-check' });
    } else {
      expect(byWecom.message).toMatch(/^<xml>.*<Event><!\[CDATA\[iot_voip_notify\]\]><\/Event>.*<Payload><!\[CDATA\[cross-check\]\]><\/Payload>.*<\/xml>$/);
    }
  });
});

describe('what third-party implementations send, read by the device-rtos receiver', () => {
  const TS = '1767225600';
  const NONCE = '2718281828';
  const receiverFor = (seen: unknown[]) =>
    createCallbackReceiver({
      token: TOKEN,
      encodingAESKey: AES_KEY,
      appId: APP,
      now: () => Number(TS) * 1000,
      onNotify: (message) => {
        seen.push(message);
        return { errcode: 0, errmsg: 'ok' };
      },
    });
  const implementations = {
    'wechat-crypto': { encrypt: (message: string) => wechatCrypto.encrypt(message), sign: (encrypt: string) => wechatCrypto.getSignature(TS, NONCE, encrypt) },
    '@wecom/crypto': { encrypt: (message: string) => wecomEncrypt(AES_KEY, message, APP), sign: (encrypt: string) => wecomSignature(TOKEN, TS, NONCE, encrypt) },
  } as const;

  it.each([
    ['wechat-crypto', 'json'],
    ['wechat-crypto', 'xml'],
    ['@wecom/crypto', 'json'],
    ['@wecom/crypto', 'xml'],
  ] as const)('%s, %s: a secure push it encrypted and signed is accepted and handed to onNotify', async (name, format) => {
    const lib = implementations[name];
    const encrypt = lib.encrypt(format === 'json' ? JSON.stringify(NOTIFY) : xmlOf(NOTIFY));
    const query = new URLSearchParams({ signature: lib.sign(''), timestamp: TS, nonce: NONCE, openid: NOTIFY.FromUserName, encrypt_type: 'aes', msg_signature: lib.sign(encrypt) });
    const body = format === 'json' ? JSON.stringify({ ToUserName: NOTIFY.ToUserName, Encrypt: encrypt }) : xmlOf({ ToUserName: NOTIFY.ToUserName, Encrypt: encrypt });
    const seen: unknown[] = [];
    const response = await receiverFor(seen)(
      new Request(`https://vendor.example.com/wechat/callback?${query.toString()}`, { method: 'POST', headers: { 'content-type': format === 'json' ? 'application/json' : 'text/xml' }, body }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(seen).toEqual([NOTIFY]);
  });

  it('a push one of them encrypted for another appId is refused (appIdMismatch)', async () => {
    const encrypt = wecomEncrypt(AES_KEY, JSON.stringify(NOTIFY), 'wx_other_app');
    const query = new URLSearchParams({ signature: wecomSignature(TOKEN, TS, NONCE, ''), timestamp: TS, nonce: NONCE, encrypt_type: 'aes', msg_signature: wecomSignature(TOKEN, TS, NONCE, encrypt) });
    const response = await receiverFor([])(new Request(`https://vendor.example.com/cb?${query.toString()}`, { method: 'POST', body: JSON.stringify({ ToUserName: NOTIFY.ToUserName, Encrypt: encrypt }) }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^appIdMismatch: /);
  });
});
