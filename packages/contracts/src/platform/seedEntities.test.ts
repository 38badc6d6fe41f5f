import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SeedAuthorization, SeedBilling, SeedDevice, SeedGroup, SeedLicense, SeedLicensePackage, SeedModel, SeedUser } from './seedEntities.js';

function firstIssue(schema: z.ZodTypeAny, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('seed entities', () => {
  it('SeedBilling defaults to unlimited minutes, no arrears, the 2024 license stub, licenses checked', () => {
    expect(SeedBilling.parse({})).toEqual({ durationBalanceSec: null, inArrears: false, licenseApis: 'stub2024', enforceLicenseOnCall: true });
    const issue = firstIssue(SeedBilling, { durationBalanceSec: -1 });
    expect(issue?.path).toEqual(['durationBalanceSec']);
    expect(issue?.message).toContain('0 or more seconds');
  });

  it('SeedModel needs a kind and a modelType', () => {
    expect(SeedModel.parse({ modelId: 'm', kind: 'rtos', modelType: 'camera' })).toEqual({
      modelId: 'm',
      kind: 'rtos',
      modelType: 'camera',
      approved: true,
      billing: 'license',
    });
    expect(firstIssue(SeedModel, { modelId: 'm', kind: 'android', modelType: 'x' })?.message).toBe("kind must be 'linux', 'rtos' or 'wmpf'");
    expect(firstIssue(SeedModel, { modelId: 'm', kind: 'linux' })?.message).toContain('modelType is required');
  });

  it('SeedDevice checks the registration method against the kind and the registered flag', () => {
    expect(SeedDevice.parse({ sn: 'SN-1', modelId: 'm', kind: 'wmpf', registered: true, registrationMethod: 'deviceAuthSdk' }).registrationMethod).toBe(
      'deviceAuthSdk',
    );
    const kind = firstIssue(SeedDevice, { sn: 'SN-1', modelId: 'm', kind: 'linux', registered: true, registrationMethod: 'wmpf' });
    expect(kind?.path).toEqual(['registrationMethod']);
    expect(kind?.message).toContain("not available to a linux device: use 'linuxSdk'");
    const unregistered = firstIssue(SeedDevice, { sn: 'SN-1', modelId: 'm', kind: 'rtos', registrationMethod: 'cloudSdk' });
    expect(unregistered?.path).toEqual(['registrationMethod']);
    expect(unregistered?.message).toContain('needs registered: true');
  });

  it('SeedUser defaults the dialog answer to accept', () => {
    expect(SeedUser.parse({ openId: 'o', nickname: 'N' })).toEqual({ openId: 'o', nickname: 'N', wechatVersion: '8.0.54', dialogDecision: 'accept' });
    expect(firstIssue(SeedUser, { openId: 'o', nickname: 'N', dialogDecision: 'maybe' })?.path).toEqual(['dialogDecision']);
  });

  it('SeedAuthorization names exactly one target', () => {
    expect(SeedAuthorization.parse({ openId: 'o', groupId: 'g' })).toEqual({ openId: 'o', groupId: 'g', state: 'authorized' });
    const both = firstIssue(SeedAuthorization, { openId: 'o', sn: 'SN-1', groupId: 'g' });
    expect(both?.path).toEqual(['sn']);
    expect(both?.message).toContain('exactly one target');
    expect(firstIssue(SeedAuthorization, { openId: 'o' })?.message).toContain('exactly one target');
    const name = firstIssue(SeedAuthorization, { openId: 'o', groupId: 'g', deviceName: 'Door' });
    expect(name?.path).toEqual(['deviceName']);
    expect(name?.message).toContain('only applies to a device');
    expect(firstIssue(SeedAuthorization, { openId: 'o', sn: 'SN-1', deviceName: 'x'.repeat(14) })?.message).toContain('at most 13 characters');
  });

  it('SeedGroup checks the name bytes and the capacity values', () => {
    expect(SeedGroup.parse({ groupId: 'g', name: '校园电话一二三四五六', modelId: 'm' }).maxDeviceCount).toBe(50);
    const name = firstIssue(SeedGroup, { groupId: 'g', name: '校园电话一二三四五六七', modelId: 'm' });
    expect(name?.path).toEqual(['name']);
    expect(name?.message).toContain('1–32 bytes in UTF-8');
    expect(firstIssue(SeedGroup, { groupId: 'g', name: '', modelId: 'm' })?.path).toEqual(['name']);
    const capacity = firstIssue(SeedGroup, { groupId: 'g', name: 'G', modelId: 'm', maxDeviceCount: 100 });
    expect(capacity?.path).toEqual(['maxDeviceCount']);
    expect(capacity?.message).toContain('50 (default) or 200 (expanded)');
  });

  it('SeedLicense holds at most 3 activation numbers', () => {
    expect(SeedLicense.parse({ sn: 'SN-1', expireTime: 1893427200 }).activeNumbers).toEqual([]);
    const issue = firstIssue(SeedLicense, { sn: 'SN-1', expireTime: 1, activeNumbers: [1, 2, 3, 4] });
    expect(issue?.path).toEqual(['activeNumbers']);
    expect(issue?.message).toContain('at most 3');
  });

  it('SeedLicensePackage keeps used ≤ all and end after start', () => {
    const pkg = { pkgId: 'pkg-1', pkgType: 1, startTime: 10, endTime: 20, all: 5 };
    expect(SeedLicensePackage.parse(pkg).used).toBe(0);
    expect(firstIssue(SeedLicensePackage, { ...pkg, used: 6 })?.path).toEqual(['used']);
    expect(firstIssue(SeedLicensePackage, { ...pkg, endTime: 10 })?.message).toBe('endTime must be after startTime');
    expect(firstIssue(SeedLicensePackage, { ...pkg, pkgType: 6 })?.path).toEqual(['pkgType']);
  });
});
