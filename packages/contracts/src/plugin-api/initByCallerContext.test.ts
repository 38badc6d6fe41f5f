import { describe, expect, it } from 'vitest';
import {
  checkInitByCallerContext,
  checkVoipTokenForRegistration,
  InitByCallerContext,
  initByCallerRequestFor,
  RegistrationMode,
} from './initByCallerContext.js';
import { InitByCallerRequest } from './initByCallerRequest.js';

const deviceCall = InitByCallerRequest.parse({
  roomType: 'video',
  businessType: 1,
  caller: { id: 'SN_0001' },
  listener: { id: 'o3x_listener' },
});
const phoneCall = InitByCallerRequest.parse({
  roomType: 'video',
  businessType: 2,
  caller: { id: 'o3x_caller' },
  listener: { id: 'SN_0002' },
  voipToken: 'push-token',
});
const facePay = (businessType: 0 | 3) =>
  InitByCallerRequest.parse({ roomType: 'voice', businessType, caller: { id: 'face_user' }, listener: { id: 'o3x' }, voipToken: 'vt' });

describe('checkVoipTokenForRegistration (P §3.3, businessType 1)', () => {
  it('WMPF-registered device: voipToken must be omitted', () => {
    expect(checkVoipTokenForRegistration(deviceCall, 'wmpf')).toBeUndefined();
    expect(checkVoipTokenForRegistration({ ...deviceCall, voipToken: 'device-token' }, 'wmpf')).toEqual({
      rule: 'voipTokenForbidden',
      path: ['voipToken'],
      message: expect.stringContaining('voipToken must be omitted when businessType 1 (Android WMPF device calls phone WeChat) and the device was registered with WMPF'),
    });
  });

  it('device-auth-SDK device: voipToken is its deviceToken', () => {
    expect(checkVoipTokenForRegistration({ ...deviceCall, voipToken: 'device-token' }, 'deviceAuthSdk')).toBeUndefined();
    for (const voipToken of [undefined, '']) {
      expect(checkVoipTokenForRegistration({ ...deviceCall, voipToken }, 'deviceAuthSdk')).toEqual({
        rule: 'deviceTokenRequired',
        path: ['voipToken'],
        message: expect.stringContaining('voipToken is required when businessType 1'),
      });
    }
  });

  it('does not apply to other businessTypes', () => {
    expect(checkVoipTokenForRegistration(phoneCall, 'wmpf')).toBeUndefined();
    expect(checkVoipTokenForRegistration({ ...phoneCall, voipToken: undefined }, 'deviceAuthSdk')).toBeUndefined();
  });

  it('knows two registration modes', () => {
    expect(RegistrationMode.options).toEqual(['wmpf', 'deviceAuthSdk']);
    expect(RegistrationMode.safeParse('sdk').error?.issues[0]?.message).toContain("registrationMode must be 'wmpf'");
  });
});

describe('checkInitByCallerContext: host (P §3.4)', () => {
  it('businessType 1 and face-pay run in WMPF, businessType 2 in the WeChat client', () => {
    expect(checkInitByCallerContext(deviceCall, { host: 'wmpf' })).toEqual([]);
    expect(checkInitByCallerContext(facePay(0), { host: 'wmpf' })).toEqual([]);
    expect(checkInitByCallerContext(phoneCall, { host: 'wechat' })).toEqual([]);
  });

  it('rejects businessType 1 in the WeChat client and businessType 2 in WMPF', () => {
    expect(checkInitByCallerContext(deviceCall, { host: 'wechat' })).toEqual([
      { rule: 'hostMismatch', path: ['businessType'], message: expect.stringContaining('must be called inside WMPF on the device') },
    ]);
    expect(checkInitByCallerContext(phoneCall, { host: 'wmpf' })).toEqual([
      { rule: 'hostMismatch', path: ['businessType'], message: expect.stringContaining('must be called inside the WeChat client') },
    ]);
  });
});

describe('checkInitByCallerContext: billing (P §3.3, §10.2)', () => {
  it('businessType 2 bills by duration, never by license', () => {
    expect(checkInitByCallerContext(phoneCall, { billing: 'duration' })).toEqual([]);
    expect(checkInitByCallerContext(phoneCall, { billing: 'license' })).toEqual([
      { rule: 'billingNotSupported', path: ['businessType'], message: expect.stringContaining('does not support license billing; use callWMPF') },
    ]);
  });

  it('businessType 0 bills by duration and 3 by license', () => {
    expect(checkInitByCallerContext(facePay(0), { billing: 'duration' })).toEqual([]);
    expect(checkInitByCallerContext(facePay(3), { billing: 'license' })).toEqual([]);
    expect(checkInitByCallerContext(facePay(0), { billing: 'license' })[0]?.message).toContain('use businessType 3');
    expect(checkInitByCallerContext(facePay(3), { billing: 'duration' })[0]?.message).toContain('use businessType 0');
  });

  it('businessType 1 bills either way, but license needs a WMPF-registered device', () => {
    expect(checkInitByCallerContext(deviceCall, { billing: 'license', registrationMode: 'wmpf' })).toEqual([]);
    expect(checkInitByCallerContext({ ...deviceCall, voipToken: 't' }, { billing: 'duration', registrationMode: 'deviceAuthSdk' })).toEqual([]);
    expect(checkInitByCallerContext({ ...deviceCall, voipToken: 't' }, { billing: 'license', registrationMode: 'deviceAuthSdk' })).toEqual([
      { rule: 'licenseNeedsWmpfRegistration', path: ['voipToken'], message: expect.stringContaining('license billing does not support devices registered with the device-auth SDK') },
    ]);
  });

  it('checks nothing when no context is known', () => {
    expect(checkInitByCallerContext({ ...deviceCall, voipToken: 't' }, {})).toEqual([]);
  });
});

describe('initByCallerRequestFor', () => {
  const wmpfDevice = initByCallerRequestFor({ registrationMode: 'wmpf', host: 'wmpf', billing: 'license' });

  it('parses a valid request with defaults', () => {
    expect(wmpfDevice.parse({ roomType: 'voice', businessType: 1, caller: { id: 'SN_1' }, listener: { id: 'o3x' } })).toMatchObject({
      miniprogramState: 'formal',
      caller: { cameraStatus: 0 },
    });
  });

  it('adds the context rules as zod issues tagged with their rule id', () => {
    const result = wmpfDevice.safeParse({ roomType: 'voice', businessType: 1, caller: { id: 'SN_1' }, listener: { id: 'o3x' }, voipToken: 'tok' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'custom', path: ['voipToken'], params: { rule: 'voipTokenForbidden' }, message: expect.stringContaining('must be omitted') }),
    ]);
  });

  it('keeps the request-only rules', () => {
    const result = wmpfDevice.safeParse({ roomType: 'voice', businessType: 1, caller: { id: 'bad id' }, listener: { id: 'o3x' } });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['caller.id']);
  });

  it('validates the context schema', () => {
    expect(InitByCallerContext.parse({})).toEqual({});
    expect(InitByCallerContext.safeParse({ billing: 'free' }).error?.issues[0]).toMatchObject({ path: ['billing'], message: expect.stringContaining("chargeType must be 'duration'") });
  });

  it('rejects a malformed context', () => {
    expect(() => initByCallerRequestFor({ host: 'android' } as unknown as InitByCallerContext)).toThrow("host must be 'wechat'");
  });
});
