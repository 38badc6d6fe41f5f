import type { AddRuntimeDeviceRequest, AddRuntimeDeviceSuccess, PushAppMsgRequest, PushTokenData } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, DeviceState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import { newDeviceState, type DeviceIdentity, type DeviceService } from './deviceService.js';

/** Length of issued pushTokens. [I] WeChat documents no format. */
export const PUSH_TOKEN_LENGTH = 48;

/** A `pushappmsg` accepted: the facade pushes `{ msg, appid }` to the WMPF device `sn` of `appId` (D §3.4). */
export interface AppMsgDelivery {
  readonly appId: string;
  readonly sn: string;
  readonly pushToken: string;
  readonly msg: string;
}

/**
 * The Android WMPF side (D §0.3, §3.1, §3.3, §3.4; P §4.1): pushTokens, the callee checks of `callWMPF`, and the
 * `runtime/adddevice` and `runtime/pushappmsg` routes.
 *
 * - pushToken: [I] each `getPushToken` issues a new token valid `pushTokenTtlMs` and supersedes the previous one,
 *   which is why the developer must keep the sn → pushToken map current. It needs a WMPF device of the app (seeded,
 *   registered or added with adddevice) that is activated (else −5, the WMPF "activate first" code).
 * - {@link WmpfService.checkWmpfCallee} (callWMPF, initByCaller businessType 2): [I] of D §10.3's "2/14": backend 2
 *   for a device that is unknown, not WMPF or not activated (the device is wrong), 14 for a pushToken that is
 *   unknown, another device's, superseded or expired, and 14 for an offline device (its push cannot be delivered).
 * - `runtime/adddevice`: [I] the mock has no separate Android host app: the token's mini program acts as its own
 *   hostAppId. 48001 when its VoIP capability is `none`; 50093 (no host app binding) when it has no WMPF model.
 *   Listed ids are activated (existing devices at once, others when they first appear).
 * - `runtime/pushappmsg`: 48012 for a pushToken that is unknown, of another mini program, superseded or expired. 45002
 *   and 40101 (bad parameter) come from the contract before the core. The device need not be online [I]: the facade
 *   queues pushes for a party that is not attached.
 */
export class WmpfService {
  constructor(
    private readonly state: TenantState,
    private readonly devices: DeviceService,
  ) {}

  /** WMPF `getPushToken` / `wmpf.getWmpfPushToken` for the calling WMPF party. */
  getPushToken(identity: DeviceIdentity): Outcome<PushTokenData> {
    const app = this.state.app(identity.appId);
    if (!app) return refuse('DEVICE_ID_INVALID', 'notFound', `no mini program ${identity.appId} exists on this platform`);
    const found = this.devices.deviceOf(app, identity.sn, identity.modelId);
    if (found.ok) return this.issuePushToken(app, found.value);
    const added = this.addedDevice(app, identity);
    return added ? this.issuePushToken(app, added) : found;
  }

  /** The pushToken check of a call to WMPF device `sn` (backend 14 when wrong, superseded or expired). */
  validatePushToken(app: AppState, sn: string, token: string): Outcome<DeviceState> {
    const found = this.findPushToken(app, token);
    if (!found.ok) return refuse('CALLEE_PUSH_TOKEN_INVALID', 'tokens', found.rule);
    if (found.device.sn !== sn) {
      return refuse('CALLEE_PUSH_TOKEN_INVALID', 'tokens', `pushToken belongs to device ${found.device.sn}, not ${sn}: use the called device's own pushToken`);
    }
    return accept(found.device);
  }

  /** Everything `callWMPF` / `initByCaller({ businessType: 2 })` needs of the called device (codes 2 and 14). */
  checkWmpfCallee(app: AppState, sn: string, modelId: string, pushToken: string): Outcome<DeviceState> {
    const found = this.devices.deviceOf(app, sn, modelId);
    if (!found.ok) return found;
    const device = found.value;
    if (device.kind !== 'wmpf') {
      return refuse('DEVICE_ID_INVALID', 'arguments', `${sn} is a ${device.kind} device: callWMPF calls Android WMPF devices, use callDevice (P §4)`);
    }
    if (!device.activated) {
      return refuse('DEVICE_ID_INVALID', 'state', `WMPF device ${sn} is not activated on WeCooper: the device must be activated and online (D §3.3)`);
    }
    const token = this.validatePushToken(app, sn, pushToken);
    if (!token.ok) return token;
    if (!device.online) {
      return refuse('CALLEE_PUSH_TOKEN_INVALID', 'state', `WMPF device ${sn} is offline, so WeChat cannot deliver the push to its pushToken: the device must be online (D §3.3)`);
    }
    return accept(device);
  }

