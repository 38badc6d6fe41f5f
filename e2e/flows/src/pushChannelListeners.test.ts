import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { ws } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';

// msw's `ws` links share one process-wide BroadcastChannel. Unpatched, msw added a `message` listener to it for every
// intercepted connection (twice for a push channel, which two links match), removed through an AbortSignal when the
// connection closed. On Node 20 and 22 that removal is lost once the garbage collector runs (nodejs/node#63954), a
// connection closed by the connection handler never removed it, and five open channels passed the limit of 10: long
// test files printed `MaxListenersExceededWarning` (ADR 0030). patches/msw@2.15.0.patch routes the channel's messages
// with one listener for all links and connections. These tests open and close many push channels the ways the SDKs and the platform do,
// collecting garbage in between, and count the listeners on that channel.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const installedWebSocket = typeof globalThis.WebSocket === 'undefined';
if (installedWebSocket) Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });
const setup = await setupMockPlatform({ clock: 'manual' });
const server = setupServer(...setup.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await setup.platform.close();
  if (installedWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
});

const CYCLES = 4;
const wsBase = setup.platform.url.replace(/^http/, 'ws');

/** A fresh plugin party of the demo app: its channel URL (with credential) in `namespace`. */
async function partyChannelUrl(namespace: string): Promise<string> {
  const res = await fetch(`${setup.platform.url}/__wxvoip/v1/parties`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wxvoip-namespace': namespace },
    body: JSON.stringify({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }),
  });
  expect(res.status).toBe(200);
  const { party, credential } = (await res.json()) as { party: { partyId: string }; credential: { token: string } };
  return `${wsBase}/__wxvoip/v1/parties/${party.partyId}/channel?access_token=${credential.token}&namespace=${namespace}`;
}

/** Opens a socket; resolves with it once open (or closed, for a channel that never opens) and with its close. */
function open(url: string): { socket: WebSocket; opened: Promise<void>; closed: Promise<number> } {
  const socket = new globalThis.WebSocket(url);
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
  const opened = new Promise<void>((resolve) => {
    socket.addEventListener('open', () => resolve());
    void closed.then(() => resolve());
  });
  return { socket, opened, closed };
}

/** msw's channel: caught as a connection announces itself on it (`db:update`), when the first test opens one. */
let channel: EventTarget | undefined;

/** Runs one cycle, then collects garbage and counts the listeners on msw's channel. */
async function listenersAfter(cycle: () => Promise<void>): Promise<number> {
  if (channel === undefined) {
    const spy = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    await cycle();
    channel = spy.mock.contexts[0] as EventTarget | undefined;
    spy.mockRestore();
    expect(channel, 'an intercepted connection posts to msw’s BroadcastChannel').toBeDefined();
  } else {
    await cycle();
  }
  await collectGarbage();
  return listeners();
}

/** The `message` listeners on msw's channel now. */
function listeners(): number {
  return channel === undefined ? 0 : getEventListeners(channel, 'message').length;
}

/** Collects garbage, as the runtime may at any moment (here: while connections are open). */
async function collectGarbage(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  gc();
}

describe('the in-process push channel leaves no listener behind', () => {
  let baseline = 0;

  it('after parties open their channels and close them', async () => {
    baseline = await listenersAfter(async () => {
      // One channel opened and closed: the listeners msw keeps for its links are counted.
      const { socket, opened, closed } = open(await partyChannelUrl('warm-up'));
      await opened;
      socket.close();
      expect(await closed).toBe(1000);
    });
    const openAndClose = async (round: string) => {
      const sockets = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(async (name) => open(await partyChannelUrl(`${round}-${name}`))));
      await Promise.all(sockets.map((s) => s.opened));
      await collectGarbage();
      expect(listeners(), 'listeners while six channels are open').toBe(baseline);
      for (const { socket } of sockets) socket.close();
      expect(await Promise.all(sockets.map((s) => s.closed))).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    };
    for (let i = 0; i < CYCLES; i++) {
      expect(await listenersAfter(() => openAndClose(`cycle-${i}`)), `listeners after ${i + 1} rounds of open/close`).toBe(baseline);
    }
  });

  it('after the platform says goodbye (the party is disconnected) and closes the channel itself', async () => {
    for (let i = 0; i < CYCLES; i++) {
      const count = await listenersAfter(async () => {
        const namespace = `bye-${i}`;
        const urls = await Promise.all(['a', 'b'].map(() => partyChannelUrl(namespace)));
        const sockets = urls.map(open);
        await Promise.all(sockets.map((s) => s.opened));
        await collectGarbage();
        for (const url of urls) expect(setup.platform.tenant(namespace).parties.disconnect(/parties\/([^/]+)\/channel/.exec(url)![1]!)).toBe(true);
        expect(await Promise.all(sockets.map((s) => s.closed))).toEqual([1000, 1000]);
      });
      expect(count, `listeners after ${i + 1} goodbyes`).toBe(baseline);
    }
  });

  it('after a dozen more links, as a process with platforms on a dozen base URLs makes', async () => {
    for (let i = 0; i < 12; i++) ws.link(`ws://platform-${i}.listener-count.test/__wxvoip/v1/parties/:partyId/channel`);
    expect(listeners(), 'listeners after 12 more ws.link calls').toBe(baseline);
  });

  it('after refused channels (bad credential) and URLs that are not a channel', async () => {
    for (let i = 0; i < CYCLES; i++) {
      const count = await listenersAfter(async () => {
        const refused = open(`${wsBase}/__wxvoip/v1/parties/party_x/channel?access_token=wrong&namespace=refused-${i}`);
        const elsewhere = open(`${wsBase}/__wxvoip/v1/nowhere/${i}`);
        await collectGarbage();
        expect(await refused.closed).toBe(4401);
        expect(await elsewhere.closed).toBe(1006);
      });
      expect(count, `listeners after ${i + 1} refusals`).toBe(baseline);
    }
  });
});
