import { BUSINESS_TYPES } from '@wxvoip/contracts';
import type { BillingPatch, BillingView, BusinessType, ChargeType, SetDeviceLicenseBody } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, DeviceState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';

/**
 * How a call was placed, which decides who picks its charge type (P §10.2). `device` is the device of the call
 * (caller or listener; the WMPF host for face-pay), when the facade knows one.
 *
 * - `initByCaller`: the businessType decides (0 duration, 2 duration only, 3 license, 1 the backend).
 * - `callWMPF` / `callDevice`: the caller's `chargeType`, default `'license'`.
 * - `linuxSessionCall` / `rtosClientCall` / `iotVoipCall`: device-initiated calls have no chargeType input; the
 *   backend decides from the device's model (`ModelState.billing`) [I: P §10.2 only covers plugin calls].
 */
export type CallEntry =
  | { readonly api: 'initByCaller'; readonly businessType: BusinessType; readonly device: DeviceState | undefined }
  | { readonly api: 'callWMPF' | 'callDevice'; readonly device: DeviceState | undefined }
  | { readonly api: 'linuxSessionCall' | 'rtosClientCall' | 'iotVoipCall'; readonly device: DeviceState | undefined };

const BOTH: readonly ChargeType[] = ['duration', 'license'];

/**
 * Duration and license billing (P §10, D §4.11, §10.2).
 *
 * Choices this service makes (all [I] unless marked):
 * - The backend-decided charge type (initByCaller bt=1, device-initiated calls) is the model's `billing`; the [C]
 *   "license first when the device has one" rule of P §10.3 is not applied, so tests control it through the seed.
 *   Without a device or model the backend picks `'license'`, the seed's default model billing.
 * - Devices registered with the device-auth SDK cannot bill by license [D, P §10.2]: where the backend decides it
 *   falls back to `'duration'`; where the caller asks for (or defaults to) `'license'` the call is refused with 22.
 * - Licenses are checked at call time whatever `licenseApis` is: in `stub2024` mode only the license *APIs* answer
 *   WeChat's stub (P §12.13, D §9.8 leave it open), so a demo device without a license still gets 24. Set
 *   `enforceLicenseOnCall: false` to model "licenses no longer matter".
 * - {@link BillingService.settle} bills whole seconds, rounding a started second up (P §12.1: keepTime is in
 *   seconds [C]). A balance that reaches 0 does not set `inArrears`: the empty balance alone answers 15, and a
 *   top-up through the control API makes calls work again.
 */
export class BillingService {
  constructor(private readonly state: TenantState) {}

  /** The charge type of a new call, or 22 CHARGE_TYPE_INVALID when `requested` is not allowed for this entry. */
  chooseChargeType(app: AppState, entry: CallEntry, requested?: ChargeType): Outcome<ChargeType> {
    const { allowed, fallback, why } = this.rule(app, entry);
    const chosen = requested ?? fallback;
    if (!allowed.includes(chosen)) {
      return refuse('CHARGE_TYPE_INVALID', 'billing', `${why}: chargeType '${chosen}' is not allowed (allowed: ${allowed.map((c) => `'${c}'`).join(', ')})`);
    }
    return accept(chosen);
  }

  /** Whether the app can pay for a call of `chargeType` with `device`: 15 (arrears or empty balance), 24 / 23 (license). */
  checkCall(app: AppState, device: DeviceState, chargeType: ChargeType): Outcome<void> {
    const billing = app.billing;
    if (chargeType === 'duration') {
      if (billing.inArrears) return refuse('ACCOUNT_IN_ARREARS', 'billing', `app ${app.appId} is in arrears; clear it with the control API updateBilling { inArrears: false }`);
      if (billing.durationBalanceSec === 0) {
        return refuse('ACCOUNT_IN_ARREARS', 'billing', `app ${app.appId} has no duration left (durationBalanceSec 0); top it up with updateBilling or bill by license`);
      }
      return accept(undefined);
    }
    if (!billing.enforceLicenseOnCall) return accept(undefined);
    const license = app.licenses.get(device.sn);
    if (!license) {
      return refuse('DEVICE_LICENSE_NOT_ACTIVATED', 'billing', `device ${device.sn} has no license; activate one (activedevice or setDeviceLicense) or bill by duration`);
    }
    if (license.expireTime <= this.state.nowSec()) {
      return refuse('DEVICE_LICENSE_EXPIRED', 'billing', `the license of device ${device.sn} expired at ${new Date(license.expireTime * 1000).toISOString()}; activate another one or bill by duration`);
    }
    return accept(undefined);
  }

