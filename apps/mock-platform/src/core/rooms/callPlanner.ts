import {
  compareVersions,
  ENV_VERSION_BY_MINIPROGRAM_STATE,
  type CallDeviceRequest,
  type CallWmpfRequest,
  type EnvVersion,
  type InitByCallerRequest,
  type IotVoipCallRequest,
  type LinuxSessionCallBody,
  type RtosClientCallBody,
} from '@wxvoip/contracts';
import type { PartyState } from '../parties/partyRegistry.js';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AuthorizationService } from '../services/authorizationService.js';
import type { BillingService, CallEntry } from '../services/billingService.js';
import type { DeviceService } from '../services/deviceService.js';
import type { DeviceTokenService } from '../services/deviceTokenService.js';
import type { WmpfService } from '../services/wmpfService.js';
import type { AppState, DeviceState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import { PreCallChecks } from './preCallChecks.js';
import type { Room } from './room.js';
import type { RoomEngine, RoomSpec } from './roomEngine.js';

/** Plugin versions before 2.4.1 still need the user's authorization for callWMPF and callDevice (P §8.2). */
const NO_AUTH_NEEDED_SINCE = '2.4.1';
const VERSION_TYPE_ENV: Record<0 | 1 | 2, EnvVersion> = { 0: 'release', 1: 'develop', 2: 'trial' };

/** The services the planner consults. */
export interface CallPlannerDeps {
  readonly state: TenantState;
  readonly rooms: RoomEngine;
  readonly devices: DeviceService;
  readonly deviceTokens: DeviceTokenService;
  readonly wmpf: WmpfService;
  readonly authorization: AuthorizationService;
  readonly billing: BillingService;
}

/**
 * Every way of placing a call, each running the pre-call checks in the documented order (P §13) and creating the
 * room: `initByCaller` (businessType 1 and 2), `callDevice` (Linux, or RTOS with `isCloud`), `callWMPF`, the Linux
 * SDK's session call, the RTOS client call and the server's `iot/voip/call`.
 *
 * Face-pay `initByCaller` (businessType 0 and 3) needs WeChat Pay face devices; the mock refuses it with 1011 [I].
 */
export class CallPlanner {
  private readonly checks: PreCallChecks;

  constructor(private readonly deps: CallPlannerDeps) {
    this.checks = new PreCallChecks(deps.state, deps.rooms);
  }

  /** `initByCaller` from a plugin instance (P §3). */
  initByCaller(party: PartyState, body: InitByCallerRequest): Outcome<Room> {
    const identity = party.identity;
    const app = this.appOf(party);
    if (!app.ok) return app;
    if (body.businessType === 0 || body.businessType === 3) {
      return refuse('PLATFORM_UNSUPPORTED', 'host', 'face-pay initByCaller (businessType 0/3) needs a WeChat Pay face device; the mock does not emulate it');
    }
    const envVersion = ENV_VERSION_BY_MINIPROGRAM_STATE[body.miniprogramState];
    if (body.businessType === 1) {
      if (identity.kind !== 'wmpfPlugin') return refuse('WMPF_ONLY_API', 'host', 'initByCaller with businessType 1 (device calls phone) runs in the mini program inside WMPF on the device');
      const busy = this.checks.pluginNotBusy(party);
      if (!busy.ok) return busy;
      // caller.id is the calling device's own SN (P §3.3 [D]). A third party reports WMPF substituting the registered SN
      // (D §3.2 [T]); the mock refuses a mismatch with 2 instead, the way the phone side refuses a foreign openId with 7
      // [I]: an SN of another device would otherwise ring the user as that device.
      if (body.caller.id !== identity.sn) {
        return refuse('DEVICE_ID_INVALID', 'arguments', `caller.id must be this device's own SN (${identity.sn}) for businessType 1, not ${body.caller.id}`);
      }
      const device = this.deps.deviceTokens.validateVoipToken(app.value, identity.sn, identity.modelId, body.voipToken);
      if (!device.ok) return device;
      return this.deviceCallsUser(app.value, device.value, {
        entry: 'initByCaller',
        billing: { api: 'initByCaller', businessType: 1, device: device.value },
        businessType: 1,
        openId: body.listener.id,
        roomType: body.roomType,
        callerPartyId: party.partyId,
        callerCamera: body.caller.cameraStatus,
        listenerCamera: body.listener.cameraStatus,
        listenerName: body.listener.name ?? null,
        timeLimitSec: body.timeLimit ?? null,
        customQuery: body.customQuery ?? null,
        payload: null,
        envVersion,
        transport: 'wmpf',
        callerJoinsAtCreate: false,
      });
    }
    // businessType 2: phone calls an Android WMPF device; needs authorization and bills by duration only.
    if (identity.kind !== 'wechatPlugin') return refuse('WECHAT_CLIENT_ONLY_API', 'host', 'initByCaller with businessType 2 (phone calls device) runs in the WeChat client on the phone');
    const busy = this.checks.pluginNotBusy(party);
    if (!busy.ok) return busy;
    if (body.caller.id !== identity.openId) {
      return refuse('OPENID_ERROR', 'openId', `caller.id must be the calling user's openId (${identity.openId}) for businessType 2`);
    }
    const device = this.deps.wmpf.checkWmpfCallee(app.value, body.listener.id, this.modelOf(app.value, body.listener.id), body.voipToken ?? '');
    if (!device.ok) return device;
    return this.userCallsDevice(app.value, party, device.value, {
      entry: 'initByCaller',
      billing: { api: 'initByCaller', businessType: 2, device: device.value },
      requestedCharge: undefined,
      businessType: 2,
      needsAuthorization: true,
      // P §3.3: a device shown to the user appears as its authorized deviceName plus the model type, caller or listener.
      listenerName: this.checks.deviceDisplayName(app.value, device.value, identity.openId),
      roomType: body.roomType,
      callerName: body.caller.name ?? null,
      callerCamera: body.caller.cameraStatus,
      listenerCamera: body.listener.cameraStatus,
      timeLimitSec: body.timeLimit ?? null,
      customQuery: body.customQuery ?? null,
      payload: null,
      envVersion,
      transport: 'wmpf',
      alert: { kind: 'wmpfPush', pushToken: body.voipToken ?? '', callerName: body.caller.name ?? '' },
      needsCallback: false,
    });
  }

  /** `callDevice` from the phone (P §4.2): a Linux device, or an RTOS device through the vendor cloud (`isCloud`). */
  callDevice(party: PartyState, body: CallDeviceRequest): Outcome<Room> {
    const app = this.appOf(party);
    if (!app.ok) return app;
    if (party.identity.kind !== 'wechatPlugin') return refuse('WECHAT_CLIENT_ONLY_API', 'host', 'callDevice runs in the WeChat client on the phone, not inside WMPF');
    const busy = this.checks.pluginNotBusy(party);
    if (!busy.ok) return busy;
    const device = this.deps.devices.deviceOf(app.value, body.sn, body.modelId);
    if (!device.ok) return device;
    const expected = body.isCloud ? 'rtos' : 'linux';
    if (device.value.kind !== expected) {
      return refuse('DEVICE_ID_INVALID', 'arguments', `device ${body.sn} is a ${device.value.kind} device; callDevice reaches it ${device.value.kind === 'rtos' ? 'with isCloud: true' : device.value.kind === 'linux' ? 'without isCloud' : 'only through callWMPF'}`);
    }
    if (!device.value.registered) return refuse('DEVICE_ID_INVALID', 'arguments', `device ${body.sn} has not registered with the platform yet (wx_device_register)`);
    return this.userCallsDevice(app.value, party, device.value, {
      entry: 'callDevice',
      billing: { api: 'callDevice', device: device.value },
      requestedCharge: body.chargeType,
      businessType: null,
      needsAuthorization: this.oldPlugin(party),
      listenerName: this.shownDeviceName(device.value, body.deviceName),
      roomType: body.roomType,
      callerName: body.nickName ?? null,
      callerCamera: body.enableCallerCamera ? 0 : 1,
      listenerCamera: body.enableListenerCamera ? 0 : 1,
      timeLimitSec: body.timeLimit ?? null,
      customQuery: null,
      payload: body.payload ?? null,
      envVersion: party.identity.kind === 'wechatPlugin' ? party.identity.envVersion : 'release',
      transport: body.isCloud ? 'cloud' : 'linux',
      alert: { kind: 'none' },
      needsCallback: body.isCloud,
    });
  }

  /** `callWMPF` from the phone (P §4.1): WeChat pushes the call to the Android device. */
  callWmpf(party: PartyState, body: CallWmpfRequest): Outcome<Room> {
    const app = this.appOf(party);
    if (!app.ok) return app;
    if (party.identity.kind !== 'wechatPlugin') return refuse('WECHAT_CLIENT_ONLY_API', 'host', 'callWMPF runs in the WeChat client on the phone, not inside WMPF');
    const busy = this.checks.pluginNotBusy(party);
    if (!busy.ok) return busy;
    const device = this.deps.wmpf.checkWmpfCallee(app.value, body.sn, body.modelId, body.pushToken);
    if (!device.ok) return device;
    return this.userCallsDevice(app.value, party, device.value, {
      entry: 'callWmpf',
      billing: { api: 'callWMPF', device: device.value },
      requestedCharge: body.chargeType,
      businessType: null,
      needsAuthorization: this.oldPlugin(party),
      listenerName: this.shownDeviceName(device.value, body.deviceName),
      roomType: body.roomType,
      callerName: body.nickName,
      callerCamera: body.enableCallerCamera ? 0 : 1,
      listenerCamera: body.enableListenerCamera ? 0 : 1,
      timeLimitSec: body.timeLimit ?? null,
      customQuery: body.customQuery ?? null,
      payload: null,
      envVersion: body.envVersion,
      transport: 'wmpf',
      alert: { kind: 'wmpfPush', pushToken: body.pushToken, callerName: body.nickName },
      needsCallback: false,
    });
  }

  /** `wx_voip_session_call` of a Linux device (D §1.5). */
  linuxSessionCall(party: PartyState, body: LinuxSessionCallBody): Outcome<Room> {
    return this.deviceParty(party, 'linuxDevice', (device, flavor) => ({
      entry: 'linuxSessionCall',
      billing: { api: 'linuxSessionCall', device },
      businessType: null,
      openId: body.callee.id,
      roomType: body.roomType,
      callerPartyId: party.partyId,
      callerCamera: body.self.cameraStatus,
      listenerCamera: body.callee.cameraStatus,
      listenerName: body.callee.name ?? null,
      timeLimitSec: null,
      customQuery: null,
      payload: null,
      envVersion: flavor,
      transport: 'linux',
      callerJoinsAtCreate: true,
    }));
  }

  /** `wx_cloudvoip_client_call` of an RTOS device (D §2.1, §2.2): the developer's server must accept it first. */
  rtosClientCall(party: PartyState, body: RtosClientCallBody): Outcome<Room> {
    return this.deviceParty(party, 'rtosDevice', (device, flavor) => ({
      entry: 'rtosClientCall',
      billing: { api: 'rtosClientCall', device },
      businessType: null,
      openId: body.callee.id,
      roomType: body.roomType,
      callerPartyId: party.partyId,
      callerCamera: body.caller.cameraStatus,
      listenerCamera: body.callee.cameraStatus,
      listenerName: body.callee.name || null,
      timeLimitSec: null,
      customQuery: body.customQuery ?? null,
      payload: body.payload ?? null,
      envVersion: flavor,
      transport: 'cloud',
      callerJoinsAtCreate: false,
    }));
  }

  /** A call placed by a Linux or RTOS device party: registered, not busy, then the user-side checks. */
  private deviceParty(party: PartyState, kind: 'linuxDevice' | 'rtosDevice', call: (device: DeviceState, flavor: EnvVersion) => DeviceCall): Outcome<Room> {
    const identity = party.identity;
    if (identity.kind !== kind) {
      return refuse('WXERROR_FAILED_PRECONDITION', 'host', `only a ${kind === 'linuxDevice' ? 'Linux' : 'RTOS'} device party can place this call`);
    }
    const device = this.deps.devices.requireRegistered({ appId: identity.appId, sn: identity.sn, modelId: identity.modelId }, identity.hardwareId ?? identity.sn);
    if (!device.ok) return device;
    const busy = this.checks.deviceNotBusy(identity.sn);
    if (!busy.ok) return busy;
    const app = this.appOf(party);
    if (!app.ok) return app;
    return this.deviceCallsUser(app.value, device.value, call(device.value, identity.flavor));
  }

  /** `POST /wxa/business/iot/voip/call`: the developer's server makes a cloud device call a user (D §4.10). */
  iotVoipCall(app: AppState, body: IotVoipCallRequest): Outcome<Room> {
    const device = this.deps.devices.deviceOf(app, body.sn, body.model_id);
    if (!device.ok) return device;
    const busy = this.checks.deviceNotBusy(body.sn);
    if (!busy.ok) return refuse('ROOM_CREATE_FAILED', 'busy', busy.refusal.rule);
    return this.deviceCallsUser(app, device.value, {
      entry: 'iotVoipCall',
      billing: { api: 'iotVoipCall', device: device.value },
      businessType: null,
      openId: body.openid,
      roomType: body.room_type,
      callerPartyId: null,
      callerCamera: body.caller_camera_status ?? 0,
      listenerCamera: body.listener_camera_status ?? 0,
      listenerName: body.listener_name ?? null,
      timeLimitSec: null,
      customQuery: body.query ?? null,
      payload: body.payload ?? null,
      envVersion: VERSION_TYPE_ENV[body.version_type ?? 0],
      transport: 'cloud',
      callerJoinsAtCreate: false,
    });
  }

  private deviceCallsUser(app: AppState, device: DeviceState, call: DeviceCall): Outcome<Room> {
    const user = this.checks.userOf(app, call.openId);
    if (!user.ok) return user;
    const authorized = this.deps.authorization.requireAuthorized(app, call.openId, device.sn);
    if (!authorized.ok) return authorized;
    const capable = this.checks.capability(app, app.models.get(device.modelId), call.envVersion);
    if (!capable.ok) return capable;
    const charge = this.chargeFor(app, device, call.billing, undefined);
    if (!charge.ok) return charge;
    const callerName = this.checks.deviceDisplayName(app, device, call.openId);
    return accept(
      this.deps.rooms.create({
        app,
        entry: call.entry,
        roomType: call.roomType,
        direction: 'deviceToPhone',
        transport: call.transport,
        businessType: call.businessType,
        chargeType: charge.value,
        caller: { kind: 'device', id: device.sn, name: callerName, cameraStatus: call.callerCamera, partyId: call.callerPartyId },
        listener: { kind: 'user', id: call.openId, name: call.listenerName ?? user.value.nickname, cameraStatus: call.listenerCamera },
        sn: device.sn,
        modelId: device.modelId,
        timeLimitSec: call.timeLimitSec,
        customQuery: call.customQuery,
        payload: call.payload,
        envVersion: call.envVersion,
        alert: { kind: 'wechatReminder', callerName },
        needsCallback: call.transport === 'cloud',
        callerJoinsAtCreate: call.callerJoinsAtCreate,
      }),
    );
  }

  private userCallsDevice(app: AppState, party: PartyState, device: DeviceState, call: UserCall): Outcome<Room> {
    if (party.identity.kind !== 'wechatPlugin') return refuse('WECHAT_CLIENT_ONLY_API', 'host', 'the phone side of a call runs in the WeChat client');
    const openId = party.identity.openId;
    const user = this.checks.userOf(app, openId);
    if (!user.ok) return user;
    if (call.needsAuthorization) {
      const authorized = this.deps.authorization.requireAuthorized(app, openId, device.sn);
      if (!authorized.ok) return authorized;
    }
    const capable = this.checks.capability(app, app.models.get(device.modelId), call.envVersion);
    if (!capable.ok) return capable;
    const charge = this.chargeFor(app, device, call.billing, call.requestedCharge);
    if (!charge.ok) return charge;
    return accept(
      this.deps.rooms.create({
        app,
        entry: call.entry,
        roomType: call.roomType,
        direction: 'phoneToDevice',
        transport: call.transport,
        businessType: call.businessType,
        chargeType: charge.value,
        caller: { kind: 'user', id: openId, name: call.callerName ?? user.value.nickname, cameraStatus: call.callerCamera, partyId: party.partyId },
        listener: { kind: 'device', id: device.sn, name: call.listenerName, cameraStatus: call.listenerCamera },
        sn: device.sn,
        modelId: device.modelId,
        timeLimitSec: call.timeLimitSec,
        customQuery: call.customQuery,
        payload: call.payload,
        envVersion: call.envVersion,
        alert: call.alert,
        needsCallback: call.needsCallback,
        callerJoinsAtCreate: false,
      }),
    );
  }

  private chargeFor(app: AppState, device: DeviceState, entry: CallEntry, requested: RoomSpec['chargeType'] | undefined): Outcome<RoomSpec['chargeType']> {
    const chosen = this.deps.billing.chooseChargeType(app, entry, requested);
    if (!chosen.ok) return chosen;
    const billable = this.deps.billing.checkCall(app, device, chosen.value);
    if (!billable.ok) return billable;
    return chosen;
  }

  /**
   * The device name WeChat shows for `callDevice` / `callWMPF` (P §4.1, §4.2): the `deviceName` the caller passed
   * (plugin ≥ 2.4.1; older plugins drop it), as given. [I] Without it, the device's seeded name, or null (the SN is
   * shown); whether WeChat appends the model type to a passed `deviceName` is not documented, and the mock does not.
   */
  private shownDeviceName(device: DeviceState, deviceName: string | undefined): string | null {
    return deviceName !== undefined && deviceName !== '' ? deviceName : (device.name ?? null);
  }

  private appOf(party: PartyState): Outcome<AppState> {
    const app = party.identity.kind === 'vendorCloud' ? undefined : this.deps.state.app(party.identity.appId);
    if (!app) return refuse('INVALID_APPID', 'credential', 'this party belongs to no mini program of this namespace (was it reset?)');
    return accept(app);
  }

  private modelOf(app: AppState, sn: string): string {
    return app.devices.get(sn)?.modelId ?? '';
  }

  private oldPlugin(party: PartyState): boolean {
    return party.identity.kind === 'wechatPlugin' && compareVersions(party.identity.pluginVersion, NO_AUTH_NEEDED_SINCE) < 0;
  }
}

interface DeviceCall {
  readonly entry: Room['entry'];
  readonly billing: CallEntry;
  readonly businessType: number | null;
  readonly openId: string;
  readonly roomType: Room['roomType'];
  readonly callerPartyId: string | null;
  readonly callerCamera: 0 | 1;
  readonly listenerCamera: 0 | 1;
  readonly listenerName: string | null;
  readonly timeLimitSec: number | null;
  readonly customQuery: string | null;
  readonly payload: string | null;
  readonly envVersion: EnvVersion;
  readonly transport: Room['transport'];
  readonly callerJoinsAtCreate: boolean;
}

interface UserCall {
  readonly entry: Room['entry'];
  readonly billing: CallEntry;
  readonly requestedCharge: RoomSpec['chargeType'] | undefined;
  readonly businessType: number | null;
  readonly needsAuthorization: boolean;
  /** The name the listener device is shown under (endVoip.listenerName). */
  readonly listenerName: string | null;
  readonly roomType: Room['roomType'];
  readonly callerName: string | null;
  readonly callerCamera: 0 | 1;
  readonly listenerCamera: 0 | 1;
  readonly timeLimitSec: number | null;
  readonly customQuery: string | null;
  readonly payload: string | null;
  readonly envVersion: EnvVersion;
  readonly transport: Room['transport'];
  readonly alert: RoomSpec['alert'];
  readonly needsCallback: boolean;
}
