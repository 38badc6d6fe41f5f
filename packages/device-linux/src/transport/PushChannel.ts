import { PushMessage, type ByeReason, type DeviceStatusMessage, type HelloMessage } from '@wxvoip/contracts';
import WebSocket from 'ws';

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
 */
export class PushChannel {
  private socket: WebSocket | undefined;
  private closedReported = false;
  private pongs = 0;
  private lastSeq = 0;

  private constructor(private readonly handlers: PushChannelHandlers) {}

  /** Opens the channel and resolves once the platform said `hello`. Rejects when the socket cannot open or is refused. */
  static open(url: string, headers: Record<string, string>, handlers: PushChannelHandlers, signal?: AbortSignal): Promise<{ channel: PushChannel; hello: HelloMessage }> {
    const channel = new PushChannel(handlers);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      channel.socket = socket;
      let helloSeen = false;
      const fail = (error: Error) => {
        if (helloSeen) return;
        helloSeen = true;
        socket.removeAllListeners('message');
        socket.terminate();
        reject(error);
      };
      signal?.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
      socket.once('error', fail);
      socket.once('close', (code, reason) => {
        if (!helloSeen) fail(new Error(`push channel closed before hello (${code} ${reason.toString('utf8')})`));
        else channel.reportClosed('lost');
      });
      socket.on('error', () => undefined);
      socket.on('message', (data: WebSocket.RawData) => {
        const parsed = PushMessage.safeParse(safeJson(data));
        if (!parsed.success) return;
        const message = parsed.data;
        channel.lastSeq = message.seq;
        switch (message.type) {
          case 'hello':
            helloSeen = true;
            resolve({ channel, hello: message });
            return;
          case 'ping':
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
    return this.socket?.readyState === WebSocket.OPEN;
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

function safeJson(data: WebSocket.RawData): unknown {
  try {
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
