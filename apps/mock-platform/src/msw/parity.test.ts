import { demoSeed, PushMessage } from '@wxvoip/contracts';
import type { FastifyInstance } from 'fastify';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { PlatformCore } from '../core/platformCore.js';
import { IN_PROCESS_ORIGIN, startMockPlatform, type MockPlatform } from '../platform/mockPlatform.js';
import { createServer } from '../server/createServer.js';
import { createHandlers } from './createHandlers.js';
import { MAX_PARAM_LENGTH } from './routing.js';
import { setupMockPlatform } from './setupMockPlatform.js';

/**
 * Adapter parity (DESIGN "Adapters"): every scenario runs twice, on a fresh demo-seed core with a manual clock each
 * time, once through fastify's `inject()` and once through `fetch` intercepted by msw, and must see identical
 * answers: status, content type and body.
 */

const BASE = IN_PROCESS_ORIGIN;
const TOKEN_URL = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';

/** One answer as a client sees it: the body parsed when its content type is JSON, null when empty. */
interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: unknown;
}

interface RequestInit {
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** Sends one request to the platform under test. */
type Send = (method: string, url: string, init?: RequestInit) => Promise<Answer>;

function answerOf(status: number, contentType: string | null, text: string): Answer {
  return { status, contentType, body: text === '' ? null : contentType?.includes('json') ? (JSON.parse(text) as unknown) : text };
}

function viaInject(app: FastifyInstance): Send {
  return async (method, url, init = {}) => {
    const res = await app.inject({ method: method as 'GET', url, headers: init.headers ?? {}, ...(init.body === undefined ? {} : { payload: init.body }) });
    const type = res.headers['content-type'];
    return answerOf(res.statusCode, typeof type === 'string' ? type : null, res.body);
  };
}

const viaFetch: Send = async (method, url, init = {}) => {
  const res = await fetch(`${BASE}${url}`, { method, headers: init.headers ?? {}, ...(init.body === undefined ? {} : { body: init.body }) });
  return answerOf(res.status, res.headers.get('content-type'), await res.text());
};

const server = setupServer();

// Node 20 has no global WebSocket for msw to intercept (Node 22+ has one). Any class will do: msw replaces it while
// it listens and never opens a real socket for a handled URL. It must be there before msw first listens: a server
// that listened without it keeps a stale WebSocket listener and later handles every connection twice.
const installedWebSocket = typeof globalThis.WebSocket === 'undefined';
beforeAll(() => {
  if (installedWebSocket) Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });
});
afterAll(() => {
  if (installedWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
});

/** A fresh demo-seed core on a manual clock. */
const freshCore = () => new PlatformCore({ seed: demoSeed, clockMode: 'manual' });

/**
 * Runs a scenario through fastify and through msw and expects identical results; returns them for the scenario's
 * own assertions (which make sure it tests what its name says).
 */
async function parity<T>(scenario: (send: Send) => Promise<T>, options: { bodyLimit?: number } = {}): Promise<T> {
  const fastifyCore = freshCore();
  const app = await createServer({ core: fastifyCore, docs: false, ...options });
  let viaFastify: T;
  try {
    viaFastify = await scenario(viaInject(app));
  } finally {
    fastifyCore.close();
    await app.close();
  }
  const mswCore = freshCore();
  server.resetHandlers(...createHandlers(mswCore, options));
  try {
    const viaMsw = await scenario(viaFetch);
    expect(viaMsw).toEqual(viaFastify);
  } finally {
    mswCore.close();
  }
  return viaFastify;
}

async function accessToken(send: Send): Promise<string> {
  const { body } = await send('GET', TOKEN_URL);
  return (body as { access_token: string }).access_token;
}

const jsonHeaders = { 'content-type': 'application/json' };

describe('parity of fastify inject() and msw: emulated WeChat routes', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('issues a token and a snTicket', async () => {
    const [token, ticket] = await parity(async (send) => {
      const tokenAnswer = await send('GET', TOKEN_URL);
      const access = (tokenAnswer.body as { access_token: string }).access_token;
      const ticketAnswer = await send('POST', `/wxa/getsnticket?access_token=${access}`, { body: JSON.stringify({ sn: 'SN-LINUX-NEW', model_id: 'model-linux-doorbell' }), headers: jsonHeaders });
      return [tokenAnswer, ticketAnswer] as const;
    });
    expect(token).toMatchObject({ status: 200, contentType: 'application/json; charset=utf-8', body: { access_token: expect.any(String), expires_in: 7200 } });
    expect(ticket).toMatchObject({ status: 200, body: { errcode: 0, errmsg: 'ok', sn_ticket: expect.stringMatching(/^[0-9A-Za-z]{32}$/) } });
  });

  it.each([
    ['a missing access_token', 'POST', '/wxa/getsnticket', '{"sn":"SN-1","model_id":"m"}', 200, 41001],
    ['an SN with an illegal character', 'POST', '/wxa/getsnticket?access_token=TOKEN', '{"sn":"bad sn","model_id":"model-linux-doorbell"}', 200, 9800002],
    ['an SN longer than 128 bytes', 'POST', '/wxa/getsnticket?access_token=TOKEN', JSON.stringify({ sn: 'x'.repeat(129), model_id: 'model-linux-doorbell' }), 200, 9800001],
    ['malformed JSON', 'POST', '/wxa/getsnticket?access_token=TOKEN', '{"sn":', 200, 47001],
    ['JSON after a byte-order mark', 'POST', '/wxa/getsnticket?access_token=TOKEN', '\uFEFF{"sn":"SN-1","model_id":"m"}', 200, 47001],
    ['JSON null', 'POST', '/wxa/getsnticket?access_token=TOKEN', 'null', 200, 47001],
    ['an empty body', 'POST', '/wxa/getsnticket?access_token=TOKEN', '', 200, 44002],
    ['a blank body', 'POST', '/wxa/getsnticket?access_token=TOKEN', ' \n ', 200, 44002],
    ['no body at all', 'POST', '/wxa/getsnticket?access_token=TOKEN', undefined, 200, 44002],
    ['GET on a POST-only route', 'GET', '/wxa/getsnticket?access_token=TOKEN', undefined, 200, 43002],
    ['DELETE on a POST-only route, with a malformed body', 'DELETE', '/wxa/getsnticket?access_token=TOKEN', '{"sn":', 200, 43002],
    ['a repeated access_token', 'POST', '/wxa/getsnticket?access_token=TOKEN&access_token=TOKEN', '{"sn":"SN-1","model_id":"m"}', 200, 47001],
    ['a forged token', 'POST', '/wxa/getsnticket?access_token=forged', '{"sn":"SN-1","model_id":"m"}', 200, 40014],
    ['an unknown model', 'POST', '/wxa/getsnticket?access_token=TOKEN', '{"sn":"SN-1","model_id":"nope"}', 200, 9800003],
    ['a secret with an encoded plus', 'GET', '/cgi-bin/token?grant_type=client_credential&appid=wx_demo%5fapp&secret=demo-app-secret+', undefined, 200, 40125],
    ['an unknown WeChat path', 'POST', '/wxa/no/such/api', '{}', 404, -1],
    ['an unknown WeChat path with a malformed body', 'POST', '/wxa/no/such/api', '{"sn":', 404, -1],
    ['a trailing slash', 'GET', '/cgi-bin/token/', undefined, 404, -1],
  ] as const)('answers %s in WeChat shape', async (_name, method, url, body, status, errcode) => {
    const answers = await parity(async (send) => {
      const token = await accessToken(send);
      return send(method, url.replaceAll('TOKEN', token), { headers: jsonHeaders, ...(body === undefined ? {} : { body }) });
    });
    expect(answers).toMatchObject({ status, contentType: 'application/json; charset=utf-8', body: { errcode } });
  });

  it('answers an oversized body with 47001 (WeChat) and 400 (transport), not a 413', async () => {
    const [wechat, transport] = await parity(
      async (send) => [
        await send('POST', '/wxa/getsnticket', { body: JSON.stringify({ sn: 'x'.repeat(5000) }), headers: jsonHeaders }),
        await send('POST', '/__wxvoip/v1/parties', { body: JSON.stringify({ kind: 'x'.repeat(5000) }), headers: jsonHeaders }),
      ],
      { bodyLimit: 1024 },
    );
    expect(wechat).toMatchObject({ status: 200, body: { errcode: 47001, errmsg: expect.stringContaining('the limit is 1024') } });
    expect(transport).toMatchObject({ status: 400, body: { errcode: 47001, errors: [{ path: '' }] } });
  });

  it('answers HEAD on a GET route with the GET status and content type, and no body', async () => {
    const answer = await parity((send) => send('HEAD', TOKEN_URL));
    expect(answer).toEqual({ status: 200, contentType: 'application/json; charset=utf-8', body: null });
  });
});

