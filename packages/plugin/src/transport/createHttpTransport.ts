import type { PushChannel, PushChannelHandlers, SimulatorTransport, TransportRequest, TransportResponse } from './simulatorTransport.js';

/** The part of the Fetch API's `Response` the transport reads. */
export interface FetchResponseLike {
  /** HTTP status. */
  readonly status: number;
  /** The body as text. */
  text(): Promise<string>;
}

/** A `fetch` function: the global one, or any compatible implementation. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<FetchResponseLike>;

/** What a WebSocket event carries, as far as the transport reads it: `data` of a message, `code`/`reason` of a close. */
export interface WebSocketEventLike {
  /** The event type. */
  readonly type?: string;
  /** Message payload. */
  readonly data?: unknown;
  /** Close code. */
  readonly code?: number;
  /** Close reason. */
  readonly reason?: string;
}

/** The part of a WebSocket instance the transport uses (browser `WebSocket`, msw's interceptor, or `ws`). */
export interface WebSocketLike {
  /** Sends a text frame. */
  send(data: string): void;
  /** Closes the socket. */
  close(code?: number, reason?: string): void;
  /** Subscribes to open / message / close / error. */
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: WebSocketEventLike) => void): void;
}

/** A WebSocket class: the global `WebSocket`, or `WebSocket` from the `ws` package on Node 20. */
export type WebSocketConstructorLike = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Base URL of the platform, e.g. `http://127.0.0.1:8080` or `http://wxvoip.mock` (in-process through msw). */
  readonly baseUrl: string;
  /** The fetch to use. Default: the global `fetch`, looked up at each request (so msw can intercept it). */
  readonly fetch?: FetchLike;
  /** The WebSocket class. Default: the global `WebSocket`, looked up when the channel opens. */
  readonly WebSocket?: WebSocketConstructorLike;
}

function globalMember<T>(name: 'fetch' | 'WebSocket'): T | undefined {
  return (globalThis as Record<string, unknown>)[name] as T | undefined;
}

/** `http://host/base` → `ws://host/base` (and https → wss). */
function webSocketUrl(baseUrl: string, pathWithQuery: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base.replace(/^http(s?):/, 'ws$1:')}${pathWithQuery}`;
}

/** A frame's data as text: the platform sends text frames only (JSON). */
function frameText(data: unknown): string {
  return typeof data === 'string' ? data : String(data);
}

/**
 * The default transport: JSON over `fetch`, and the push channel over a WebSocket class. Uses no Node built-ins.
 * On Node 20 (no global `WebSocket`) pass `WebSocket` from the `ws` package, or run under msw with a global
 * `WebSocket` installed.
 *
 * @example
 * import { WebSocket } from 'ws';
 * const transport = createHttpTransport({ baseUrl: platform.url, WebSocket });
 */
export function createHttpTransport(options: HttpTransportOptions): SimulatorTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const fetchImpl = options.fetch ?? globalMember<FetchLike>('fetch');
      if (typeof fetchImpl !== 'function') {
        throw new TypeError('[wxvoip] no fetch available: pass options.fetch (or a transport) to the plugin simulator');
      }
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetchImpl(`${baseUrl}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text === '' ? '' : (JSON.parse(text) as unknown);
      } catch {
        body = text;
      }
      return { status: response.status, body };
    },
    openPushChannel(pathWithQuery: string, handlers: PushChannelHandlers): PushChannel {
      const Socket = options.WebSocket ?? globalMember<WebSocketConstructorLike>('WebSocket');
      if (typeof Socket !== 'function') {
        throw new TypeError(
          '[wxvoip] no WebSocket class available: Node 20 has no global WebSocket. Pass options.WebSocket (e.g. WebSocket from the ws package), or run under msw with a global WebSocket installed.',
        );
      }
      const socket = new Socket(webSocketUrl(baseUrl, pathWithQuery));
      socket.addEventListener('open', () => handlers.onOpen());
      socket.addEventListener('message', (event) => handlers.onMessage(frameText(event.data)));
      socket.addEventListener('close', (event) => handlers.onClose(event.code ?? 0, event.reason ?? ''));
      socket.addEventListener('error', (event) => handlers.onError(event));
      return { send: (text) => socket.send(text), close: () => socket.close(1000, 'plugin closed') };
    },
  };
}
