import type { DeviceRegistration, SendHardwareDeviceMessageRequest, SendHardwareDeviceMessageSuccess } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, DeviceState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';

/** The device a transport party speaks for: the appId, SN and modelId its SDK was initialised with. */
export interface DeviceIdentity {
  readonly appId: string;
  readonly sn: string;
  readonly modelId: string;
}

/** A device's registration as the contract's `DeviceRegistration` shows it (null fields while unregistered). */
export function deviceRegistration(appId: string | null, sn: string, device: DeviceState | undefined): DeviceRegistration {
  if (!device?.registered) return { registered: false, appId: null, sn, modelId: null, method: null, registeredAt: null };
  return {
    registered: true,
    appId,
    sn,
    modelId: device.modelId,
    method: device.registrationMethod ?? null,
    registeredAt: device.registeredAt ?? null,
  };
}

/**
 * A device that joins an app on first use (registration, or a WMPF device known from runtime/adddevice): unregistered,
 * online (the party using it is connected), in no group, with no tokens.
 */
export function newDeviceState(identity: DeviceIdentity, kind: DeviceState['kind'], activated: boolean): DeviceState {
  return {
    sn: identity.sn,
    modelId: identity.modelId,
    kind,
    name: undefined,
    registered: false,
    registrationMethod: undefined,
    registeredAt: undefined,
    registeredBy: undefined,
    activated,
    online: true,
    groupId: undefined,
    deviceTokens: undefined,
    pushToken: undefined,
  };
}

/**
 * Device lookups, reachability and the device message route (D §0.3, §1.4, §4.4, §10.1).
 *
 * - {@link DeviceService.deviceOf} answers backend 2 (`DEVICE_ID_INVALID`) for an SN that is not a device of the
 *   app, and [I] also when the modelId differs from the device's: the catalogue's fix for 2 is "use the SN the device
 *   registered with, under this appId and modelId", and WeChat documents no separate code for a model mismatch.
 * - {@link DeviceService.requireRegistered} refuses with `WXERROR_FAILED_PRECONDITION` (the Linux/RTOS SDK's answer
 *   to a call before `wx_device_register`, D §10.3), also when another physical device registered the SN.
 * - {@link DeviceService.sendHardwareDeviceMessage}: the mock has no templates nor subscriptions, so [I] any
 *   template_id is accepted (no 40037), `data` must name at least one key with a non-empty value (47003: template
 *   values are enums, never empty), sn + model must be a device of the app (9800006), and every openId must be a user
 *   of the app (43101: a stranger cannot have subscribed).
 */
export class DeviceService {
  constructor(private readonly state: TenantState) {}

  /** The device `sn` of `app`, checked against `modelId` when one is given; backend 2 otherwise. */
  deviceOf(app: AppState, sn: string, modelId?: string): Outcome<DeviceState> {
    const device = app.devices.get(sn);
    if (!device) {
      const owner = this.state.deviceOwner.get(sn);
      const where = owner === undefined ? 'no mini program of this platform has it' : `it belongs to mini program ${owner}`;
      return refuse('DEVICE_ID_INVALID', 'notFound', `sn ${sn} is not a device of ${app.appId}: ${where} (a device is bound to one mini program, D §0.1)`);
    }
    if (modelId !== undefined && device.modelId !== modelId) {
      return refuse('DEVICE_ID_INVALID', 'arguments', `device ${sn} has model_id ${device.modelId}, not ${modelId}: pass the model it was registered with`);
    }
    return accept(device);
  }

  /**
   * The registered device a Linux/RTOS party speaks for, or `WXERROR_FAILED_PRECONDITION`. With `hardwareId`, the
   * registration must also be that hardware's (a device registered from a seed, with no hardware yet, is anyone's).
   */
  requireRegistered(identity: DeviceIdentity, hardwareId?: string): Outcome<DeviceState> {
    const device = this.state.app(identity.appId)?.devices.get(identity.sn);
    if (!device?.registered || device.modelId !== identity.modelId) {
      return refuse(
        'WXERROR_FAILED_PRECONDITION',
        'registration',
        `device ${identity.sn} (model ${identity.modelId}) is not registered with ${identity.appId}: call wx_device_register with an snTicket first (D §1.2)`,
      );
    }
    if (hardwareId !== undefined && device.registeredBy !== undefined && device.registeredBy !== hardwareId) {
      return refuse(
        'WXERROR_FAILED_PRECONDITION',
        'registration',
        `device ${identity.sn} was registered by another physical device (${device.registeredBy}); this one holds no registration (D §1.4)`,
      );
    }
    return accept(device);
  }

  /** True when the SN is a registered device of any app in this namespace. */
  isRegistered(sn: string): boolean {
    return this.state.device(sn)?.device.registered ?? false;
  }

  /**
   * `wx_device_is_registered` / `getMiniProgramDeviceInfo`: the SN's registration. With `hardwareId`, a registration
   * made by another physical device reads as unregistered, since this hardware's storage holds none (D §1.4).
   */
  registrationOf(sn: string, hardwareId?: string): DeviceRegistration {
    const found = this.state.device(sn);
    const registeredBy = found?.device.registeredBy;
    const foreign = hardwareId !== undefined && registeredBy !== undefined && registeredBy !== hardwareId;
    return deviceRegistration(found?.app.appId ?? null, sn, foreign ? undefined : found?.device);
  }

  /** Marks a device online or offline (control API, push channel); backend 2 for an unknown SN. */
  setOnline(sn: string, online: boolean): Outcome<DeviceState> {
    const found = this.state.device(sn);
    if (!found) return refuse('DEVICE_ID_INVALID', 'notFound', `sn ${sn} is not a device of any mini program in this namespace`);
    found.device.online = online;
    return accept(found.device);
  }

  /** `POST /cgi-bin/message/device/subscribe/send` (D §4.4); see the class comment for the [I] rules. */
  sendHardwareDeviceMessage(app: AppState, body: SendHardwareDeviceMessageRequest): Outcome<SendHardwareDeviceMessageSuccess> {
    const keys = Object.keys(body.data);
    if (keys.length === 0) {
      return refuse('ARGUMENT_INVALID', 'arguments', 'data must fill at least one key of the template: { key: { value } }', 'data');
    }
    const empty = keys.find((key) => body.data[key]?.value === '');
    if (empty !== undefined) {
      return refuse('ARGUMENT_INVALID', 'arguments', `data.${empty}.value is empty: template values are the enums the template defines`, `data.${empty}.value`);
    }
    const modelId = body.modelId ?? body.model_id ?? '';
    const device = app.devices.get(body.sn);
    if (!device || device.modelId !== modelId) {
      const actual = device ? `its model is ${device.modelId}` : `${app.appId} has no device ${body.sn}`;
      return refuse('SUBSCRIPTION_DEVICE_MISMATCH', 'arguments', `sn ${body.sn} with model ${modelId} is not a device of ${app.appId} (${actual}): send the sn and model the user subscribed with`);
    }
    const stranger = body.to_openid_list.find((openId) => !app.users.has(openId));
    if (stranger !== undefined) {
      return refuse('USER_REFUSED_SUBSCRIPTION', 'authorization', `${stranger} is not a user of ${app.appId}, so it cannot have subscribed to device messages of ${body.sn}`);
    }
    return accept({ errcode: 0, errmsg: 'ok' });
  }
}
