import type { WebSocketConstructorLike } from '@wxvoip/party-client';

/**
 * Where a simulated SDK (the RTOS device or the vendor-cloud server SDK) finds the wxvoip mock platform, and how it
 * talks to it. The real SDKs talk to WeChat; the simulators speak the platform's transport API (`/__wxvoip/v1`).
 *
 * @example
 * const options: PlatformClientOptions = { platformUrl: 'http://127.0.0.1:8080', namespace: 'test-1' };
 * const inProcess: PlatformClientOptions = { platformUrl: 'http://wxvoip.mock', WebSocket: globalThis.WebSocket }; // under msw
 */
export interface PlatformClientOptions {
  /** Base URL of the mock platform, e.g. `http://127.0.0.1:8080` (what `startMockPlatform()` returns as `url`). */
  readonly platformUrl: string;
  /**
   * Tenant namespace, for parallel tests: the `x-wxvoip-namespace` header of HTTP requests and the `namespace` query
   * parameter of the push channel. Default: the platform's default namespace.
   */
  readonly namespace?: string;
  /** HTTP client. Default: the party client's `defaultFetch` (`node:http` while the global `fetch` is Node's own, else the global `fetch`). */
  readonly fetch?: typeof fetch;
  /**
   * The WebSocket class of the push channel (any WHATWG `WebSocket`): pass `globalThis.WebSocket` once msw's
   * `setupServer(...).listen()` runs to stay in-process. Default: `WebSocket` from the `ws` package. Only
   * `CloudVoipServer` opens a push channel; `RtosDevice` signals over HTTP only and accepts it so that one options
   * object fits both.
   */
  readonly WebSocket?: WebSocketConstructorLike;
}
