import { describe, expect, it } from 'vitest';
import { Seed } from './seed.js';
import type { SeedAppInput, SeedInput } from './seed.js';
import { SEED_RULES } from './seedRules.js';
import type { SeedRuleKey } from './seedRules.js';

/** A small valid app; each test breaks one rule of a copy. */
function app(): SeedAppInput & Required<Pick<SeedAppInput, 'models' | 'devices' | 'users' | 'authorizations' | 'groups' | 'licenses'>> {
  return {
    appId: 'wx_app',
    secret: 'secret',
    models: [
      { modelId: 'm-door', kind: 'linux', modelType: 'doorbell' },
      { modelId: 'm-door2', kind: 'linux', modelType: 'doorbell' },
      { modelId: 'm-cam', kind: 'rtos', modelType: 'camera' },
    ],
    devices: [
      { sn: 'SN-1', modelId: 'm-door', kind: 'linux', registered: true },
      { sn: 'SN-2', modelId: 'm-door2', kind: 'linux' },
      { sn: 'SN-CAM', modelId: 'm-cam', kind: 'rtos' },
    ],
    users: [{ openId: 'o-alice', nickname: 'Alice' }],
    authorizations: [
      { openId: 'o-alice', sn: 'SN-1' },
      { openId: 'o-alice', groupId: 'g-1' },
    ],
    groups: [{ groupId: 'g-1', name: 'Doors', modelId: 'm-door', members: ['SN-1', 'SN-2'] }],
    licenses: [{ sn: 'SN-1', expireTime: 1893427200 }],
  };
}

function seedOf(...apps: SeedAppInput[]): SeedInput {
  return { apps };
}

function expectRule(seed: SeedInput, path: (string | number)[], rule: SeedRuleKey, fragment: string) {
  const result = Seed.safeParse(seed);
  expect(result.success).toBe(false);
  const issue = result.error?.issues.find((candidate) => candidate.message.endsWith(`[${rule}]`));
  expect(issue?.path).toEqual(path);
  expect(issue?.message).toContain(fragment);
  expect(issue?.message).toContain(SEED_RULES[rule]);
}

