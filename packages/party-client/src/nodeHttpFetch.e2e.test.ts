/**
 * The default transport over a real port (ADR 0043): in Node, with Node's own global fetch, the party client's
 * requests go through `node:http` on one kept-alive socket, and undici's fetch is never called. Counted through Node's
 * diagnostics channels, so the guard fails if a request goes back to `fetch` or opens a socket per request.
 */
import { createServer, type Server } from 'node:http';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from './nodeHttpFetch.js';
import { PartyClient } from './partyClient.js';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  await platform.close();
});

/** What the client side of this process did while `run` ran, from Node's diagnostics channels. */
async function observed(run: () => Promise<void>): Promise<{ undiciRequests: number; httpRequests: string[]; sockets: number }> {
  const seen = { undiciRequests: 0, httpRequests: [] as string[], sockets: new Set<unknown>() };
  const onUndici = () => void (seen.undiciRequests += 1);
  const onResponse = (message: unknown) => {
    const { request } = message as { request: { method: string; path: string; socket: unknown } };
    if (!request.path.startsWith('/__wxvoip/')) return; // not the party's (e.g. the platform's own push-URL check)
    seen.httpRequests.push(`${request.method} ${request.path}`);
    seen.sockets.add(request.socket);
  };
  subscribe('undici:request:create', onUndici);
  subscribe('http.client.response.finish', onResponse);
  try {
    await run();
  } finally {
    unsubscribe('undici:request:create', onUndici);
    unsubscribe('http.client.response.finish', onResponse);
  }
  return { undiciRequests: seen.undiciRequests, httpRequests: seen.httpRequests, sockets: seen.sockets.size };
}

describe('the default transport in Node', () => {
  it('sends connectParty and 20 requests over node:http on one kept-alive socket, never through undici', async () => {
    const party = new PartyClient({ baseUrl: platform.url, namespace: 'node-http-default' });
    const seen = await observed(async () => {
      const connected = await party.connect({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
      expect(connected.ok).toBe(true);
      for (let i = 0; i < 20; i++) {
        const self = await party.request('getSelf', {});
        expect(self.ok).toBe(true);
      }
      await party.disconnect();
    });
    expect(seen).toEqual({
      undiciRequests: 0,
      httpRequests: ['POST /__wxvoip/v1/parties', ...Array.from({ length: 20 }, () => 'GET /__wxvoip/v1/parties/me'), 'DELETE /__wxvoip/v1/parties/me'],
      sockets: 1,
    });
  });
});

describe('nodeHttpFetch', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('sends the method, headers and UTF-8 body, and reads the status and UTF-8 text', async () => {
    const base = await listen((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, length: req.headers['content-length'], type: req.headers['content-type'], body }));
      });
    });
    const res = await nodeHttpFetch(`${base}/a/b?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"门铃"}' });
    expect(res.status).toBe(201);
    expect(JSON.parse(await res.text())).toEqual({ method: 'POST', url: '/a/b?x=1', length: '17', type: 'application/json', body: '{"name":"门铃"}' });
  });

  it('rejects like fetch ("fetch failed", the socket error as cause) when nothing listens', async () => {
    const base = await listen(() => undefined);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(nodeHttpFetch(`${base}/`, { method: 'GET', headers: {} })).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });

  it('rejects with an abort when the signal aborts', async () => {
    const base = await listen(() => undefined); // never answers
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/`, { method: 'GET', headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ message: 'fetch failed', cause: { name: 'AbortError' } });
  });

  it('sends a request again on a new socket when the server reset the kept-alive one before answering', async () => {
    const perSocket = new Map<unknown, number>();
    let resets = 0;
    const base = await listen((req, res) => {
      const nth = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, nth);
      if (nth === 2 && resets === 0) {
        resets += 1;
        req.socket.resetAndDestroy(); // as a server closing an idle connection just as the request arrives
        return;
      }
      req.resume();
      res.end(`socket ${perSocket.size} request ${nth}`);
    });
    expect(await (await nodeHttpFetch(`${base}/`, { method: 'POST', headers: {}, body: 'one' })).text()).toBe('socket 1 request 1');
    expect(await (await nodeHttpFetch(`${base}/`, { method: 'POST', headers: {}, body: 'two' })).text()).toBe('socket 2 request 1');
    expect(resets).toBe(1);
  });

  it('does not send again when the reset socket was a new one (the request may have been handled)', async () => {
    const base = await listen((req) => {
      req.socket.resetAndDestroy();
    });
    await expect(nodeHttpFetch(`${base}/`, { method: 'POST', headers: {}, body: 'x' })).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
  });
});
