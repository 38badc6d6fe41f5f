import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { rawAnswer } from './rawAnswer.js';

/** Options of {@link routeUpgrades}. */
export interface RouteUpgradesOptions {
  /** Whether a path (without its query) is a WebSocket route. */
  readonly isWebSocketPath: (path: string) => boolean;
}

/** A valid `Sec-WebSocket-Key`: 16 random bytes in base64 (RFC 6455 §4.1). */
const WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;

/** Headers that ask for a protocol switch; they are dropped when a request is served as plain HTTP/1.1. */
const UPGRADE_HEADERS = new Set(['upgrade', 'http2-settings']);

/**
 * Makes the HTTP server answer every request as plain HTTP/1.1 except a WebSocket handshake on a WebSocket route.
 *
 * Node hands any request with `Connection: upgrade` and an `Upgrade` header to the server's `'upgrade'` listeners
 * (here, the push channel's, which routes the handshake to `ws`), which then own the socket: Java's `HttpClient` and
 * `curl --http2` send `Upgrade: h2c` on every `http://` request and got a `400 text/html` (or a 500 with a body). This
 * takes the listeners that are registered now (call it after the push channel is registered) and puts one dispatcher
 * in their place:
 *
 * - `GET` with `Upgrade: websocket` on a WebSocket path and a well-formed handshake → the original listeners;
 * - the same with a broken handshake (no or malformed `Sec-WebSocket-Key`, a version other than 13) → a 400 in the
 *   path's API shape, on the socket;
 * - anything else (`h2c`, any other protocol, another path or method) → the request is replayed into the HTTP
 *   server as plain HTTP/1.1: its request line and headers without `Upgrade`/`HTTP2-Settings` (and without those
 *   tokens in `Connection`), followed by the bytes already read, so fastify routes and answers it like any other
 *   request, body included.
 */
export function routeUpgrades(server: Server, options: RouteUpgradesOptions): void {
  const webSocketListeners = server.listeners('upgrade') as ((request: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? url;
    const wantsWebSocket = request.method === 'GET' && tokensOf(request.headers.upgrade).includes('websocket') && options.isWebSocketPath(path);
    if (!wantsWebSocket) {
      replayAsPlainHttp(server, request, socket, head);
      return;
    }
    const problem = handshakeProblem(request);
    if (problem !== undefined) {
      rawAnswer(socket, 'badUpgrade', request.method ?? 'GET', url, problem);
      return;
    }
    for (const listener of webSocketListeners) listener.call(server, request, socket, head);
  });
}

/** What is wrong with a WebSocket handshake, or undefined when it can be accepted. */
function handshakeProblem(request: IncomingMessage): string | undefined {
  const key = request.headers['sec-websocket-key'];
  if (typeof key !== 'string' || !WEBSOCKET_KEY.test(key.trim())) {
    return 'a WebSocket handshake needs a Sec-WebSocket-Key header of 16 bytes in base64 (RFC 6455 §4.1)';
  }
  if (request.headers['sec-websocket-version'] !== '13') {
    return `the push channel speaks WebSocket version 13; Sec-WebSocket-Version is ${JSON.stringify(request.headers['sec-websocket-version'] ?? null)}`;
  }
  if (!tokensOf(request.headers.connection).includes('upgrade')) {
    return 'a WebSocket handshake needs Connection: Upgrade';
  }
  return undefined;
}

/** The lower-case comma-separated tokens of a header. */
function tokensOf(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
}

/**
 * Feeds the request back to the HTTP server as if it had arrived without its upgrade headers: a new parser on the
 * same socket reads the rewritten head, then the body bytes Node had already read (`head`), then the rest.
 */
function replayAsPlainHttp(server: Server, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const lines = [`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/${request.httpVersion === '1.0' ? '1.0' : '1.1'}`];
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (UPGRADE_HEADERS.has(lower)) continue;
    let value = raw[i + 1]!;
    if (lower === 'connection') {
      value = value
        .split(',')
        .map((token) => token.trim())
        .filter((token) => token !== '' && !UPGRADE_HEADERS.has(token.toLowerCase()))
        .join(', ');
      if (value === '') continue;
    }
    lines.push(`${name}: ${value}`);
  }
  socket.unshift(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), head]));
  server.emit('connection', socket);
}
