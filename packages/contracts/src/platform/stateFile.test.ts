import { describe, expect, it } from 'vitest';
import { demoSeed } from './demoSeed.js';
import { Seed } from './seed.js';
import { STATE_FILE_FORMAT, STATE_FORMAT_VERSION, StateFileHeader, StateFileRuntime } from './stateFile.js';

const runtime = {
  ids: { state: -123, counter: 4 },
  accessTokens: [{ token: 'T', appId: 'wx_demo_app', kind: 'classic', issuedAt: 1, expiresAt: 7_200_001 }],
  snTickets: [{ ticket: 'S', appId: 'wx_demo_app', sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell', expiresAt: 300_001, uses: 0 }],
  deviceTokens: [],
  pushTokens: [],
  runtimeDevices: [],
  apps: [
    {
      appId: 'wx_demo_app',
      stableForceRefreshes: [],
      devices: [{ sn: 'SN-LINUX-NEW', registeredAt: 5, registeredBy: 'install-1' }],
      authorizations: [{ openId: 'openid-carol', sn: 'SN-NOT-A-DEVICE-YET', modelId: 'model-linux-doorbell', state: 'authorized', updatedAt: 5 }],
      groups: [],
      licenses: [{ sn: 'SN-LEGACY', expireTime: 1_900_000_000, activeNumbers: [1], pkgType: 2 }],
    },
  ],
  roomsInFlight: [],
};
const file = { format: STATE_FILE_FORMAT, formatVersion: STATE_FORMAT_VERSION, namespace: 'default', savedAt: '2026-01-01T00:00:00.000Z', platformTime: 1, ...demoSeed, runtime };

describe('state file', () => {
  it('is a seed with a header and a runtime part', () => {
    expect(StateFileHeader.parse(file)).toEqual({ format: 'wxvoip-mock-state', formatVersion: 1, namespace: 'default' });
    expect(StateFileRuntime.parse(file).runtime).toEqual(runtime);
    expect(Seed.parse(file).apps).toEqual(Seed.parse(demoSeed).apps);
  });

  it('says when a JSON file is not a state file', () => {
    expect(StateFileHeader.safeParse(demoSeed).error?.issues[0]?.message).toBe("format must be 'wxvoip-mock-state' (this is not a wxvoip-mock state file)");
    expect(StateFileHeader.safeParse({ ...file, formatVersion: 0 }).success).toBe(false);
  });

  it('refuses a runtime part with a bad credential', () => {
    const bad = { ...file, runtime: { ...runtime, accessTokens: [{ ...runtime.accessTokens[0], kind: 'forever' }] } };
    expect(StateFileRuntime.safeParse(bad).error?.issues[0]?.path).toEqual(['runtime', 'accessTokens', 0, 'kind']);
  });
});