describe('parity of fastify inject() and msw: paths fastify reads its own way', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it.each([
    ['a path outside every API', 'GET', '/nope', 404, 'application/problem+json; charset=utf-8'],
    ['the root path', 'GET', '/', 404, 'application/problem+json; charset=utf-8'],
    ['a path in the wrong case', 'GET', '/CGI-BIN/token', 404, 'application/problem+json; charset=utf-8'],
    ['a doubled slash', 'GET', '//cgi-bin/token', 404, 'application/problem+json; charset=utf-8'],
    ['a percent-encoded static segment', 'GET', '/__admin/ro%6Fms/r-1', 404, 'application/problem+json; charset=utf-8'],
    ['an encoded slash in a parameter', 'GET', '/__admin/rooms/a%2Fb', 404, 'application/problem+json; charset=utf-8'],
    ['an encoded percent sign in a parameter', 'GET', '/__admin/rooms/a%25b', 404, 'application/problem+json; charset=utf-8'],
    ['a non-ASCII parameter', 'GET', '/__admin/rooms/%E4%BD%A0', 404, 'application/problem+json; charset=utf-8'],
    ['an empty parameter', 'GET', '/__admin/rooms/', 400, 'application/problem+json; charset=utf-8'],
    ['an invalid percent escape (a validation problem, not fastify FST_ERR_BAD_URL)', 'GET', '/__admin/rooms/%E0%A4', 400, 'application/problem+json; charset=utf-8'],
    ['an invalid percent escape on a WeChat path (47001)', 'POST', '/wxa/getsnticket%E0%A4?access_token=x', 200, 'application/json; charset=utf-8'],
    ['an invalid percent escape on a transport path (47001)', 'POST', '/__wxvoip/v1/rooms/%E0%A4/answer', 400, 'application/json; charset=utf-8'],
    ['a parameter over 100 characters reaches validation', 'GET', `/__admin/rooms/${'x'.repeat(101)}`, 404, 'application/problem+json; charset=utf-8'],
    [`a parameter over MAX_PARAM_LENGTH characters (not fastify's 414)`, 'GET', `/__admin/rooms/${'x'.repeat(MAX_PARAM_LENGTH + 1)}`, 400, 'application/problem+json; charset=utf-8'],
    [`a transport parameter over MAX_PARAM_LENGTH characters (47001)`, 'POST', `/__wxvoip/v1/rooms/${'x'.repeat(MAX_PARAM_LENGTH + 1)}/answer`, 400, 'application/json; charset=utf-8'],
    ['a control route with another method', 'POST', '/__admin/info', 404, 'application/problem+json; charset=utf-8'],
    ['a plain HTTP request to the push channel (426, transport shape)', 'GET', '/__wxvoip/v1/parties/p-1/channel?access_token=x', 426, 'application/json; charset=utf-8'],
    ['a POST to the push channel', 'POST', '/__wxvoip/v1/parties/p-1/channel', 404, 'application/json; charset=utf-8'],
  ] as const)('answers %s like fastify', async (_name, method, url, status, contentType) => {
    const answer = await parity((send) => send(method, url, method === 'POST' ? { body: '{"sn":', headers: { 'content-type': 'application/json' } } : {}));
    expect(answer).toMatchObject({ status, contentType });
  });

  it('reads any Content-Type, even one fastify cannot parse, as JSON on the WeChat and transport APIs; the control API wants JSON', async () => {
    const answers = await parity(async (send) => {
      const out = [];
      for (const contentType of ['garbage', '', 'a b', 'text/plain', ';;'])
        for (const url of ['/wxa/getsnticket?access_token=x', '/__wxvoip/v1/parties', '/__admin/clock/advance', '/nope']) out.push(await send('POST', url, { body: '{"ms":1}', headers: { 'content-type': contentType } }));
      return out;
    });
    expect(answers.map((a) => a.status)).not.toContain(500);
    // WeChat, transport and unknown paths parse the body whatever its type; a state-changing control request with a
    // body that is not JSON is refused (a cross-site text/plain post needs no CORS preflight).
    answers.forEach((answer, i) => {
      if (i % 4 === 2) expect(answer).toMatchObject({ status: 415, body: { type: 'urn:wxvoip:problem:unsupported-media-type' } });
      else expect(answer.status).not.toBe(415);
    });
  });

  it('reads a percent-encoded path, parameter and query like fastify', async () => {
    const [room, slash, percent] = await parity(async (send) => [
      await send('GET', '/__admin/ro%6Fms/r-1'),
      await send('GET', '/__admin/rooms/a%2Fb'),
      await send('GET', '/__admin/rooms/a%25b'),
    ]);
    expect(room.body).toMatchObject({ type: 'urn:wxvoip:problem:not-found', detail: expect.stringContaining('room "r-1"') });
    expect(slash.body).toMatchObject({ detail: expect.stringContaining('room "a/b"') });
    expect(percent.body).toMatchObject({ detail: expect.stringContaining('room "a%b"') });
  });
});

