import type { MockPlatform } from '@wxvoip/mock-platform';
import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import { createWmpfVoipTestbed, type TestbedWx, type WmpfVoipTestbed, type WmpfVoipTestbedOptions } from './createWmpfVoipTestbed.js';
import { installMiniProgramGlobals, type MiniProgramGlobals, type MiniProgramGlobalsOptions } from './installMiniProgramGlobals.js';
import { voipMatchers } from './voipMatchers.js';

/** The hooks of the test framework (vitest's or jest's `beforeAll`, `beforeEach`, `afterEach`, `afterAll`). */
export interface TestHooks {
  /** Runs once before the file's tests. */
  beforeAll(fn: () => Promise<void>): void;
  /** Runs before each test. */
  beforeEach(fn: () => Promise<void>): void;
  /** Runs after each test. */
  afterEach(fn: () => Promise<void>): void;
  /** Runs once after the file's tests. */
  afterAll(fn: () => Promise<void>): void;
  /** The framework's `expect`: when given, `toMatchVoipSequence` is registered on it. */
  readonly expect?: { extend(matchers: Record<string, unknown>): void };
}

/** Options of {@link useWmpfVoipTesting}. */
export interface WmpfVoipTestingOptions extends WmpfVoipTestbedOptions {
  /** The phone simulator each test gets (default openid-alice of wx_demo_app). */
  readonly phone?: Parameters<WmpfVoipTestbed['phone']>[0];
  /**
   * Install the mini-program globals (`requirePlugin`, the VoIP and navigation members of `wx`, `getCurrentPages`)
   * now, so module-level code can use them; each test starts with them restored and on the home page.
   */
  readonly globals?: boolean | MiniProgramGlobalsOptions;
}

/** What each test sees: the platform, a fresh phone simulator and its fake `wx`, and the testbed. */
export interface WmpfVoipTesting {
  /** The in-process platform. */
  readonly platform: MockPlatform;
  /** The phone simulator of this test (openid-alice on wx_demo_app unless configured). */
  readonly wmpfVoip: SimulatedWmpfVoip;
  /** Its fake `wx`: `requestDeviceVoIP`, `getDeviceVoIPList`, navigation and `showToast`. */
  readonly wx: TestbedWx;
  /** The testbed: more simulators, test devices, `waitForEvent`, `events()`, `settle()`, `advance(ms)`. */
  readonly bed: WmpfVoipTestbed;
  /** The mini-program globals (only with the `globals` option). */
  readonly globals: MiniProgramGlobals;
}

/**
 * One call for a test file: an in-process platform through msw (created once), and before each test a fresh phone
 * simulator with its fake `wx`; after each test every simulator is closed and the platform reset to its seed.
 *
 * @example
 * import { beforeAll, beforeEach, afterEach, afterAll, it, expect } from 'vitest';
 * const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });
 * it('calls the doorbell', async () => {
 *   const { roomId } = await t.wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
 *   expect(roomId).toBeTruthy();
 * });
 */
export function useWmpfVoipTesting(hooks: TestHooks, options: WmpfVoipTestingOptions = {}): WmpfVoipTesting {
  let bed: WmpfVoipTestbed | undefined;
  let plugin: SimulatedWmpfVoip<'wechat'> | undefined;
  let wx: TestbedWx | undefined;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`[wxvoip] ${what} exists only inside a test (after beforeEach of useWmpfVoipTesting)`);
    return value;
  };
  hooks.expect?.extend(voipMatchers);
  const globals =
    options.globals === undefined || options.globals === false
      ? undefined
      : installMiniProgramGlobals(() => need(plugin, "requirePlugin('wmpf-voip').default"), options.globals === true ? {} : options.globals);
  hooks.beforeAll(async () => {
    const { phone: _phone, globals: _globals, ...testbedOptions } = options;
    bed = await createWmpfVoipTestbed(testbedOptions);
  });
  hooks.beforeEach(async () => {
    plugin = await need(bed, 'the testbed').phone(options.phone);
    wx = need(bed, 'the testbed').wx(plugin);
    globals?.reset();
  });
  hooks.afterEach(async () => {
    await bed?.reset();
    plugin = undefined;
    wx = undefined;
  });
  hooks.afterAll(async () => {
    globals?.uninstall();
    await bed?.close();
  });
  return {
    get platform() {
      return need(bed, 'the platform').platform;
    },
    get wmpfVoip() {
      return need(plugin, 'wmpfVoip');
    },
    get wx() {
      return need(wx, 'wx');
    },
    get bed() {
      return need(bed, 'the testbed');
    },
    get globals() {
      return need(globals, 'globals (pass { globals: true } to useWmpfVoipTesting)');
    },
  };
}
