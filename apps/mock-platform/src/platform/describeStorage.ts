import type { PlatformStorage } from './mockPlatform.js';

/**
 * The start banner's one line about where the state lives.
 *
 * @example
 * describeStorage(platform.storage); // '/repo/.wxvoip-mock (restored: default; --ephemeral keeps nothing)'
 */
export function describeStorage(storage: PlatformStorage | undefined): string {
  if (!storage) return 'in memory only (--ephemeral): nothing is kept when the process stops';
  const restored = storage.loaded.length === 0 ? 'nothing saved yet' : `restored: ${storage.loaded.join(', ')}`;
  return `${storage.dataDir} (${restored}; kept across restarts, --wipe-state to start over)`;
}
