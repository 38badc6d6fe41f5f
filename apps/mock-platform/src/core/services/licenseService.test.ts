import {
  ActiveLicenseDeviceRequest,
  ActiveLicenseDeviceSuccess,
  GetLicenseDeviceInfoSuccess,
  GetLicensePkgListSuccess,
  type SeedInput,
} from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../refusal.js';
import { createTenantState } from '../tenant/createTenantState.js';
import type { AppState } from '../tenant/entities.js';
import { BillingService } from './billingService.js';
import { LICENSE_YEAR_SEC, LicenseService } from './licenseService.js';

const NOW_SEC = Date.UTC(2026, 0, 1) / 1000;
const STUB = 1_893_427_200;
const DAY = 86_400;

function seed(licenseApis: 'legacy' | 'stub2024'): SeedInput {
  return {
    apps: [
      {
        appId: 'wx-app',
        secret: 's3cret',
        billing: { licenseApis },
        models: [{ modelId: 'm-1', kind: 'linux', modelType: 'doorbell' }],
        devices: [
          { sn: 'SN-1', modelId: 'm-1', kind: 'linux', registered: true },
          { sn: 'SN-2', modelId: 'm-1', kind: 'linux', registered: true },
          { sn: 'SN-FULL', modelId: 'm-1', kind: 'linux', registered: true },
        ],
        licenses: [{ sn: 'SN-FULL', expireTime: NOW_SEC + 100 * DAY, activeNumbers: [91, 92, 93] }],
        licensePackages: [
          { pkgId: 'a-late', pkgType: 1, startTime: NOW_SEC - DAY, endTime: NOW_SEC + 300 * DAY, all: 10, used: 0 },
          { pkgId: 'a-soon', pkgType: 1, startTime: NOW_SEC - DAY, endTime: NOW_SEC + 30 * DAY, all: 1, used: 0 },
          { pkgId: 'a-future', pkgType: 1, startTime: NOW_SEC + DAY, endTime: NOW_SEC + 400 * DAY, all: 10, used: 0 },
          { pkgId: 'a-old', pkgType: 1, startTime: NOW_SEC - 400 * DAY, endTime: NOW_SEC - DAY, all: 10, used: 3 },
          { pkgId: 'b-one', pkgType: 2, startTime: NOW_SEC - DAY, endTime: NOW_SEC + 300 * DAY, all: 1, used: 0 },
          { pkgId: 'trial', pkgType: 0, startTime: NOW_SEC - DAY, endTime: NOW_SEC + 300 * DAY, all: 5, used: 0 },
        ],
      },
    ],
  };
}

