import { describe, expect, it } from 'vitest';
import type { Outcome } from '../refusal.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { DeviceService } from './deviceService.js';
import { DeviceTokenService } from './deviceTokenService.js';

const seed = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [
        { modelId: 'm-panel', kind: 'wmpf' as const, modelType: 'panel' },
        { modelId: 'm-kiosk', kind: 'wmpf' as const, modelType: 'kiosk' },
        { modelId: 'm-linux', kind: 'linux' as const, modelType: 'doorbell' },
      ],
      devices: [
        { sn: 'SN-SDK', modelId: 'm-panel', kind: 'wmpf' as const, registered: true, registrationMethod: 'deviceAuthSdk' as const },
        { sn: 'SN-SDK-2', modelId: 'm-panel', kind: 'wmpf' as const, registered: true, registrationMethod: 'deviceAuthSdk' as const },
        { sn: 'SN-KIOSK', modelId: 'm-kiosk', kind: 'wmpf' as const, registered: true, registrationMethod: 'deviceAuthSdk' as const },
        { sn: 'SN-WMPF', modelId: 'm-panel', kind: 'wmpf' as const, registered: true, registrationMethod: 'wmpf' as const },
        { sn: 'SN-NEW', modelId: 'm-panel', kind: 'wmpf' as const },
        { sn: 'SN-LINUX', modelId: 'm-linux', kind: 'linux' as const, registered: true },
      ],
    },
  ],
};

function setup() {
  const state = createTenantState({ seed });
  const tokens = new DeviceTokenService(state, new DeviceService(state));
  const app = state.app('wx-app')!;
  const tokenOf = (sn: string, modelId = 'm-panel') => {
    const issued = tokens.getDeviceToken({ appId: 'wx-app', sn, modelId, registrationMode: 'deviceAuthSdk' });
    if (!issued.ok) throw new Error(issued.refusal.rule);
    return issued.value;
  };
  return { state, tokens, app, tokenOf };
}

function codeOf(outcome: Outcome<unknown>): number | 'ok' {
  return outcome.ok ? 'ok' : outcome.refusal.code;
}

describe('DeviceTokenService: getDeviceToken', () => {
  it('issues a token valid one hour; a new call gives another token and the earlier one stays valid', () => {
    const { state, tokens, app, tokenOf } = setup();
    const first = tokenOf('SN-SDK');
    expect(first.expiresAt).toBe(state.now() + 3_600_000);
    const second = tokenOf('SN-SDK');
    expect(second.deviceToken).not.toBe(first.deviceToken);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', first.deviceToken))).toBe('ok');
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', second.deviceToken))).toBe('ok');
  });

  it('issues one to a WMPF-registered device too (what the framework prefetches)', () => {
    const { tokens } = setup();
    expect(codeOf(tokens.getDeviceToken({ appId: 'wx-app', sn: 'SN-WMPF', modelId: 'm-panel', registrationMode: 'wmpf' }))).toBe('ok');
  });

  it('refuses an unregistered device with its route code (1000 WMPF, −10 device-auth SDK) and a Linux SN with 2', () => {
    const { tokens } = setup();
    const unregistered = { appId: 'wx-app', sn: 'SN-NEW', modelId: 'm-panel' };
    expect(codeOf(tokens.getDeviceToken({ ...unregistered, registrationMode: 'wmpf' }))).toBe(1000);
    expect(codeOf(tokens.getDeviceToken({ ...unregistered, registrationMode: 'deviceAuthSdk' }))).toBe(-10);
    expect(codeOf(tokens.getDeviceToken({ ...unregistered, sn: 'SN-SDK', modelId: 'm-kiosk', registrationMode: 'deviceAuthSdk' }))).toBe(-10);
    expect(codeOf(tokens.getDeviceToken({ appId: 'wx-app', sn: 'SN-LINUX', modelId: 'm-linux', registrationMode: 'wmpf' }))).toBe(2);
  });
});

describe('DeviceTokenService: validateVoipToken (initByCaller businessType 1)', () => {
  it('answers 13 when an SDK-registered device omits the token or passes an unknown or expired one', () => {
    const { state, tokens, app, tokenOf } = setup();
    const refusal = tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', undefined);
    expect(refusal.ok ? null : [refusal.refusal.code, refusal.refusal.stage]).toEqual([13, 'tokens']);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', 'forged-token'))).toBe(13);
    const { deviceToken } = tokenOf('SN-SDK');
    state.clock.advance(3_599_999);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', deviceToken))).toBe('ok');
    state.clock.advance(1);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', deviceToken))).toBe(13);
  });

  it('answers 13 for a WMPF-registered device that passes a token, and accepts it without one', () => {
    const { tokens, app, tokenOf } = setup();
    expect(codeOf(tokens.validateVoipToken(app, 'SN-WMPF', 'm-panel', undefined))).toBe('ok');
    expect(codeOf(tokens.validateVoipToken(app, 'SN-WMPF', 'm-panel', tokenOf('SN-SDK').deviceToken))).toBe(13);
  });

  it("answers 17 for a token of another model's device and 13 for another device of the same model", () => {
    const { tokens, app, tokenOf } = setup();
    const kiosk = tokenOf('SN-KIOSK', 'm-kiosk').deviceToken;
    const mismatch = tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', kiosk);
    expect(mismatch.ok ? null : mismatch.refusal.key).toBe('VOIP_TOKEN_MODEL_MISMATCH');
    expect(codeOf(mismatch)).toBe(17);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', tokenOf('SN-SDK-2').deviceToken))).toBe(13);
  });

  it('answers 2 for an unknown SN, a wrong model or a Linux device, and 13 for an unregistered WMPF device', () => {
    const { tokens, app } = setup();
    expect(codeOf(tokens.validateVoipToken(app, 'SN-NOPE', 'm-panel', undefined))).toBe(2);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-kiosk', undefined))).toBe(2);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-LINUX', 'm-linux', undefined))).toBe(2);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-NEW', 'm-panel', undefined))).toBe(13);
  });

  it('expireFor makes every deviceToken of the device expire now', () => {
    const { tokens, app, tokenOf } = setup();
    const { deviceToken } = tokenOf('SN-SDK');
    tokenOf('SN-SDK');
    expect(tokens.expireFor('SN-SDK')).toBe(2);
    expect(tokens.expireFor('SN-SDK')).toBe(0);
    expect(codeOf(tokens.validateVoipToken(app, 'SN-SDK', 'm-panel', deviceToken))).toBe(13);
  });
});
