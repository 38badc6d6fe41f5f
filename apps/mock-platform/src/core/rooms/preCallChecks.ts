import type { EnvVersion } from '@wxvoip/contracts';
import type { PartyState } from '../parties/partyRegistry.js';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, DeviceState, ModelState, UserState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import type { RoomEngine } from './roomEngine.js';

/**
 * The checks shared by every way of placing a call, in the backend order of P §13 (last paragraph):
 * host → busy → tokens → openId → authorization → capability → billing → room creation.
 * Each returns a catalogue refusal naming the rule that failed.
 */
export class PreCallChecks {
  constructor(
    private readonly state: TenantState,
    private readonly rooms: RoomEngine,
  ) {}

  /** The plugin is already in a call (1005, P §6.3). */
  pluginNotBusy(party: PartyState): Outcome<void> {
    const room = party.currentRoomId === null ? undefined : this.rooms.get(party.currentRoomId);
    if (room && room.state !== 'ended') {
      return refuse('PLUGIN_BUSY', 'busy', `this plugin instance is in call ${room.roomId}; wait for its endVoip or end it with forceHangUpVoip first`);
    }
    return accept(undefined);
  }

  /** A device placing a call must not be in one already (Linux FAILED_PRECONDITION, D §1.5). */
  deviceNotBusy(sn: string): Outcome<void> {
    const room = this.rooms.activeRoomOf({ kind: 'device', sn });
    if (room) return refuse('WXERROR_FAILED_PRECONDITION', 'busy', `device ${sn} is already in call ${room.roomId}; hang it up first`);
    return accept(undefined);
  }

  /**
   * The user of an openId: 19 when the openId belongs to another mini program of this namespace (openIds are
   * per app), 20 when no app knows it (P §6.2). [I] 7 is not produced: every openId is well formed here.
   */
  userOf(app: AppState, openId: string): Outcome<UserState> {
    const user = app.users.get(openId);
    if (user) return accept(user);
    for (const other of this.state.apps.values()) {
      if (other.users.has(openId)) {
        return refuse('OPENID_APPID_MISMATCH', 'openId', `openId ${openId} is a user of ${other.appId}, not of ${app.appId}: openIds are per mini program`);
      }
    }
    return refuse('OPENID_INVALID', 'openId', `no user with openId ${openId} exists for ${app.appId} (seed it, or use the openId the phone got for this app)`);
  }

  /**
   * The audio/video capability (12, P §6.2): refused without it; a `trial` capability (review not finished) only
   * serves develop and trial builds; an unapproved model serves no release build [I].
   */
  capability(app: AppState, model: ModelState | undefined, envVersion: EnvVersion): Outcome<void> {
    if (app.voipCapability === 'none') {
      return refuse('VOIP_CAPABILITY_NOT_APPROVED', 'capability', `${app.appId} has no audio/video capability; apply for it (or seed voipCapability: 'approved')`);
    }
    if (envVersion === 'release' && app.voipCapability === 'trial') {
      return refuse('VOIP_CAPABILITY_NOT_APPROVED', 'capability', `the capability review of ${app.appId} is not finished, so release builds cannot call yet; use a develop or trial build`);
    }
    if (envVersion === 'release' && model && !model.approved) {
      return refuse('VOIP_CAPABILITY_NOT_APPROVED', 'capability', `model ${model.modelId} is not approved, so release builds cannot call it yet`);
    }
    return accept(undefined);
  }

  /** The name a user sees for a device: the authorized deviceName (or the device's name, or SN) and the model type (P §3.3). */
  deviceDisplayName(app: AppState, device: DeviceState, openId: string | undefined): string {
    const record = openId === undefined ? undefined : app.authorizations.get(openId)?.get(`sn:${device.sn}`);
    const base = record?.deviceName ?? device.name ?? device.sn;
    const modelType = app.models.get(device.modelId)?.modelType;
    return modelType ? `${base} ${modelType}` : base;
  }
}
