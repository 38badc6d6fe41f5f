import { describe, expect, it } from 'vitest';
import { AppPatch, AuthorizationListQuery, AuthorizationOutcome, PutUserBody, RequestAuthorizationBody, RevokeAuthorizationBody, UserPatch } from './adminApps.js';

describe('app and user bodies', () => {
  it('AppPatch changes at least one setting', () => {
    expect(AppPatch.parse({ voipCapability: 'none' })).toEqual({ voipCapability: 'none' });
    expect(AppPatch.parse({ pushConfig: null })).toEqual({ pushConfig: null });
    expect(AppPatch.safeParse({}).error?.issues[0]?.message).toContain('at least one of secret, voipCapability, pushConfig');
    expect(AppPatch.safeParse({ voipCapability: 'pending' }).error?.issues[0]?.path).toEqual(['voipCapability']);
    expect(AppPatch.safeParse({ pushConfig: { url: 'http://x.test/cb', token: 't0k', encodingAESKey: 'x' } }).error?.issues[0]?.path).toEqual([
      'pushConfig',
      'encodingAESKey',
    ]);
  });

  it('PutUserBody takes the user without its openId (it is in the path)', () => {
    expect(PutUserBody.parse({ nickname: 'Erin' })).toEqual({ nickname: 'Erin', wechatVersion: '8.0.54', dialogDecision: 'accept' });
    expect(PutUserBody.safeParse({ nickname: '' }).error?.issues[0]?.message).toContain('nickname must not be empty');
  });

  it('UserPatch sets the dialog answer', () => {
    expect(UserPatch.parse({ dialogDecision: 'reject' })).toEqual({ dialogDecision: 'reject' });
    expect(UserPatch.safeParse({}).error?.issues[0]?.message).toContain('at least one of nickname, wechatVersion, dialogDecision');
  });
});

describe('authorization bodies', () => {
  it('AuthorizationListQuery narrows by user or device', () => {
    expect(AuthorizationListQuery.parse({ openId: 'openid-alice' })).toEqual({ openId: 'openid-alice' });
    expect(AuthorizationListQuery.safeParse({ sn: 'bad sn' }).error?.issues[0]?.path).toEqual(['sn']);
  });

  it('RequestAuthorizationBody simulates the dialog for one target', () => {
    expect(RequestAuthorizationBody.parse({ openId: 'openid-carol', sn: 'SN-RTOS-0001', deviceName: 'Garden' })).toEqual({
      openId: 'openid-carol',
      sn: 'SN-RTOS-0001',
      deviceName: 'Garden',
      decision: 'accept',
    });
    const both = RequestAuthorizationBody.safeParse({ openId: 'o', sn: 'SN-1', groupId: 'g' }).error?.issues[0];
    expect(both?.path).toEqual(['sn']);
    expect(both?.message).toContain('exactly one target');
    const decision = RequestAuthorizationBody.safeParse({ openId: 'o', groupId: 'g', decision: 'ignore' }).error?.issues[0];
    expect(decision?.path).toEqual(['decision']);
    expect(decision?.message).toBe("decision must be 'accept', 'reject' or 'switchOff'");
  });

  it('AuthorizationOutcome is ok with the authorization, or the wx failure', () => {
    const authorization = { openId: 'o', sn: 'SN-1', groupId: null, state: 'authorized', deviceName: 'Door', updatedAt: 1 };
    expect(AuthorizationOutcome.parse({ ok: true, errMsg: 'requestDeviceVoIP:ok', authorization }).ok).toBe(true);
    expect(AuthorizationOutcome.parse({ ok: false, errCode: 10001, errMsg: 'The sn has been subscribed', authorization }).ok).toBe(false);
    expect(AuthorizationOutcome.safeParse({ ok: true, errMsg: 'ok', authorization }).error?.issues[0]?.path).toEqual(['errMsg']);
  });

  it('RevokeAuthorizationBody: switchOff needs a target, deleteFromRecent takes none', () => {
    expect(RevokeAuthorizationBody.parse({ openId: 'o', how: 'switchOff', sn: 'SN-1' }).how).toBe('switchOff');
    expect(RevokeAuthorizationBody.parse({ openId: 'o', how: 'deleteFromRecent' }).how).toBe('deleteFromRecent');
    expect(RevokeAuthorizationBody.safeParse({ openId: 'o', how: 'switchOff' }).error?.issues[0]?.message).toContain('exactly one target');
    const extra = RevokeAuthorizationBody.safeParse({ openId: 'o', how: 'deleteFromRecent', groupId: 'g' }).error?.issues[0];
    expect(extra?.path).toEqual(['sn']);
    expect(extra?.message).toContain('drop sn and groupId');
    expect(RevokeAuthorizationBody.safeParse({ openId: 'o', how: 'forget' }).error?.issues[0]?.path).toEqual(['how']);
  });
});
