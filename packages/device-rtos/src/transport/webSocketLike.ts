/**
 * What a WebSocket event carries, as far as the push channel reads it: `data` of a `message` (a string for text
 * frames; a Buffer, ArrayBuffer, typed array or Blob for binary ones), `code`/`reason` of a `close`, and
 * `message`/`error` of an `error` where the implementation gives them (`ws` does, browsers do not).
 */
export interface WebSocketEventLike {
  /** The event type: `open`, `message`, `close` or `error`. */
  readonly type: string;
  /** Message payload. */
  readonly data?: unknown;
  /** Close code. */
  readonly code?: number;
  /** Close reason. */
  readonly reason?: string;
  /** What went wrong (`ws`'s ErrorEvent). */
  readonly message?: string;
  /** The underlying error (`ws`'s ErrorEvent). */
  readonly error?: unknown;
}

/**
 * The part of the WHATWG `WebSocket` interface the push channel uses: `readyState` (0 CONNECTING, 1 OPEN, 2 CLOSING,
 * 3 CLOSED), `send`, `close` and `addEventListener`. The global `WebSocket` (Node 22+, browsers), msw's interceptor of
 * it, and `WebSocket` from the `ws` package all fit.
 */
export interface WebSocketLike {
  /** 0 CONNECTING, 1 OPEN, 2 CLOSING, 3 CLOSED. */
  readonly readyState: number;
  /** Sends a text frame. */
  send(data: string): void;
  /** Closes the socket (or abandons the handshake). */
  close(code?: number, reason?: string): void;
  /** Subscribes to open / message / close / error. */
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: WebSocketEventLike) => void): void;
}

/**
 * A WebSocket class, the `WebSocket` option of the SDKs: the global `WebSocket` (msw's interceptor once
 * `setupServer(...).listen()` runs), or `WebSocket` from the `ws` package (the default).
 *
 * @example
 * const server = new CloudVoipServer({ platformUrl: platform.url, WebSocket: globalThis.WebSocket });
 */
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

/** `readyState` values of the WHATWG WebSocket interface. */
export const WEB_SOCKET_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;
