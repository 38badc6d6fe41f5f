/**
 * The push channel on the WHATWG WebSocket interface alone, with a scripted socket: frames of every kind a WebSocket
 * class may deliver, pongs and acks, malformed frames, and the order of a `bye` and the close that follows it.
 */
import type { PushMessage } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { PartyFailure } from './partyFailure.js';
import { PushChannel, type PushChannelOpened } from './pushChannel.js';
import { WEB_SOCKET_STATE, type WebSocketCloseEventLike, type WebSocketErrorEventLike, type WebSocketMessageEventLike } from './webSocketLike.js';

type Listener = (event: never) => void;

/** A WHATWG-shaped socket the test drives: it records what the channel sends and emits what the test says. */
class ScriptedSocket {
  static last: ScriptedSocket | undefined;
  readyState: number = WEB_SOCKET_STATE.CONNECTING;
  readonly sent: string[] = [];
  readonly closes: (number | undefined)[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    ScriptedSocket.last = this;
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number): void {
    this.closes.push(code);
  }

  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  opened(): void {
    this.readyState = WEB_SOCKET_STATE.OPEN;
    this.emit('open', undefined);
  }

  message(data: unknown): void {
    this.emit<WebSocketMessageEventLike>('message', { data });
  }

  closed(code: number, reason = ''): void {
    this.readyState = WEB_SOCKET_STATE.CLOSED;
    this.emit<WebSocketCloseEventLike>('close', { code, reason });
  }

  failed(message: string): void {
    this.emit<WebSocketErrorEventLike>('error', { message });
  }

  private emit<E>(type: string, event: E): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as (event: E) => void)(event);
  }
}

const hello = { type: 'hello', seq: 1, at: 0, partyId: 'p-1', kind: 'linuxDevice', namespace: 'default', protocolVersion: 'v1', pingIntervalMs: 30_000 };

function openChannel(options: { acknowledge?: boolean; signal?: AbortSignal } = {}) {
  const messages: PushMessage[] = [];
  const closed: string[] = [];
  const malformed: PartyFailure[] = [];
  const opening = PushChannel.open({
    url: 'ws://wxvoip.mock/channel',
    WebSocket: ScriptedSocket,
    events: { onMessage: (m) => void messages.push(m), onLost: (code) => void closed.push(`lost ${code}`), onMalformed: (f) => void malformed.push(f) },
    ...options,
  });
  const socket = ScriptedSocket.last;
  if (socket === undefined) throw new Error('no socket was created');
  return { opening, socket, messages, closed, malformed };
}

async function opened(opening: Promise<PushChannelOpened>): Promise<Extract<PushChannelOpened, { ok: true }>> {
  const result = await opening;
  if (!result.ok) throw new Error(`expected the channel to open: ${result.failure.detail}`);
  return result;
}