function setup(mode: 'legacy' | 'stub2024' = 'legacy') {
  const state = createTenantState({ seed: seed(mode) });
  const app = state.app('wx-app') as AppState;
  return { state, app, licenses: new LicenseService(state), billing: new BillingService(state) };
}

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.refusal.code}`);
  return outcome.value;
}

function activate(licenses: LicenseService, app: AppState, body: ActiveLicenseDeviceRequest) {
  return ActiveLicenseDeviceSuccess.parse(value(licenses.activateDevices(app, ActiveLicenseDeviceRequest.parse(body)))).device_list;
}

const dev = (sn: string, active_number: number) => ({ model_id: 'm-1', sn, active_number });

describe('LicenseService.getPkgList', () => {
  it('lists the packages of pkg_type with their status from the clock', () => {
    const { state, app, licenses } = setup();
    const list = GetLicensePkgListSuccess.parse(value(licenses.getPkgList(app, { pkg_type: 1 }))).pkg_list;
    expect(list.map((p) => [p.pkg_id, p.pkg_status])).toEqual([['a-late', 1], ['a-soon', 1], ['a-future', 2], ['a-old', 3]]);
    expect(list.find((p) => p.pkg_id === 'a-old')).toMatchObject({ used: 3, all: 10, start_time: NOW_SEC - 400 * DAY });
    state.clock.advance(DAY * 1000);
    expect(value(licenses.getPkgList(app, { pkg_type: 1 })).pkg_list.find((p) => p.pkg_id === 'a-future')?.pkg_status).toBe(1);
    expect(value(licenses.getPkgList(app, { pkg_type: 4 })).pkg_list).toEqual([]);
  });
});

describe('LicenseService legacy activedevice (D §4.11)', () => {
  it('adds one year per number from now, consuming the soonest-ending active package first', () => {
    const { app, licenses, billing } = setup();
    const [first] = activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-1', 1)] });
    expect(first).toEqual({ model_id: 'm-1', sn: 'SN-1', expire_time: NOW_SEC + LICENSE_YEAR_SEC, errcode: 0 });
    expect(app.licensePackages.get('a-soon')?.used).toBe(1);
    const [second] = activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-1', 2)] });
    expect(second?.expire_time).toBe(NOW_SEC + 2 * LICENSE_YEAR_SEC);
    expect(app.licensePackages.get('a-late')?.used).toBe(1);
    expect(app.licenses.get('SN-1')?.activeNumbers).toEqual([1, 2]);
    expect(billing.checkCall(app, app.devices.get('SN-1')!, 'license').ok).toBe(true);
  });

  it('extends an expired license from now, not from its old expiry', () => {
    const { app, licenses } = setup();
    app.licenses.set('SN-2', { sn: 'SN-2', expireTime: NOW_SEC - 50 * DAY, activeNumbers: [40] });
    expect(activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-2', 41)] })[0]?.expire_time).toBe(NOW_SEC + LICENSE_YEAR_SEC);
  });

  it('answers 9800037 for a number another device used (also earlier in the same call) and replays the same device idempotently', () => {
    const { app, licenses } = setup();
    const results = activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-1', 5), dev('SN-2', 5)] });
    expect(results.map((r) => r.errcode)).toEqual([0, 9800037]);
    expect(results[1]?.expire_time).toBe(0);
    const usedBefore = app.licensePackages.get('a-soon')!.used + app.licensePackages.get('a-late')!.used;
    const replay = activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-1', 5)] });
    expect(replay).toEqual([{ model_id: 'm-1', sn: 'SN-1', expire_time: NOW_SEC + LICENSE_YEAR_SEC, errcode: 0 }]);
    expect(app.licensePackages.get('a-soon')!.used + app.licensePackages.get('a-late')!.used).toBe(usedBefore);
    expect(activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-2', 91)] })[0]?.errcode).toBe(9800037);
  });

  it('answers 9800038 for a device that already holds 3 numbers', () => {
    const { app, licenses } = setup();
    const [result] = activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-FULL', 100)] });
    expect(result).toEqual({ model_id: 'm-1', sn: 'SN-FULL', expire_time: NOW_SEC + 100 * DAY, errcode: 9800038 });
  });

  it('answers 9800040 when a device first activated with one class gets another class; trial fits any device', () => {
    const { app, licenses } = setup();
    expect(activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-1', 1)] })[0]?.errcode).toBe(0);
    expect(activate(licenses, app, { pkg_type: 2, device_list: [dev('SN-1', 2)] })[0]?.errcode).toBe(9800040);
    expect(activate(licenses, app, { pkg_type: 0, device_list: [dev('SN-1', 3)] })[0]?.errcode).toBe(0);
    expect(activate(licenses, app, { pkg_type: 2, device_list: [dev('SN-2', 4)] })[0]?.errcode).toBe(0);
  });

  it('answers 9800039 when no active package of the type has a license left', () => {
    const { app, licenses } = setup();
    const results = activate(licenses, app, { pkg_type: 2, device_list: [dev('SN-1', 1), dev('SN-2', 2)] });
    expect(results.map((r) => r.errcode)).toEqual([0, 9800039]);
    expect(app.licensePackages.get('b-one')?.used).toBe(1);
    expect(activate(licenses, app, { pkg_type: 5, device_list: [dev('SN-2', 3)] })[0]?.errcode).toBe(9800039);
  });

  it('activates an SN the platform does not know yet (pre-activation at manufacturing)', () => {
    const { app, licenses } = setup();
    expect(activate(licenses, app, { pkg_type: 1, device_list: [dev('SN-FUTURE', 1)] })[0]?.errcode).toBe(0);
    expect(app.licenses.get('SN-FUTURE')?.expireTime).toBe(NOW_SEC + LICENSE_YEAR_SEC);
  });
});

describe('LicenseService getdeviceinfo', () => {
  it('legacy: reports each expire_time, 0 without a license', () => {
    const { app, licenses } = setup();
    const body = { device_list: [{ model_id: 'm-1', sn: 'SN-FULL' }, { model_id: 'm-1', sn: 'SN-1' }] };
    const info = GetLicenseDeviceInfoSuccess.parse(value(licenses.getDeviceInfo(app, body)));
    expect(info.device_list).toEqual([
      { model_id: 'm-1', sn: 'SN-FULL', expire_time: NOW_SEC + 100 * DAY },
      { model_id: 'm-1', sn: 'SN-1', expire_time: 0 },
    ]);
  });
});

describe('LicenseService stub2024 mode (D §4.11 "now")', () => {
  it('activation always succeeds with the stub expiry, consumes nothing and licenses the device until then', () => {
    const { app, licenses, billing } = setup('stub2024');
    const results = activate(licenses, app, { pkg_type: 5, device_list: [dev('SN-1', 91), dev('SN-FULL', 100)] });
    expect(results).toEqual([
      { model_id: 'm-1', sn: 'SN-1', expire_time: STUB, errcode: 0 },
      { model_id: 'm-1', sn: 'SN-FULL', expire_time: STUB, errcode: 0 },
    ]);
    expect([...app.licensePackages.values()].map((p) => p.used)).toEqual([0, 0, 0, 3, 0, 0]);
    expect(app.licenses.get('SN-FULL')?.activeNumbers).toEqual([91, 92, 93]);
    expect(billing.checkCall(app, app.devices.get('SN-1')!, 'license').ok).toBe(true);
  });

  it('getdeviceinfo reports every device with the stub expiry, licensed or not', () => {
    const { app, licenses } = setup('stub2024');
    const info = value(licenses.getDeviceInfo(app, { device_list: [{ model_id: 'm-1', sn: 'SN-2' }, { model_id: 'x', sn: 'SN-NOWHERE' }] }));
    expect(info.device_list.map((d) => d.expire_time)).toEqual([STUB, STUB]);
  });

  it('uses the configured stub expiry', () => {
    const state = createTenantState({ seed: seed('stub2024'), config: { licenseStubExpireTime: 2_000_000_000 } });
    const licenses = new LicenseService(state);
    const info = value(licenses.getDeviceInfo(state.app('wx-app')!, { device_list: [{ model_id: 'm-1', sn: 'SN-1' }] }));
    expect(info.device_list[0]?.expire_time).toBe(2_000_000_000);
  });
});
