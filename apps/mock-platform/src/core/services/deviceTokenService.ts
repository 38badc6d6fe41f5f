import type { DeviceTokenData, RegistrationMode } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, DeviceState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import type { DeviceIdentity, DeviceService } from './deviceService.js';

/** Length of issued deviceTokens. [I] WeChat documents no format. */
export const DEVICE_TOKEN_LENGTH = 64;

/** A WMPF party: its device identity and the registration route it uses (D §3.1). */
export interface WmpfDeviceIdentity extends DeviceIdentity {
  readonly registrationMode: RegistrationMode;
}

/**
 * deviceTokens (voipToken, callerTicket; D §0.3, §3.1, §3.2; P §3.3, §8.1).
 *
 * - {@link DeviceTokenService.getDeviceToken}: a new token on every call, valid `deviceTokenTtlMs` (1 h); earlier
 *   tokens stay valid until their own expiry ("reusable within that hour"). It is issued for either Android route:
 *   for a device-auth-SDK device it is the `voipToken` to pass; for a WMPF-registered device it is what the framework
 *   prefetches for itself (`prefetchDeviceToken`), and passing it to initByCaller is refused with 13. An unregistered
 *   device gets the route's own failure: plugin 1000 (WMPF fetch failed) or −10 (device-auth SDK: key not found).
 * - {@link DeviceTokenService.validateVoipToken}: the `voipToken` rule of `initByCaller({ businessType: 1 })`, backend
 *   13 (missing token for an SDK-registered device, token passed for a WMPF-registered one, unknown, expired, another
 *   device's) and 17 (the token's device has another modelId).
 */
export class DeviceTokenService {
  constructor(
    private readonly state: TenantState,
    private readonly devices: DeviceService,
  ) {}

  /** WMPF / device-auth SDK `getDeviceToken()` for the calling WMPF party. */
  getDeviceToken(identity: WmpfDeviceIdentity): Outcome<DeviceTokenData> {
    const app = this.state.app(identity.appId);
    const device = app?.devices.get(identity.sn);
    if (device && device.kind !== 'wmpf') {
      return refuse('DEVICE_ID_INVALID', 'arguments', `sn ${identity.sn} is a ${device.kind} device: deviceTokens are for Android WMPF devices (D §3.1)`);
    }
    if (!app || !device?.registered || device.modelId !== identity.modelId) {
      const rule = `device ${identity.sn} (model ${identity.modelId}) is not registered with ${identity.appId}: register it first (D §3.1)`;
      return identity.registrationMode === 'wmpf'
        ? refuse('DEVICE_TOKEN_FETCH_FAILED', 'registration', `${rule} with registerMiniProgramDevice`)
        : refuse('WMPF_REGISTER_KEY_NOT_FOUND', 'registration', `${rule} with the device-auth SDK's registerDevice`);
    }
    this.state.credentials.maybeSweep();
    const tokens = (device.deviceTokens ??= new Map());
    for (const old of tokens.keys()) {
      if (tokens.size < this.state.config.deviceTokensPerDevice) break;
      tokens.delete(old);
      this.state.deviceTokens.delete(old);
    }
    const token = this.state.ids.token(DEVICE_TOKEN_LENGTH);
    const expiresAt = this.state.now() + this.state.config.deviceTokenTtlMs;
    tokens.set(token, { expiresAt });
    this.state.deviceTokens.set(token, { appId: app.appId, sn: device.sn });
    return accept({ deviceToken: token, expiresAt });
  }

  /** The `voipToken` check of `initByCaller({ businessType: 1 })` from device `sn` of model `modelId`. */
  validateVoipToken(app: AppState, sn: string, modelId: string, token: string | undefined): Outcome<DeviceState> {
    const found = this.devices.deviceOf(app, sn, modelId);
    if (!found.ok) return found;
    const device = found.value;
    if (device.kind !== 'wmpf') {
      return refuse('DEVICE_ID_INVALID', 'arguments', `businessType 1 is for Android WMPF devices; ${sn} is a ${device.kind} device (P §3.3)`);
    }
    if (!device.registered) {
      return refuse('CALLER_VOIP_TOKEN_INVALID', 'tokens', `device ${sn} is not registered: register it (registerMiniProgramDevice) before calling (D §3.1)`);
    }
    if (device.registrationMethod !== 'deviceAuthSdk') {
      return token === undefined
        ? accept(device)
        : refuse('CALLER_VOIP_TOKEN_INVALID', 'tokens', `device ${sn} was registered through WMPF: omit voipToken, the framework fetches its deviceToken itself (P §3.3)`);
    }
    if (token === undefined) {
      return refuse('CALLER_VOIP_TOKEN_INVALID', 'tokens', `device ${sn} was registered with the device-auth SDK: pass its deviceToken from getDeviceToken() as voipToken (P §3.3)`);
    }
    const owner = this.state.deviceTokens.get(token);
    const ownerDevice = owner?.appId === app.appId ? app.devices.get(owner.sn) : undefined;
    const expiresAt = ownerDevice?.deviceTokens?.get(token)?.expiresAt;
    if (!ownerDevice || expiresAt === undefined) {
      return refuse('CALLER_VOIP_TOKEN_INVALID', 'tokens', `voipToken is not a deviceToken issued to a device of ${app.appId}: pass the one getDeviceToken() returned`);
    }
    if (ownerDevice.modelId !== modelId) {
      return refuse('VOIP_TOKEN_MODEL_MISMATCH', 'tokens', `voipToken belongs to a device of model ${ownerDevice.modelId}, not ${modelId}: use this device's own deviceToken`);
    }
    if (ownerDevice.sn !== sn) {
      return refuse('CALLER_VOIP_TOKEN_INVALID', 'tokens', `voipToken belongs to device ${ownerDevice.sn}, not ${sn}: use this device's own deviceToken`);
    }
    if (this.state.now() >= expiresAt) {
      return refuse('CALLER_VOIP_TOKEN_INVALID', 'tokens', `deviceToken expired at ${new Date(expiresAt).toISOString()} (valid about 1 h): call getDeviceToken() again`);
    }
    return accept(device);
  }

  /** Makes every unexpired deviceToken of `sn` expire now (control API); returns how many. */
  expireFor(sn: string): number {
    const device = this.state.device(sn)?.device;
    const now = this.state.now();
    let count = 0;
    for (const record of device?.deviceTokens?.values() ?? []) {
      if (record.expiresAt > now) {
        record.expiresAt = now;
        count++;
      }
    }
    return count;
  }
}
