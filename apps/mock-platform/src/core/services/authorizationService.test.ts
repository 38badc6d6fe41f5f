import type { SeedInput } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../refusal.js';
import type { AppState } from '../tenant/entities.js';
import { createTenantState } from '../tenant/createTenantState.js';
import type { TenantState } from '../tenant/tenantState.js';
import type { PlatformConfig } from '../config.js';
import { AuthorizationService } from './authorizationService.js';
import { SnTicketService } from './snTicketService.js';

const seed: SeedInput = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [
        { modelId: 'm-bell', kind: 'linux', modelType: 'doorbell' },
        { modelId: 'm-cam', kind: 'linux', modelType: 'camera' },
        { modelId: 'm-draft', kind: 'linux', modelType: 'doorbell', approved: false },
      ],
      devices: [
        { sn: 'SN-A', modelId: 'm-bell', kind: 'linux' },
        { sn: 'SN-B', modelId: 'm-bell', kind: 'linux' },
        { sn: 'SN-D', modelId: 'm-draft', kind: 'linux' },
      ],
      users: [
        { openId: 'o-alice', nickname: 'Alice' },
        { openId: 'o-bob', nickname: 'Bob', dialogDecision: 'reject' },
      ],
      groups: [
        { groupId: 'G1', name: 'class 1', modelId: 'm-bell', members: ['SN-B'] },
        { groupId: 'G-draft', name: 'drafts', modelId: 'm-draft' },
      ],
      authorizations: [{ openId: 'o-bob', sn: 'SN-A' }],
    },
    {
      appId: 'wx-none',
      secret: 's',
      voipCapability: 'none',
      models: [{ modelId: 'm-other', kind: 'linux', modelType: 'doorbell' }],
      devices: [{ sn: 'SN-O', modelId: 'm-other', kind: 'linux' }],
      users: [{ openId: 'o-carol', nickname: 'Carol' }],
    },
  ],
};

function setup(config: Partial<PlatformConfig> = {}) {
  const state = createTenantState({ seed, config });
  const app = state.app('wx-app') as AppState;
  return { state, app, auth: new AuthorizationService(state, new SnTicketService(state)) };
}

/** A valid snTicket, issued as getsnticket would (for an app without the capability, put in place directly). */
function ticket(state: TenantState, sn: string, modelId: string, appId = 'wx-app'): string {
  const issued = new SnTicketService(state).issue(state.app(appId) as AppState, sn, modelId);
  if (issued.ok) return issued.value.snTicket;
  const value = `T${state.snTickets.size}`.padEnd(32, 'x');
  state.snTickets.set(value, { ticket: value, appId, sn, modelId, expiresAt: state.now() + 5 * 60_000, uses: 0 });
  return value;
}

function code<T>(outcome: Outcome<T>): number {
  return outcome.ok ? 0 : outcome.refusal.code;
}

function device(state: TenantState, sn: string, modelId = 'm-bell', deviceName = 'Front door') {
  return { sn, modelId, snTicket: ticket(state, sn, modelId), deviceName };
}

