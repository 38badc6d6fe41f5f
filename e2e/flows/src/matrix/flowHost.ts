import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoSeed } from '@wxvoip/contracts';
import { startMockPlatform, type ControlClient, type MockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { createWmpfVoipSimulator, type SimulatedWmpfVoip } from '@wxvoip/plugin';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { WebSocket as NodeWebSocket } from 'ws';
import type { Transport } from './vocabulary.js';

/** A WHATWG WebSocket class, as the simulators take it (msw's interceptor in-process, `ws` over HTTP). */
export type WebSocketClass = typeof globalThis.WebSocket;

/** Handles a message push the platform sends to the app's configured URL (the vendor cloud's receiver). */
export type CallbackHandler = (request: Request) => Promise<Response>;

/** The demo app every cell runs in, and its push settings (`demoSeed`). */
export const APP = demoSeed.apps[0]!;

/** Everything a cell needs: a fresh namespace of one platform, reached in-process or over HTTP. */
export interface FlowEnv {
  readonly transport: Transport;
  readonly platform: MockPlatform;
  /** Base URL the simulators talk to. */
  readonly url: string;
  /** This cell's namespace: its own seed copy, clock, parties and journal. */
  readonly namespace: string;
  /** The WebSocket class the simulators use. */
  readonly WebSocket: WebSocketClass;
  /** The control API, bound to the namespace. */
  readonly control: ControlClient;
  /** Platform time of the namespace (manual clock): devices set their own clock to it. */
  now(): number;
  /** A phone: the plugin simulator on the WeChat host. */
  phone(openId?: string): Promise<SimulatedWmpfVoip>;
  /** A WMPF device: the plugin simulator on the WMPF host. */
  wmpfDevice(options: { sn: string; modelId: string; registrationMode?: 'wmpf' | 'deviceAuthSdk' }): Promise<SimulatedWmpfVoip>;
  /** Answers the app's message pushes (`iot_voip_notify`) with this handler from now on. */
  onCallback(handler: CallbackHandler): Promise<void>;
  /** Runs `close` when the cell ends (simulators, devices, servers). */
  onCleanup(close: () => Promise<void> | void): void;
  /** Waits until the platform's journal and every simulator have been quiet for a moment. */
  settle(): Promise<void>;
  /** Advances the manual clock in 1 s steps (the `calling` interval), settling after each. */
  advance(ms: number): Promise<void>;
  /** Waits until `done()` holds (settling between checks); fails naming `what` after ~5 s. */
  until(done: () => boolean, what: string): Promise<void>;
  /**
   * The party's network goes away: its push channel dies without a goodbye (the TCP connection is destroyed over
   * HTTP; the intercepted socket closes in-process). The platform notices the channel close, as it would a phone
   * losing signal. Fails when the party has no open channel.
   */
  dropConnection(partyId: string): Promise<void>;
}

/** One platform shared by the cells of a test file, each cell in its own namespace. */
export interface FlowHost {
  readonly transport: Transport;
  /** A fresh environment in a new namespace. */
  env(name: string): Promise<FlowEnv>;
  /** Ends the cell: runs its cleanups. */
  endCell(env: FlowEnv): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Converts a node:http request to a web Request (the receiver's interface). */
async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const method = req.method ?? 'GET';
  return new Request(new URL(req.url ?? '/', origin), { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }) });
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Starts the platform a test file's cells share: in-process (`setupMockPlatform` served through msw, which also
 * intercepts the global WebSocket and the callbacks' fetch) or listening on 127.0.0.1 with a real callback receiver.
 * Both on the manual clock.
 */
export async function startFlowHost(transport: Transport): Promise<FlowHost> {
  const handlers = new Map<string, CallbackHandler>();
  const cleanups = new Map<string, (() => Promise<void> | void)[]>();
  let platform: MockPlatform;
  let WebSocketImpl: WebSocketClass;
  let callbackBase: string;
  let stop: () => Promise<void>;
  let cellCount = 0;
  const answer = (namespace: string, request: Request): Promise<Response> => {
    const handler = handlers.get(namespace);
    return handler ? handler(request) : Promise.resolve(new Response('{"errcode":0,"errmsg":"ok"}', { headers: { 'content-type': 'application/json' } }));
  };

  if (transport === 'in-process') {
    // Node 20 has no global WebSocket: install ws's so that msw can replace it with its interceptor.
    if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });
    const setup = await setupMockPlatform({ clock: 'manual' });
    platform = setup.platform;
    callbackBase = 'http://vendor-cloud.test/wechat';
    const server = setupServer(...setup.handlers, http.all(`${callbackBase}/:namespace`, ({ request, params }) => answer(String(params['namespace']), request).then((r) => new HttpResponse(r.body, r))));
    server.listen({ onUnhandledRequest: 'error' });
    WebSocketImpl = globalThis.WebSocket;
    stop = async () => {
      server.close();
      await platform.close();
    };
  } else {
    platform = await startMockPlatform({ port: 0, clock: 'manual' });
    WebSocketImpl = NodeWebSocket as unknown as WebSocketClass;
    const receiver: Server = createServer((req, res) => {
      const namespace = (req.url ?? '').split('?')[0]!.split('/').at(-1) ?? '';
      void toRequest(req, 'http://127.0.0.1')
        .then((request) => answer(namespace, request))
        .then((response) => sendResponse(res, response))
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    callbackBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/wechat`;
    stop = async () => {
      await platform.close();
      await new Promise((resolve) => receiver.close(resolve));
    };
  }

  // Every push channel the simulators open goes through this class, so a cell can cut one party's network.
  const sockets: { url: string; socket: WebSocket }[] = [];
  const Base = WebSocketImpl;
  const Tracked = class extends (Base as unknown as new (url: string | URL, protocols?: string | string[]) => WebSocket) {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push({ url: String(url), socket: this });
    }
  } as unknown as WebSocketClass;

  const host: FlowHost = {
    transport,
    async env(name) {
      const namespace = `${name.replace(/[^a-z0-9-]/gi, '-').toLowerCase().slice(0, 40)}-${++cellCount}`;
      const simulators: SimulatedWmpfVoip[] = [];
      const mine: (() => Promise<void> | void)[] = [];
      cleanups.set(namespace, mine);
      const tenant = () => platform.tenant(namespace);
      const control = platform.control(namespace);
      const quiet = transport === 'in-process' ? 4 : 12;
      const settle = async () => {
        let last = -1;
        let stable = 0;
        for (let round = 0; round < 3_000 && stable < 3; round++) {
          await Promise.all(simulators.map((s) => s.simulator.idle()));
          const size = tenant().state.journal.size;
          stable = size === last ? stable + 1 : 0;
          last = size;
          await sleep(quiet);
        }
      };
      const env: FlowEnv = {
        transport,
        platform,
        url: platform.url,
        namespace,
        WebSocket: Tracked,
        control,
        now: () => platform.clock(namespace).now(),
        async phone(openId = 'openid-alice') {
          const plugin = await createWmpfVoipSimulator({ host: 'wechat', appId: APP.appId, openId, platform: platform.url, namespace, WebSocket: Tracked });
          simulators.push(plugin);
          mine.push(() => plugin.simulator.close());
          return plugin;
        },
        async wmpfDevice({ sn, modelId, registrationMode }) {
          const plugin = await createWmpfVoipSimulator({ host: 'wmpf', appId: APP.appId, sn, modelId, ...(registrationMode ? { registrationMode } : {}), platform: platform.url, namespace, WebSocket: Tracked });
          simulators.push(plugin);
          mine.push(() => plugin.simulator.close());
          return plugin;
        },
        async onCallback(handler) {
          handlers.set(namespace, handler);
          const pushConfig = { ...APP.pushConfig!, url: `${callbackBase}/${namespace}` };
          const res = await control.updateApp({ params: { appId: APP.appId }, body: { pushConfig } });
          if (res.status !== 200) throw new Error(`could not point the push URL at the receiver: HTTP ${res.status} ${JSON.stringify(res.body)}`);
        },
        onCleanup(close) {
          mine.push(close);
        },
        settle,
        async advance(ms) {
          for (let left = ms; left > 0; left -= 1_000) {
            const res = await control.advanceClock({ body: { ms: Math.min(1_000, left) } });
            if (res.status !== 200) throw new Error(`advanceClock answered HTTP ${res.status}`);
            await settle();
          }
        },
        async dropConnection(partyId) {
          const open = sockets.filter((s) => s.url.includes(`/parties/${partyId}/channel`) && s.socket.readyState === 1);
          if (open.length === 0) throw new Error(`party ${partyId} has no open push channel to drop`);
          for (const { socket } of open) {
            const terminate = (socket as unknown as { terminate?: () => void }).terminate;
            if (typeof terminate === 'function') terminate.call(socket);
            else socket.close();
          }
          await settle();
        },
        async until(done, what) {
          for (let round = 0; round < 100; round++) {
            if (done()) return;
            await settle();
            await sleep(transport === 'in-process' ? 5 : 20);
          }
          if (!done()) throw new Error(`timed out waiting for ${what}`);
        },
      };
      return env;
    },
    async endCell(env) {
      const mine = cleanups.get(env.namespace) ?? [];
      cleanups.delete(env.namespace);
      handlers.delete(env.namespace);
      for (const close of mine.reverse()) await Promise.resolve(close()).catch(() => undefined);
      platform.reset(env.namespace);
    },
    close: () => stop(),
  };
  return host;
}
