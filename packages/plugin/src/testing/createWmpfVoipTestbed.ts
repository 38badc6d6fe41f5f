import type { SeedInput } from '@wxvoip/contracts';
import type { MockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import type { PlatformConfig } from '@wxvoip/mock-platform';
import { setupServer } from 'msw/node';
import { createWmpfVoipSimulator, type SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import type { WechatSimulatorOptions, WmpfSimulatorOptions } from '../simulator/simulatorOptions.js';
import type { WebSocketConstructorLike } from '../transport/createHttpTransport.js';
import { createFakeWx, type FakeWx } from '../wx/createFakeWx.js';
import { createWxNavigation, type WxNavigation } from '../wx/createWxNavigation.js';

/** The demo seed's phone user and WMPF door panel: the defaults of {@link WmpfVoipTestbed.phone} and {@link WmpfVoipTestbed.device}. */
export const TESTBED_DEFAULTS = { appId: 'wx_demo_app', openId: 'openid-alice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' } as const;

/** Largest step the testbed advances the manual clock by before letting pushes (and pongs) flow: 1 s, the `calling` interval. */
export const ADVANCE_STEP_MS = 1_000;

/** Options of {@link createWmpfVoipTestbed}. */
export interface WmpfVoipTestbedOptions {
  /** A platform you started (e.g. `startMockPlatform({ port: 0, clock: 'manual' })`); default an in-process one served through msw. */
  readonly platform?: MockPlatform;
  /** Seed of the in-process platform (default the demo seed). */
  readonly seed?: SeedInput | 'demo' | 'empty';
  /** Timer and policy overrides of the in-process platform. */
  readonly config?: Partial<PlatformConfig>;
  /** Namespace the simulators use (default the platform's default namespace). */
  readonly namespace?: string;
  /** WebSocket class for the simulators (needed with a listening platform on Node 20: `ws`'s `WebSocket`). */
  readonly WebSocket?: WebSocketConstructorLike;
}

/** The `wx` a sample needs: the fake VoIP members, navigation to the call page, and a recorded `showToast`. */
export type TestbedWx = FakeWx & WxNavigation & { showToast(option: { title: string; icon?: string }): void; readonly toasts: readonly { title: string; icon?: string }[] };

/** A mock platform, plugin simulators on it, and the clock and settling helpers a test needs. */
export interface WmpfVoipTestbed {
  /** The platform. */
  readonly platform: MockPlatform;
  /** A phone (WeChat host) simulator; default user openid-alice of wx_demo_app. Closed by `reset()`. */
  phone(options?: Partial<Omit<WechatSimulatorOptions, 'host'>>): Promise<SimulatedWmpfVoip>;
  /** A WMPF device simulator; default SN-WMPF-0001 (registered through WMPF). Closed by `reset()`. */
  device(options?: Partial<Omit<WmpfSimulatorOptions, 'host'>>): Promise<SimulatedWmpfVoip>;
  /** A fake `wx` for a simulator: VoIP members, navigation and `showToast`. */
  wx(plugin: SimulatedWmpfVoip): TestbedWx;
  /** Waits until every simulator is idle and has received every push the platform sent it. */
  settle(): Promise<void>;
  /** Advances the platform's manual clock through the control API, 1 s at a time, settling after each step. */
  advance(ms: number): Promise<void>;
  /** Closes every simulator and resets the namespace to its seed. */
  reset(): Promise<void>;
  /** Resets, then stops the msw server and the in-process platform (a platform you passed is left running). */
  close(): Promise<void>;
}

/** Node 20 has no global WebSocket for msw to intercept: any class will do until msw replaces it (see the platform's msw tests). */
class WebSocketPlaceholder {}

/**
 * A testbed: an in-process mock platform served through msw (fetch and WebSocket intercepted; nothing listens) or a
 * platform you started, plus factories of plugin simulators and fake `wx` objects, and `settle` / `advance` for the
 * manual clock.
 *
 * @example
 * const bed = await createWmpfVoipTestbed();
 * const phone = await bed.phone();
 * await phone.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
 * await bed.advance(60_000); // the ring timeout
 * await bed.close();
 */
export async function createWmpfVoipTestbed(options: WmpfVoipTestbedOptions = {}): Promise<WmpfVoipTestbed> {
  let server: ReturnType<typeof setupServer> | undefined;
  let installedPlaceholder = false;
  let platform: MockPlatform;
  if (options.platform) {
    platform = options.platform;
  } else {
    const setup = await setupMockPlatform({ ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.config === undefined ? {} : { config: options.config }) });
    platform = setup.platform;
    if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
      Object.defineProperty(globalThis, 'WebSocket', { value: WebSocketPlaceholder, configurable: true, writable: true });
      installedPlaceholder = true;
    }
    const started = setupServer(...setup.handlers);
    started.listen({ onUnhandledRequest: 'bypass' });
    server = started;
  }
  const namespace = options.namespace;
  const simulators: SimulatedWmpfVoip[] = [];
  const common = {
    platform: platform.url,
    ...(namespace === undefined ? {} : { namespace }),
    ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
  };

  const settle = async (): Promise<void> => {
    const tenant = platform.tenant(namespace);
    for (let round = 0; round < 5_000; round += 1) {
      await Promise.all(simulators.map((s) => s.simulator.idle()));
      const behind = simulators.some((s) => {
        const party = tenant.parties.get(s.simulator.partyId);
        return party !== undefined && party.active && party.sink !== undefined && party.nextSeq - 1 > s.simulator.lastSeq;
      });
      if (!behind) {
        // One more turn of the event loop: a push handled just now may have started new work.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const busy = simulators.some((s) => s.simulator.internals.busy);
        if (!busy) return;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    throw new Error('[wxvoip] the testbed did not settle: a simulator keeps missing pushes the platform sent it');
  };

  const bed: WmpfVoipTestbed = {
    platform,
    async phone(overrides = {}) {
      const plugin = await createWmpfVoipSimulator({ host: 'wechat', appId: TESTBED_DEFAULTS.appId, openId: TESTBED_DEFAULTS.openId, ...common, ...overrides });
      simulators.push(plugin);
      return plugin;
    },
    async device(overrides = {}) {
      const plugin = await createWmpfVoipSimulator({ host: 'wmpf', appId: TESTBED_DEFAULTS.appId, sn: TESTBED_DEFAULTS.sn, modelId: TESTBED_DEFAULTS.modelId, ...common, ...overrides });
      simulators.push(plugin);
      return plugin;
    },
    wx(plugin) {
      const toasts: { title: string; icon?: string }[] = [];
      return { ...createFakeWx(plugin), ...createWxNavigation(plugin), showToast: (option) => void toasts.push(option), toasts };
    },
    settle,
    async advance(ms) {
      let left = ms;
      while (left > 0) {
        const step = Math.min(ADVANCE_STEP_MS, left);
        const res = await platform.control(namespace).advanceClock({ body: { ms: step } });
        if (res.status !== 200) throw new Error(`[wxvoip] could not advance the platform clock (HTTP ${res.status}): start the platform with clock: 'manual'`);
        left -= step;
        await settle();
      }
    },
    async reset() {
      await Promise.allSettled(simulators.map((s) => s.simulator.close()));
      simulators.length = 0;
      platform.reset(namespace);
    },
    async close() {
      await bed.reset();
      if (server) {
        server.close();
        await platform.close();
      }
      if (installedPlaceholder) Reflect.deleteProperty(globalThis, 'WebSocket');
    },
  };
  return bed;
}
