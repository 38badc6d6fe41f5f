/**
 * @wxvoip/mock-platform: a mock WeChat platform for hardware VoIP calls.
 *
 * - `createMockPlatform()` an in-process platform (manual clock) for tests: use `app.inject()`, or the msw handlers
 *   of `@wxvoip/mock-platform/msw`;
 * - `startMockPlatform({ port })` a listening one (real clock), as the `wxvoip-mock` CLI runs it;
 * - the platform core (ADR 0008) for tests that drive rooms directly on a manual clock;
 * - the callback sender's message-push crypto and URL verification.
 *
 * @example
 * import { startMockPlatform } from '@wxvoip/mock-platform';
 * const platform = await startMockPlatform({ port: 0 });
 * const res = await fetch(`${platform.url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`);
 * await platform.control().advanceClock({ body: { ms: 60_000 } });
 * await platform.close();
 */
export * from './core/index.js';
export { AdminTokenRequiredError, IN_PROCESS_ORIGIN, createMockPlatform, startMockPlatform } from './platform/mockPlatform.js';
export { ADMIN_TOKEN_ENV, ADMIN_TOKEN_HEADER, adminRefusal, isGuardedPath, isLoopbackHost } from './server/adminRefusal.js';
export { createServer, DEFAULT_BODY_LIMIT } from './server/createServer.js';
export { CHANNEL_REFUSED } from './server/pushChannel.js';
export * from './server/callbacks/index.js';

export type { ControlClient, ListenOptions, MockPlatform, MockPlatformOptions } from './platform/mockPlatform.js';
export type { ServerOptions } from './server/createServer.js';
export type { AdminGuardOptions, GuardedRequest } from './server/adminRefusal.js';
