import { BillingView, type SeedInput } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../refusal.js';
import { createTenantState } from '../tenant/createTenantState.js';
import type { AppState, DeviceState } from '../tenant/entities.js';
import { BillingService, type CallEntry } from './billingService.js';

/** 2026-01-01T00:00:00Z in Unix seconds, the manual clock's start. */
const NOW_SEC = Date.UTC(2026, 0, 1) / 1000;

const seed: SeedInput = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's3cret',
      billing: { durationBalanceSec: 100 },
      models: [
        { modelId: 'm-doorbell', kind: 'linux', modelType: 'doorbell', billing: 'license' },
        { modelId: 'm-panel', kind: 'wmpf', modelType: 'panel', billing: 'duration' },
        { modelId: 'm-panel-lic', kind: 'wmpf', modelType: 'panel', billing: 'license' },
      ],
      devices: [
        { sn: 'SN-LINUX', modelId: 'm-doorbell', kind: 'linux', registered: true },
        { sn: 'SN-NOLIC', modelId: 'm-doorbell', kind: 'linux', registered: true },
        { sn: 'SN-WMPF', modelId: 'm-panel-lic', kind: 'wmpf', registered: true, registrationMethod: 'wmpf' },
        { sn: 'SN-SDK', modelId: 'm-panel-lic', kind: 'wmpf', registered: true, registrationMethod: 'deviceAuthSdk' },
        { sn: 'SN-PANEL', modelId: 'm-panel', kind: 'wmpf', registered: true, registrationMethod: 'wmpf' },
      ],
      licenses: [
        { sn: 'SN-LINUX', expireTime: NOW_SEC + 60, activeNumbers: [7] },
        { sn: 'SN-WMPF', expireTime: NOW_SEC + 3600 },
      ],
      licensePackages: [{ pkgId: 'pkg-1', pkgType: 1, startTime: NOW_SEC - 10, endTime: NOW_SEC + 10, all: 5, used: 2 }],
    },
  ],
};

function setup() {
  const state = createTenantState({ seed });
  const app = state.app('wx-app') as AppState;
  const device = (sn: string) => app.devices.get(sn) as DeviceState;
  return { state, app, device, billing: new BillingService(state) };
}

