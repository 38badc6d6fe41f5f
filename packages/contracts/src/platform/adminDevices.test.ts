import { describe, expect, it } from 'vitest';
import { DeviceListQuery, DeviceView, ExpireCredentialsBody, IssueSnTicketBody, TakeOfflineBody } from './adminDevices.js';
import { BillingPatch, SetDeviceLicenseBody } from './adminBilling.js';
import { PlatformInfo, ResetBody, SeedSummary } from './adminInfo.js';

describe('device bodies', () => {
  it('DeviceListQuery reads online as exactly true or false', () => {
    expect(DeviceListQuery.parse({ kind: 'wmpf', online: 'false' })).toEqual({ kind: 'wmpf', online: false });
    expect(DeviceListQuery.parse({ online: 'true' })).toEqual({ online: true });
    const issue = DeviceListQuery.safeParse({ online: 'yes' }).error?.issues[0];
    expect(issue?.path).toEqual(['online']);
    expect(issue?.message).toBe("online must be 'true' or 'false'");
  });

  it('TakeOfflineBody aborts calls by default', () => {
    expect(TakeOfflineBody.parse({})).toEqual({ abortCalls: true });
    expect(TakeOfflineBody.safeParse({ abortCalls: 'no' }).error?.issues[0]?.path).toEqual(['abortCalls']);
  });

  it('ExpireCredentialsBody names at least one known credential', () => {
    expect(ExpireCredentialsBody.parse({ what: ['snTickets', 'pushToken'] }).what).toEqual(['snTickets', 'pushToken']);
    expect(ExpireCredentialsBody.safeParse({ what: [] }).error?.issues[0]?.message).toContain('at least one credential kind');
    expect(ExpireCredentialsBody.safeParse({ what: ['accessToken'] }).error?.issues[0]?.path).toEqual(['what', 0]);
  });

  it('IssueSnTicketBody follows the SN rule', () => {
    expect(IssueSnTicketBody.parse({ sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell' }).sn).toBe('SN-LINUX-NEW');
    expect(IssueSnTicketBody.safeParse({ sn: 'SN NEW', modelId: 'm' }).error?.issues[0]?.path).toEqual(['sn']);
  });

  it('DeviceView carries registration and reachability', () => {
    const view = {
      appId: 'wx_demo_app',
      sn: 'SN-1',
      modelId: 'm',
      kind: 'linux',
      name: null,
      registration: { registered: false, appId: null, sn: 'SN-1', modelId: null, method: null, registeredAt: null },
      activated: true,
      online: true,
      partyIds: [],
      currentRoomId: null,
      groupId: null,
      licenseExpireTime: null,
      pushTokenExpiresAt: null,
      deviceTokenExpiresAt: null,
    };
    expect(DeviceView.parse(view)).toEqual(view);
    expect(DeviceView.safeParse({ ...view, kind: 'android' }).error?.issues[0]?.path).toEqual(['kind']);
  });
});

describe('billing and reset bodies', () => {
  it('BillingPatch changes at least one setting and keeps the balance non-negative', () => {
    expect(BillingPatch.parse({ inArrears: true })).toEqual({ inArrears: true });
    expect(BillingPatch.parse({ durationBalanceSec: null })).toEqual({ durationBalanceSec: null });
    expect(BillingPatch.safeParse({}).error?.issues[0]?.message).toContain('at least one of');
    expect(BillingPatch.safeParse({ durationBalanceSec: -60 }).error?.issues[0]?.message).toContain('0 or more');
    expect(BillingPatch.safeParse({ licenseApis: 'v2' }).error?.issues[0]?.message).toContain("'stub2024'");
  });

  it('SetDeviceLicenseBody sets or removes a license', () => {
    expect(SetDeviceLicenseBody.parse({ expireTime: null })).toEqual({ expireTime: null, activeNumbers: [] });
    expect(SetDeviceLicenseBody.safeParse({ expireTime: 1.5 }).error?.issues[0]?.message).toContain('whole Unix seconds');
  });

  it('ResetBody goes back to the seed by default', () => {
    expect(ResetBody.parse({})).toEqual({ to: 'seed' });
    expect(ResetBody.safeParse({ to: 'factory' }).error?.issues[0]?.message).toBe("to must be 'seed' (last loaded seed) or 'empty'");
  });

  it('PlatformInfo reports the prefixes and versions', () => {
    const info = {
      name: 'wxvoip-mock',
      version: '0.1.0',
      transportPrefix: '/__wxvoip/v1',
      transportProtocol: 'v1',
      controlPrefix: '/__admin',
      controlApiVersion: 1,
      namespaces: [{ namespace: 'default', clockMode: 'real', parties: 0 }],
    };
    expect(PlatformInfo.parse(info)).toEqual(info);
    expect(PlatformInfo.safeParse({ ...info, transportPrefix: '/__wxvoip/v2' }).error?.issues[0]?.path).toEqual(['transportPrefix']);
  });

  it('SeedSummary counts entities', () => {
    const counts = { apps: 1, models: 1, devices: 1, users: 1, authorizations: 0, groups: 0, licenses: 0 };
    expect(SeedSummary.parse({ namespace: 'default', loadedAt: 0, counts }).counts).toEqual(counts);
    expect(SeedSummary.safeParse({ namespace: 'default', loadedAt: 0, counts: { ...counts, apps: -1 } }).error?.issues[0]?.path).toEqual(['counts', 'apps']);
  });
});
