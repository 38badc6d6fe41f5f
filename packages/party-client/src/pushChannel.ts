import { MAX_PARTY_FRAME_BYTES, PartyMessage, type HelloMessage, type PartyMessage as PartyMessageType, type PushMessage } from '@wxvoip/contracts';
import { decodePushFrame, decodeTextPushFrame, type DecodedPushFrame } from './decodePushFrame.js';
import type { ChannelCloseReason, PartyFailure } from './partyFailure.js';
import { WEB_SOCKET_STATE, type WebSocketConstructorLike, type WebSocketLike } from './webSocketLike.js';

/** WebSocket close code the platform uses for a refused channel (credential, party or namespace). */
export const CHANNEL_REFUSED_CODE = 4401;

/** What a {@link PushChannel} tells its owner, in arrival order. */
export interface PushChannelEvents {
  /** Every message after `hello` that matches the contract, `ping` and `bye` included (pings are already answered). */
  onMessage(message: PushMessage): void;
  /** The socket closed after `hello` without a `bye` (a `bye` arrives through {@link onMessage} first). */
  onLost(code: number, reason: string): void;
  /** A frame the contract does not allow (it is skipped; the channel carries on). */
  onMalformed(failure: Extract<PartyFailure, { kind: 'malformed' }>): void;
}

/** Options of {@link PushChannel.open}. */
export interface PushChannelOpenOptions {
  /** The channel's `ws:`/`wss:` URL, credential and namespace in its query. */
  readonly url: string;
  /** The WHATWG WebSocket class. */
  readonly WebSocket: WebSocketConstructorLike;
  /** Where messages go. */
  readonly events: PushChannelEvents;
  /** Acknowledge every message with an `ack` (the platform journals unacknowledged pushes). Default false. */
  readonly acknowledge?: boolean;
  /** Aborting it gives up opening. */
  readonly signal?: AbortSignal;
}

/** The outcome of {@link PushChannel.open}. */
export type PushChannelOpened = { readonly ok: true; readonly channel: PushChannel; readonly hello: HelloMessage } | { readonly ok: false; readonly failure: Extract<PartyFailure, { kind: 'channelClosed' }> };

/**
 * A party's push channel on the WHATWG WebSocket interface (ADR 0007): waits for `hello`, answers every `ping` with a
 * `pong` at once, decodes and checks every frame ({@link decodePushFrame}), and hands the messages over one after the
 * other in arrival order, even when a binary frame takes a moment to decode, so a `bye` is always seen before the
 * close that follows it. It never reconnects by itself: {@link reconnectAdvice} says what to do after a close.
 *
 * @example
 * const opened = await PushChannel.open({ url, WebSocket, events });
 * if (opened.ok) console.log(opened.hello.partyId);
 */
export class PushChannel {
  private quiet = false;
  private pongs = 0;
  private lastSeq = 0;
  private framesAtOnce = 0;

  private constructor(private readonly socket: WebSocketLike) {}

