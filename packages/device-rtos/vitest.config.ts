import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('device-rtos', { include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'] });
