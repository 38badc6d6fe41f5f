/**
 * The README's framework examples, type-checked against minimal local stubs of fastify's and express's types (neither
 * is a dependency of this package) and run against tiny fakes of those frameworks; plus the serverless form, which is
 * the receiver itself. Keep the `mountOn*` bodies identical to the README.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AES_KEY, APP, NOTIFY, TOKEN, encryptFor, pushQuery } from '../../test/messagePushVectors.js';
import { createCallbackReceiver, type CallbackReceiver } from './createCallbackReceiver.js';
import { toNodeListener } from './toNodeListener.js';

// ---- Minimal stubs of the framework types the examples use (fastify 5, express 4/5). ----

/** The part of a fastify request the example reads. */
interface FastifyRequestLike {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}
/** The part of a fastify reply the example writes. */
interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload: string): FastifyReplyLike;
}
/** The part of a fastify instance the example uses. */
interface FastifyLike {
  register(plugin: (scope: FastifyLike) => Promise<void>): unknown;
  removeAllContentTypeParsers(): void;
  addContentTypeParser(type: string, options: { parseAs: 'string' }, parser: (request: unknown, body: string, done: (error: Error | null, body?: string) => void) => void): void;
  route(options: { method: string[]; url: string; handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<void> }): unknown;
}
/** The part of an express app the example uses: express handlers take Node's req and res. */
interface ExpressLike {
  all(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): unknown;
}

// ---- The README examples. ----

/** fastify: a scope that reads every body as a string and hands the request to the receiver. */
function mountOnFastify(app: FastifyLike, receiver: CallbackReceiver): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.route({
      method: ['GET', 'POST'],
      url: '/wechat/callback',
      handler: async (request, reply) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
        const response = await receiver(
          new Request(`http://${headers.get('host') ?? 'localhost'}${request.url}`, {
            method: request.method,
            headers,
            ...(request.method === 'POST' ? { body: String(request.body) } : {}),
          }),
        );
        reply.code(response.status).headers(Object.fromEntries(response.headers)).send(await response.text());
      },
    });
  });
}

/** express: mount before any body parser (or after `express.text({ type: '*\/*' })`). */
function mountOnExpress(app: ExpressLike, receiver: CallbackReceiver): void {
  app.all('/wechat/callback', toNodeListener(receiver));
}

// ---- Tests. ----

const seen: string[] = [];
const receiver = createCallbackReceiver({
  token: TOKEN,
  encodingAESKey: AES_KEY,
  appId: APP,
  // The pushes below are signed at 1767225600 (2026-01-01): the receiver's clock stands there.
  now: () => 1_767_225_600_000,
  onNotify: (message) => {
    seen.push(message.RoomId);
    return { errcode: 0, errmsg: 'ok' };
  },
});

function push(): { path: string; body: string } {
  const encrypt = encryptFor(JSON.stringify(NOTIFY));
  return { path: `/wechat/callback?${pushQuery('1767225600', '42', encrypt).toString()}`, body: JSON.stringify({ ToUserName: NOTIFY.ToUserName, Encrypt: encrypt }) };
}

describe('framework examples', () => {
  it('fastify: the scoped route answers a push with the reply', async () => {
    type Route = Parameters<FastifyLike['route']>[0];
    let route: Route | undefined;
    let parser: Parameters<FastifyLike['addContentTypeParser']>[2] | undefined;
    const fake: FastifyLike = {
      register: (plugin) => plugin(fake),
      removeAllContentTypeParsers: () => undefined,
      addContentTypeParser: (_type, _options, p) => (parser = p),
      route: (options) => (route = options),
    };
    mountOnFastify(fake, receiver);
    await Promise.resolve();
    const { path, body } = push();
    let parsed: string | undefined;
    parser!({}, body, (_error, value) => (parsed = value));
    const sent: { status?: number; headers?: Record<string, string>; payload?: string } = {};
    const reply: FastifyReplyLike = {
      code: (status) => ((sent.status = status), reply),
      headers: (values) => ((sent.headers = values), reply),
      send: (payload) => ((sent.payload = payload), reply),
    };
    await route!.handler({ url: path, method: 'POST', headers: { host: 'vendor.example.com', 'content-type': 'application/json' }, body: parsed }, reply);
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.payload!)).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(seen).toContain(NOTIFY.RoomId);
  });

  it('express: the node listener answers a real HTTP push', async () => {
    const handlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
    mountOnExpress({ all: (path, handler) => handlers.set(path, handler) }, receiver);
    const server = createServer((req, res) => handlers.get(new URL(req.url ?? '/', 'http://x').pathname)?.(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { path, body } = push();
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ errcode: 0, errmsg: 'ok' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('serverless: the receiver is the fetch handler itself', async () => {
    const handler = { fetch: receiver };
    const { path, body } = push();
    const response = await handler.fetch(new Request(`https://fn.example.com${path}`, { method: 'POST', body }));
    expect(await response.json()).toEqual({ errcode: 0, errmsg: 'ok' });
  });
});
