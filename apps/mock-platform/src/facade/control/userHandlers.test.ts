import { AuthorizationOutcome, CallDeviceRequest, ConnectPartyRequest, demoSeed, UserView } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';

const headers = { 'x-wxvoip-namespace': 'users' };
const demo = { appId: 'wx_demo_app' };
const unknownApp = { appId: 'wx_nope' };
const dave = { nickname: 'Dave', wechatVersion: '8.0.50', dialogDecision: 'accept' as const };

function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  return { tenant: core.tenant('users'), control: createControlHandlers(core) };
}

describe('users', () => {
  it('lists users with the call they are in', () => {
    const { tenant, control } = setup();
    const phone = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
    if (!phone.ok) throw new Error(phone.refusal.rule);
    const room = tenant.calls.callDevice(phone.value.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }));
    if (!room.ok) throw new Error(room.refusal.rule);
    const response = control.listUsers({ headers, params: demo });
    const users = response.status === 200 ? response.body.users.map((u) => UserView.parse(u)) : [];
    expect(users.map((u) => [u.openId, u.currentRoomId])).toEqual([
      ['openid-alice', room.value.roomId],
      ['openid-bob', null],
      ['openid-carol', null],
    ]);
    expect(control.listUsers({ headers, params: unknownApp }).status).toBe(404);
  });

  it('creates and replaces a user with putUser', () => {
    const { tenant, control } = setup();
    const created = control.putUser({ headers, params: { appId: 'wx_demo_app', openId: 'openid-dave2' }, body: dave });
    expect(created.status === 200 && UserView.parse(created.body)).toEqual({ appId: 'wx_demo_app', openId: 'openid-dave2', ...dave, currentRoomId: null });
    control.putUser({ headers, params: { appId: 'wx_demo_app', openId: 'openid-dave2' }, body: { ...dave, nickname: 'David' } });
    expect(tenant.state.app('wx_demo_app')?.users.get('openid-dave2')?.nickname).toBe('David');
    expect(control.putUser({ headers, params: { appId: 'wx_nope', openId: 'o-x' }, body: dave }).status).toBe(404);
  });

  it('changes fields of an existing user, and answers 404 for an unknown user or app', () => {
    const { control } = setup();
    const updated = control.updateUser({ headers, params: { appId: 'wx_demo_app', openId: 'openid-bob' }, body: { dialogDecision: 'accept', wechatVersion: '8.0.60' } });
    expect(updated.status === 200 && updated.body).toMatchObject({ nickname: 'Bob', dialogDecision: 'accept', wechatVersion: '8.0.60' });
    const noUser = control.updateUser({ headers, params: { appId: 'wx_demo_app', openId: 'openid-dave' }, body: { nickname: 'D' } });
    expect(noUser.status === 404 && noUser.body.detail).toBe('user of wx_demo_app "openid-dave" does not exist in namespace "users"');
    expect(control.updateUser({ headers, params: { appId: 'wx_nope', openId: 'openid-bob' }, body: { nickname: 'D' } }).status).toBe(404);
  });
});

describe('authorizations', () => {
  it('lists them, narrowed by user or by device (its group included)', () => {
    const { control } = setup();
    const all = control.listAuthorizations({ headers, params: demo, query: {} });
    expect(all.status === 200 && all.body.authorizations).toHaveLength(7);
    const forDevice = control.listAuthorizations({ headers, params: demo, query: { sn: 'SN-LINUX-0002' } });
    expect(forDevice.status === 200 && forDevice.body.authorizations.map((a) => [a.openId, a.groupId])).toEqual([['openid-carol', 'group-building-a']]);
    const ofBob = control.listAuthorizations({ headers, params: demo, query: { openId: 'openid-bob' } });
    expect(ofBob.status === 200 && ofBob.body.authorizations.map((a) => a.state)).toEqual(['rejected']);
    expect(control.listAuthorizations({ headers, params: unknownApp, query: {} }).status).toBe(404);
  });

  it("records an accepted dialog as wx.requestDeviceVoIP's success", () => {
    const { control } = setup();
    const response = control.requestAuthorization({ headers, params: demo, body: { openId: 'openid-carol', sn: 'SN-RTOS-0001', deviceName: 'Garden', decision: 'accept' } });
    expect(response.status === 200 && AuthorizationOutcome.parse(response.body)).toEqual({
      ok: true,
      errMsg: 'requestDeviceVoIP:ok',
      authorization: { openId: 'openid-carol', sn: 'SN-RTOS-0001', groupId: null, state: 'authorized', deviceName: 'Garden', updatedAt: Date.UTC(2026, 0, 1) },
    });
  });

  it('answers a refused dialog with the errCode the phone sees and the record as it stands', () => {
    const { control } = setup();
    const denied = control.requestAuthorization({ headers, params: demo, body: { openId: 'openid-carol', sn: 'SN-RTOS-0001', decision: 'reject' } });
    expect(denied.status === 200 && denied.body).toMatchObject({ ok: false, errCode: 10021, errMsg: expect.stringMatching(/^requestDeviceVoIP:fail /), authorization: { state: 'rejected' } });
    const again = control.requestAuthorization({ headers, params: demo, body: { openId: 'openid-alice', sn: 'SN-LINUX-0001', decision: 'accept' } });
    expect(again.status === 200 && again.body).toMatchObject({ ok: false, errCode: 10001, authorization: { state: 'authorized' } });
    const stranger = control.requestAuthorization({ headers, params: demo, body: { openId: 'openid-dave', groupId: 'group-building-a', decision: 'accept' } });
    expect(stranger.status === 200 && stranger.body).toMatchObject({ ok: false, errCode: 19, authorization: null });
    expect(control.requestAuthorization({ headers, params: unknownApp, body: { openId: 'openid-alice', sn: 'SN-LINUX-0001', decision: 'accept' } }).status).toBe(404);
  });

  it('switches one authorization off, or erases all of a user with deleteFromRecent', () => {
    const { control } = setup();
    const off = control.revokeAuthorization({ headers, params: demo, body: { openId: 'openid-alice', how: 'switchOff', sn: 'SN-LINUX-0001' } });
    expect(off.status === 200 && off.body).toEqual({ changed: 1 });
    const erased = control.revokeAuthorization({ headers, params: demo, body: { openId: 'openid-alice', how: 'deleteFromRecent' } });
    expect(erased.status === 200 && erased.body).toEqual({ changed: 5 });
    expect(control.revokeAuthorization({ headers, params: unknownApp, body: { openId: 'openid-alice', how: 'deleteFromRecent' } }).status).toBe(404);
  });
});