describe('Seed', () => {
  it('parses a valid seed and fills defaults', () => {
    const seed = Seed.parse(seedOf(app()));
    expect(seed.version).toBe(1);
    expect(seed.apps[0]?.voipCapability).toBe('approved');
    expect(seed.apps[0]?.billing.durationBalanceSec).toBeNull();
    expect(seed.apps[0]?.groups[0]?.maxDeviceCount).toBe(50);
  });

  it('accepts an empty seed and a manual clock', () => {
    expect(Seed.parse({ apps: [], clock: { mode: 'manual', now: 0 } }).clock).toEqual({ mode: 'manual', now: 0 });
    const issue = Seed.safeParse({ apps: [], version: 2 }).error?.issues[0];
    expect(issue?.path).toEqual(['version']);
    expect(issue?.message).toContain('version must be 1');
  });

  it('needs apps', () => {
    const issue = Seed.safeParse({}).error?.issues[0];
    expect(issue?.path).toEqual(['apps']);
    expect(issue?.message).toContain('apps is required');
  });

  it('deviceModelExists', () => {
    const a = app();
    a.devices[1] = { sn: 'SN-2', modelId: 'm-nope', kind: 'linux' };
    expectRule(seedOf(a), ['apps', 0, 'devices', 1, 'modelId'], 'deviceModelExists', "modelId 'm-nope', which is not a model of app 'wx_app'");
  });

  it('deviceKindMatchesModel', () => {
    const a = app();
    a.devices[2] = { sn: 'SN-CAM', modelId: 'm-cam', kind: 'linux' };
    expectRule(seedOf(a), ['apps', 0, 'devices', 2, 'kind'], 'deviceKindMatchesModel', "is 'linux' but model 'm-cam' is 'rtos'");
  });

  it('authorizationUserExists, authorizationDeviceExists, authorizationGroupExists', () => {
    const a = app();
    a.authorizations.push({ openId: 'o-bob', sn: 'SN-1' }, { openId: 'o-alice', sn: 'SN-9' }, { openId: 'o-alice', groupId: 'g-9' });
    expectRule(seedOf(a), ['apps', 0, 'authorizations', 2, 'openId'], 'authorizationUserExists', "openId 'o-bob' is not a user");
    expectRule(seedOf(a), ['apps', 0, 'authorizations', 3, 'sn'], 'authorizationDeviceExists', "sn 'SN-9' is not a device");
    expectRule(seedOf(a), ['apps', 0, 'authorizations', 4, 'groupId'], 'authorizationGroupExists', "groupId 'g-9' is not a group");
  });

  it('authorizationUnique', () => {
    const a = app();
    a.authorizations.push({ openId: 'o-alice', sn: 'SN-1', state: 'rejected' });
    expectRule(seedOf(a), ['apps', 0, 'authorizations', 2, 'openId'], 'authorizationUnique', 'is repeated');
  });

  it('groupModelExists and groupMemberExists', () => {
    const a = app();
    a.groups[0] = { groupId: 'g-1', name: 'Doors', modelId: 'm-x', members: ['SN-404'] };
    expectRule(seedOf(a), ['apps', 0, 'groups', 0, 'modelId'], 'groupModelExists', "modelId 'm-x'");
    expectRule(seedOf(a), ['apps', 0, 'groups', 0, 'members', 0], 'groupMemberExists', "sn 'SN-404'");
  });

  it('groupMemberSameModelType', () => {
    const a = app();
    a.groups[0] = { groupId: 'g-1', name: 'Doors', modelId: 'm-door', members: ['SN-1', 'SN-CAM'] };
    expectRule(seedOf(a), ['apps', 0, 'groups', 0, 'members', 1], 'groupMemberSameModelType', "modelType 'camera' but group 'g-1' holds 'doorbell'");
  });

  it('groupCapacity', () => {
    const a = app();
    const sns = Array.from({ length: 51 }, (_, i) => `SN-X${i}`);
    a.devices.push(...sns.map((sn) => ({ sn, modelId: 'm-door', kind: 'linux' as const })));
    a.groups[0] = { groupId: 'g-1', name: 'Doors', modelId: 'm-door', members: sns };
    expectRule(seedOf(a), ['apps', 0, 'groups', 0, 'members'], 'groupCapacity', 'lists 51 devices but holds 50');
    a.groups[0] = { ...a.groups[0], maxDeviceCount: 200 };
    expect(Seed.safeParse(seedOf(a)).success).toBe(true);
  });

  it('deviceInOneGroup', () => {
    const a = app();
    a.groups.push({ groupId: 'g-2', name: 'More doors', modelId: 'm-door', members: ['SN-2'] });
    expectRule(seedOf(a), ['apps', 0, 'groups', 1, 'members', 0], 'deviceInOneGroup', "already a member of group 'g-1'");
  });

  it('licenseDeviceExists and licenseUnique', () => {
    const a = app();
    a.licenses.push({ sn: 'SN-404', expireTime: 1 }, { sn: 'SN-1', expireTime: 2 });
    expectRule(seedOf(a), ['apps', 0, 'licenses', 1, 'sn'], 'licenseDeviceExists', "sn 'SN-404'");
    expectRule(seedOf(a), ['apps', 0, 'licenses', 2, 'sn'], 'licenseUnique', "'SN-1' is repeated");
  });

  it('uniqueModelId, uniqueSn, uniqueOpenId, uniqueGroupId inside an app', () => {
    const a = app();
    a.models.push({ modelId: 'm-cam', kind: 'rtos', modelType: 'camera' });
    a.devices.push({ sn: 'SN-1', modelId: 'm-door', kind: 'linux' });
    a.users.push({ openId: 'o-alice', nickname: 'Alice again' });
    a.groups.push({ groupId: 'g-1', name: 'Again', modelId: 'm-door' });
    expectRule(seedOf(a), ['apps', 0, 'models', 3, 'modelId'], 'uniqueModelId', "'m-cam' is repeated");
    expectRule(seedOf(a), ['apps', 0, 'devices', 3, 'sn'], 'uniqueSn', "'SN-1' is repeated");
    expectRule(seedOf(a), ['apps', 0, 'users', 1, 'openId'], 'uniqueOpenId', "'o-alice' is repeated");
    expectRule(seedOf(a), ['apps', 0, 'groups', 1, 'groupId'], 'uniqueGroupId', "'g-1' is repeated");
  });

  it('uniqueAppId and no SN, model or group shared between apps', () => {
    const other: SeedAppInput = {
      appId: 'wx_other',
      secret: 's',
      models: [{ modelId: 'm-door', kind: 'linux', modelType: 'doorbell' }],
      devices: [{ sn: 'SN-1', modelId: 'm-door', kind: 'linux' }],
      groups: [{ groupId: 'g-1', name: 'Mine', modelId: 'm-door' }],
    };
    expectRule(seedOf(app(), app()), ['apps', 1, 'appId'], 'uniqueAppId', "appId 'wx_app' is repeated");
    expectRule(seedOf(app(), other), ['apps', 1, 'models', 0, 'modelId'], 'uniqueModelId', "already belongs to app 'wx_app'");
    expectRule(seedOf(app(), other), ['apps', 1, 'devices', 0, 'sn'], 'uniqueSn', "sn 'SN-1' of app 'wx_other' already belongs to app 'wx_app'");
    expectRule(seedOf(app(), other), ['apps', 1, 'groups', 0, 'groupId'], 'uniqueGroupId', "groupId 'g-1'");
  });

  it('checks app fields with their own messages', () => {
    const bad = Seed.safeParse(seedOf({ ...app(), secret: 'has space', originalId: 'wx_123' })).error?.issues ?? [];
    expect(bad.map((issue) => issue.path)).toEqual([
      ['apps', 0, 'secret'],
      ['apps', 0, 'originalId'],
    ]);
    expect(bad[1]?.message).toContain('gh_');
  });

  it('has a rule test for every rule of SEED_RULES', () => {
    const tested: SeedRuleKey[] = [
      'deviceModelExists', 'deviceKindMatchesModel', 'authorizationUserExists', 'authorizationDeviceExists', 'authorizationGroupExists',
      'authorizationUnique', 'groupModelExists', 'groupMemberExists', 'groupMemberSameModelType', 'groupCapacity', 'deviceInOneGroup',
      'licenseDeviceExists', 'licenseUnique', 'uniqueModelId', 'uniqueSn', 'uniqueOpenId', 'uniqueGroupId', 'uniqueAppId',
    ];
    expect([...tested].sort()).toEqual(Object.keys(SEED_RULES).sort());
  });
});
