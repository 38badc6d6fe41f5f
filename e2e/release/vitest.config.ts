import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('e2e-release');