  /** `POST /wxa/business/runtime/adddevice` with the access_token of `app` (D §3.1). */
  addRuntimeDevice(app: AppState, body: AddRuntimeDeviceRequest): Outcome<AddRuntimeDeviceSuccess> {
    if (app.voipCapability === 'none') {
      return refuse('API_UNAUTHORIZED', 'capability', `${app.appId} has not finished device onboarding (voipCapability is 'none'): runtime/adddevice is unauthorized`);
    }
    if (![...app.models.values()].some((model) => model.kind === 'wmpf')) {
      return refuse('HOST_APPID_ERROR', 'capability', `${app.appId} has no WMPF model, so no Android host app is bound to it: add a model of kind 'wmpf' (this mock treats the mini program as its own hostAppId)`);
    }
    for (const id of body.device_id_list) {
      this.state.runtimeDevices.set(id, app.appId);
      const device = app.devices.get(id);
      if (device?.kind === 'wmpf') device.activated = true;
    }
    return accept({ errcode: 0, errmsg: 'ok' });
  }

  /** `POST /wxa/business/runtime/pushappmsg` (D §3.4): the push to deliver, or 48012. */
  pushAppMsg(app: AppState, body: PushAppMsgRequest): Outcome<AppMsgDelivery> {
    const found = this.findPushToken(app, body.push_token);
    if (!found.ok) return refuse('PUSH_TOKEN_INVALID', 'tokens', found.rule);
    return accept({ appId: app.appId, sn: found.device.sn, pushToken: body.push_token, msg: body.msg });
  }

  /** Makes the pushToken of `sn` expire now (control API); returns 1 if one was valid, else 0. */
  expireFor(sn: string): number {
    const pushToken = this.state.device(sn)?.device.pushToken;
    const now = this.state.now();
    if (!pushToken || pushToken.expiresAt <= now) return 0;
    pushToken.expiresAt = now;
    return 1;
  }

  private findPushToken(app: AppState, token: string): { ok: true; device: DeviceState } | { ok: false; rule: string } {
    const owner = this.state.pushTokens.get(token);
    const device = owner?.appId === app.appId ? app.devices.get(owner.sn) : undefined;
    if (!device) {
      return { ok: false, rule: `pushToken is not the current pushToken of a WMPF device of ${app.appId} (unknown, superseded by a newer getPushToken, or another app's): ask the device for its current one` };
    }
    if (device.pushToken?.token !== token) {
      return { ok: false, rule: `pushToken of ${device.sn} was superseded by a newer getPushToken: update your sn → pushToken map` };
    }
    if (this.state.now() >= device.pushToken.expiresAt) {
      return { ok: false, rule: `pushToken of ${device.sn} expired at ${new Date(device.pushToken.expiresAt).toISOString()}: refresh it on the device before expiry (D §0.3)` };
    }
    return { ok: true, device };
  }

  private issuePushToken(app: AppState, device: DeviceState): Outcome<PushTokenData> {
    if (device.kind !== 'wmpf') {
      return refuse('DEVICE_ID_INVALID', 'arguments', `sn ${device.sn} is a ${device.kind} device: pushTokens are for Android WMPF devices (D §0.3)`);
    }
    if (!device.activated) {
      return refuse('WMPF_REGISTER_PERMISSION_ERROR', 'state', `WMPF device ${device.sn} is not activated: add it with runtime/adddevice, then activateDevice (D §3.1)`);
    }
    this.state.credentials.maybeSweep();
    // The previous pushToken is superseded: forget it (a call with it is refused as unknown or superseded, 14).
    if (device.pushToken) this.state.pushTokens.delete(device.pushToken.token);
    const token = this.state.ids.token(PUSH_TOKEN_LENGTH);
    const expiresAt = this.state.now() + this.state.config.pushTokenTtlMs;
    device.pushToken = { token, expiresAt };
    this.state.pushTokens.set(token, { appId: app.appId, sn: device.sn });
    return accept({ pushToken: token, expiresAt });
  }

  /** A WMPF device known only from runtime/adddevice becomes a device of the app on first use. */
  private addedDevice(app: AppState, identity: DeviceIdentity): DeviceState | undefined {
    const model = app.models.get(identity.modelId);
    if (this.state.device(identity.sn) || this.state.runtimeDevices.get(identity.sn) !== app.appId || model?.kind !== 'wmpf') return undefined;
    const device = newDeviceState(identity, 'wmpf', true);
    this.state.addDevice(app, device);
    return device;
  }
}