describe('AuthorizationService.requestDeviceVoip: one device', () => {
  it('records an authorization with its deviceName, then answers 10001 for the same device', () => {
    const { state, app, auth } = setup();
    const result = auth.requestDeviceVoip(app, 'o-alice', device(state, 'SN-A'));
    expect(result).toMatchObject({ ok: true, value: { openId: 'o-alice', sn: 'SN-A', groupId: null, state: 'authorized', deviceName: 'Front door' } });
    const again = auth.requestDeviceVoip(app, 'o-alice', device(state, 'SN-A'));
    expect(again.ok ? null : [again.refusal.code, again.refusal.stage]).toEqual([10001, 'authorization']);
  });

  it("records 'rejected' and answers 10021 when the user's dialog says reject; later requests show no dialog (10021)", () => {
    const { state, app, auth } = setup();
    const denied = auth.requestDeviceVoip(app, 'o-bob', device(state, 'SN-B'));
    expect(code(denied)).toBe(10021);
    expect(auth.find(app, 'o-bob', { sn: 'SN-B' })?.state).toBe('rejected');
    app.users.get('o-bob')!.dialogDecision = 'accept';
    expect(code(auth.requestDeviceVoip(app, 'o-bob', device(state, 'SN-B')))).toBe(10021);
  });

  it('answers -12001 for an app without the VoIP capability and for an unapproved model', () => {
    const { state, app, auth } = setup();
    const none = state.app('wx-none') as AppState;
    const noCapability = auth.requestDeviceVoip(none, 'o-carol', { sn: 'SN-O', modelId: 'm-other', snTicket: ticket(state, 'SN-O', 'm-other', 'wx-none'), deviceName: 'x' });
    expect(noCapability.ok ? null : [noCapability.refusal.code, noCapability.refusal.stage]).toEqual([-12001, 'capability']);
    expect(code(auth.requestDeviceVoip(app, 'o-alice', device(state, 'SN-D', 'm-draft')))).toBe(-12001);
  });

  it('answers 10008 for an unknown, foreign, mismatched or expired snTicket, and accepts one 1 ms before expiry', () => {
    const { state, app, auth } = setup();
    const base = { sn: 'SN-A', modelId: 'm-bell', deviceName: 'Door' };
    expect(code(auth.requestDeviceVoip(app, 'o-alice', { ...base, snTicket: 'never-issued' }))).toBe(10008);
    expect(code(auth.requestDeviceVoip(app, 'o-alice', { ...base, snTicket: ticket(state, 'SN-A', 'm-bell', 'wx-none') }))).toBe(10008);
    expect(code(auth.requestDeviceVoip(app, 'o-alice', { ...base, snTicket: ticket(state, 'SN-B', 'm-bell') }))).toBe(10008);
    const expiring = ticket(state, 'SN-A', 'm-bell');
    state.clock.advance(5 * 60_000);
    const expired = auth.requestDeviceVoip(app, 'o-alice', { ...base, snTicket: expiring });
    expect(expired.ok ? null : [expired.refusal.code, expired.refusal.stage]).toEqual([10008, 'tokens']);
    const fresh = ticket(state, 'SN-A', 'm-bell');
    state.clock.advance(5 * 60_000 - 1);
    expect(code(auth.requestDeviceVoip(app, 'o-alice', { ...base, snTicket: fresh }))).toBe(0);
  });

  it('counts a use of the ticket per dialog, so snTicketMaxUses 1 lets one user authorize with it (10008 after)', () => {
    const { state, app, auth } = setup({ snTicketMaxUses: 1 });
    const args = device(state, 'SN-B');
    expect(code(auth.requestDeviceVoip(app, 'o-alice', args))).toBe(0);
    expect(code(auth.requestDeviceVoip(app, 'o-bob', args))).toBe(10008);
  });

  it('answers 1001 when modelId is not the device model or the sn is bound to another mini program', () => {
    const { state, app, auth } = setup();
    const wrongModel = auth.requestDeviceVoip(app, 'o-alice', device(state, 'SN-A', 'm-cam'));
    expect(wrongModel.ok ? null : [wrongModel.refusal.code, wrongModel.refusal.stage]).toEqual([1001, 'arguments']);
    expect(code(auth.requestDeviceVoip(app, 'o-alice', device(state, 'SN-O', 'm-bell')))).toBe(1001);
  });

  it('authorizes an sn the platform does not know yet, keeping the modelId of the request', () => {
    const { state, app, auth } = setup();
    expect(code(auth.requestDeviceVoip(app, 'o-alice', device(state, 'SN-NEW')))).toBe(0);
    expect(auth.getDeviceVoipList(app, 'o-alice').list).toEqual([{ sn: 'SN-NEW', model_id: 'm-bell', status: 1 }]);
  });

  it('answers 19 for an openId that is not a user of the app', () => {
    const { state, app, auth } = setup();
    const result = auth.requestDeviceVoip(app, 'o-stranger', device(state, 'SN-A'));
    expect(result.ok ? null : [result.refusal.code, result.refusal.stage]).toEqual([19, 'openId']);
  });
});

