import type { EnvVersion, PluginEnterOptions, RegistrationMode } from '@wxvoip/contracts';
import type { FetchLike, WebSocketConstructorLike } from '@wxvoip/party-client';

/** Base URL an in-process platform answers at through msw (`@wxvoip/mock-platform`'s `IN_PROCESS_ORIGIN`). */
export const IN_PROCESS_PLATFORM_URL = 'http://wxvoip.mock';

/** The mini program's launch when the simulator starts: a normal launch on its home page [I]. */
export const DEFAULT_ENTER_OPTIONS: PluginEnterOptions = { path: 'pages/index/index', query: {}, scene: 1001 };

/** Options every plugin simulator takes. */
export interface SimulatorCommonOptions {
  /** Where the mock platform is: its base URL (or an object with `url`, such as a `MockPlatform`). Default `http://wxvoip.mock` (in-process through msw). */
  readonly platform?: string | { readonly url: string };
  /** Tenant namespace of the platform (parallel tests); default the platform's default namespace. */
  readonly namespace?: string;
  /** The mini program's appId. */
  readonly appId: string;
  /** Plugin version to behave as (P §11). Default the newest documented, 2.4.6. */
  readonly pluginVersion?: string;
  /** Build the mini program runs as. Default `'release'`. */
  readonly envVersion?: EnvVersion;
  /** How the mini program was launched; `getPluginEnterOptions()` returns it until a launch through the plugin page replaces it. */
  readonly enterOptions?: PluginEnterOptions;
  /** Whether the mini program is already running (default true); when false, the first launch through the plugin page sets the enter options. */
  readonly running?: boolean;
  /**
   * The `fetch` the party client sends requests with; default the global one, looked up at each request (msw intercepts
   * it), or `node:http` with a keep-alive agent while the global one is Node's own (party client ADR 0043).
   */
  readonly fetch?: FetchLike;
  /** The WHATWG WebSocket class of the push channel; default the global one (Node 20 has none: pass `ws`'s `WebSocket`). */
  readonly WebSocket?: WebSocketConstructorLike;
  /** Label shown in the platform's inspector and journal. */
  readonly label?: string;
  /**
   * How many entries each history keeps (`events`, `callPage.navigations`, `callPage.endPageOutcomes`, reminders,
   * WMPF pushes, `createWxNavigation`'s `history`, and the rooms and incoming calls it remembers); older ones are
   * dropped so a long run does not grow. Default 1000.
   */
  readonly historyLimit?: number;
}

/** The plugin inside the WeChat client on a user's phone. */
export interface WechatSimulatorOptions extends SimulatorCommonOptions {
  /** WeChat client on the phone. */
  readonly host: 'wechat';
  /** The user's openId in this mini program. */
  readonly openId: string;
}

/** The plugin inside WMPF on an Android device. */
export interface WmpfSimulatorOptions extends SimulatorCommonOptions {
  /** WMPF on the device. */
  readonly host: 'wmpf';
  /** Device SN (equals the WMPF deviceId). */
  readonly sn: string;
  /** Device modelId. */
  readonly modelId: string;
  /** How the device registered (P §8.3): `'wmpf'` (default) or `'deviceAuthSdk'`. */
  readonly registrationMode?: RegistrationMode;
}

/** Options of `createWmpfVoipSimulator`: the host and its identity, plus the common options. */
export type WmpfVoipSimulatorOptions = WechatSimulatorOptions | WmpfSimulatorOptions;
