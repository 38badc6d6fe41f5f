/**
 * End to end over real HTTP and WebSocket on 127.0.0.1: a developer backend, an RTOS device, its vendor cloud
 * and a phone complete a call through a listening mock platform, and the cloud callback reaches a real receiver
 * that verifies and decrypts it with node:crypto alone.
 */
import { createDecipheriv, createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoSeed, type PushMessage, type SeedInput } from '@wxvoip/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startMockPlatform, type MockPlatform } from './mockPlatform.js';

const TOKEN = 'demoToken';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP = 'wx_demo_app';

interface Received {
  query: URLSearchParams;
  body: { ToUserName: string; Encrypt: string };
}

/** A developer server that echoes URL verification and records each callback, answering errcode 0. */
function startReceiver(): Promise<{ server: Server; url: string; received: Received[]; verifications: URLSearchParams[] }> {
  const received: Received[] = [];
  const verifications: URLSearchParams[] = [];
  const server = createHttpServer((req: IncomingMessage, res) => {
    if (req.method === 'GET') {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      verifications.push(query);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(query.get('signature') === sha1([TOKEN, query.get('timestamp')!, query.get('nonce')!]) ? query.get('echostr') : 'bad signature');
      return;
    }
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ query: new URL(req.url ?? '/', 'http://x').searchParams, body: JSON.parse(data) as Received['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/callback`, received, verifications })));
}

/** WeChat's documented decryption (D §4.13), written here independently of the platform's code. */
function decrypt(encrypt: string): { message: Record<string, unknown>; appId: string } {
  const key = Buffer.from(`${AES_KEY}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const plain = padded.subarray(0, padded.length - padded[padded.length - 1]!);
  const length = plain.readUInt32BE(16);
  return { message: JSON.parse(plain.subarray(20, 20 + length).toString('utf8')) as Record<string, unknown>, appId: plain.subarray(20 + length).toString('utf8') };
}

function sha1(parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

let platform: MockPlatform;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  const [app, ...others] = demoSeed.apps;
  const seed: SeedInput = {
    ...demoSeed,
    apps: [
      {
        ...app!,
        pushConfig: { url: receiver.url, token: TOKEN, encodingAESKey: AES_KEY, mode: 'secure', format: 'json' },
        devices: [...(app!.devices ?? []), { sn: 'SN-RTOS-NEW', modelId: 'model-rtos-camera', kind: 'rtos', registered: false }],
        authorizations: [...(app!.authorizations ?? []), { openId: 'openid-alice', sn: 'SN-RTOS-NEW' }],
        licenses: [...(app!.licenses ?? []), { sn: 'SN-RTOS-NEW', expireTime: 1_893_427_200 }],
      },
      ...others,
    ],
  };
  platform = await startMockPlatform({ port: 0, seed, clock: 'manual' });
});

afterAll(async () => {
  await platform.close();
  await new Promise((resolve) => receiver.server.close(resolve));
});

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${platform.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function connect(identity: Record<string, unknown>): Promise<{ auth: Record<string, string>; partyId: string; channel: string }> {
  const body = await post<{ errcode: number; party: { partyId: string }; credential: { token: string }; pushChannel: { path: string } }>('/__wxvoip/v1/parties', identity);
  expect(body.errcode).toBe(0);
  return { auth: { authorization: `Bearer ${body.credential.token}` }, partyId: body.party.partyId, channel: `${body.pushChannel.path}?access_token=${body.credential.token}` };
}

/** Opens a party's push channel; answers pings; collects messages. */
function openChannel(path: string): Promise<{ socket: WebSocket; messages: PushMessage[]; next: (type: PushMessage['type']) => Promise<PushMessage> }> {
  const messages: PushMessage[] = [];
  const waiters: { type: string; resolve: (m: PushMessage) => void }[] = [];
  const socket = new WebSocket(`${platform.url.replace('http', 'ws')}${path}`);
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as PushMessage;
    messages.push(message);
    if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong', seq: message.seq }));
    const index = waiters.findIndex((w) => w.type === message.type);
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(message);
  });
  const next = (type: PushMessage['type']) =>
    new Promise<PushMessage>((resolve) => {
      const seen = messages.find((m) => m.type === type && !(m as { consumed?: boolean }).consumed);
      if (seen) {
        (seen as { consumed?: boolean }).consumed = true;
        resolve(seen);
      } else waiters.push({ type, resolve: (m) => ((m as { consumed?: boolean }).consumed = true, resolve(m)) });
    });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, next }));
    socket.once('error', reject);
  });
}

describe('a whole RTOS call over HTTP and WebSocket', () => {
  it('token → snTicket → registration → call → verified callback → answer → talk → hang up, all in the journal', { timeout: 20_000 }, async () => {
    const token = ((await (await fetch(`${platform.url}/cgi-bin/token?grant_type=client_credential&appid=${APP}&secret=demo-app-secret`)).json()) as { access_token: string }).access_token;
    const ticket = await post<{ errcode: number; sn_ticket: string }>(`/wxa/getsnticket?access_token=${token}`, { sn: 'SN-RTOS-NEW', model_id: 'model-rtos-camera' });
    expect(ticket.errcode).toBe(0);

    const camera = await connect({ kind: 'rtosDevice', appId: APP, sn: 'SN-RTOS-NEW', modelId: 'model-rtos-camera' });
    expect(await post('/__wxvoip/v1/device/register', { snTicket: ticket.sn_ticket }, camera.auth)).toMatchObject({ errcode: 0, registration: { registered: true } });

    const alice = await connect({ kind: 'wechatPlugin', appId: APP, openId: 'openid-alice' });
    const phone = await openChannel(alice.channel);
    expect((await phone.next('hello')).type).toBe('hello');

    const call = await post<{ errcode: number; roomId: string }>('/__wxvoip/v1/rtos/client/call', { roomType: 'video', callee: { id: 'openid-alice' }, payload: 'stream-42' }, camera.auth);
    expect(call.errcode).toBe(0);

    // The developer server receives the callback, signed and encrypted as WeChat's message push does.
    await expect.poll(() => receiver.received.length, { timeout: 5000 }).toBe(1);
    const [delivery] = receiver.received;
    const { query, body } = delivery!;
    expect(query.get('signature')).toBe(sha1([TOKEN, query.get('timestamp')!, query.get('nonce')!]));
    expect(query.get('msg_signature')).toBe(sha1([TOKEN, query.get('timestamp')!, query.get('nonce')!, body.Encrypt]));
    expect(query.get('encrypt_type')).toBe('aes');
    const { message, appId } = decrypt(body.Encrypt);
    expect(appId).toBe(APP);
    expect(message).toMatchObject({ MsgType: 'event', Event: 'iot_voip_notify', Action: 'join_voip_room', RoomId: call.roomId, Payload: 'stream-42', Sn: 'SN-RTOS-NEW', ModelId: 'model-rtos-camera', ToUserName: 'gh_demo0000001' });

    // The answer 0 rings the phone; the vendor cloud joins with the ServerToken; the phone answers.
    const incoming = await phone.next('incomingCall');
    expect(incoming).toMatchObject({ roomId: call.roomId, notice: { via: 'wechatReminder' } });
    const cloud = await connect({ kind: 'vendorCloud' });
    const cloudChannel = await openChannel(cloud.channel);
    expect(await post('/__wxvoip/v1/vendor-cloud/session/join', { roomType: 'video', appId: APP, sn: 'SN-RTOS-NEW', modelId: 'model-rtos-camera', serverToken: message['ServerToken'] }, cloud.auth)).toMatchObject({ errcode: 0 });
    expect(await post(`/__wxvoip/v1/rooms/${call.roomId}/answer`, {}, alice.auth)).toMatchObject({ errcode: 0, room: { state: 'talking' } });

    // The vendor cloud saw CALLING when it joined the ringing call, then TALKING and HANGUP_BY_CALLEE below.
    // Three seconds of talk on the manual clock, then the phone hangs up.
    expect((await platform.control().advanceClock({ body: { ms: 3000 } })).status).toBe(200);
    await post(`/__wxvoip/v1/rooms/${call.roomId}/hang-up`, { origin: 'manual' }, alice.auth);
    const finish = await phone.next('voipEvent').then(async () => {
      await expect.poll(() => phone.messages.some((m) => m.type === 'voipEvent' && m.event.eventName === 'finishVoip'), { timeout: 5000 }).toBe(true);
      return phone.messages.find((m) => m.type === 'voipEvent' && m.event.eventName === 'finishVoip');
    });
    expect(finish).toMatchObject({ event: { eventName: 'finishVoip', data: { keepTime: 3 } } });
    const events = phone.messages.flatMap((m) => (m.type === 'voipEvent' ? [m.event.eventName] : [])).filter((name) => name !== 'calling');
    expect(events).toEqual(['hangOnVoip', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    await expect.poll(() => cloudChannel.messages.filter((m) => m.type === 'deviceStatus').map((m) => (m.type === 'deviceStatus' ? m.status : -1)), { timeout: 5000 }).toEqual([1, 2, 6]);

    // The journal tells the story.
    const journal = await platform.control().getJournal({ query: { limit: 1000 } });
    expect(journal.status).toBe(200);
    const operations = journal.status === 200 ? journal.body.entries.flatMap((e) => (e.kind === 'request' ? [e.operation] : e.kind === 'callback' ? [`callback:${e.outcome}`] : [])) : [];
    expect(operations).toEqual(
      expect.arrayContaining([
        'wechat.getAccessToken',
        'wechat.getSnTicket',
        'transport.registerDevice',
        'transport.rtosClientCall',
        'callback:accepted',
        'transport.cloudSessionJoin',
        'transport.answerRoom',
        'transport.hangUpRoom',
      ]),
    );
    phone.socket.close();
    cloudChannel.socket.close();
  });

  it('verifies the push URL with a signed echostr exchange, at start and on demand', async () => {
    await expect.poll(() => receiver.verifications.length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    const result = await platform.verifyPushUrl(APP);
    expect(result).toMatchObject({ ok: true, reason: 'echoed', status: 200 });
    expect((await platform.verifyPushUrl('wx_other_app')).ok).toBe(false);
  });

  it('verifies the push URL again whenever the control API changes the push configuration', async () => {
    const other = await startReceiver();
    try {
      const base = { token: TOKEN, encodingAESKey: AES_KEY, mode: 'secure' as const, format: 'json' as const };
      const patched = await platform.control().updateApp({ params: { appId: APP }, body: { pushConfig: { ...base, url: other.url } } });
      expect(patched.status).toBe(200);
      await expect.poll(() => other.verifications.length, { timeout: 5000 }).toBe(1);
      expect(other.verifications[0]?.get('echostr')).toMatch(/^\d+$/);
      const before = receiver.verifications.length;
      await platform.control().updateApp({ params: { appId: APP }, body: { pushConfig: { ...base, url: receiver.url } } });
      await expect.poll(() => receiver.verifications.length, { timeout: 5000 }).toBe(before + 1);
      // A change that is not the push configuration verifies nothing.
      await platform.control().updateApp({ params: { appId: APP }, body: { voipCapability: 'approved' } });
      expect(other.verifications).toHaveLength(1);
    } finally {
      other.server.closeAllConnections();
      await new Promise((resolve) => other.server.close(resolve));
    }
  });

  it('serves the OpenAPI document at /docs', async () => {
    const res = await fetch(`${platform.url}/docs/json`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/cgi-bin/token', '/wxa/getsnticket', '/__admin/clock/advance']));
  });
});