describe('parity of fastify inject() and msw: transport', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('connects a party, places a call, refuses a busy caller with key and domain, refuses bad credentials and bodies', async () => {
    const answers = await parity(async (send) => {
      const connected = await send('POST', '/__wxvoip/v1/parties', { body: JSON.stringify({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }), headers: jsonHeaders });
      const token = (connected.body as { credential: { token: string } }).credential.token;
      const auth = { ...jsonHeaders, authorization: `Bearer ${token}` };
      const call = (sn: string) => send('POST', '/__wxvoip/v1/plugin/call-device', { body: JSON.stringify({ roomType: 'voice', sn, modelId: 'model-linux-doorbell' }), headers: auth });
      return {
        connected,
        placed: await call('SN-LINUX-0001'),
        busy: await call('SN-LINUX-0002'),
        self: await send('GET', '/__wxvoip/v1/parties/me', { headers: { authorization: `Bearer ${token}` } }),
        noCredential: await send('GET', '/__wxvoip/v1/parties/me'),
        notBearer: await send('POST', '/__wxvoip/v1/plugin/call-device', { body: '{}', headers: { authorization: 'Basic abc' } }),
        unknownCredential: await send('GET', '/__wxvoip/v1/parties/me', { headers: { authorization: 'Bearer unknown' } }),
        badBody: await send('POST', '/__wxvoip/v1/plugin/call-device', { body: JSON.stringify({ roomType: 'audio' }), headers: auth }),
        malformed: await send('POST', '/__wxvoip/v1/plugin/call-device', { body: '{', headers: auth }),
        badNamespace: await send('POST', '/__wxvoip/v1/parties', { body: '{}', headers: { 'x-wxvoip-namespace': 'Not Valid' } }),
        journal: await send('GET', '/__admin/journal?limit=50'),
      };
    });
    expect(answers.connected).toMatchObject({ status: 200, body: { errcode: 0, credential: { token: expect.any(String) }, pushChannel: { protocol: 'websocket' } } });
    expect(answers.placed).toMatchObject({ status: 200, body: { errcode: 0, roomId: expect.any(String), room: { state: 'ringing', side: 'caller' } } });
    expect(answers.busy).toEqual({ status: 200, contentType: 'application/json; charset=utf-8', body: { errcode: 1005, errmsg: expect.any(String), key: 'PLUGIN_BUSY', domain: 'plugin', pushSeq: 0 } });
    expect(answers.self).toMatchObject({ status: 200, body: { errcode: 0, party: { identity: { openId: 'openid-alice' } } } });
    expect(answers.noCredential).toMatchObject({ status: 401, body: { errcode: 41001 } });
    expect(answers.notBearer).toMatchObject({ status: 401, body: { errcode: 41001, errmsg: expect.stringContaining('Bearer') } });
    expect(answers.unknownCredential).toMatchObject({ status: 401, body: { errcode: 40001 } });
    expect(answers.badBody).toMatchObject({ status: 400, body: { errcode: 47001, errors: expect.arrayContaining([expect.objectContaining({ path: 'roomType' })]) } });
    expect(answers.malformed).toMatchObject({ status: 400, body: { errcode: 47001, errmsg: expect.stringContaining('not valid JSON') } });
    expect(answers.badNamespace).toMatchObject({ status: 400, body: { errcode: 47001, errors: expect.arrayContaining([expect.objectContaining({ path: 'x-wxvoip-namespace' })]) } });
    expect(answers.journal).toMatchObject({ status: 200, body: { entries: expect.any(Array) } });
  });
});

