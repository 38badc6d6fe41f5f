import { errorByKey } from '@wxvoip/contracts';
import type {
  ActiveLicenseDeviceRequest,
  ActiveLicenseDeviceSuccess,
  GetLicenseDeviceInfoRequest,
  GetLicenseDeviceInfoSuccess,
  GetLicensePkgListRequest,
  GetLicensePkgListSuccess,
  LicenseActivation,
  LicensePkg,
  LicensePkgType,
} from '@wxvoip/contracts';
import { accept, type Outcome } from '../refusal.js';
import type { AppState, DeviceLicenseState, LicensePackageState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';

/** One activation number adds this much validity: one year of 365 days, in seconds [I: D §4.11 says "one year"]. */
export const LICENSE_YEAR_SEC = 365 * 24 * 60 * 60;

/** Most activation numbers one device may hold (D §4.11: at most 3, so at most 3 years). */
export const MAX_ACTIVE_NUMBERS_PER_DEVICE = 3;

/** Package type 0, the trial package, which fits any device class (D §4.11). */
const TRIAL_PKG_TYPE = 0;

type DeviceResult = ActiveLicenseDeviceSuccess['device_list'][number];

/**
 * The deprecated license APIs `getpkglist`, `activedevice` and `getdeviceinfo` (D §4.11), in the app's
 * `licenseApis` mode. The adapters validated the bodies (pkg_type 0–5, 1–100 devices, uint32 active_number).
 *
 * `stub2024` (WeChat since 2024-09-09, [D]): activation always answers errcode 0 with `expire_time`
 * `config.licenseStubExpireTime` and consumes nothing; it also gives the device a license until then [I], so call-time
 * checks agree with the answer. `getdeviceinfo` reports every device with that expiry, licensed or not [D].
 *
 * `legacy` (the documented rules; per-device outcomes [I]): the request answers errcode 0 and each device carries its
 * own errcode, checked in this order:
 * - 9800037: the active_number was used for another device of the app (also earlier in the same request). The same
 *   number for the same device is an idempotent replay: errcode 0, current expiry, nothing consumed [I: D calls
 *   active_number an idempotency key].
 * - 9800038: the device already holds 3 activation numbers; numbers count over the device's lifetime, also once
 *   their years have elapsed [I] (remove them with the control API setDeviceLicense).
 * - 9800040: "package type vs device type" [I]: a device's class is fixed by its first activation from a non-trial
 *   package; a later activation from another non-trial pkg_type mismatches. Trial packages (pkg_type 0) fit any device.
 * - 9800039: no active package (start_time ≤ now < end_time) of pkg_type has a license left (`used < all`).
 *   Packages are consumed soonest-ending first [I].
 *
 * Each accepted number adds {@link LICENSE_YEAR_SEC} to `max(expire_time, now)`. Devices need not exist yet
 * (licenses are activated at manufacturing [I]); `model_id` is echoed, not checked. `getdeviceinfo` answers
 * `expire_time: 0` for a device without a license [I]. `getpkglist` lists the app's packages of `pkg_type` in both
 * modes; `pkg_status` is 1 active, 2 not yet active, 3 expired, from the platform clock.
 */
export class LicenseService {
  constructor(private readonly state: TenantState) {}

  /** `POST /wxa/business/license/getpkglist`. */
  getPkgList(app: AppState, body: GetLicensePkgListRequest): Outcome<GetLicensePkgListSuccess> {
    const now = this.state.nowSec();
    const pkgList: LicensePkg[] = [...app.licensePackages.values()]
      .filter((p) => p.pkgType === body.pkg_type)
      .map((p) => ({
        pkg_id: p.pkgId,
        pkg_type: p.pkgType,
        start_time: p.startTime,
        end_time: p.endTime,
        pkg_status: now < p.startTime ? 2 : now >= p.endTime ? 3 : 1,
        used: p.used,
        all: p.all,
      }));
    return accept({ errcode: 0, errmsg: 'ok', pkg_list: pkgList });
  }

  /** `POST /wxa/business/license/activedevice`. */
  activateDevices(app: AppState, body: ActiveLicenseDeviceRequest): Outcome<ActiveLicenseDeviceSuccess> {
    const deviceList =
      app.billing.licenseApis === 'stub2024'
        ? body.device_list.map((d) => this.activateStub(app, d))
        : body.device_list.map((d) => this.activateLegacy(app, body.pkg_type, d));
    return accept({ errcode: 0, errmsg: 'ok', device_list: deviceList });
  }

  /** `POST /wxa/business/license/getdeviceinfo`. */
  getDeviceInfo(app: AppState, body: GetLicenseDeviceInfoRequest): Outcome<GetLicenseDeviceInfoSuccess> {
    const stub = app.billing.licenseApis === 'stub2024';
    const deviceList = body.device_list.map((d) => ({
      model_id: d.model_id,
      sn: d.sn,
      expire_time: stub ? this.state.config.licenseStubExpireTime : (app.licenses.get(d.sn)?.expireTime ?? 0),
    }));
    return accept({ errcode: 0, errmsg: 'ok', device_list: deviceList });
  }

  private activateStub(app: AppState, d: LicenseActivation): DeviceResult {
    const expireTime = this.state.config.licenseStubExpireTime;
    const license = app.licenses.get(d.sn);
    if (!license) app.licenses.set(d.sn, { sn: d.sn, expireTime, activeNumbers: [] });
    else license.expireTime = Math.max(license.expireTime, expireTime);
    return { model_id: d.model_id, sn: d.sn, expire_time: expireTime, errcode: 0 };
  }

  private activateLegacy(app: AppState, pkgType: LicensePkgType, d: LicenseActivation): DeviceResult {
    const license = app.licenses.get(d.sn);
    const result = (errcode: number): DeviceResult => ({ model_id: d.model_id, sn: d.sn, expire_time: license?.expireTime ?? 0, errcode });

    const owner = this.numberOwner(app, d.active_number);
    if (owner === d.sn) return result(0);
    if (owner !== undefined) return result(errorByKey('ACTIVE_NUMBER_USED').code);
    if (license && license.activeNumbers.length >= MAX_ACTIVE_NUMBERS_PER_DEVICE) return result(errorByKey('DEVICE_VALIDITY_LIMIT_EXCEEDED').code);
    if (pkgType !== TRIAL_PKG_TYPE && license?.pkgType !== undefined && license.pkgType !== pkgType) {
      return result(errorByKey('PACKAGE_DEVICE_TYPE_MISMATCH').code);
    }
    const pkg = this.availablePackage(app, pkgType);
    if (!pkg) return result(errorByKey('PACKAGE_BALANCE_INSUFFICIENT').code);

    pkg.used++;
    const now = this.state.nowSec();
    const updated: DeviceLicenseState = license ?? { sn: d.sn, expireTime: now, activeNumbers: [] };
    updated.expireTime = Math.max(updated.expireTime, now) + LICENSE_YEAR_SEC;
    updated.activeNumbers.push(d.active_number);
    if (pkgType !== TRIAL_PKG_TYPE && updated.pkgType === undefined) updated.pkgType = pkgType;
    app.licenses.set(d.sn, updated);
    return { model_id: d.model_id, sn: d.sn, expire_time: updated.expireTime, errcode: 0 };
  }

  private numberOwner(app: AppState, activeNumber: number): string | undefined {
    for (const license of app.licenses.values()) if (license.activeNumbers.includes(activeNumber)) return license.sn;
    return undefined;
  }

  private availablePackage(app: AppState, pkgType: LicensePkgType): LicensePackageState | undefined {
    const now = this.state.nowSec();
    return [...app.licensePackages.values()]
      .filter((p) => p.pkgType === pkgType && p.startTime <= now && now < p.endTime && p.used < p.all)
      .sort((a, b) => a.endTime - b.endTime)[0];
  }
}
