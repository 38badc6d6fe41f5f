import type { SeedInput } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../tenant/entities.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { AuthorizationService } from './authorizationService.js';
import { GroupService } from './groupService.js';
import { SnTicketService } from './snTicketService.js';

const seed: SeedInput = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [{ modelId: 'm-bell', kind: 'linux', modelType: 'doorbell' }],
      devices: [
        { sn: 'SN-A', modelId: 'm-bell', kind: 'linux' },
        { sn: 'SN-B', modelId: 'm-bell', kind: 'linux' },
      ],
      users: [
        { openId: 'o-alice', nickname: 'Alice' },
        { openId: 'o-bob', nickname: 'Bob' },
      ],
      groups: [
        { groupId: 'G1', name: 'class 1', modelId: 'm-bell', members: ['SN-A', 'SN-B'] },
        { groupId: 'G2', name: 'class 2', modelId: 'm-bell' },
      ],
      authorizations: [
        { openId: 'o-alice', groupId: 'G1' },
        { openId: 'o-bob', sn: 'SN-A' },
        { openId: 'o-bob', groupId: 'G1' },
      ],
    },
  ],
};

function setup() {
  const state = createTenantState({ seed });
  const app = state.app('wx-app') as AppState;
  return { app, auth: new AuthorizationService(state, new SnTicketService(state)), groups: new GroupService(state) };
}

const A = [{ model_id: 'm-bell', sn: 'SN-A' }];

describe('effective authorization = direct ∪ the group that holds the device now (D §5.2)', () => {
  it('grants through the group, and through a direct authorization first', () => {
    const { app, auth } = setup();
    expect(auth.isAuthorized(app, 'o-alice', 'SN-B')).toEqual({ authorized: true, via: 'group', sn: 'SN-B', groupId: 'G1' });
    expect(auth.isAuthorized(app, 'o-bob', 'SN-A')).toEqual({ authorized: true, via: 'device', sn: 'SN-A' });
    expect(auth.requireAuthorized(app, 'o-alice', 'SN-A')).toEqual({ ok: true, value: { via: 'group', sn: 'SN-A', groupId: 'G1' } });
  });

  it('a device removed from the group loses the group grant (errCode 9); a direct grant survives', () => {
    const { app, auth, groups } = setup();
    expect(groups.removeIotGroupDevice(app, { group_id: 'G1', device_list: A }).ok).toBe(true);
    expect(auth.isAuthorized(app, 'o-alice', 'SN-A')).toMatchObject({ authorized: false, reason: 'notInAuthorizedGroup' });
    const refused = auth.requireAuthorized(app, 'o-alice', 'SN-A');
    expect(refused.ok ? null : [refused.refusal.code, refused.refusal.key, refused.refusal.stage]).toEqual([9, 'DEVICE_NOT_AUTHORIZED', 'authorization']);
    expect(refused.ok ? '' : refused.refusal.rule).toContain('G1');
    expect(auth.isAuthorized(app, 'o-bob', 'SN-A')).toMatchObject({ authorized: true, via: 'device' });
    expect(auth.isAuthorized(app, 'o-alice', 'SN-B').authorized).toBe(true);
  });

  it('a device moved with force_add leaves the old group grant and gains the new group grant', () => {
    const { app, auth, groups } = setup();
    expect(groups.addIotGroupDevice(app, { group_id: 'G2', device_list: A, force_add: true })).toMatchObject({ ok: true, value: { device_list: [{ sn: 'SN-A', errcode: 0 }] } });
    expect(auth.isAuthorized(app, 'o-alice', 'SN-A').authorized).toBe(false);
    auth.requestAuthorization(app, { openId: 'o-alice', groupId: 'G2', decision: 'accept' });
    expect(auth.isAuthorized(app, 'o-alice', 'SN-A')).toMatchObject({ authorized: true, via: 'group', groupId: 'G2' });
  });

  it('switch-off of the group refuses its members with reason rejected', () => {
    const { app, auth } = setup();
    auth.revoke(app, { openId: 'o-alice', how: 'switchOff', groupId: 'G1' });
    const check = auth.isAuthorized(app, 'o-alice', 'SN-B');
    expect(check).toMatchObject({ authorized: false, reason: 'rejected' });
    expect(check.authorized ? '' : check.rule).toContain('group G1');
  });

  it('switch-off of a direct grant refuses unless a group still covers the device (the union, [I])', () => {
    const { app, auth, groups } = setup();
    auth.revoke(app, { openId: 'o-bob', how: 'switchOff', sn: 'SN-A' });
    expect(auth.isAuthorized(app, 'o-bob', 'SN-A')).toMatchObject({ authorized: true, via: 'group' });
    groups.removeIotGroupDevice(app, { group_id: 'G1', device_list: A });
    expect(auth.isAuthorized(app, 'o-bob', 'SN-A')).toMatchObject({ authorized: false, reason: 'rejected' });
  });

  it('delete-from-recent leaves nothing: reason notRequested', () => {
    const { app, auth } = setup();
    auth.revoke(app, { openId: 'o-bob', how: 'deleteFromRecent' });
    expect(auth.isAuthorized(app, 'o-bob', 'SN-A')).toMatchObject({ authorized: false, reason: 'notRequested' });
    expect(auth.isAuthorized(app, 'o-nobody', 'SN-A')).toMatchObject({ authorized: false, reason: 'notRequested' });
  });
});
