/** The base URL the msw handlers serve by default: the in-process origin of `createMockPlatform` (`IN_PROCESS_ORIGIN`). */
export const DEFAULT_BASE_URL = 'http://wxvoip.mock';
