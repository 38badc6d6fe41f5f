import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CALL_PAGE_PATH, WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS } from '@wxvoip/contracts';
import { LinuxDevice } from '@wxvoip/device-linux';
import { createWmpfVoipSimulator } from '@wxvoip/plugin';
import { BENCH_APP, BENCH_MODEL, benchOpenId, benchSn } from './benchSeed.js';

/** A WHATWG WebSocket class, as the simulators take it. */
export type WebSocketClass = typeof globalThis.WebSocket;

/** A phone (plugin simulator, WeChat host) and the Linux doorbell it calls, each with its own push channel. */
export interface CallPair {
  /**
   * One whole call: `callDevice`, the call page joins, the doorbell joins the relayed room, both see talking, the phone
   * hangs up, both see the end. Resolves with its wall time in ms.
   */
  call(): Promise<number>;
  /** Heap-held history of the phone simulator (events it keeps), for the bounded-history check. */
  phoneEventsHeld(): number;
  close(): Promise<void>;
}

/** Options of {@link startCallPair}. */
export interface CallPairOptions {
  readonly url: string;
  readonly index: number;
  readonly WebSocket: WebSocketClass;
  readonly namespace?: string;
  /** The device's clock (platform time): the real clock over HTTP, the manual clock in-process. */
  readonly now?: () => number;
}

/** Connects pair `index` of the bench seed: the phone `openid-bench-i` and the doorbell `SN-BENCH-i`. */
export async function startCallPair(options: CallPairOptions): Promise<CallPair> {
  const sn = benchSn(options.index);
  const phone = await createWmpfVoipSimulator({
    host: 'wechat',
    appId: BENCH_APP,
    openId: benchOpenId(options.index),
    platform: options.url,
    WebSocket: options.WebSocket,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'wxvoip-bench-linux-'));
  const device = new LinuxDevice({
    platformUrl: options.url,
    WebSocket: options.WebSocket,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  await device.init({ data_dir: dataDir, device_id: sn, model_id: BENCH_MODEL, wxa_appid: BENCH_APP });

  // What each side has seen of the current call; `wake` re-checks the waiting condition.
  let phoneSaw = new Set<string>();
  let deviceSaw = new Set<number>();
  let wake = () => undefined as void;
  phone.onVoipEvent((event) => {
    phoneSaw.add(event.eventName);
    wake();
  });
  const session = device.sessionNew({
    session_type: WX_VOIP_SESSION_TYPE.AUDIO,
    listener: (status) => {
      deviceSaw.add(status);
      wake();
    },
  });
  const until = (done: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(() => reject(new Error(`pair ${options.index}: no ${what} within 10 s (phone saw ${[...phoneSaw].join(',')}; device saw ${[...deviceSaw].join(',')})`)), 10_000);
      wake = () => {
        if (!done()) return;
        clearTimeout(timer);
        wake = () => undefined;
        resolve();
      };
    });

  return {
    async call() {
      const started = performance.now();
      phoneSaw = new Set();
      deviceSaw = new Set();
      const { roomId } = await phone.callDevice({ roomType: 'voice', sn, modelId: BENCH_MODEL });
      await phone.simulator.callPage.navigate(CALL_PAGE_PATH);
      await session.listenerJoin(roomId);
      await until(() => phoneSaw.has('startVoip') && deviceSaw.has(WX_VOIP_STATUS.TALKING), 'talking');
      await phone.simulator.callPage.hangUp();
      await until(() => phoneSaw.has('finishVoip') && deviceSaw.has(WX_VOIP_STATUS.HANGUP_BY_CALLER), 'end of the call');
      phone.simulator.callPage.closeSummary();
      return performance.now() - started;
    },
    phoneEventsHeld: () => phone.simulator.events.length,
    async close() {
      session.destroy();
      await device.stop().catch(() => undefined);
      await phone.simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What K pairs calling back to back for a window measured. */
export interface CallWindow {
  readonly calls: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

/** One turn of the event loop (a macrotask), as any test runner or real socket gives between two calls. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Each pair places whole calls back to back until `seconds` have passed (a call under way then finishes and counts),
 * yielding one event-loop turn between its calls. In-process through msw a whole call never leaves the microtask
 * queue, so without that turn the window would be one endless microtask job: V8 keeps every WeakRef target until a
 * job ends and runs no FinalizationRegistry callback, and undici registers each Request (msw's clones too) in both,
 * so the heap grew by about 42 KB per call (to 200-500 MB) and its garbage collection was measured as call cost.
 */
export async function callsFor(pairs: readonly CallPair[], seconds: number): Promise<CallWindow> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latenciesMs: number[] = [];
  await Promise.all(
    pairs.map(async (pair) => {
      while (performance.now() < deadline) {
        latenciesMs.push(await pair.call());
        await nextTurn();
      }
    }),
  );
  return { calls: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs };
}
