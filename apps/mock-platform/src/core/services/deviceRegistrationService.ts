import { REGISTRATION_METHODS_BY_KIND, type ErrorKey, type RegisterDeviceBody, type RegisterDeviceData, type RegistrationMethod } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, DeviceState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import { deviceRegistration, newDeviceState, type DeviceIdentity } from './deviceService.js';
import type { SnTicketProblem, SnTicketService } from './snTicketService.js';

/**
 * A device party asking to register: the identity its SDK was initialised with, how it registers (Linux party →
 * `linuxSdk`, RTOS → `cloudSdk`, WMPF → its `registrationMode`), and `hardwareId`, the stable id of the physical
 * device (its data_dir / secure storage), which the transport layer supplies. Two parties with the same
 * `hardwareId` are one physical device; a new `hardwareId` is a device whose storage holds nothing.
 */
export interface RegisteringDevice extends DeviceIdentity {
  readonly method: RegistrationMethod;
  readonly hardwareId: string;
}

type Failure = 'ticketMalformed' | 'ticketInvalid' | 'ticketOtherModel' | 'wrongKind' | 'snBoundElsewhere' | 'holdsOtherSn' | 'holdsOtherBinding';
type Answer = readonly [key: ErrorKey, detail?: string];

const LINUX_TICKET = 'device/key/get fail: 10008';
const WMPF_ANSWERS: Readonly<Record<Failure, Answer>> = {
  ticketMalformed: ['WMPF_REGISTER_BAD_ARGUMENTS'],
  ticketInvalid: ['WMPF_REGISTER_BAD_ARGUMENTS'],
  ticketOtherModel: ['WMPF_REGISTER_BAD_ARGUMENTS'],
  wrongKind: ['WMPF_REGISTER_BAD_ARGUMENTS'],
  snBoundElsewhere: ['WMPF_REGISTER_PERMISSION_ERROR'],
  holdsOtherSn: ['WMPF_REGISTER_SN_CONFLICT'],
  holdsOtherBinding: ['WMPF_REGISTER_KEY_MISMATCH'],
};

/**
 * What each SDK answers for each failure (D §1.4, §2.1, §7.1, §7.6, §10.3). The key's domain tells the transport how
 * to send it: `device-sdk` keys are the Linux `wx_error_t` (WeChat's backend code in the message, as the SDK logs
 * it); for RTOS, `backend` keys are returned negated (`rtosReturnCode(key)`: −10008, −9800011, −9) and `device-sdk`
 * ones as they are; WMPF keys are the `registerMiniProgramDevice` / `registerDevice` codes. [I] choices: Linux
 * hardware that already holds another registration answers ALREADY_EXISTS; RTOS SN bound by other hardware answers
 * −9 (the backend's 9, negated) and a model of another kind WXERROR_RESPONSE; WMPF SN bound elsewhere answers −5.
 */
const ANSWERS: Readonly<Record<RegistrationMethod, Readonly<Record<Failure, Answer>>>> = {
  linuxSdk: {
    ticketMalformed: ['WXERROR_INVALID_ARGUMENT', 'device/register: errcode 9800011 "sn_ticke 不合法"'],
    ticketInvalid: ['WXERROR_INVALID_ARGUMENT', LINUX_TICKET],
    ticketOtherModel: ['WXERROR_INVALID_ARGUMENT', LINUX_TICKET],
    wrongKind: ['WXERROR_INVALID_ARGUMENT'],
    snBoundElsewhere: ['WXERROR_PERMISSION_DENIED', 'device/register: errcode 9 "device not registered"'],
    holdsOtherSn: ['WXERROR_ALREADY_EXISTS'],
    holdsOtherBinding: ['WXERROR_ALREADY_EXISTS'],
  },
  cloudSdk: {
    ticketMalformed: ['SN_TICKET_MALFORMED'],
    ticketInvalid: ['SN_TICKET_EXPIRED'],
    ticketOtherModel: ['SN_TICKET_EXPIRED'],
    wrongKind: ['WXERROR_RESPONSE'],
    snBoundElsewhere: ['DEVICE_NOT_AUTHORIZED'],
    holdsOtherSn: ['WXERROR_INVALID_DEVICEID'],
    holdsOtherBinding: ['WXERROR_INVALID_DEVICEID'],
  },
  wmpf: WMPF_ANSWERS,
  // The device-auth SDK answers 9800004 when the ticket's model_id differs (D §7.1 [C]).
  deviceAuthSdk: { ...WMPF_ANSWERS, ticketOtherModel: ['SN_NOT_REGISTERED'] },
};