  /** Bills the talk time of an ended call and returns the billed seconds (`finishVoip.keepTime`). */
  settle(app: AppState, chargeType: ChargeType, talkMs: number): number {
    const billed = Number.isFinite(talkMs) && talkMs > 0 ? Math.ceil(talkMs / 1000) : 0;
    if (chargeType === 'duration') {
      const billing = app.billing;
      if (billing.durationBalanceSec !== null) billing.durationBalanceSec = Math.max(0, billing.durationBalanceSec - billed);
      billing.billedDurationSec = (billing.billedDurationSec ?? 0) + billed;
    }
    return billed;
  }

  /** Control API `updateBilling`: applies the given fields and returns the new view. */
  updateBilling(app: AppState, patch: BillingPatch): BillingView {
    const billing = app.billing;
    if (patch.durationBalanceSec !== undefined) billing.durationBalanceSec = patch.durationBalanceSec;
    if (patch.inArrears !== undefined) billing.inArrears = patch.inArrears;
    if (patch.licenseApis !== undefined) billing.licenseApis = patch.licenseApis;
    if (patch.enforceLicenseOnCall !== undefined) billing.enforceLicenseOnCall = patch.enforceLicenseOnCall;
    return this.billingView(app);
  }

  /** Control API `setDeviceLicense`: sets (or with `expireTime: null` removes) a device's license. */
  setDeviceLicense(app: AppState, sn: string, body: SetDeviceLicenseBody): Outcome<BillingView> {
    if (!app.devices.has(sn)) {
      return refuse('DEVICE_ID_INVALID', 'notFound', `app ${app.appId} has no device ${sn}; seed or register it before giving it a license`);
    }
    if (body.expireTime === null) app.licenses.delete(sn);
    else app.licenses.set(sn, { sn, expireTime: body.expireTime, activeNumbers: [...body.activeNumbers] });
    return accept(this.billingView(app));
  }

  /** The app's billing as the control API shows it. */
  billingView(app: AppState): BillingView {
    const { durationBalanceSec, inArrears, licenseApis, enforceLicenseOnCall } = app.billing;
    return {
      appId: app.appId,
      billing: { durationBalanceSec, inArrears, licenseApis, enforceLicenseOnCall },
      licenses: [...app.licenses.values()].map((l) => ({ sn: l.sn, expireTime: l.expireTime, activeNumbers: [...l.activeNumbers] })),
      licensePackages: [...app.licensePackages.values()].map((p) => ({
        pkgId: p.pkgId,
        pkgType: p.pkgType,
        startTime: p.startTime,
        endTime: p.endTime,
        all: p.all,
        used: p.used,
      })),
      billedDurationSec: app.billing.billedDurationSec ?? 0,
    };
  }

  private rule(app: AppState, entry: CallEntry): { allowed: readonly ChargeType[]; fallback: ChargeType; why: string } {
    const sdkRegistered = entry.device?.registrationMethod === 'deviceAuthSdk';
    const noLicense = (types: readonly ChargeType[]) => (sdkRegistered ? types.filter((t) => t !== 'license') : types);
    const sdkNote = sdkRegistered ? `, and device ${entry.device?.sn ?? ''} is registered with the device-auth SDK (no license billing; re-register it through WMPF)` : '';
    switch (entry.api) {
      case 'initByCaller': {
        if (entry.businessType === 1) {
          const model = this.modelBilling(app, entry.device);
          return { allowed: noLicense(BOTH), fallback: sdkRegistered ? 'duration' : model, why: `initByCaller businessType 1: the backend decides${sdkNote}` };
        }
        const allowed = noLicense(BUSINESS_TYPES[entry.businessType].chargeTypes);
        const fallback = BUSINESS_TYPES[entry.businessType].chargeTypes[0];
        const why = entry.businessType === 2 ? 'initByCaller businessType 2 bills by duration only; use callWMPF for license billing' : `initByCaller businessType ${entry.businessType} bills by ${fallback}`;
        return { allowed, fallback, why: `${why}${sdkNote}` };
      }
      case 'callWMPF':
      case 'callDevice':
        return { allowed: noLicense(BOTH), fallback: 'license', why: `${entry.api} defaults to chargeType 'license'${sdkNote}` };
      default:
        return {
          allowed: noLicense(BOTH),
          fallback: sdkRegistered ? 'duration' : this.modelBilling(app, entry.device),
          why: `${entry.api}: the backend decides from the device model${sdkNote}`,
        };
    }
  }

  private modelBilling(app: AppState, device: DeviceState | undefined): ChargeType {
    return (device && app.models.get(device.modelId)?.billing) ?? 'license';
  }
}
