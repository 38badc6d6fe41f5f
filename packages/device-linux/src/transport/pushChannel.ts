import { PushMessage, type ByeReason, type DeviceStatusMessage, type HelloMessage } from '@wxvoip/contracts';
import { frameText } from './frameText.js';
import { WEB_SOCKET_STATE, type WebSocketConstructorLike, type WebSocketLike } from './webSocketLike.js';

/** What the channel tells its owner. */
export interface PushChannelHandlers {
  /** A listener status for one of this device's rooms. */
  onStatus(message: DeviceStatusMessage): void;
  /** The channel closed: `bye` from the platform (with its reason), or the socket dropped (`lost`). */
  onClosed(reason: ByeReason | 'lost'): void;
}

/**
 * The device's push channel (a WebSocket, ADR 0007): waits for `hello`, answers every `ping` with a `pong` (a party
 * that misses two is treated as offline and its calls abort), hands `deviceStatus` messages over, and reports
 * `bye` or a dropped socket. Linux devices get no `incomingCall`: WeChat sends them nothing (D §0.2).
 * It speaks the WHATWG WebSocket interface only (`addEventListener`, `readyState`), so any WebSocket class works: `ws`'s,
 * the global one, or msw's interceptor. Events are handled one after the other, in arrival order, even
 * when a binary frame takes a moment to decode, so a `bye` is always seen before the close that follows it.
 */
export class PushChannel {
  private socket: WebSocketLike | undefined;
  private closedReported = false;
  private pongs = 0;
  private lastSeq = 0;

  private constructor(private readonly handlers: PushChannelHandlers) {}

  /**
   * Opens the channel at `url` (credential and namespace in the query: a WHATWG WebSocket cannot send headers) with
   * `WebSocket`, and resolves once the platform said `hello`. Rejects when the socket cannot open, is refused or closes first.
   */
  static open(url: string, WebSocket: WebSocketConstructorLike, handlers: PushChannelHandlers, signal?: AbortSignal): Promise<{ channel: PushChannel; hello: HelloMessage }> {
    const channel = new PushChannel(handlers);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      channel.socket = socket;
      let settled = false;
      let inbox: Promise<void> = Promise.resolve();
      const inOrder = (task: () => void | Promise<void>) => {
        inbox = inbox.then(task).catch((error: unknown) => {
          // A bug in a handler: surface it as the socket library would, without stopping the channel.
          queueMicrotask(() => {
            throw error;
          });
        });
      };
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        channel.closedReported = true;
        socket.close();
        reject(error);
      };
      signal?.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
      socket.addEventListener('error', (event) => {
        const detail = typeof event.message === 'string' && event.message !== '' ? event.message : 'the WebSocket failed';
        inOrder(() => fail(new Error(detail)));
      });
      socket.addEventListener('close', (event) => {
        inOrder(() => {
          if (!settled) fail(new Error(`push channel closed before hello (${event.code}${event.reason === '' ? '' : ` ${event.reason}`})`));
          else channel.reportClosed('lost');
        });
      });
      socket.addEventListener('message', (event) => {
        inOrder(async () => {
          const text = await frameText(event.data);
          if (channel.closedReported || text === undefined) return;
          const parsed = PushMessage.safeParse(safeJson(text));
          if (!parsed.success) return;
          const message = parsed.data;
          channel.lastSeq = message.seq;
          switch (message.type) {
            case 'hello':
              if (settled) return;
              settled = true;
              resolve({ channel, hello: message });
              return;
            case 'ping':
              if (socket.readyState !== WEB_SOCKET_STATE.OPEN) return;
              channel.pongs++;
              socket.send(JSON.stringify({ type: 'pong', seq: message.seq }));
              return;
            case 'deviceStatus':
              handlers.onStatus(message);
              return;
            case 'bye':
              channel.reportClosed(message.reason);
              return;
            default:
              return;
          }
        });
      });
    });
  }

  /** Number of pings answered so far. */
  get pongsSent(): number {
    return this.pongs;
  }

  /** Seq of the last message received. */
  get lastMessageSeq(): number {
    return this.lastSeq;
  }

  /** True while the socket is open. */
  get open(): boolean {
    return this.socket?.readyState === WEB_SOCKET_STATE.OPEN;
  }

  /** Closes the socket without reporting it (the owner is stopping). */
  close(): void {
    this.closedReported = true;
    this.socket?.close(1000, 'wx_stop');
  }

  private reportClosed(reason: ByeReason | 'lost'): void {
    if (this.closedReported) return;
    this.closedReported = true;
    this.handlers.onClosed(reason);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