describe('parity of fastify inject() and msw: control API', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('advances the clock, answers problems as application/problem+json, and 204 with no body', async () => {
    const problem = 'application/problem+json; charset=utf-8';
    const answers = await parity(async (send) => ({
      advanced: await send('POST', '/__admin/clock/advance', { body: JSON.stringify({ ms: 60_000 }), headers: jsonHeaders }),
      clock: await send('GET', '/__admin/clock'),
      invalid: await send('POST', '/__admin/clock/advance', { body: JSON.stringify({ ms: -5 }), headers: jsonHeaders }),
      malformed: await send('POST', '/__admin/clock/advance', { body: '{"ms":', headers: jsonHeaders }),
      missingRoom: await send('GET', '/__admin/rooms/r-404'),
      missingApp: await send('GET', '/__admin/apps/wx_nope'),
      badNamespace: await send('GET', '/__admin/info', { headers: { 'x-wxvoip-namespace': 'Not Valid' } }),
      otherNamespace: await send('GET', '/__admin/info', { headers: { 'x-wxvoip-namespace': 'parity-1' } }),
      cleared: await send('DELETE', '/__admin/faults'),
      fault: await send('POST', '/__admin/faults', { body: JSON.stringify({ kind: 'error', operation: 'wechat.getSnTicket', errcode: 45009 }), headers: jsonHeaders }),
      faulted: await send('POST', '/wxa/getsnticket?access_token=x', { body: '{"sn":"SN-1","model_id":"m"}' }),
    }));
    expect(answers.advanced).toMatchObject({ status: 200, contentType: 'application/json; charset=utf-8', body: { mode: 'manual' } });
    expect((answers.clock.body as { now: number }).now).toBe((answers.advanced.body as { now: number }).now);
    expect(answers.invalid).toMatchObject({ status: 400, contentType: problem, body: { type: 'urn:wxvoip:problem:validation', errors: [{ path: 'ms' }] } });
    expect(answers.malformed).toMatchObject({ status: 400, contentType: problem, body: { type: 'urn:wxvoip:problem:malformed-json' } });
    expect(answers.missingRoom).toMatchObject({ status: 404, contentType: problem, body: { type: 'urn:wxvoip:problem:not-found', instance: '/__admin/rooms/r-404' } });
    expect(answers.missingApp).toMatchObject({ status: 404, contentType: problem });
    expect(answers.badNamespace).toMatchObject({ status: 400, contentType: problem, body: { errors: [{ path: 'x-wxvoip-namespace' }] } });
    expect(answers.otherNamespace).toMatchObject({ status: 200, body: { name: 'wxvoip-mock' } });
    expect(answers.cleared).toEqual({ status: 204, contentType: null, body: null });
    expect(answers.fault).toMatchObject({ status: 201 });
    expect(answers.faulted).toMatchObject({ status: 200, body: { errcode: expect.any(Number) } });
  });
});

