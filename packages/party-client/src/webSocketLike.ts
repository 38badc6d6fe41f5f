/** `readyState` of a WHATWG WebSocket: 0 connecting, 1 open, 2 closing, 3 closed. */
export const WEB_SOCKET_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

/** The `message` event of a WHATWG WebSocket: `data` is a string for text frames; a Blob, ArrayBuffer or Buffer for binary ones. */
export interface WebSocketMessageEventLike {
  /** The frame: {@link decodePushFrame} reads it. */
  readonly data: unknown;
}

/** The `close` event of a WHATWG WebSocket. */
export interface WebSocketCloseEventLike {
  /** Close code (1000 normal, 1006 dropped, 4401 refused by the platform, …). */
  readonly code: number;
  /** Close reason sent by the other side (may be empty). */
  readonly reason: string;
}

/** The `error` event of a WHATWG WebSocket (browsers say nothing more; `ws` adds a `message` and an `error`). */
export interface WebSocketErrorEventLike {
  /** What went wrong, when the implementation says. */
  readonly message?: unknown;
  /** The underlying error, when the implementation gives it. */
  readonly error?: unknown;
}

/**
 * The part of the WHATWG `WebSocket` interface the push channel uses. The browser's, Node 22's, msw's interceptor and
 * the `ws` package's `WebSocket` all have it.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed ({@link WEB_SOCKET_STATE}). */
  readonly readyState: number;
  /** Sends a text frame. */
  send(data: string): void;
  /** Closes the socket (or gives up connecting). */
  close(code?: number, reason?: string): void;
  /** Listens to the socket opening. */
  addEventListener(type: 'open', listener: () => void): void;
  /** Listens to frames. */
  addEventListener(type: 'message', listener: (event: WebSocketMessageEventLike) => void): void;
  /** Listens to the socket closing (after a failure too). */
  addEventListener(type: 'close', listener: (event: WebSocketCloseEventLike) => void): void;
  /** Listens to failures (a `close` event follows). */
  addEventListener(type: 'error', listener: (event: WebSocketErrorEventLike) => void): void;
}

/**
 * A WHATWG `WebSocket` class: `globalThis.WebSocket` (browsers, Node 22+, msw's interceptor) or `ws`'s `WebSocket`.
 *
 * @example
 * const party = new PartyClient({ baseUrl, fetch, WebSocket: globalThis.WebSocket });
 */
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;