describe('AuthorizationService.requestDeviceVoip: a group', () => {
  it('authorizes an existing group, and answers 10001 the second time', () => {
    const { app, auth } = setup();
    expect(auth.requestDeviceVoip(app, 'o-alice', { isGroup: true, groupId: 'G1' })).toMatchObject({ ok: true, value: { sn: null, groupId: 'G1', state: 'authorized' } });
    expect(code(auth.requestDeviceVoip(app, 'o-alice', { isGroup: true, groupId: 'G1' }))).toBe(10001);
  });

  it('answers 10025 for an unknown group and -12001 for a group of an unapproved model', () => {
    const { app, auth } = setup();
    const unknown = auth.requestDeviceVoip(app, 'o-alice', { isGroup: true, groupId: 'G-nope' });
    expect(unknown.ok ? null : [unknown.refusal.code, unknown.refusal.stage]).toEqual([10025, 'notFound']);
    expect(code(auth.requestDeviceVoip(app, 'o-alice', { isGroup: true, groupId: 'G-draft' }))).toBe(-12001);
  });
});

describe('AuthorizationService.requestAuthorization (control API)', () => {
  it("uses the body's decision over the user's: reject answers 10021, accept authorizes a 'reject' user", () => {
    const { app, auth } = setup();
    expect(code(auth.requestAuthorization(app, { openId: 'o-alice', sn: 'SN-B', decision: 'reject' }))).toBe(10021);
    expect(auth.requestAuthorization(app, { openId: 'o-bob', sn: 'SN-B', decision: 'accept' })).toMatchObject({ ok: true, value: { state: 'authorized', deviceName: null } });
  });

  it("'switchOff' succeeds but leaves the record rejected, so the phone then gets 10021", () => {
    const { state, app, auth } = setup();
    expect(auth.requestAuthorization(app, { openId: 'o-alice', groupId: 'G1', decision: 'switchOff' })).toMatchObject({ ok: true, value: { state: 'rejected' } });
    expect(code(auth.requestDeviceVoip(app, 'o-alice', { isGroup: true, groupId: 'G1' }))).toBe(10021);
    expect(code(auth.requestDeviceVoip(app, 'o-alice', device(state, 'SN-B')))).toBe(0);
  });

  it('checks snTicket only when given', () => {
    const { state, app, auth } = setup();
    expect(code(auth.requestAuthorization(app, { openId: 'o-alice', sn: 'SN-A', snTicket: 'bad', decision: 'accept' }))).toBe(10008);
    expect(code(auth.requestAuthorization(app, { openId: 'o-alice', sn: 'SN-A', snTicket: ticket(state, 'SN-A', 'm-bell'), decision: 'accept' }))).toBe(0);
  });

  it('answers 1001 for a long deviceName, deviceName or snTicket with a group, and an unknown sn', () => {
    const { app, auth } = setup();
    expect(code(auth.requestAuthorization(app, { openId: 'o-alice', sn: 'SN-A', deviceName: '12345678901234', decision: 'accept' }))).toBe(1001);
    expect(code(auth.requestAuthorization(app, { openId: 'o-alice', sn: 'SN-A', deviceName: '一二三四五六七八九十一二三', decision: 'accept' }))).toBe(0);
    expect(code(auth.requestAuthorization(app, { openId: 'o-alice', groupId: 'G1', deviceName: 'x', decision: 'accept' }))).toBe(1001);
    expect(code(auth.requestAuthorization(app, { openId: 'o-alice', groupId: 'G1', snTicket: 't', decision: 'accept' }))).toBe(1001);
    const unknown = auth.requestAuthorization(app, { openId: 'o-alice', sn: 'SN-NEW', decision: 'accept' });
    expect(unknown.ok ? null : [unknown.refusal.code, unknown.refusal.stage]).toEqual([1001, 'notFound']);
  });
});

