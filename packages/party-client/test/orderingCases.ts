/**
 * The party client against a real mock platform, shared by the in-process (msw) and the over-a-port suites: requests
 * through ts-rest, each failure kind, the push channel, and the race between a push and the HTTP answer that names its
 * room, forced both ways with a gated `fetch` and a gated WebSocket class.
 */
import { WX_VOIP_STATUS, type PushMessage } from '@wxvoip/contracts';
import type { MockPlatform } from '@wxvoip/mock-platform';
import { describe, expect, it } from 'vitest';
import { PartyClient, reconnectAdvice, type ChannelCloseReason, type FetchLike, type WebSocketConstructorLike, type WebSocketLike } from '../src/index.js';

/** What a suite provides: the platform, its base URL and the WebSocket class that reaches it. */
export interface OrderingTarget {
  readonly platform: () => MockPlatform;
  readonly WebSocket: () => WebSocketConstructorLike;
}

const APP = 'wx_demo_app';
const SN = 'SN-LINUX-0001';
const MODEL = 'model-linux-doorbell';
let counter = 0;

/** A namespace of its own for each case (parallel cases never see each other). */
function freshNamespace(label: string): string {
  counter += 1;
  return `pc-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}-${counter}`;
}

/** A promise and its resolver. */
function latch(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * A WebSocket class whose `message` events pass through `gate` first (in order): the test decides when a frame reaches
 * the client, and `seen` reports each frame's type and seq the moment it arrives from the platform.
 */
function gatedWebSocket(Base: WebSocketConstructorLike, gate: (frame: { type: string; seq: number }) => Promise<void>, seen: (frame: { type: string; seq: number }) => void): WebSocketConstructorLike {
  return class GatedWebSocket {
    private readonly socket: WebSocketLike;
    private queue: Promise<void> = Promise.resolve();
    constructor(url: string) {
      this.socket = new Base(url);
    }
    get readyState(): number {
      return this.socket.readyState;
    }
    send(data: string): void {
      this.socket.send(data);
    }
    close(code?: number, reason?: string): void {
      this.socket.close(code, reason);
    }
    addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: never) => void): void {
      if (type !== 'message' && type !== 'close') {
        this.socket.addEventListener(type as 'open', listener as () => void);
        return;
      }
      this.socket.addEventListener(type as 'message', (event) => {
        let frame = { type: 'close', seq: 0 };
        if (type === 'message') {
          const text = typeof event.data === 'string' ? event.data : new TextDecoder().decode(event.data as Uint8Array);
          frame = JSON.parse(text) as { type: string; seq: number };
          seen(frame);
        }
        this.queue = this.queue.then(() => gate(frame)).then(() => (listener as (event: unknown) => void)(event));
      });
    }
  } as unknown as WebSocketConstructorLike;
}

