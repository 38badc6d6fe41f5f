import { demoSeed, PushMessage } from '@wxvoip/contracts';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { PlatformCore } from '../core/platformCore.js';
import { IN_PROCESS_ORIGIN } from '../platform/mockPlatform.js';
import { createHandlers, createHttpHandlers, platformApis, type FacadeHandler } from './createHandlers.js';
import { DEFAULT_BASE_URL } from './defaults.js';
import { CHANNEL_NOT_FOUND, webSocketBaseUrl } from './pushChannel.js';

const TOKEN_QUERY = 'grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';
const server = setupServer();

// See parity.test.ts: msw needs a global WebSocket class to intercept, installed before it first listens.
const installedWebSocket = typeof globalThis.WebSocket === 'undefined';
beforeAll(() => {
  if (installedWebSocket) Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  if (installedWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
});

const freshCore = () => new PlatformCore({ seed: demoSeed, clockMode: 'manual' });

describe('createHandlers', () => {
  it('serves the in-process origin by default', () => {
    expect(DEFAULT_BASE_URL).toBe(IN_PROCESS_ORIGIN);
    expect(webSocketBaseUrl('https://api.test/wx/')).toBe('wss://api.test/wx');
  });

  it('has one request handler for every route under the base URL (msw parses a request once per handler it tries), and the push channel', () => {
    const handlers = createHandlers(freshCore());
    expect(handlers.filter((h) => h.kind === 'request')).toHaveLength(1);
    expect(handlers.filter((h) => h.kind === 'websocket')).toHaveLength(2);
  });

  it('serves under a base URL with a path prefix', async () => {
    server.use(...createHandlers(freshCore(), { baseUrl: 'http://api.test/wx/' }));
    const token = await fetch(`http://api.test/wx/cgi-bin/token?${TOKEN_QUERY}`);
    expect(await token.json()).toMatchObject({ access_token: expect.any(String) });
    const missing = await fetch('http://api.test/wx/cgi-bin/nope');
    expect([missing.status, await missing.json()]).toEqual([404, expect.objectContaining({ errcode: -1, errmsg: expect.stringContaining('GET /cgi-bin/nope') })]);
  });

  it('waits the latency a fault asks for on WeChat and transport routes, not on the control API', async () => {
    const waits: number[] = [];
    server.use(...createHandlers(freshCore(), { delay: async (ms) => void waits.push(ms) }));
    const fault = await fetch(`${IN_PROCESS_ORIGIN}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', operation: 'wechat.getAccessToken', ms: 1500 }) });
    expect(fault.status).toBe(201);
    await fetch(`${IN_PROCESS_ORIGIN}/__admin/info`);
    expect(waits).toEqual([]);
    const token = await fetch(`${IN_PROCESS_ORIGIN}/cgi-bin/token?${TOKEN_QUERY}`);
    expect(token.status).toBe(200);
    expect(waits).toEqual([1500]);
  });

  it('matches latency faults on the request fields (appId here), and journals the latency as durationMs', async () => {
    const waits: number[] = [];
    server.use(...createHandlers(freshCore(), { delay: async (ms) => void waits.push(ms) }));
    const add = (match: Record<string, string>) => fetch(`${IN_PROCESS_ORIGIN}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', operation: 'wechat.getAccessToken', ms: 700, match }) });
    expect((await add({ appId: 'wx_other_app' })).status).toBe(201);
    await fetch(`${IN_PROCESS_ORIGIN}/cgi-bin/token?${TOKEN_QUERY}`);
    expect(waits).toEqual([]);
    expect((await add({ appId: 'wx_demo_app' })).status).toBe(201);
    await fetch(`${IN_PROCESS_ORIGIN}/cgi-bin/token?${TOKEN_QUERY}`);
    expect(waits).toEqual([700]);
    const journal = (await (await fetch(`${IN_PROCESS_ORIGIN}/__admin/journal?kind=request&operation=wechat.getAccessToken`)).json()) as { entries: { durationMs: number }[] };
    expect(journal.entries.map((e) => e.durationMs)).toEqual([0, 700]);
  });

  it('waits with msw delay by default', async () => {
    server.use(...createHandlers(freshCore()));
    await fetch(`${IN_PROCESS_ORIGIN}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', operation: 'wechat.getAccessToken', ms: 40 }) });
    const started = performance.now();
    await fetch(`${IN_PROCESS_ORIGIN}/cgi-bin/token?${TOKEN_QUERY}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});

describe('createHttpHandlers: a facade that drifts from the contract fails loudly', () => {
  function withControl(override: Record<string, FacadeHandler>, errors: Error[]) {
    const core = freshCore();
    const apis = platformApis(core).map((api) => (api.api === 'control' ? { ...api, handlers: { ...api.handlers, ...override } } : api));
    server.use(...createHttpHandlers(core, apis, { onUnexpectedError: (error) => errors.push(error) }));
  }

  it('answers a response the contract does not allow with the 500 internal problem, and reports it', async () => {
    const errors: Error[] = [];
    withControl({ getInfo: () => ({ status: 200, body: { name: 42 } }) }, errors);
    const res = await fetch(`${IN_PROCESS_ORIGIN}/__admin/info?x=1`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await res.json()).toMatchObject({ type: 'urn:wxvoip:problem:internal', status: 500, instance: '/__admin/info', detail: expect.stringContaining('[ts-rest] Response validation failed for GET /__admin/info') });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('Response validation failed');
  });

  it('answers an exception inside the mock the same way', async () => {
    const errors: Error[] = [];
    withControl(
      {
        getClock: () => {
          throw new TypeError('boom');
        },
      },
      errors,
    );
    const res = await fetch(`${IN_PROCESS_ORIGIN}/__admin/clock`);
    expect([res.status, await res.json()]).toEqual([500, expect.objectContaining({ detail: 'boom. This is a bug in wxvoip: please report it with the journal (GET /__admin/journal).' })]);
    expect(errors.map((e) => e.message)).toEqual(['boom']);
  });

  it('refuses to build handlers for a facade that misses a route', () => {
    const core = freshCore();
    const apis = platformApis(core).map((api) => (api.api === 'wechat' ? { ...api, handlers: {} } : api));
    expect(() => createHttpHandlers(core, apis)).toThrow(/no handler for route getAccessToken/);
  });
});

/** Opens a push channel through msw's interception of the global WebSocket and records what the client sees. */
function openChannel(url: string) {
  const socket = new globalThis.WebSocket(url);
  const events: string[] = [];
  const messages: PushMessage[] = [];
  socket.addEventListener('open', () => events.push('open'));
  socket.addEventListener('message', (event) => messages.push(PushMessage.parse(JSON.parse(String(event.data)))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })));
  return { socket, events, messages, closed };
}

describe('the push channel through msw', () => {
  it('takes the namespace from the query, refuses a bad one with 4401 after opening, and fails an unknown path like a 404', async () => {
    const core = freshCore();
    server.use(...createHandlers(core));
    const connected = await fetch(`${IN_PROCESS_ORIGIN}/__wxvoip/v1/parties`, {
      method: 'POST',
      headers: { 'x-wxvoip-namespace': 'ns-1' },
      body: JSON.stringify({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }),
    });
    const { party, credential } = (await connected.json()) as { party: { partyId: string }; credential: { token: string } };
    const path = `ws://wxvoip.mock/__wxvoip/v1/parties/${party.partyId}/channel?access_token=${credential.token}`;

    const inNamespace = openChannel(`${path}&namespace=ns-1`);
    await expect.poll(() => inNamespace.messages.length).toBe(1);
    expect(inNamespace.messages[0]).toMatchObject({ type: 'hello', partyId: party.partyId, namespace: 'ns-1' });
    expect(core.tenant('ns-1').parties.get(party.partyId)?.sink).toBeDefined();

    const badNamespace = openChannel(`${path}&namespace=Not%20Valid`);
    expect(await badNamespace.closed).toEqual({ code: 4401, reason: expect.stringContaining('x-wxvoip-namespace may only contain') });
    expect(badNamespace.events).toEqual(['open']);

    const wrongNamespace = openChannel(path);
    expect(await wrongNamespace.closed).toMatchObject({ code: 4401 });

    const elsewhere = openChannel('ws://wxvoip.mock/__wxvoip/v1/parties/p-1/channel/');
    expect(await elsewhere.closed).toMatchObject({ code: CHANNEL_NOT_FOUND });
    expect(elsewhere.events).toEqual([]);

    inNamespace.socket.close();
    await expect.poll(() => core.tenant('ns-1').parties.get(party.partyId)?.sink).toBeUndefined();
  });
});