describe('AuthorizationService.revoke', () => {
  it('switchOff turns an authorized record rejected once; nothing to switch off changes nothing', () => {
    const { state, app, auth } = setup();
    state.clock.advance(1000);
    expect(auth.revoke(app, { openId: 'o-bob', how: 'switchOff', sn: 'SN-A' })).toEqual({ ok: true, value: { changed: 1 } });
    expect(auth.find(app, 'o-bob', { sn: 'SN-A' })).toMatchObject({ state: 'rejected', updatedAt: state.now() });
    expect(auth.revoke(app, { openId: 'o-bob', how: 'switchOff', sn: 'SN-A' })).toEqual({ ok: true, value: { changed: 0 } });
    expect(auth.revoke(app, { openId: 'o-alice', how: 'switchOff', groupId: 'G1' })).toEqual({ ok: true, value: { changed: 0 } });
    expect(auth.find(app, 'o-alice', { groupId: 'G1' })).toBeNull();
  });

  it('deleteFromRecent erases every record of the user, so the dialog shows again', () => {
    const { state, app, auth } = setup();
    auth.requestAuthorization(app, { openId: 'o-bob', groupId: 'G1', decision: 'reject' });
    expect(auth.revoke(app, { openId: 'o-bob', how: 'deleteFromRecent' })).toEqual({ ok: true, value: { changed: 2 } });
    expect(auth.list(app, { openId: 'o-bob' })).toEqual([]);
    app.users.get('o-bob')!.dialogDecision = 'accept';
    expect(code(auth.requestDeviceVoip(app, 'o-bob', { isGroup: true, groupId: 'G1' }))).toBe(0);
    expect(code(auth.requestDeviceVoip(app, 'o-bob', device(state, 'SN-A')))).toBe(0);
  });
});

describe('AuthorizationService queries', () => {
  it('lists by user, and by device including the group that holds it', () => {
    const { app, auth } = setup();
    auth.requestAuthorization(app, { openId: 'o-alice', groupId: 'G1', decision: 'accept' });
    auth.requestAuthorization(app, { openId: 'o-alice', sn: 'SN-A', decision: 'accept' });
    expect(auth.list(app).map((v) => [v.openId, v.sn ?? v.groupId])).toEqual([
      ['o-bob', 'SN-A'],
      ['o-alice', 'G1'],
      ['o-alice', 'SN-A'],
    ]);
    expect(auth.list(app, { openId: 'o-alice', sn: 'SN-B' }).map((v) => v.groupId)).toEqual(['G1']);
    expect(auth.list(app, { sn: 'SN-A' }).map((v) => v.openId)).toEqual(['o-bob', 'o-alice']);
  });

  it('getDeviceVoipList: devices with sn and model_id, groups with group_id only, status 1 or 0', () => {
    const { app, auth } = setup();
    auth.requestAuthorization(app, { openId: 'o-bob', groupId: 'G1', decision: 'reject' });
    expect(auth.getDeviceVoipList(app, 'o-bob')).toEqual({
      list: [
        { sn: 'SN-A', model_id: 'm-bell', status: 1 },
        { group_id: 'G1', status: 0 },
      ],
    });
    expect(auth.getDeviceVoipList(app, 'o-alice')).toEqual({ list: [] });
  });

  it('getIotBindContactList: one item per openid with its effective status for the device', () => {
    const { app, auth } = setup();
    auth.requestAuthorization(app, { openId: 'o-alice', groupId: 'G1', decision: 'accept' });
    const contacts = auth.getIotBindContactList(app, { sn: 'SN-B', model_id: 'm-bell', openid_list: ['o-alice', 'o-bob', 'o-ghost'] });
    expect(contacts).toEqual([
      { openid: 'o-alice', sn: 'SN-B', model_id: 'm-bell', status: 1 },
      { openid: 'o-bob', sn: 'SN-B', model_id: 'm-bell', status: 0 },
      { openid: 'o-ghost', sn: 'SN-B', model_id: 'm-bell', status: 0 },
    ]);
    expect(auth.getIotBindContactList(app, { sn: 'SN-A', model_id: 'm-bell', openid_list: ['o-bob'] })[0]?.status).toBe(1);
    expect(auth.getIotBindContactList(app, { sn: 'SN-A', model_id: 'm-cam', openid_list: ['o-bob'] })[0]?.status).toBe(0);
  });
});
