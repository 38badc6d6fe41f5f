/**
 * Where a simulated SDK (the RTOS device or the vendor-cloud server SDK) finds the wxvoip mock platform, and how it
 * talks to it. The real SDKs talk to WeChat; the simulators speak the platform's transport API (`/__wxvoip/v1`).
 *
 * @example
 * const options: PlatformClientOptions = { platformUrl: 'http://127.0.0.1:8080', namespace: 'test-1' };
 */
export interface PlatformClientOptions {
  /** Base URL of the mock platform, e.g. `http://127.0.0.1:8080` (what `startMockPlatform()` returns as `url`). */
  readonly platformUrl: string;
  /** Tenant namespace (`x-wxvoip-namespace`), for parallel tests. Default: the platform's default namespace. */
  readonly namespace?: string;
  /** HTTP client. Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}
