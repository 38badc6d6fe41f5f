import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import type { ServerOptions, WebSocket, WebSocketServer } from 'ws';

/** A `ws` server without an HTTP server of its own, whose module is loaded by the first WebSocket handshake. */
export interface LazyWebSocketServer {
  /**
   * Completes a WebSocket handshake on `socket` (101, or `ws`'s own 4xx for a handshake it refuses) and hands the
   * open WebSocket to `onOpen`, synchronously. The first call loads `ws`.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, onOpen: (socket: WebSocket) => void): void;
  /** Closes every open WebSocket (a close frame without a code) and the server; nothing to do when `ws` never loaded. */
  close(): void;
  /** Whether the first handshake has loaded `ws`. */
  readonly loaded: boolean;
}

/** What a `ws` server may be given here: everything but the options that attach it to an HTTP server or a port. */
export type LazyWebSocketServerOptions = Omit<ServerOptions, 'noServer' | 'server' | 'port' | 'host' | 'path'>;

/**
 * A `ws` `WebSocketServer` in `noServer` mode, created on the first handshake: a platform that nobody opens a push
 * channel to (most test runs that only call the emulated WeChat routes, a cold start up to the first snTicket) never
 * reads, compiles or runs `ws` (issue 19, ADR 0039). `ws` is CommonJS and loaded with `require`, so the first
 * handshake is answered in the same turn as every later one, and the start test can look for it in `require.cache`.
 *
 * @example
 * const wss = lazyWebSocketServer({ maxPayload: 64 * 1024 });
 * wss.handleUpgrade(request, socket, head, (ws) => ws.send('hello'));
 */
export function lazyWebSocketServer(options: LazyWebSocketServerOptions): LazyWebSocketServer {
  let server: WebSocketServer | undefined;
  const serverOf = (): WebSocketServer => {
    if (server === undefined) {
      const require = createRequire(import.meta.url);
      const { WebSocketServer: Server } = require('ws') as { WebSocketServer: typeof WebSocketServer };
      server = new Server({ ...options, noServer: true });
    }
    return server;
  };
  return {
    handleUpgrade: (request, socket, head, onOpen) => serverOf().handleUpgrade(request, socket, head, onOpen),
    close: () => {
      if (server === undefined) return;
      for (const client of server.clients) client.close();
      server.close();
    },
    get loaded() {
      return server !== undefined;
    },
  };
}
