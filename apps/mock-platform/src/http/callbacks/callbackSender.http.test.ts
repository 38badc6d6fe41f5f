import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallDeviceRequest, ConnectPartyRequest, IotVoipNotifyMessage, demoSeed } from '@wxvoip/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformTenant } from '../../core/platformTenant.js';
import { attachCallbackSender } from './callbackSender.js';
import { verifyPushUrl } from './verifyPushUrl.js';
import { openEncrypted } from '../../../test/support/openEncrypted.js';

// A minimal developer server written against D §4.13 with node:crypto only: it checks both signatures, decrypts
// `Encrypt`, and answers `{"errcode":0,"errmsg":"ok"}` (or echoes echostr on the verification GET).
const TOKEN = 'demoToken';
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  body: string;
  message: IotVoipNotifyMessage | undefined;
}

let server: Server | undefined;

async function developerServer(received: Received[]): Promise<string> {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(url.searchParams);
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { method: req.method ?? '', path: url.pathname, query, contentType: req.headers['content-type'], body, message: undefined };
      received.push(entry);
      if (query['signature'] !== sha1([TOKEN, query['timestamp'] ?? '', query['nonce'] ?? ''])) {
        res.writeHead(401).end('bad signature');
        return;
      }
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(query['echostr']);
        return;
      }
      const outer = JSON.parse(body) as { ToUserName: string; Encrypt: string };
      if (query['msg_signature'] !== sha1([TOKEN, query['timestamp'] ?? '', query['nonce'] ?? '', outer.Encrypt])) {
        res.writeHead(401).end('bad msg_signature');
        return;
      }
      const opened = openEncrypted(outer.Encrypt, KEY);
      if (opened.appId !== 'wx_demo_app') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":40013,"errmsg":"wrong appid"}');
        return;
      }
      entry.message = IotVoipNotifyMessage.parse(JSON.parse(opened.message));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/wechat/callback`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('callback sender over real HTTP on 127.0.0.1', () => {
  it('POSTs a secure JSON iot_voip_notify that a node:http receiver verifies, decrypts and accepts', async () => {
    const received: Received[] = [];
    const url = await developerServer(received);
    const tenant = new PlatformTenant({ seed: demoSeed });
    tenant.state.app('wx_demo_app')!.pushConfig!.url = url;
    const { sender, log } = attachCallbackSender(tenant);

    const party = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
    if (!party.ok) throw new Error(party.refusal.message);
    const room = tenant.calls.callDevice(party.value.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true }));
    if (!room.ok) throw new Error(room.refusal.message);
    await sender.idle();

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: 'POST', path: '/wechat/callback', contentType: 'application/json' });
    expect(Object.keys(request!.query)).toEqual(['signature', 'timestamp', 'nonce', 'openid', 'encrypt_type', 'msg_signature']);
    expect(request!.query['encrypt_type']).toBe('aes');
    expect(request!.message).toMatchObject({ RoomId: room.value.roomId, Sn: 'SN-RTOS-0001', ModelId: 'model-rtos-camera', Event: 'iot_voip_notify' });
    expect(tenant.rooms.get(room.value.roomId)?.state).toBe('ringing');
    expect(log.list()[0]).toMatchObject({ outcome: 'accepted', reply: { status: 200, errcode: 0, body: '{"errcode":0,"errmsg":"ok"}' }, request: { body: request!.body } });
  });

  it('runs the URL verification GET against the same receiver', async () => {
    const received: Received[] = [];
    const url = await developerServer(received);
    const ok = await verifyPushUrl({ url, token: TOKEN });
    expect(ok).toMatchObject({ ok: true, reason: 'echoed', status: 200 });
    expect(received[0]).toMatchObject({ method: 'GET', query: { echostr: ok.query!.echostr } });
    const wrong = await verifyPushUrl({ url, token: 'wrongToken' });
    expect(wrong).toMatchObject({ ok: false, reason: 'httpStatus', status: 401, body: 'bad signature' });
  });

  it('reports a refused connection as an error', async () => {
    const received: Received[] = [];
    const url = await developerServer(received);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const result = await verifyPushUrl({ url, token: TOKEN }, { timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: false, reason: 'network' });
  });
});
