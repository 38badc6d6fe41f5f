/**
 * @wxvoip/plugin/testing: the plugin simulator wired to an in-process mock platform for tests (Node only; needs the
 * optional peers `@wxvoip/mock-platform` and `msw`).
 *
 * @example
 * import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
 * import { useWmpfVoipTesting } from '@wxvoip/plugin/testing';
 * const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });
 */
export { ADVANCE_STEP_MS, createWmpfVoipTestbed, TESTBED_DEFAULTS } from './createWmpfVoipTestbed.js';
export { useWmpfVoipTesting } from './useWmpfVoipTesting.js';

export type { TestbedWx, WmpfVoipTestbed, WmpfVoipTestbedOptions } from './createWmpfVoipTestbed.js';
export type { TestHooks, WmpfVoipTesting } from './useWmpfVoipTesting.js';