/** A push channel client over either transport, recording what it sees and answering pings. */
interface Channel {
  readonly events: string[];
  readonly messages: PushMessage[];
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** The part of the WebSocket API both the `ws` client and msw's intercepted global WebSocket offer. */
interface SocketLike {
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: { data?: unknown; code?: number; reason?: string }) => void): void;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

function channel(socket: SocketLike): Channel {
  const events: string[] = [];
  const messages: PushMessage[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.addEventListener('close', (event) => {
      events.push('close');
      resolve({ code: event.code ?? 0, reason: event.reason ?? '' });
    });
  });
  socket.addEventListener('open', () => events.push('open'));
  socket.addEventListener('error', () => events.push('error'));
  socket.addEventListener('message', (event) => {
    const message = PushMessage.parse(JSON.parse(String(event.data)));
    events.push(`message:${message.type}`);
    messages.push(message);
    if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong', seq: message.seq }));
  });
  return { events, messages, closed, close: () => socket.close(1000, 'client done') };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** What a side offers the full-call scenario: HTTP to the platform, a push channel, and its core to wait on. */
interface Side {
  readonly send: Send;
  readonly open: (path: string) => Channel;
  readonly platform: MockPlatform;
}

/**
 * A whole call over the transport and the push channel: Alice's phone and the Linux doorbell connect and open their
 * channels (after a refused attempt), the phone calls the doorbell, the doorbell joins, they talk past a ping, the
 * phone hangs up, the doorbell's channel closes from the client side, and the control API disconnects the phone.
 */
