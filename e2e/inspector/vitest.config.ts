import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('e2e-inspector', { testTimeout: 30_000, hookTimeout: 60_000 });
