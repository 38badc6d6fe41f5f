import type { SeedInput, VoipEvent, VoipEventName } from '@wxvoip/contracts';
import type { MockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import type { PlatformConfig } from '@wxvoip/mock-platform';
import { setupServer } from 'msw/node';
import { createWmpfVoipSimulator, type SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import type { WechatSimulatorOptions, WmpfSimulatorOptions } from '../simulator/simulatorOptions.js';
import type { WebSocketConstructorLike } from '@wxvoip/party-client';
import { createFakeWx, type FakeWx } from '../wx/createFakeWx.js';
import { createWxNavigation, type WxNavigation } from '../wx/createWxNavigation.js';
import { createTestLinuxDevice, createTestWmpfDevice, type TestDevice, type TestDeviceHost } from './testDevices.js';
import { waitForVoipEvent, type WaitForEventOptions } from './waitForVoipEvent.js';

/** The demo seed's phone user and WMPF door panel: the defaults of {@link WmpfVoipTestbed.phone} and {@link WmpfVoipTestbed.device}. */
export const TESTBED_DEFAULTS = { appId: 'wx_demo_app', openId: 'openid-alice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' } as const;

/** How long `waitForEvent` waits by default (real time, in ms): in-process calls take milliseconds. */
export const DEFAULT_WAIT_MS = 2_000;

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
  /**
   * A phone (WeChat host) simulator; default user openid-alice of wx_demo_app. Closed by `reset()`. Its call-page
   * actions (`simulator.callPage.answer()`, `hangUp()`, ...) resolve once the events they cause have arrived.
   */
  phone(options?: Partial<Omit<WechatSimulatorOptions, 'host'>>): Promise<SimulatedWmpfVoip<'wechat'>>;
  /** A WMPF device simulator; default SN-WMPF-0001 (registered through WMPF). Closed by `reset()`. Self-settling like `phone()`. */
  device(options?: Partial<Omit<WmpfSimulatorOptions, 'host'>>): Promise<SimulatedWmpfVoip<'wmpf'>>;
  /** A Linux device (default SN-LINUX-0001) that answers, rejects or ignores the next call in one line: `await bed.linuxDevice().answerNextCall()`. */
  linuxDevice(sn?: string): TestDevice;
  /** A WMPF device (default SN-WMPF-0001) that answers, rejects or ignores the next `callWMPF` in one line. */
  wmpfDevice(sn?: string, modelId?: string): TestDevice;
  /** The events `onVoipEvent` delivered to `plugin` (default: the first phone created since the last reset). */
  events(plugin?: SimulatedWmpfVoip): readonly VoipEvent[];
  /**
   * Resolves with the next `eventName` event of `options.on` (default: the first phone since the last reset) after
   * the one the previous wait returned, once everything it caused has settled. Rejects after `timeoutMs` (default
   * 2000 ms of real time) with a message listing the events that did arrive.
   */
  waitForEvent(eventName: VoipEventName, options?: WaitForEventOptions): Promise<VoipEvent>;
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

/** The call-page actions that return a promise: the testbed's simulators resolve them once everything they caused arrived. */
const SETTLING_ACTIONS = ['navigate', 'openReminder', 'answer', 'reject', 'hangUp', 'leave', 'appHide', 'interrupt', 'failJoin'] as const;

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
  const labels = new WeakMap<SimulatedWmpfVoip, string>();
  const cursors = new WeakMap<SimulatedWmpfVoip, number>();
  const wmpfDevices = new Map<string, Promise<SimulatedWmpfVoip<'wmpf'>>>();
  const pollers: (() => Promise<void> | void)[] = [];
  const pollErrors: unknown[] = [];
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let firstPhone: SimulatedWmpfVoip<'wechat'> | undefined;
  const common = {
    platform: platform.url,
    ...(namespace === undefined ? {} : { namespace }),
    ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
  };

  const runPollers = async (): Promise<void> => {
    for (const tick of [...pollers]) {
      try {
        await tick();
      } catch (error) {
        pollErrors.push(error);
      }
    }
  };
  const schedulePoll = (): void => {
    if (pollTimer !== undefined || pollers.length === 0) return;
    pollTimer = setTimeout(() => {
      pollTimer = undefined;
      void runPollers().then(schedulePoll);
    }, 2);
  };
  const throwPollError = (): void => {
    if (pollErrors.length > 0) throw pollErrors.shift();
  };

  const background = new Set<Promise<void>>();
  /** Waits for the simulators (not for background tasks, which may call this). */
  const settleSimulators = async (): Promise<void> => {
    const tenant = platform.tenant(namespace);
    for (let round = 0; round < 5_000; round += 1) {
      await runPollers();
      throwPollError();
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
  const settle = async (): Promise<void> => {
    await settleSimulators();
    while (background.size > 0) {
      await Promise.allSettled([...background]);
      await settleSimulators();
    }
    throwPollError();
  };

  /** Makes the call-page actions of a simulator resolve only once the events they cause have arrived. */
  const selfSettling = <P extends SimulatedWmpfVoip>(plugin: P, label: string): P => {
    const page = plugin.simulator.callPage as unknown as Record<string, unknown>;
    for (const action of SETTLING_ACTIONS) {
      const original = page[action];
      if (typeof original !== 'function') continue;
      Object.defineProperty(page, action, {
        value: async (...args: unknown[]) => {
          await (original as (...a: unknown[]) => Promise<void>)(...args);
          await settleSimulators(); // not the background tasks: a test device's task may be the caller
        },
        configurable: true,
        writable: true,
      });
    }
    simulators.push(plugin);
    labels.set(plugin, label);
    return plugin;
  };

  const host: TestDeviceHost = {
    platform,
    namespace,
    settle: settleSimulators,
    background(task) {
      const running: Promise<void> = task()
        .catch((error: unknown) => void pollErrors.push(error))
        .finally(() => background.delete(running));
      background.add(running);
    },
    wmpfSimulator(sn, modelId) {
      let device = wmpfDevices.get(sn);
      if (device === undefined) {
        device = bed.device({ sn, ...(modelId === undefined ? {} : { modelId }) });
        wmpfDevices.set(sn, device);
      }
      return device;
    },
    poll(tick) {
      pollers.push(tick);
      schedulePoll();
    },
  };

  const mainPhone = (what: string): SimulatedWmpfVoip => {
    if (firstPhone === undefined) throw new Error(`[wxvoip] bed.${what}() needs a phone: create one with bed.phone() first, or pass { on: plugin }`);
    return firstPhone;
  };

  const bed: WmpfVoipTestbed = {
    platform,
    async phone(overrides = {}) {
      const plugin = await createWmpfVoipSimulator({ host: 'wechat', appId: TESTBED_DEFAULTS.appId, openId: TESTBED_DEFAULTS.openId, ...common, ...overrides });
      firstPhone ??= plugin;
      return selfSettling(plugin, `the phone of ${overrides.openId ?? TESTBED_DEFAULTS.openId}`);
    },
    async device(overrides = {}) {
      const plugin = await createWmpfVoipSimulator({ host: 'wmpf', appId: TESTBED_DEFAULTS.appId, sn: TESTBED_DEFAULTS.sn, modelId: TESTBED_DEFAULTS.modelId, ...common, ...overrides });
      return selfSettling(plugin, `the WMPF device ${overrides.sn ?? TESTBED_DEFAULTS.sn}`);
    },
    linuxDevice: (sn = 'SN-LINUX-0001') => createTestLinuxDevice(host, sn),
    wmpfDevice: (sn = TESTBED_DEFAULTS.sn, modelId) => createTestWmpfDevice(host, sn, sn === TESTBED_DEFAULTS.sn ? (modelId ?? TESTBED_DEFAULTS.modelId) : modelId),
    events: (plugin) => (plugin ?? mainPhone('events')).simulator.events,
    async waitForEvent(eventName, waitOptions = {}) {
      const plugin = waitOptions.on ?? mainPhone('waitForEvent');
      const from = cursors.get(plugin) ?? 0;
      const found = await waitForVoipEvent(plugin, eventName, {
        from,
        timeoutMs: waitOptions.timeoutMs ?? DEFAULT_WAIT_MS,
        label: labels.get(plugin) ?? `the ${plugin.simulator.host === 'wmpf' ? 'WMPF device' : 'phone'} ${plugin.simulator.partyId}`,
        ...(waitOptions.roomId === undefined ? {} : { roomId: waitOptions.roomId }),
        poll: async () => {
          await runPollers();
          throwPollError();
        },
      });
      cursors.set(plugin, found.index + 1);
      await settle();
      return found.event;
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
      pollers.length = 0;
      if (pollTimer !== undefined) clearTimeout(pollTimer);
      pollTimer = undefined;
      pollErrors.length = 0;
      await Promise.allSettled(simulators.map((s) => s.simulator.close()));
      simulators.length = 0;
      wmpfDevices.clear();
      firstPhone = undefined;
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
