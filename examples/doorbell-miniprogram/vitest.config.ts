import { projectTestConfig } from '../../vitest.shared.ts';

// miniprogram-simulate renders pages with j-component, which needs a DOM: vitest's jsdom environment gives it one.
export default projectTestConfig('example-doorbell-miniprogram', { environment: 'jsdom', testTimeout: 15_000, hookTimeout: 15_000 });
