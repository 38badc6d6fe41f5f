/**
 * The push channel on the WHATWG WebSocket interface, driven by a scripted socket class passed as the `WebSocket`
 * option (what msw's interceptor or a browser's WebSocket look like to it): URL and query, frame decoding and order,
 * pong/ack answers, and how opening fails.
 */
import type { PushMessage } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PushChannel } from './pushChannel.js';
import type { WebSocketEventLike, WebSocketLike } from './webSocketLike.js';

type EventType = 'open' | 'message' | 'close' | 'error';

/** A WHATWG-shaped socket whose events the test fires by hand. */
class ScriptedSocket implements WebSocketLike {
  static readonly instances: ScriptedSocket[] = [];
  readyState = 0;
  readonly sent: string[] = [];
  private readonly listeners: { type: EventType; listener: (event: WebSocketEventLike) => void }[] = [];

  constructor(readonly url: string) {
    ScriptedSocket.instances.push(this);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.fire('close', { code, reason });
  }

  addEventListener(type: EventType, listener: (event: WebSocketEventLike) => void): void {
    this.listeners.push({ type, listener });
  }

  fire(type: EventType, fields: Omit<WebSocketEventLike, 'type'> = {}): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const entry of this.listeners.filter((l) => l.type === type)) entry.listener({ type, ...fields });
  }
}

function lastSocket(): ScriptedSocket {
  const socket = ScriptedSocket.instances.at(-1);
  if (socket === undefined) throw new Error('no socket was created');
  return socket;
}

const base = { baseUrl: 'http://wxvoip.mock', path: '/__wxvoip/v1/parties/p-1/channel', token: 'tok en', WebSocket: ScriptedSocket };

describe('PushChannel on a WHATWG WebSocket', () => {
  it('opens ws://… with the credential and the namespace as query parameters, and resolves on open', async () => {
    const opening = PushChannel.open({ ...base, namespace: 'ns-1', onMessage: () => undefined });
    const socket = lastSocket();
    const url = new URL(socket.url);
    expect([url.protocol, url.host, url.pathname]).toEqual(['ws:', 'wxvoip.mock', '/__wxvoip/v1/parties/p-1/channel']);
    expect(Object.fromEntries(url.searchParams)).toEqual({ access_token: 'tok en', namespace: 'ns-1' });
    socket.fire('open');
    const channel = await opening;
    expect(channel.open).toBe(true);
    channel.close();
    expect(channel.open).toBe(false);
  });

  it('decodes text and binary frames, keeps their order, answers ping with pong and the rest with ack, drops what the contract does not know, then reports the close', async () => {
    const seen: string[] = [];
    const opening = PushChannel.open({ ...base, onMessage: (m: PushMessage) => seen.push(`${m.type}#${m.seq}`), onClose: () => seen.push('closed') });
    const socket = lastSocket();
    socket.fire('open');
    await opening;
    const frame = (message: object) => JSON.stringify(message);
    socket.fire('message', { data: new Blob([frame({ type: 'ping', seq: 1, at: 0 })]) }); // decoded asynchronously
    socket.fire('message', { data: 'not json' });
    socket.fire('message', { data: frame({ type: 'nope', seq: 9, at: 0 }) });
    socket.fire('message', { data: frame({ type: 'ping', seq: 2, at: 1000 }) });
    socket.fire('message', { data: new TextEncoder().encode(frame({ type: 'bye', seq: 3, at: 1000, reason: 'reset' })).buffer });
    await expect.poll(() => seen).toEqual(['ping#1', 'ping#2', 'bye#3']);
    expect(socket.sent.map((s) => JSON.parse(s) as unknown)).toEqual([
      { type: 'pong', seq: 1 },
      { type: 'pong', seq: 2 },
      { type: 'ack', seq: 3 },
    ]);
    // A frame still being decoded when the socket closes is delivered before the close (and no longer answered).
    socket.fire('message', { data: new Blob([frame({ type: 'ping', seq: 4, at: 2000 })]) });
    socket.fire('close', { code: 1000, reason: 'reset' });
    socket.fire('close', { code: 1000, reason: 'reset' });
    await expect.poll(() => seen).toEqual(['ping#1', 'ping#2', 'bye#3', 'ping#4', 'closed']);
    expect(socket.sent).toHaveLength(3);
  });

  it("rejects when the socket fails before opening, with ws's reason when there is one", async () => {
    const refused = PushChannel.open({ ...base, onMessage: () => undefined });
    lastSocket().fire('error', { message: 'connect ECONNREFUSED 127.0.0.1:1' });
    lastSocket().fire('close', { code: 1006, reason: '' });
    await expect(refused).rejects.toThrow('connect ECONNREFUSED 127.0.0.1:1');

    const silent = PushChannel.open({ ...base, onMessage: () => undefined });
    lastSocket().fire('error');
    await expect(silent).rejects.toThrow('the WebSocket handshake failed');

    const closed = PushChannel.open({ ...base, onMessage: () => undefined });
    lastSocket().fire('close', { code: 1006, reason: '' });
    await expect(closed).rejects.toThrow('the socket closed before it opened (code 1006)');
  });
});