describe('PushChannel on a WHATWG WebSocket', () => {
  it('opens at the given URL, reads hello from a Blob and pings from an ArrayBuffer and a Buffer, answers each ping in order', async () => {
    const { opening, socket } = openChannel();
    expect(socket.url).toBe('ws://wxvoip.mock/channel');
    socket.opened();
    socket.message(new Blob([JSON.stringify(hello)]));
    socket.message(new TextEncoder().encode(JSON.stringify({ type: 'ping', seq: 2, at: 0 })).buffer);
    socket.message(Buffer.from(JSON.stringify({ type: 'ping', seq: 3, at: 0 })));
    socket.message(JSON.stringify({ type: 'ping', seq: 4, at: 0 }));
    const { channel, hello: said } = await opened(opening);
    expect(said).toMatchObject({ partyId: 'p-1' });
    expect(channel.open).toBe(true);
    await expect.poll(() => socket.sent.map((s) => JSON.parse(s) as unknown)).toEqual([2, 3, 4].map((seq) => ({ type: 'pong', seq })));
    expect(channel.pongsSent).toBe(3);
  });

  it('hands deviceStatus over and the bye with its reason, and no lost for the close event that follows at once', async () => {
    const { opening, socket, messages, closed } = openChannel();
    socket.opened();
    socket.message(JSON.stringify(hello));
    await opened(opening);
    socket.message([Buffer.from('{"type":"deviceStatus","seq":2,"at":0,"roomId":"room-1",'), Buffer.from('"status":2,"reason":null}')]);
    socket.message(new Blob([JSON.stringify({ type: 'bye', seq: 3, at: 0, reason: 'kicked' })]));
    socket.closed(1000, 'kicked');
    await expect.poll(() => messages.map((m) => m.type)).toEqual(['deviceStatus', 'bye']);
    expect(messages).toMatchObject([{ roomId: 'room-1', status: 2 }, { reason: 'kicked' }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed).toEqual([]);
  });

  it('acknowledges each message when asked, and reports malformed frames without stopping', async () => {
    const { opening, socket, messages, malformed } = openChannel({ acknowledge: true });
    socket.opened();
    socket.message(JSON.stringify(hello));
    await opened(opening);
    socket.message('not json');
    socket.message(JSON.stringify({ type: 'deviceStatus', seq: 2, at: 0, roomId: 'room-1', status: 99, reason: null }));
    socket.message(JSON.stringify({ type: 'appMsg', seq: 3, at: 0, pushToken: 't', msg: 'hi', appid: 'wx_demo_app' }));
    await expect.poll(() => messages.map((m) => m.seq)).toEqual([3]);
    expect(malformed.map((f) => f.kind)).toEqual(['malformed', 'malformed']);
    expect(socket.sent.map((s) => JSON.parse(s) as unknown)).toEqual([{ type: 'ack', seq: 1 }, { type: 'ack', seq: 3 }]);
  });

  it('reports a dropped socket as lost, and stop() as nothing', async () => {
    const dropped = openChannel();
    dropped.socket.opened();
    dropped.socket.message(JSON.stringify(hello));
    await opened(dropped.opening);
    dropped.socket.closed(1006);
    await expect.poll(() => dropped.closed).toEqual(['lost 1006']);

    const stopped = openChannel();
    stopped.socket.opened();
    stopped.socket.message(JSON.stringify(hello));
    const { channel } = await opened(stopped.opening);
    channel.close();
    stopped.socket.closed(1000);
    expect(stopped.socket.closes).toEqual([1000]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stopped.closed).toEqual([]);
  });

  it('fails with the close code and reason when the platform refuses before hello, with the error when the socket fails, and when cancelled', async () => {
    const refused = openChannel();
    refused.socket.opened();
    refused.socket.closed(4401, 'credential unknown');
    expect(await refused.opening).toEqual({ ok: false, failure: { kind: 'channelClosed', reason: 'refused', code: 4401, detail: 'closed before hello (4401 credential unknown)' } });

    const failed = openChannel();
    failed.socket.failed('connect ECONNREFUSED 127.0.0.1:1');
    failed.socket.closed(1006);
    expect(await failed.opening).toMatchObject({ ok: false, failure: { reason: 'unreachable', code: 1006, detail: expect.stringContaining('connect ECONNREFUSED 127.0.0.1:1') } });

    const controller = new AbortController();
    const cancelled = openChannel({ signal: controller.signal });
    controller.abort();
    expect(await cancelled.opening).toMatchObject({ ok: false, failure: { reason: 'cancelled' } });
    expect(cancelled.socket.closes).toEqual([undefined]);
  });

  it('handles a text frame with nothing waiting before it at once, without a promise (regression guard, issue 19)', async () => {
    const { opening, socket, messages } = openChannel();
    socket.opened();
    socket.message(JSON.stringify(hello));
    const { channel } = await opened(opening);
    for (let seq = 2; seq <= 8; seq++) socket.message(JSON.stringify({ type: 'deviceStatus', seq, at: 0, roomId: 'room-1', status: 2, reason: null }));
    // Delivered synchronously, in order: a whole call's seven pushes used to cost about seven promises each.
    expect(messages.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(channel.framesHandledAtOnce).toBe(8);
  });

  it('keeps arrival order when a text frame follows a binary one that is still being decoded', async () => {
    const { opening, socket, messages } = openChannel();
    socket.opened();
    socket.message(JSON.stringify(hello));
    const { channel } = await opened(opening);
    socket.message(new Blob([JSON.stringify({ type: 'deviceStatus', seq: 2, at: 0, roomId: 'room-1', status: 2, reason: null })]));
    socket.message(JSON.stringify({ type: 'deviceStatus', seq: 3, at: 0, roomId: 'room-1', status: 3, reason: null }));
    expect(messages).toEqual([]);
    await expect.poll(() => messages.map((m) => m.seq)).toEqual([2, 3]);
    expect(channel.framesHandledAtOnce).toBe(1);
    socket.message(JSON.stringify({ type: 'deviceStatus', seq: 4, at: 0, roomId: 'room-1', status: 4, reason: null }));
    expect(messages.map((m) => m.seq)).toEqual([2, 3, 4]);
  });
});