function code<T>(outcome: Outcome<T>): number {
  return outcome.ok ? 0 : outcome.refusal.code;
}

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.refusal.code}: ${outcome.refusal.rule}`);
  return outcome.value;
}

describe('BillingService.chooseChargeType (P §10.2)', () => {
  it.each<[string, (d: (sn: string) => DeviceState) => CallEntry, 'duration' | 'license']>([
    ['initByCaller bt=0 bills by duration', () => ({ api: 'initByCaller', businessType: 0, device: undefined }), 'duration'],
    ['initByCaller bt=3 bills by license', () => ({ api: 'initByCaller', businessType: 3, device: undefined }), 'license'],
    ['initByCaller bt=2 bills by duration', (d) => ({ api: 'initByCaller', businessType: 2, device: d('SN-WMPF') }), 'duration'],
    ['initByCaller bt=1 follows a license model', (d) => ({ api: 'initByCaller', businessType: 1, device: d('SN-WMPF') }), 'license'],
    ['initByCaller bt=1 follows a duration model', (d) => ({ api: 'initByCaller', businessType: 1, device: d('SN-PANEL') }), 'duration'],
    ['initByCaller bt=1 falls back to duration for a device-auth SDK device', (d) => ({ api: 'initByCaller', businessType: 1, device: d('SN-SDK') }), 'duration'],
    ['callDevice defaults to license', (d) => ({ api: 'callDevice', device: d('SN-LINUX') }), 'license'],
    ['callWMPF defaults to license', (d) => ({ api: 'callWMPF', device: d('SN-WMPF') }), 'license'],
    ['a Linux session call follows the model', (d) => ({ api: 'linuxSessionCall', device: d('SN-LINUX') }), 'license'],
    ['iot/voip/call follows the model', (d) => ({ api: 'iotVoipCall', device: d('SN-PANEL') }), 'duration'],
    ['an unknown device bills by license', () => ({ api: 'rtosClientCall', device: undefined }), 'license'],
  ])('%s', (_name, entry, expected) => {
    const { app, device, billing } = setup();
    expect(value(billing.chooseChargeType(app, entry(device)))).toBe(expected);
  });

  it('honours the chargeType a callDevice or callWMPF caller asks for', () => {
    const { app, device, billing } = setup();
    expect(value(billing.chooseChargeType(app, { api: 'callDevice', device: device('SN-LINUX') }, 'duration'))).toBe('duration');
    expect(value(billing.chooseChargeType(app, { api: 'callWMPF', device: device('SN-SDK') }, 'duration'))).toBe('duration');
  });

  it.each<[string, (d: (sn: string) => DeviceState) => CallEntry, 'duration' | 'license' | undefined]>([
    ['license for initByCaller bt=2', (d) => ({ api: 'initByCaller', businessType: 2, device: d('SN-WMPF') }), 'license'],
    ['duration for initByCaller bt=3', () => ({ api: 'initByCaller', businessType: 3, device: undefined }), 'duration'],
    ['license for initByCaller bt=0', () => ({ api: 'initByCaller', businessType: 0, device: undefined }), 'license'],
    ['license for a device-auth SDK device on callWMPF', (d) => ({ api: 'callWMPF', device: d('SN-SDK') }), 'license'],
    ['the license default for a device-auth SDK device on callWMPF', (d) => ({ api: 'callWMPF', device: d('SN-SDK') }), undefined],
  ])('refuses %s with 22', (_name, entry, requested) => {
    const { app, device, billing } = setup();
    const result = billing.chooseChargeType(app, entry(device), requested);
    expect(result.ok ? null : [result.refusal.code, result.refusal.key, result.refusal.stage]).toEqual([22, 'CHARGE_TYPE_INVALID', 'billing']);
  });
});

describe('BillingService.checkCall', () => {
  it('lets a duration call through while the balance lasts; 15 when empty or in arrears', () => {
    const { app, device, billing } = setup();
    expect(code(billing.checkCall(app, device('SN-PANEL'), 'duration'))).toBe(0);
    app.billing.durationBalanceSec = 0;
    expect(code(billing.checkCall(app, device('SN-PANEL'), 'duration'))).toBe(15);
    app.billing.durationBalanceSec = null;
    expect(code(billing.checkCall(app, device('SN-PANEL'), 'duration'))).toBe(0);
    app.billing.inArrears = true;
    const arrears = billing.checkCall(app, device('SN-PANEL'), 'duration');
    expect(arrears.ok ? null : [arrears.refusal.key, arrears.refusal.stage]).toEqual(['ACCOUNT_IN_ARREARS', 'billing']);
  });

  it('answers 24 for a device without a license and 23 once its expireTime is reached', () => {
    const { state, app, device, billing } = setup();
    expect(code(billing.checkCall(app, device('SN-NOLIC'), 'license'))).toBe(24);
    expect(code(billing.checkCall(app, device('SN-LINUX'), 'license'))).toBe(0);
    state.clock.advance(59_999);
    expect(code(billing.checkCall(app, device('SN-LINUX'), 'license'))).toBe(0);
    state.clock.advance(1);
    const expired = billing.checkCall(app, device('SN-LINUX'), 'license');
    expect(expired.ok ? null : [expired.refusal.code, expired.refusal.key]).toEqual([23, 'DEVICE_LICENSE_EXPIRED']);
  });

  it('checks licenses in stub2024 mode too, and skips them when enforceLicenseOnCall is off', () => {
    const { app, device, billing } = setup();
    expect(app.billing.licenseApis).toBe('stub2024');
    expect(code(billing.checkCall(app, device('SN-NOLIC'), 'license'))).toBe(24);
    billing.updateBilling(app, { enforceLicenseOnCall: false });
    expect(code(billing.checkCall(app, device('SN-NOLIC'), 'license'))).toBe(0);
  });
});

describe('BillingService.settle', () => {
  it('bills started seconds of talk from the duration balance, never below 0, without setting arrears', () => {
    const { app, device, billing } = setup();
    expect(billing.settle(app, 'duration', 41_001)).toBe(42);
    expect(app.billing.durationBalanceSec).toBe(58);
    expect(billing.settle(app, 'duration', 0)).toBe(0);
    expect(billing.settle(app, 'duration', -5)).toBe(0);
    expect(billing.settle(app, 'duration', 60_000)).toBe(60);
    expect(app.billing.durationBalanceSec).toBe(0);
    expect(app.billing.inArrears).toBe(false);
    expect(code(billing.checkCall(app, device('SN-PANEL'), 'duration'))).toBe(15);
    expect(billing.billingView(app).billedDurationSec).toBe(102);
  });

  it('reports license talk time without touching the balance', () => {
    const { app, billing } = setup();
    expect(billing.settle(app, 'license', 1_500)).toBe(2);
    expect(app.billing.durationBalanceSec).toBe(100);
    expect(billing.billingView(app).billedDurationSec).toBe(0);
  });

  it('leaves an unlimited balance unlimited', () => {
    const { app, billing } = setup();
    app.billing.durationBalanceSec = null;
    billing.settle(app, 'duration', 10_000);
    expect(app.billing.durationBalanceSec).toBeNull();
  });
});

describe('BillingService control side', () => {
  it('updateBilling changes only the given fields and a top-up ends the empty-balance refusal', () => {
    const { app, device, billing } = setup();
    app.billing.durationBalanceSec = 0;
    const view = billing.updateBilling(app, { durationBalanceSec: 30 });
    expect(view.billing).toEqual({ durationBalanceSec: 30, inArrears: false, licenseApis: 'stub2024', enforceLicenseOnCall: true });
    expect(code(billing.checkCall(app, device('SN-PANEL'), 'duration'))).toBe(0);
    expect(billing.updateBilling(app, { inArrears: true, licenseApis: 'legacy' }).billing).toMatchObject({ durationBalanceSec: 30, inArrears: true, licenseApis: 'legacy' });
  });

  it('setDeviceLicense sets, expires and removes a license', () => {
    const { app, device, billing } = setup();
    const view = value(billing.setDeviceLicense(app, 'SN-NOLIC', { expireTime: NOW_SEC + 10, activeNumbers: [1, 2] }));
    expect(view.licenses).toContainEqual({ sn: 'SN-NOLIC', expireTime: NOW_SEC + 10, activeNumbers: [1, 2] });
    expect(code(billing.checkCall(app, device('SN-NOLIC'), 'license'))).toBe(0);
    value(billing.setDeviceLicense(app, 'SN-NOLIC', { expireTime: NOW_SEC - 1, activeNumbers: [] }));
    expect(code(billing.checkCall(app, device('SN-NOLIC'), 'license'))).toBe(23);
    value(billing.setDeviceLicense(app, 'SN-NOLIC', { expireTime: null, activeNumbers: [] }));
    expect(code(billing.checkCall(app, device('SN-NOLIC'), 'license'))).toBe(24);
  });

  it('setDeviceLicense refuses an SN that is not a device of the app', () => {
    const { app, billing } = setup();
    const result = billing.setDeviceLicense(app, 'SN-GHOST', { expireTime: NOW_SEC, activeNumbers: [] });
    expect(result.ok ? null : [result.refusal.stage, result.refusal.code]).toEqual(['notFound', 2]);
  });

  it('billingView is a valid contract BillingView with licenses and packages', () => {
    const { app, billing } = setup();
    const view = billing.billingView(app);
    expect(BillingView.parse(view)).toEqual(view);
    expect(view.licenses).toEqual([
      { sn: 'SN-LINUX', expireTime: NOW_SEC + 60, activeNumbers: [7] },
      { sn: 'SN-WMPF', expireTime: NOW_SEC + 3600, activeNumbers: [] },
    ]);
    expect(view.licensePackages).toEqual([{ pkgId: 'pkg-1', pkgType: 1, startTime: NOW_SEC - 10, endTime: NOW_SEC + 10, all: 5, used: 2 }]);
  });
});
