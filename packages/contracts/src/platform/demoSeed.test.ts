import { describe, expect, it } from 'vitest';
import { demoSeed } from './demoSeed.js';
import { Seed } from './seed.js';

describe('demoSeed', () => {
  const seed = Seed.parse(demoSeed);
  const [demo, other] = seed.apps;

  it('parses', () => {
    expect(Seed.safeParse(demoSeed).success).toBe(true);
    expect(seed.apps.map((app) => app.appId)).toEqual(['wx_demo_app', 'wx_other_app']);
  });

  it('has every device kind, registered and not, and both WMPF registration methods', () => {
    expect(new Set(demo?.devices.map((device) => device.kind))).toEqual(new Set(['linux', 'rtos', 'wmpf']));
    expect(demo?.devices.some((device) => !device.registered)).toBe(true);
    expect(demo?.devices.filter((device) => device.kind === 'wmpf').map((device) => device.registrationMethod)).toEqual(['wmpf', 'deviceAuthSdk']);
  });

  it('keeps its documented error triggers', () => {
    expect(demo?.models.find((model) => model.modelId === 'model-linux-prototype')?.approved).toBe(false);
    expect(demo?.authorizations.find((auth) => auth.openId === 'openid-bob')?.state).toBe('rejected');
    expect(demo?.licenses.find((license) => license.sn === 'SN-LINUX-0002')?.expireTime).toBeLessThan(Date.UTC(2024, 0, 1) / 1000);
    expect(demo?.licenses.some((license) => license.sn === 'SN-LINUX-NEW')).toBe(false);
    expect(other?.users.map((user) => user.openId)).toEqual(['openid-dave']);
    expect(demo?.pushConfig?.mode).toBe('secure');
  });
});
