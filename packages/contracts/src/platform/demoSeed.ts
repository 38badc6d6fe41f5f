import type { SeedInput } from './seed.js';

/** Expiry of the demo licenses: 2030-01-01 in Unix seconds, the value of WeChat's 2024 license stub (D §4.11). */
const LICENSE_UNTIL_2030 = 1_893_427_200;

/** An already expired demo license: 2023-11-14 in Unix seconds (errcode 23 on license calls). */
const LICENSE_EXPIRED_2023 = 1_700_000_000;

/**
 * The demo app's message push URL in {@link demoSeed}: a placeholder. A listening `wxvoip-mock` replaces it at start
 * with the same path one port above its own (`http://127.0.0.1:3001/wechat/callback` for port 3000).
 */
export const DEMO_PUSH_URL = 'http://127.0.0.1:3000/wechat/callback';

/**
 * The demo seed (`wxvoip-mock --seed demo`): one app with a Linux doorbell model, an RTOS camera, WMPF panels
 * registered both ways, an unapproved prototype model, three users, direct and group authorizations, licenses
 * (one expired), and a second app for cross-app openId errors. Ids are readable on purpose.
 *
 * | to get…                          | use                                                        |
 * |----------------------------------|------------------------------------------------------------|
 * | a call that works                | openid-alice × SN-LINUX-0001 / SN-RTOS-0001 / SN-WMPF-0001  |
 * | errcode 9 (not authorized)       | openid-bob (rejected) or openid-carol × SN-RTOS-0001        |
 * | group authorization              | openid-carol × SN-LINUX-0001 or SN-LINUX-0002               |
 * | errcode 12 (capability)          | SN-PROTO-0001 (model-linux-prototype is not approved)       |
 * | errcode 23 / 24 (license)        | SN-LINUX-0002 (expired) / SN-LINUX-NEW after registering    |
 * | errcode 19 (openId of other app) | openid-dave (belongs to wx_other_app)                       |
 * | registration                     | SN-LINUX-NEW (not registered yet)                           |
 *
 * @example
 * const seed = Seed.parse(demoSeed);
 */
export const demoSeed: SeedInput = {
  version: 1,
  description: 'wxvoip demo: doorbells (Linux), a camera (RTOS), door panels (WMPF) and their users',
  apps: [
    {
      appId: 'wx_demo_app',
      secret: 'demo-app-secret',
      originalId: 'gh_demo0000001',
      name: 'Demo Doorbells',
      voipCapability: 'approved',
      pushConfig: {
        url: DEMO_PUSH_URL,
        token: 'demoToken',
        encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
        mode: 'secure',
        format: 'json',
      },
      billing: { durationBalanceSec: 36_000, inArrears: false, licenseApis: 'stub2024', enforceLicenseOnCall: true },
      models: [
        { modelId: 'model-linux-doorbell', kind: 'linux', modelType: 'doorbell', approved: true, billing: 'license' },
        { modelId: 'model-linux-prototype', kind: 'linux', modelType: 'doorbell', approved: false, billing: 'license' },
        { modelId: 'model-rtos-camera', kind: 'rtos', modelType: 'camera', approved: true, billing: 'license' },
        { modelId: 'model-wmpf-panel', kind: 'wmpf', modelType: 'door-panel', approved: true, billing: 'duration' },
      ],
      devices: [
        { sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', kind: 'linux', name: 'Front door', registered: true },
        { sn: 'SN-LINUX-0002', modelId: 'model-linux-doorbell', kind: 'linux', name: 'Back door', registered: true },
        { sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell', kind: 'linux', name: 'Garage', registered: false },
        { sn: 'SN-PROTO-0001', modelId: 'model-linux-prototype', kind: 'linux', name: 'Prototype', registered: true },
        { sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', kind: 'rtos', name: 'Garden camera', registered: true },
        { sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', kind: 'wmpf', name: 'Lobby panel', registered: true, registrationMethod: 'wmpf' },
        {
          sn: 'SN-WMPF-LEGACY',
          modelId: 'model-wmpf-panel',
          kind: 'wmpf',
          name: 'Old panel',
          registered: true,
          registrationMethod: 'deviceAuthSdk',
        },
      ],
      users: [
        { openId: 'openid-alice', nickname: 'Alice' },
        { openId: 'openid-bob', nickname: 'Bob', dialogDecision: 'reject' },
        { openId: 'openid-carol', nickname: 'Carol' },
      ],
      authorizations: [
        { openId: 'openid-alice', sn: 'SN-LINUX-0001', deviceName: 'Front door' },
        { openId: 'openid-alice', sn: 'SN-PROTO-0001', deviceName: 'Prototype' },
        { openId: 'openid-alice', sn: 'SN-RTOS-0001', deviceName: 'Garden camera' },
        { openId: 'openid-alice', sn: 'SN-WMPF-0001', deviceName: 'Lobby panel' },
        { openId: 'openid-alice', sn: 'SN-WMPF-LEGACY', deviceName: 'Old panel' },
        { openId: 'openid-bob', sn: 'SN-LINUX-0001', state: 'rejected' },
        { openId: 'openid-carol', groupId: 'group-building-a' },
      ],
      groups: [
        {
          groupId: 'group-building-a',
          name: 'Building A doorbells',
          modelId: 'model-linux-doorbell',
          maxDeviceCount: 50,
          members: ['SN-LINUX-0001', 'SN-LINUX-0002'],
        },
      ],
      licenses: [
        { sn: 'SN-LINUX-0001', expireTime: LICENSE_UNTIL_2030, activeNumbers: [1001] },
        { sn: 'SN-LINUX-0002', expireTime: LICENSE_EXPIRED_2023, activeNumbers: [1002] },
        { sn: 'SN-PROTO-0001', expireTime: LICENSE_UNTIL_2030, activeNumbers: [1003] },
        { sn: 'SN-RTOS-0001', expireTime: LICENSE_UNTIL_2030, activeNumbers: [1004] },
        { sn: 'SN-WMPF-0001', expireTime: LICENSE_UNTIL_2030, activeNumbers: [1005] },
      ],
    },
    {
      appId: 'wx_other_app',
      secret: 'other-app-secret',
      originalId: 'gh_other000001',
      name: 'Another mini program',
      users: [{ openId: 'openid-dave', nickname: 'Dave' }],
    },
  ],
};