const TICKET_FAILURE: Readonly<Record<SnTicketProblem, Failure>> = {
  malformed: 'ticketMalformed',
  unknown: 'ticketInvalid',
  expired: 'ticketInvalid',
  usedUp: 'ticketInvalid',
  otherDevice: 'ticketInvalid',
  otherModel: 'ticketOtherModel',
};

/**
 * Device registration with an snTicket: Linux and RTOS `wx_device_register`, WMPF `registerMiniProgramDevice` and the
 * device-auth SDK's `registerDevice` (D §1.4, §2.1, §3.1). A registration binds (appId, modelId, SN) to one physical
 * device for good. Checks, in order:
 *
 * 1. What the hardware already holds (no ticket needed, as the SDKs answer from their storage): the same binding →
 *    `alreadyRegistered: true` (the Linux SDK shows WXERROR_ALREADY_EXISTS, RTOS OK); another SN or binding, or the
 *    other Android method (never mix them, D §3.1) → refused. [I] A device seeded as registered has no hardware yet:
 *    the first hardware that registers it with the seeded binding adopts it, without a ticket.
 * 2. The ticket (malformed, unknown, expired, used up, for another SN or model).
 * 3. The model's kind must allow the method (`REGISTRATION_METHODS_BY_KIND`); a seeded device keeps its model.
 * 4. The SN must not be registered by other hardware, nor belong to another mini program.
 * 5. Android: the device must be activated (seeded `activated`, or added with `runtime/adddevice`), else −5.
 */
export class DeviceRegistrationService {
  constructor(
    private readonly state: TenantState,
    private readonly tickets: SnTicketService,
  ) {}

  /** `registerDevice` of the transport, for the party described by `device`. */
  register(device: RegisteringDevice, body: RegisterDeviceBody): Outcome<RegisterDeviceData> {
    const held = this.heldBy(device.hardwareId);
    if (held) return this.alreadyHeld(device, held.app, held.device);

    const found = this.state.device(device.sn);
    if (found?.device.registered && found.device.registeredBy === undefined && this.sameBinding(device, found.app, found.device)) {
      return this.alreadyHeld(device, found.app, found.device);
    }

    const app = this.state.app(device.appId);
    const verdict = this.tickets.check(body.snTicket, device);
    if (!app || !verdict.ok) {
      const rule = verdict.ok ? `no mini program ${device.appId} exists on this platform` : verdict.rule;
      return this.fail(device, verdict.ok ? 'ticketInvalid' : TICKET_FAILURE[verdict.problem], 'tokens', rule);
    }

    const model = app.models.get(device.modelId);
    const allowed: readonly RegistrationMethod[] = model ? REGISTRATION_METHODS_BY_KIND[model.kind] : [];
    if (!model || !allowed.includes(device.method)) {
      const why = model ? `model ${model.modelId} is a ${model.kind} model, which registers with ${allowed.join(' or ')}` : `model ${device.modelId} is gone from ${app.appId}`;
      return this.fail(device, 'wrongKind', 'arguments', `${device.method} cannot register ${device.sn}: ${why}`);
    }

    if (found && (found.app !== app || found.device.registered)) {
      const where = found.app !== app ? `it belongs to mini program ${found.app.appId}` : `physical device ${found.device.registeredBy ?? '(seeded)'} registered it with model ${found.device.modelId}`;
      return this.fail(device, 'snBoundElsewhere', 'registration', `sn ${device.sn} is already bound: ${where}; every physical device needs its own SN (D §1.4)`);
    }
    if (found && found.device.modelId !== device.modelId) {
      return this.fail(device, 'ticketOtherModel', 'arguments', `sn ${device.sn} is a device of model ${found.device.modelId} in ${app.appId}, not ${device.modelId}`);
    }

    const android = device.method === 'wmpf' || device.method === 'deviceAuthSdk';
    const activated = found ? found.device.activated : this.state.runtimeDevices.get(device.sn) === app.appId;
    if (android && !activated) {
      return refuse('WMPF_REGISTER_PERMISSION_ERROR', 'state', `WMPF device ${device.sn} is not activated: add it with POST /wxa/business/runtime/adddevice, then activateDevice (D §3.1)`);
    }

    const target = found?.device ?? this.createDevice(app, device, model.kind, activated);
    target.registered = true;
    target.registrationMethod = device.method;
    target.registeredAt = this.state.now();
    target.registeredBy = device.hardwareId;
    this.tickets.use(verdict.record);
    return accept({ registration: deviceRegistration(app.appId, target.sn, target), alreadyRegistered: false });
  }