async function fullCall(side: Side) {
  const { send, open, platform } = side;
  const http: Answer[] = [];
  const record = async (answer: Promise<Answer>) => {
    const value = await answer;
    http.push(value);
    return value;
  };
  /** Waits until a channel holds every message the core has numbered for its party. */
  const drained = async (partyId: string, ch: Channel) => {
    const party = platform.core.tenant().parties.get(partyId);
    await until(() => party !== undefined && ch.messages.length > 0 && (ch.messages.at(-1)?.seq ?? 0) >= party.nextSeq - 1, `the push channel of ${partyId}`);
  };

  const connect = async (identity: object) => {
    const answer = await record(send('POST', '/__wxvoip/v1/parties', { body: JSON.stringify(identity), headers: jsonHeaders }));
    const body = answer.body as { party: { partyId: string }; credential: { token: string }; pushChannel: { path: string } };
    return { partyId: body.party.partyId, token: body.credential.token, path: body.pushChannel.path };
  };
  const phone = await connect({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' });
  const device = await connect({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });

  const refused = open(`${phone.path}?access_token=${device.token}`);
  const refusal = await refused.closed;
  const forged = open(`${phone.path}?access_token=forged`);
  const forgery = await forged.closed;

  const phoneChannel = open(`${phone.path}?access_token=${phone.token}`);
  const deviceChannel = open(`${device.path}?access_token=${device.token}`);
  await drained(phone.partyId, phoneChannel);
  await drained(device.partyId, deviceChannel);

  const phoneAuth = { ...jsonHeaders, authorization: `Bearer ${phone.token}` };
  const deviceAuth = { ...jsonHeaders, authorization: `Bearer ${device.token}` };
  const placed = await record(send('POST', '/__wxvoip/v1/plugin/call-device', { body: JSON.stringify({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }), headers: phoneAuth }));
  const roomId = (placed.body as { roomId: string }).roomId;
  await record(send('POST', `/__wxvoip/v1/rooms/${roomId}/join`, { body: '{}', headers: phoneAuth }));
  await record(send('POST', '/__admin/clock/advance', { body: JSON.stringify({ ms: 2_000 }), headers: jsonHeaders }));
  await record(send('POST', '/__wxvoip/v1/linux/listener/join', { body: JSON.stringify({ roomId }), headers: deviceAuth }));
  await record(send('POST', '/__admin/clock/advance', { body: JSON.stringify({ ms: 12_000 }), headers: jsonHeaders }));
  await drained(phone.partyId, phoneChannel);
  await drained(device.partyId, deviceChannel);
  await record(send('POST', `/__wxvoip/v1/rooms/${roomId}/hang-up`, { body: '{}', headers: phoneAuth }));
  await drained(phone.partyId, phoneChannel);
  await drained(device.partyId, deviceChannel);

  deviceChannel.close();
  const deviceClosed = await deviceChannel.closed;
  await until(() => platform.core.tenant().parties.get(device.partyId)?.sink === undefined, 'the platform to see the device channel close');
  await record(send('DELETE', `/__admin/parties/${phone.partyId}`));
  const phoneClosed = await phoneChannel.closed;
  await record(send('GET', '/__admin/parties'));
  await record(send('GET', `/__admin/rooms/${roomId}`));

  return {
    http,
    refusal: { ...refusal, events: refused.events },
    forgery: { ...forgery, events: forged.events },
    phone: { events: phoneChannel.events, messages: phoneChannel.messages, closed: phoneClosed },
    device: { events: deviceChannel.events, messages: deviceChannel.messages, closed: deviceClosed },
  };
}

describe('parity of a listening fastify platform (HTTP + ws) and msw (fetch + ws interception): a whole call', () => {
  it('sees the same answers, push messages, refusals and closes over both transports', async () => {
    // fastify: a real listening platform, its HTTP through fetch and its push channel through the `ws` client. msw
    // is not listening here, so nothing is intercepted.
    const listening = await startMockPlatform({ clock: 'manual', port: 0 });
    let viaFastify: Awaited<ReturnType<typeof fullCall>>;
    try {
      const send: Send = async (method, url, init = {}) => {
        const res = await fetch(`${listening.url}${url}`, { method, headers: init.headers ?? {}, ...(init.body === undefined ? {} : { body: init.body }) });
        return answerOf(res.status, res.headers.get('content-type'), await res.text());
      };
      const wsBase = listening.url.replace(/^http/, 'ws');
      viaFastify = await fullCall({ send, platform: listening, open: (path) => channel(new NodeWebSocket(`${wsBase}${path}`) as unknown as SocketLike) });
    } finally {
      await listening.close();
    }

    // msw: fetch and the global WebSocket, both intercepted.
    const { platform, handlers } = await setupMockPlatform({ clock: 'manual' });
    server.resetHandlers(...handlers);
    server.listen({ onUnhandledRequest: 'error' });
    let viaMsw: Awaited<ReturnType<typeof fullCall>>;
    try {
      viaMsw = await fullCall({ send: viaFetch, platform, open: (path) => channel(new globalThis.WebSocket(`ws://wxvoip.mock${path}`) as unknown as SocketLike) });
    } finally {
      server.close();
      await platform.close();
    }

    expect(viaMsw).toEqual(viaFastify);

    // …and the scenario is the one described.
    expect(viaFastify.refusal).toMatchObject({ code: 4401, reason: 'this credential belongs to another party', events: ['open', 'close'] });
    expect(viaFastify.forgery).toMatchObject({ code: 4401, events: ['open', 'close'] });
    const types = (messages: PushMessage[]) => [...new Set(messages.map((m) => m.type))];
    expect(viaFastify.phone.messages[0]).toMatchObject({ type: 'hello', seq: 1 });
    expect(types(viaFastify.phone.messages)).toEqual(expect.arrayContaining(['hello', 'voipEvent', 'ping', 'bye']));
    expect(viaFastify.phone.messages.at(-1)).toMatchObject({ type: 'bye', reason: 'kicked' });
    expect(viaFastify.phone.closed).toEqual({ code: 1000, reason: 'kicked' });
    const names = viaFastify.phone.messages.flatMap((m) => (m.type === 'voipEvent' && m.event.eventName !== 'calling' ? [m.event.eventName] : []));
    expect(names).toEqual(['joinedRoomByCaller', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(viaFastify.device.messages.map((m) => m.type)).toEqual(['hello', 'deviceStatus', 'ping', 'deviceStatus']);
    expect(viaFastify.device.closed).toEqual({ code: 1000, reason: 'client done' });
    const parties = viaFastify.http.at(-2)?.body as { parties: { partyId: string; channel: string }[] };
    expect(parties.parties).toEqual([expect.objectContaining({ channel: 'closed' })]);
  });
});
