/**
 * @wxvoip/mock-platform: a mock WeChat platform for hardware VoIP calls.
 *
 * - `createMockPlatform()` an in-process platform (manual clock) for tests: use `app.inject()`, or the msw handlers
 *   of `@wxvoip/mock-platform/msw`;
 * - `startMockPlatform({ port, dataDir })` a listening one (real clock), as the `wxvoip-mock` CLI runs it, with its
 *   state kept in a data directory across restarts when `dataDir` is given (ADR 0015);
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
export { DEFAULT_DATA_DIR_NAME, defaultDataDir } from './platform/defaultDataDir.js';
export { parseStateFile, STATE_FILE_WAY_OUT, StateFileError } from './platform/parseStateFile.js';
export { DEFAULT_PERSIST_DELAY_MS, openStateStore } from './platform/stateStore.js';
export { ADMIN_TOKEN_ENV, ADMIN_TOKEN_HEADER, adminRefusal, isGuardedPath, isLoopbackHost } from './http/adminRefusal.js';
export { createServer, DEFAULT_BODY_LIMIT } from './server/createServer.js';
export { CHANNEL_REFUSED } from './http/channelRefused.js';
export * from './http/callbacks/index.js';

export type { ControlClient, ListenOptions, MockPlatform, MockPlatformOptions, PlatformStorage } from './platform/mockPlatform.js';
export type { StateStore, StateStoreOptions } from './platform/stateStore.js';
export type { ServerOptions } from './server/createServer.js';
export { RESPONSE_VALIDATION_ENV, ResponseValidator, shapeOf, type ResponseValidation, type ResponseValidationCounts } from './http/responseValidation.js';
export type { AdminGuardOptions, GuardedRequest } from './http/adminRefusal.js';