/** Registers every case against `target`. */
export function describeOrdering(label: string, target: OrderingTarget): void {
  describe(`party client (${label})`, () => {
    async function device(ns: string, options: { fetch?: FetchLike; WebSocket?: WebSocketConstructorLike } = {}): Promise<{ party: PartyClient; pushes: PushMessage[]; closes: ChannelCloseReason[] }> {
      const party = new PartyClient({ baseUrl: target.platform().url, namespace: ns, WebSocket: options.WebSocket ?? target.WebSocket(), ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
      const connected = await party.connect({ kind: 'linuxDevice', appId: APP, sn: SN, modelId: MODEL });
      expect(connected.ok).toBe(true);
      const pushes: PushMessage[] = [];
      const closes: ChannelCloseReason[] = [];
      const hello = await party.openChannel({ onPush: (message) => pushes.push(message), onClosed: (reason) => closes.push(reason) });
      expect(hello).toMatchObject({ ok: true, data: { type: 'hello', kind: 'linuxDevice', namespace: ns } });
      return { party, pushes, closes };
    }

    it('connects, opens the channel in its namespace, and states the push seq of each answer', async () => {
      const ns = freshNamespace('basics');
      const { party } = await device(ns);
      const self = await party.request('getSelf', {});
      expect(self).toMatchObject({ ok: true, data: { party: { partyId: party.partyId, namespace: ns, channel: 'open' } } });
      expect(self.ok && self.pushSeq).toBe(1); // hello was push 1
      expect(target.platform().tenant(ns).parties.get(party.partyId ?? '')?.sink).toBeDefined();
      await party.disconnect();
    });

    it('returns each failure as a PartyFailure: refused (with key), invalid (400), credential (401), malformed, network, cancelled', async () => {
      const ns = freshNamespace('failures');
      const { party } = await device(ns);
      const refused = await party.request('linuxListenerJoin', { body: { roomId: 'room-that-does-not-exist', cameraStatus: 0 } });
      expect(refused).toMatchObject({ ok: false, failure: { kind: 'refused', operation: 'linuxListenerJoin', refusal: { key: 'ROOM_ID_INVALID' } } });
      expect(!refused.ok && refused.failure.kind === 'refused' && typeof refused.failure.refusal.pushSeq).toBe('number');

      const invalid = await party.request('linuxSessionCall', { body: { roomType: 'voice', callee: { id: '' } } as never });
      expect(invalid).toMatchObject({ ok: false, failure: { kind: 'invalid', refusal: { errcode: 47001 } } });

      const aborted = new AbortController();
      aborted.abort();
      expect(await party.request('getSelf', {}, { signal: aborted.signal })).toMatchObject({ ok: false, failure: { kind: 'cancelled', operation: 'getSelf' } });

      const stranger = new PartyClient({ baseUrl: target.platform().url, namespace: ns, fetch: async () => ({ status: 502, text: async () => '<html>bad gateway</html>' }) });
      expect(await stranger.request('getSelf', {})).toMatchObject({ ok: false, failure: { kind: 'malformed', status: 502 } });
      const offline = new PartyClient({ baseUrl: target.platform().url, namespace: ns, fetch: () => Promise.reject(new TypeError('fetch failed: ECONNREFUSED')) });
      expect(await offline.request('getSelf', {})).toMatchObject({ ok: false, failure: { kind: 'network', operation: 'getSelf' } });

      await party.disconnect();
      const after = new PartyClient({ baseUrl: target.platform().url, namespace: ns });
      expect(await after.request('getSelf', {})).toMatchObject({ ok: false, failure: { kind: 'credential', refusal: { errcode: 41001 } } });
    });

    it('race 1: the push arrives before the answer that names its room; the SDK still adopts the answer first', async () => {
      const ns = freshNamespace('push first');
      const pushArrived = latch();
      const log: string[] = [];
      const WebSocket = gatedWebSocket(target.WebSocket(), () => Promise.resolve(), (frame) => {
        if (frame.type === 'deviceStatus') {
          log.push(`wire: deviceStatus #${frame.seq}`);
          pushArrived.open();
        }
      });
      // The answer is held until the push has reached the client: the push is certainly first on the wire.
      const fetchHeld: FetchLike = async (url, init) => {
        const response = await fetch(url, init);
        if (url.endsWith('/linux/session/call')) {
          await pushArrived.promise;
          log.push('wire: answer');
        }
        return response;
      };
      const { party, pushes } = await device(ns, { fetch: fetchHeld, WebSocket });
      const seenBefore = pushes.length;
      const placed = await party.request('linuxSessionCall', { body: { roomType: 'voice', callee: { id: 'openid-alice' } } }, {
        adopt: (data) => log.push(`adopt ${data.roomId} (pushes seen: ${pushes.length - seenBefore})`),
      });
      log.push(`resolved (pushes seen: ${pushes.length - seenBefore})`);
      expect(placed.ok).toBe(true);
      const roomId = placed.ok ? placed.data.roomId : '';
      const status = pushes.find((m) => m.type === 'deviceStatus');
      expect(status).toMatchObject({ type: 'deviceStatus', roomId, status: WX_VOIP_STATUS.CALLING });
      expect(placed.ok && placed.pushSeq).toBe(status?.seq);
      expect(log).toEqual([`wire: deviceStatus #${status?.seq}`, 'wire: answer', `adopt ${roomId} (pushes seen: 0)`, 'resolved (pushes seen: 1)']);
      await party.disconnect();
    });

    it('race 2: the answer arrives before the push it was produced after; the request resolves only once that push is handed over', async () => {
      const ns = freshNamespace('answer first');
      const answered = latch();
      const log: string[] = [];
      // deviceStatus frames are held until the HTTP answer has reached the client: the answer is certainly first.
      const WebSocket = gatedWebSocket(target.WebSocket(), async (frame) => {
        if (frame.type !== 'deviceStatus') return;
        await answered.promise;
        // Later than the client's own reading of the answer (a few promise turns): a task of its own, after them.
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push(`wire: deviceStatus #${frame.seq}`);
      }, () => undefined);
      const fetchMarked: FetchLike = async (url, init) => {
        const response = await fetch(url, init);
        if (url.endsWith('/linux/session/call')) {
          log.push('wire: answer');
          answered.open();
        }
        return response;
      };
      const { party, pushes } = await device(ns, { fetch: fetchMarked, WebSocket });
      const placed = await party.request('linuxSessionCall', { body: { roomType: 'voice', callee: { id: 'openid-alice' } } }, {
        adopt: (data) => log.push(`adopt ${data.roomId}`),
      });
      log.push(`resolved (statuses seen: ${pushes.filter((m) => m.type === 'deviceStatus').length})`);
      const roomId = placed.ok ? placed.data.roomId : '';
      const status = pushes.find((m) => m.type === 'deviceStatus');
      expect(placed.ok && placed.pushSeq).toBe(status?.seq);
      expect(log).toEqual(['wire: answer', `wire: deviceStatus #${status?.seq}`, `adopt ${roomId}`, 'resolved (statuses seen: 1)']);
      await party.disconnect();
    });

    it('hands the bye over after the pushes before it, forgets a dead credential, and advises what to do', async () => {
      const ns = freshNamespace('bye');
      const { party, closes } = await device(ns);
      target.platform().tenant(ns).parties.disconnect(party.partyId ?? '', 'kicked');
      await expect.poll(() => closes).toEqual(['kicked']);
      expect(party.credential).toBeUndefined();
      expect(party.channelOpen).toBe(false);
      expect(reconnectAdvice('kicked')).toBe('connectAgain');
    });

    it('refuses a channel whose credential the platform does not know (4401), as a channelClosed failure', async () => {
      const ns = freshNamespace('refused');
      const { party } = await device(ns);
      const again = await party.openChannel({ onPush: () => undefined, onClosed: () => undefined });
      expect(again.ok).toBe(true);
      target.platform().tenant(ns).parties.disconnect(party.partyId ?? '', 'kicked');
      await expect.poll(() => party.channelOpen).toBe(false);
      // The client forgot the credential: opening needs connect first.
      expect(await party.openChannel({ onPush: () => undefined, onClosed: () => undefined })).toMatchObject({ ok: false, failure: { kind: 'channelClosed', reason: 'refused' } });
    });
  });
}
