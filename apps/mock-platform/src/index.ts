/**
 * @wxvoip/mock-platform: a mock WeChat platform for hardware VoIP calls.
 *
 * Today this entry exposes the platform core (ADR 0008), which tests can drive in-process on a manual clock.
 * The fastify server, the msw handlers and the CLI arrive with the mock platform server issue.
 *
 * @example
 * import { PlatformCore } from '@wxvoip/mock-platform';
 * import { demoSeed } from '@wxvoip/contracts';
 * const tenant = new PlatformCore({ seed: demoSeed }).tenant('my-test');
 */
export * from './core/index.js';
