import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './defaultDataDir.js';
import { describeStorage } from './describeStorage.js';

describe('defaultDataDir', () => {
  it('is .wxvoip-mock where the user ran the command: INIT_CWD (pnpm, npm) when set, else the working directory', () => {
    expect(defaultDataDir({ INIT_CWD: '/home/me/repo' }, '/home/me/repo/apps/mock-platform')).toBe('/home/me/repo/.wxvoip-mock');
    expect(defaultDataDir({}, '/srv/app')).toBe('/srv/app/.wxvoip-mock');
    expect(defaultDataDir({ INIT_CWD: '' }, '/srv/app')).toBe('/srv/app/.wxvoip-mock');
  });
});

describe('describeStorage', () => {
  it('says in one line where the state lives and what was restored', () => {
    const flush = () => Promise.resolve();
    expect(describeStorage(undefined)).toBe('in memory only (--ephemeral): nothing is kept when the process stops');
    expect(describeStorage({ dataDir: '/r/.wxvoip-mock', loaded: [], flush })).toBe('/r/.wxvoip-mock (nothing saved yet; kept across restarts, --wipe-state to start over)');
    expect(describeStorage({ dataDir: '/r/.wxvoip-mock', loaded: ['default', 'ci-1'], flush })).toBe('/r/.wxvoip-mock (restored: default, ci-1; kept across restarts, --wipe-state to start over)');
  });
});
