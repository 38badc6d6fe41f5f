/**
 * @wxvoip/plugin/testing: the plugin simulator wired to an in-process mock platform for tests (Node only; needs the
 * optional peers `@wxvoip/mock-platform` and `msw`).
 *
 * @example
 * import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
 * import { useWmpfVoipTesting } from '@wxvoip/plugin/testing';
 * const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });
 */
export { createLivePlugin } from './createLivePlugin.js';
export { ADVANCE_STEP_MS, createWmpfVoipTestbed, DEFAULT_WAIT_MS, TESTBED_DEFAULTS } from './createWmpfVoipTestbed.js';
export { installMiniProgramGlobals, PAGE_STACK_LIMIT, parsePageUrl } from './installMiniProgramGlobals.js';
export { createTestLinuxDevice, createTestWmpfDevice } from './testDevices.js';
export { useWmpfVoipTesting } from './useWmpfVoipTesting.js';
export { voipMatchers } from './voipMatchers.js';
export { waitForVoipEvent, WaitForEventTimeoutError } from './waitForVoipEvent.js';

export type { TestbedWx, WmpfVoipTestbed, WmpfVoipTestbedOptions } from './createWmpfVoipTestbed.js';
export type { MiniProgramGlobals, MiniProgramGlobalsOptions, MiniProgramNavigation, MiniProgramPage, MiniProgramWx } from './installMiniProgramGlobals.js';
export type { NextCallBehaviour, TestDevice, TestDeviceHost } from './testDevices.js';
export type { TestHooks, WmpfVoipTesting, WmpfVoipTestingOptions } from './useWmpfVoipTesting.js';
export type { MatcherContext, MatcherResult, VoipMatchers, VoipSequenceItem, VoipSequenceOptions } from './voipMatchers.js';
export type { WaitForEventOptions, WaitForVoipEventSettings } from './waitForVoipEvent.js';
