import { createMockPlatform, type MockPlatform, type MockPlatformOptions } from '../platform/mockPlatform.js';
import { createHandlers, type MockPlatformHandler, type MockPlatformHandlersOptions } from './createHandlers.js';

/** Options of {@link setupMockPlatform}: the platform's, plus how the msw handlers wait latency and report bugs. */
export interface SetupMockPlatformOptions extends MockPlatformOptions, Pick<MockPlatformHandlersOptions, 'delay' | 'onUnexpectedError'> {}

/** An in-process platform and the msw handlers that serve it at `platform.url`. */
export interface MockPlatformSetup {
  /** The platform (`createMockPlatform`): core, clock, tenants, control client, `close()`. */
  readonly platform: MockPlatform;
  /** Its msw handlers (HTTP and push channel) at `platform.url`; pass them to `setupServer`. */
  readonly handlers: MockPlatformHandler[];
}

/**
 * An in-process mock platform (manual clock, demo seed, callback sender on the global `fetch`) and its msw handlers
 * at `platform.url` (`http://wxvoip.mock`), for `setupServer(...handlers)`.
 *
 * @example
 * const { platform, handlers } = await setupMockPlatform();
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * const res = await fetch(`${platform.url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`);
 * platform.clock().advance(60_000);
 */
export async function setupMockPlatform(options: SetupMockPlatformOptions = {}): Promise<MockPlatformSetup> {
  const { delay, onUnexpectedError, ...platformOptions } = options;
  const platform = await createMockPlatform(platformOptions);
  const handlers = createHandlers(platform.core, {
    baseUrl: platform.url,
    ...(delay === undefined ? {} : { delay }),
    ...(onUnexpectedError === undefined ? {} : { onUnexpectedError }),
    ...(options.responseValidation === undefined ? {} : { responseValidation: options.responseValidation }),
  });
  return { platform, handlers };
}
