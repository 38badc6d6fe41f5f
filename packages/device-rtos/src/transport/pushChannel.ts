import { PUSH_CHANNEL_TOKEN_PARAM, PushMessage } from '@wxvoip/contracts';
import WebSocket from 'ws';

/** Options of {@link PushChannel.open}. */
export interface PushChannelOpenOptions {
  /** Platform base URL (`http://…`); the channel uses `ws://…`. */
  readonly baseUrl: string;
  /** The channel path `connectParty` returned (`pushChannel.path`). */
  readonly path: string;
  /** The party credential. */
  readonly token: string;
  /** Tenant namespace, sent as the `namespace` query parameter. */
  readonly namespace?: string;
  /** Called with every server message (already validated against the contract), in order. */
  readonly onMessage: (message: PushMessage) => void;
  /** Called once when the socket closes, for whatever reason. */
  readonly onClose?: () => void;
}

/**
 * A party's push channel (a WebSocket, ADR 0007): it answers every `ping` with a `pong`, acknowledges every
 * message, and hands the validated messages to `onMessage`. Frames that do not match the contract are dropped.
 *
 * @example
 * const channel = await PushChannel.open({ baseUrl, path, token, onMessage: (m) => console.log(m.type) });
 * channel.close();
 */
export class PushChannel {
  private constructor(private readonly socket: WebSocket) {}

  /** Opens the channel; resolves once the socket is open, rejects if it cannot be opened. */
  static open(options: PushChannelOpenOptions): Promise<PushChannel> {
    const url = new URL(options.path, options.baseUrl.replace(/^http/, 'ws'));
    url.searchParams.set(PUSH_CHANNEL_TOKEN_PARAM, options.token);
    if (options.namespace !== undefined) url.searchParams.set('namespace', options.namespace);
    const socket = new WebSocket(url);
    socket.on('message', (data: WebSocket.RawData) => {
      let message: PushMessage;
      try {
        const parsed = PushMessage.safeParse(JSON.parse(data.toString()));
        if (!parsed.success) return;
        message = parsed.data;
      } catch {
        return;
      }
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message.type === 'ping' ? { type: 'pong', seq: message.seq } : { type: 'ack', seq: message.seq }));
      }
      options.onMessage(message);
    });
    socket.once('close', () => options.onClose?.());
    // A socket error after the channel opened closes it (onClose); it must not crash the process.
    socket.on('error', () => undefined);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new PushChannel(socket)));
      socket.once('error', (error) => reject(error));
    });
  }

  /** Whether the socket is still open. */
  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Closes the socket (idempotent). */
  close(): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close();
  }
}
