/** One HTTP request to the platform's transport API (`/__wxvoip/v1/...`). */
export interface TransportRequest {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path from the platform's base URL, e.g. `/__wxvoip/v1/plugin/call-device`. */
  readonly path: string;
  /** Request headers (credential, namespace). */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON body, if any. */
  readonly body?: unknown;
}

/** The platform's answer: the HTTP status and the body, parsed as JSON when it is JSON, else the raw text. */
export interface TransportResponse {
  /** HTTP status. */
  readonly status: number;
  /** Parsed JSON body, or the text when it is not JSON. */
  readonly body: unknown;
}

/** What the simulator hears from its push channel. */
export interface PushChannelHandlers {
  /** The socket opened. */
  onOpen(): void;
  /** One text frame. */
  onMessage(text: string): void;
  /** The socket closed. */
  onClose(code: number, reason: string): void;
  /** The socket failed. */
  onError(error: unknown): void;
}

/** An open push channel: the simulator sends `pong`s through it and closes it. */
export interface PushChannel {
  /** Sends one text frame. */
  send(text: string): void;
  /** Closes the socket. */
  close(): void;
}

/**
 * How the simulator reaches the mock platform. The default ({@link createHttpTransport}) uses `fetch` and a
 * WebSocket class; inject your own to route through anything else (a mini program's `wx.request`, a test double).
 */
export interface SimulatorTransport {
  /** One request/response exchange. Rejects only when the request could not be made (network failure). */
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Opens the push channel at `pathWithQuery` (relative to the base URL). */
  openPushChannel(pathWithQuery: string, handlers: PushChannelHandlers): PushChannel;
}
