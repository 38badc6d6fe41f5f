import { PUSH_CHANNEL_TOKEN_PARAM, PushMessage } from '@wxvoip/contracts';
import { WebSocket as NodeWebSocket } from 'ws';
import { frameText } from './frameText.js';
import { WEB_SOCKET_STATE, type WebSocketConstructorLike, type WebSocketEventLike, type WebSocketLike } from './webSocketLike.js';

/** Options of {@link PushChannel.open}. */
export interface PushChannelOpenOptions {
  /** Platform base URL (`http://…`); the channel uses `ws://…`. */
  readonly baseUrl: string;
  /** The channel path `connectParty` returned (`pushChannel.path`). */
  readonly path: string;
  /** The party credential. */
  readonly token: string;
  /** Tenant namespace, sent as the `namespace` query parameter (a WHATWG WebSocket cannot send headers). */
  readonly namespace?: string;
  /** The WebSocket class. Default: `WebSocket` from the `ws` package. */
  readonly WebSocket?: WebSocketConstructorLike;
  /** Called with every server message (already validated against the contract), in order. */
  readonly onMessage: (message: PushMessage) => void;
  /** Called once when the socket closes after it opened, for whatever reason, after the messages received before. */
  readonly onClose?: () => void;
}

/** Why a socket failed before it opened, from its `error` event (`ws` says why; a WHATWG socket does not). */
function errorDetail(event: WebSocketEventLike): string {
  if (typeof event.message === 'string' && event.message !== '') return event.message;
  if (event.error instanceof Error) return event.error.message;
  return 'the WebSocket handshake failed';
}

/** Reports an exception of a listener without breaking the channel, as an EventTarget does. */
function report(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/**
 * A party's push channel (a WebSocket, ADR 0007) on the WHATWG WebSocket interface: it answers every `ping` with a
 * `pong`, acknowledges every message, and hands the validated messages to `onMessage`, in order. Frames that do not
 * match the contract are dropped. Works with `ws` (the default) and with any WHATWG `WebSocket` class, such as the
 * global one msw intercepts in-process.
 *
 * @example
 * const channel = await PushChannel.open({ baseUrl, path, token, onMessage: (m) => console.log(m.type) });
 * channel.close();
 */
export class PushChannel {
  private constructor(private readonly socket: WebSocketLike) {}

  /** Opens the channel; resolves once the socket is open, rejects if it cannot be opened (error or close first). */
  static open(options: PushChannelOpenOptions): Promise<PushChannel> {
    const url = new URL(options.path, options.baseUrl.replace(/^http/, 'ws'));
    url.searchParams.set(PUSH_CHANNEL_TOKEN_PARAM, options.token);
    if (options.namespace !== undefined) url.searchParams.set('namespace', options.namespace);
    const Socket = options.WebSocket ?? NodeWebSocket;
    return new Promise((resolve, reject) => {
      let socket: WebSocketLike;
      try {
        socket = new Socket(url.href);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      let opened = false;
      let closed = false;
      // Frames are decoded asynchronously (a Blob), so every frame and the close go through one queue, in order.
      let queue: Promise<void> = Promise.resolve();
      const handle = (text: string | undefined): void => {
        if (text === undefined) return;
        let message: PushMessage;
        try {
          const parsed = PushMessage.safeParse(JSON.parse(text));
          if (!parsed.success) return;
          message = parsed.data;
        } catch {
          return;
        }
        if (socket.readyState === WEB_SOCKET_STATE.OPEN) {
          socket.send(JSON.stringify(message.type === 'ping' ? { type: 'pong', seq: message.seq } : { type: 'ack', seq: message.seq }));
        }
        try {
          options.onMessage(message);
        } catch (error) {
          report(error);
        }
      };
      socket.addEventListener('open', () => {
        opened = true;
        resolve(new PushChannel(socket));
      });
      socket.addEventListener('message', (event) => {
        const { data } = event;
        queue = queue.then(() => frameText(data).then(handle, () => undefined));
      });
      // A socket error after the channel opened closes it (onClose); before, it fails the opening.
      socket.addEventListener('error', (event) => {
        if (!opened) reject(new Error(errorDetail(event)));
      });
      socket.addEventListener('close', (event) => {
        if (!opened) {
          reject(new Error(`the socket closed before it opened (code ${event.code ?? 'unknown'}${event.reason ? `: ${event.reason}` : ''})`));
          return;
        }
        if (closed) return;
        closed = true;
        queue = queue.then(() => {
          try {
            options.onClose?.();
          } catch (error) {
            report(error);
          }
        });
      });
    });
  }

  /** Whether the socket is still open. */
  get open(): boolean {
    return this.socket.readyState === WEB_SOCKET_STATE.OPEN;
  }

  /** Closes the socket (idempotent). */
  close(): void {
    if (this.socket.readyState === WEB_SOCKET_STATE.OPEN || this.socket.readyState === WEB_SOCKET_STATE.CONNECTING) this.socket.close();
  }
}
