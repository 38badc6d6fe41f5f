/**
 * @wxvoip/mock-platform/msw: the mock platform in-process through msw. Handlers generated from the contracts' ts-rest
 * routers answer exactly like the fastify adapter (the parity suite holds them to it), the push channel runs over
 * msw's `ws` API, and callbacks reach msw handlers through the global `fetch`.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
 * const { platform, handlers } = await setupMockPlatform();
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 */
export { attachInProcessCallbacks, inProcessCallbacks } from './callbacks.js';
export { createHandlers, createHttpHandlers, platformApis } from './createHandlers.js';
export { DEFAULT_BASE_URL } from './defaults.js';
export { CHANNEL_NOT_FOUND, createPushChannelHandlers, webSocketBaseUrl } from './pushChannel.js';
export { setupMockPlatform } from './setupMockPlatform.js';

export type { ApiBinding, ApiName, FacadeHandler, MockPlatformHandler, MockPlatformHandlersOptions } from './createHandlers.js';
export type { PushChannelHandlersOptions } from './pushChannel.js';
export type { MockPlatformSetup, SetupMockPlatformOptions } from './setupMockPlatform.js';