  private alreadyHeld(device: RegisteringDevice, app: AppState, held: DeviceState): Outcome<RegisterDeviceData> {
    const stored = `(${app.appId}, ${held.modelId}, ${held.sn})`;
    if (held.sn !== device.sn) {
      return this.fail(device, 'holdsOtherSn', 'registration', `this physical device is registered as ${stored} for good; it cannot become ${device.sn} (D §1.4, §7.6)`);
    }
    if (!this.sameBinding(device, app, held)) {
      return this.fail(device, 'holdsOtherBinding', 'registration', `this physical device is registered as ${stored}, not (${device.appId}, ${device.modelId}, ${device.sn}): initialise with the stored appId and modelId`);
    }
    if (held.registrationMethod !== undefined && held.registrationMethod !== device.method) {
      return this.fail(device, 'holdsOtherBinding', 'registration', `${device.sn} was registered with ${held.registrationMethod}; do not mix registration methods on one device (D §3.1)`);
    }
    held.registeredBy ??= device.hardwareId;
    return accept({ registration: deviceRegistration(app.appId, held.sn, held), alreadyRegistered: true });
  }

  /**
   * RTOS `wx_init` (D §2.1): `WXERROR_INVALID_DEVICEID` when this hardware's storage holds a registration of another
   * (appId, modelId, SN) than the one being initialised. Hardware that holds nothing, or the same binding, passes.
   */
  hardwareConflict(identity: DeviceIdentity, hardwareId: string): Outcome<void> {
    const held = this.heldBy(hardwareId);
    if (!held) return accept(undefined);
    const { app, device } = held;
    if (app.appId === identity.appId && device.sn === identity.sn && device.modelId === identity.modelId) return accept(undefined);
    return refuse(
      'WXERROR_INVALID_DEVICEID',
      'registration',
      `this hardware is registered as (${app.appId}, ${device.modelId}, ${device.sn}) for good; wx_init with device_id ${identity.sn} and model_id ${identity.modelId} does not match it: initialise with the stored device_id and model_id (D §2.1)`,
      `this hardware is registered as ${device.sn} (model ${device.modelId})`,
    );
  }

  private sameBinding(device: RegisteringDevice, app: AppState, held: DeviceState): boolean {
    return app.appId === device.appId && held.modelId === device.modelId && held.sn === device.sn;
  }

  private heldBy(hardwareId: string): { app: AppState; device: DeviceState } | undefined {
    for (const app of this.state.apps.values()) {
      for (const device of app.devices.values()) if (device.registered && device.registeredBy === hardwareId) return { app, device };
    }
    return undefined;
  }

  private createDevice(app: AppState, device: RegisteringDevice, kind: DeviceState['kind'], activated: boolean): DeviceState {
    const created = newDeviceState(device, kind, activated);
    this.state.addDevice(app, created);
    return created;
  }

  private fail(device: RegisteringDevice, failure: Failure, stage: 'tokens' | 'arguments' | 'registration', rule: string): Outcome<never> {
    const [key, detail] = ANSWERS[device.method][failure];
    return refuse(key, stage, rule, detail);
  }
}