  /** Opens the channel; resolves once the platform said `hello`, or with why it did not (refused, unreachable, closed first, cancelled). */
  static open(options: PushChannelOpenOptions): Promise<PushChannelOpened> {
    return new Promise((resolve) => {
      let socket: WebSocketLike;
      try {
        socket = new options.WebSocket(options.url);
      } catch (cause) {
        resolve({ ok: false, failure: { kind: 'channelClosed', reason: 'unreachable', code: null, detail: cause instanceof Error ? cause.message : String(cause) } });
        return;
      }
      const channel = new PushChannel(socket);
      let settled = false;
      let lastError = '';
      // Frames are handled one after the other in arrival order. A text frame with nothing waiting before it is
      // handled at once (no promise); a binary frame, which may take a moment to decode, and everything after it
      // until it is done, go through the inbox chain.
      let inbox: Promise<void> = Promise.resolve();
      let waiting = 0;
      const report = (error: unknown) => {
        queueMicrotask(() => {
          throw error;
        });
      };
      const inOrder = (task: () => void | Promise<void>) => {
        waiting++;
        inbox = inbox
          .then(task)
          .catch(report)
          .then(() => {
            waiting--;
          });
      };
      const fail = (reason: ChannelCloseReason, code: number | null, detail: string) => {
        if (settled) return;
        settled = true;
        channel.quiet = true;
        if (socket.readyState === WEB_SOCKET_STATE.CONNECTING || socket.readyState === WEB_SOCKET_STATE.OPEN) socket.close();
        resolve({ ok: false, failure: { kind: 'channelClosed', reason, code, detail } });
      };
      if (options.signal?.aborted) {
        fail('cancelled', null, 'aborted before the channel opened');
        return;
      }
      options.signal?.addEventListener('abort', () => inOrder(() => fail('cancelled', null, 'aborted before hello')), { once: true });
      socket.addEventListener('error', (event) => {
        const detail = typeof event.message === 'string' && event.message !== '' ? event.message : event.error instanceof Error ? event.error.message : 'the WebSocket failed';
        lastError = detail;
      });
      socket.addEventListener('close', (event) => {
        inOrder(() => {
          if (!settled) {
            const refused = event.code === CHANNEL_REFUSED_CODE;
            const why = event.reason !== '' ? event.reason : lastError;
            fail(refused ? 'refused' : 'unreachable', event.code, `closed before hello (${event.code}${why === '' ? '' : ` ${why}`})`);
            return;
          }
          if (channel.quiet) return;
          channel.quiet = true;
          options.events.onLost(event.code, event.reason);
        });
      });
      const handle = (frame: DecodedPushFrame) => {
        if (channel.quiet) return;
        if (!frame.ok) {
          options.events.onMalformed({ kind: 'malformed', operation: 'push', status: null, detail: frame.detail });
          return;
        }
        const message = frame.message;
        if (message.seq > channel.lastSeq) channel.lastSeq = message.seq;
        if (message.type === 'ping') {
          channel.pongs++;
          channel.send({ type: 'pong', seq: message.seq });
        } else if (options.acknowledge === true) {
          channel.send({ type: 'ack', seq: message.seq });
        }
        if (message.type === 'hello') {
          if (settled) return;
          settled = true;
          resolve({ ok: true, channel, hello: message });
          return;
        }
        if (!settled) return;
        if (message.type === 'bye') channel.quiet = true;
        options.events.onMessage(message);
      };
      socket.addEventListener('message', (event) => {
        const data = event.data;
        if (waiting === 0 && typeof data === 'string') {
          channel.framesAtOnce++;
          try {
            handle(decodeTextPushFrame(data));
          } catch (error) {
            report(error);
          }
          return;
        }
        inOrder(async () => handle(await decodePushFrame(data)));
      });
    });
  }

  /** Pings answered so far. */
  get pongsSent(): number {
    return this.pongs;
  }

  /** Frames handled without a promise (text frames with nothing waiting before them): a count the tests guard. */
  get framesHandledAtOnce(): number {
    return this.framesAtOnce;
  }

  /** The highest seq received so far. */
  get lastMessageSeq(): number {
    return this.lastSeq;
  }

  /** True while the socket is open. */
  get open(): boolean {
    return this.socket.readyState === WEB_SOCKET_STATE.OPEN;
  }

  /** Closes the socket without reporting it (the owner is stopping). */
  close(code = 1000, reason = 'closed by the party'): void {
    this.quiet = true;
    if (this.socket.readyState === WEB_SOCKET_STATE.CONNECTING || this.socket.readyState === WEB_SOCKET_STATE.OPEN) this.socket.close(code, reason);
  }

  /** Sends a party → server message, checked against the contract and {@link MAX_PARTY_FRAME_BYTES}. */
  private send(message: PartyMessageType): void {
    if (this.socket.readyState !== WEB_SOCKET_STATE.OPEN) return;
    const text = JSON.stringify(PartyMessage.parse(message));
    if (text.length > MAX_PARTY_FRAME_BYTES) return;
    this.socket.send(text);
  }
}
