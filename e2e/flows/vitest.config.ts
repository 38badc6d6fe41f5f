import { projectTestConfig } from '../../vitest.shared.ts';

// A cell drives a whole call through several simulators; the 60 s cells advance the manual clock in 1 s steps.
export default projectTestConfig('e2e-flows', { testTimeout: 30_000, hookTimeout: 30_000 });
