/**
 * The race the early-push buffer used to guess at, forced both ways over a real port: the platform pushes CALLING to
 * the device while it answers `wx_voip_session_call`, and either the push or the answer reaches the device first. With
 * the party client's ordering (ADR 0026) the listener sees CALLING exactly once, for the right room, and `call()`
 * resolves with it already reported, whichever came first.
 */
import { WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import type { FetchLike, WebSocketConstructorLike, WebSocketLike } from '@wxvoip/party-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { doorbellConfig, freshNamespace, newDevice, recorder } from '../../test/harness.js';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  await platform.close();
});

/** `ws`'s WebSocket whose deviceStatus frames reach the device only once `release` resolves; `arrived` fires when one reaches the socket. */
function gatedSocket(release: () => Promise<void>, arrived: () => void): WebSocketConstructorLike {
  return class {
    private readonly socket: WebSocketLike;
    private queue: Promise<void> = Promise.resolve();
    constructor(url: string) {
      this.socket = new NodeWebSocket(url) as unknown as WebSocketLike;
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
    addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: unknown) => void): void {
      if (type !== 'message' && type !== 'close') return this.socket.addEventListener(type as 'open', listener as () => void);
      this.socket.addEventListener(type as 'message', (event) => {
        const status = type === 'message' && String(event.data).includes('"deviceStatus"');
        if (status) arrived();
        this.queue = this.queue.then(() => (status ? release() : undefined)).then(() => listener(event));
      });
    }
  } as unknown as WebSocketConstructorLike;
}

function latch(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('wx_voip_session_call: CALLING and the answer naming its room, in either order on the wire', () => {
  it.each(['push first', 'answer first'] as const)('%s: the listener sees CALLING for the room call() resolves with, before it resolves', async (race) => {
    const ns = freshNamespace(`status order ${race}`);
    const pushArrived = latch();
    const answered = latch();
    const wire: string[] = [];
    const fetchGated: FetchLike = async (url, init) => {
      const response = await fetch(url, init);
      if (url.endsWith('/linux/session/call')) {
        if (race === 'push first') await pushArrived.promise;
        wire.push('answer');
        answered.open();
      }
      return response;
    };
    const WebSocket = gatedSocket(
      async () => {
        if (race === 'answer first') {
          await answered.promise;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        wire.push('status');
      },
      () => pushArrived.open(),
    );
    const device = newDevice(platform, ns, { fetch: fetchGated, WebSocket });
    await device.init(doorbellConfig('SN-LINUX-0001'));
    const seen = recorder();
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
    const roomId = await session.call({ id: 'openid-alice', name: 'Alice' });

    expect(wire.slice(0, 2)).toEqual(race === 'push first' ? ['status', 'answer'] : ['answer', 'status']);
    expect(seen.statuses()).toEqual([WX_VOIP_STATUS.CALLING]);
    expect(session.status).toBe(WX_VOIP_STATUS.CALLING);
    expect(session.roomId()).toBe(roomId);
    session.destroy();
    await device.stop();
  });
});
