import { projectTestConfig } from '../../vitest.shared.ts';

// One file at a time: the bins test starts pnpm and servers, and the lint checks load ESLint; side by side on two
// cores they starve each other.
export default projectTestConfig('e2e-workspace', { fileParallelism: false });
