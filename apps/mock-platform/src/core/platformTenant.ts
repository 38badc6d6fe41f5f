import type { PushDraft } from './parties/partyRegistry.js';
import { CallbackDispatcher } from './callbacks/callbackDispatcher.js';
import { FaultBook } from './faults/faultBook.js';
import { PartyRegistry } from './parties/partyRegistry.js';
import { CallPlanner } from './rooms/callPlanner.js';
import { RoomActions } from './rooms/roomActions.js';
import { RoomEngine } from './rooms/roomEngine.js';
import { AuthorizationService } from './services/authorizationService.js';
import { BillingService } from './services/billingService.js';
import { DeviceRegistrationService } from './services/deviceRegistrationService.js';
import { DeviceService } from './services/deviceService.js';
import { DeviceTokenService } from './services/deviceTokenService.js';
import { GroupService } from './services/groupService.js';
import { LicenseService } from './services/licenseService.js';
import { SnTicketService } from './services/snTicketService.js';
import { TokenService } from './services/tokenService.js';
import { WmpfService } from './services/wmpfService.js';
import { createTenantState, type TenantStateOptions } from './tenant/createTenantState.js';
import type { AppState } from './tenant/entities.js';
import type { TenantState } from './tenant/tenantState.js';

/**
 * One namespace of the platform with every service wired together: the state, tokens, devices, authorization,
 * groups, billing, licenses, faults, parties, the room engine with its cloud callbacks, and the call planner.
 *
 * @example
 * const tenant = new PlatformTenant({ seed: demoSeed });
 * const phone = tenant.parties.connect({ kind: 'wechatPlugin', appId, openId });
 * tenant.calls.callDevice(phone.value.party, CallDeviceRequest.parse({ roomType: 'video', sn, modelId }));
 * tenant.state.clock.advance(60_000); // the ring timeout fires
 */
export class PlatformTenant {
  readonly state: TenantState;
  readonly tokens: TokenService;
  readonly snTickets: SnTicketService;
  readonly devices: DeviceService;
  readonly registrations: DeviceRegistrationService;
  readonly deviceTokens: DeviceTokenService;
  readonly wmpf: WmpfService;
  readonly authorization: AuthorizationService;
  readonly groups: GroupService;
  readonly billing: BillingService;
  readonly licenses: LicenseService;
  readonly faults: FaultBook;
  readonly parties: PartyRegistry;
  readonly callbacks: CallbackDispatcher;
  readonly rooms: RoomEngine;
  readonly actions: RoomActions;
  readonly calls: CallPlanner;
  /**
   * Called after the control API changed an app's message push configuration (URL, Token, key or mode), as WeChat
   * verifies the URL when the developer saves it (D §4.13). A listening platform attaches the verification exchange;
   * the core itself sends nothing.
   */
  onPushConfigChanged: (app: AppState) => void = () => undefined;

  constructor(options: TenantStateOptions = {}) {
    const state = createTenantState(options);
    this.state = state;
    this.tokens = new TokenService(state);
    this.snTickets = new SnTicketService(state);
    this.devices = new DeviceService(state);
    this.registrations = new DeviceRegistrationService(state, this.snTickets);
    this.deviceTokens = new DeviceTokenService(state, this.devices);
    this.wmpf = new WmpfService(state, this.devices);
    this.authorization = new AuthorizationService(state, this.snTickets);
    this.groups = new GroupService(state);
    this.billing = new BillingService(state);
    this.licenses = new LicenseService(state);
    this.faults = new FaultBook(state);
    this.parties = new PartyRegistry(state);
    this.callbacks = new CallbackDispatcher(state);
    this.rooms = new RoomEngine(state, this.parties, this.billing, this.callbacks);
    this.actions = new RoomActions(this.rooms);
    this.calls = new CallPlanner({
      state,
      rooms: this.rooms,
      devices: this.devices,
      deviceTokens: this.deviceTokens,
      wmpf: this.wmpf,
      authorization: this.authorization,
      billing: this.billing,
    });

    this.parties.onVanished = (party) => this.rooms.partyVanished(party);
    // No fault, no context to build: every push of every talking room passes here (issue 19).
    this.parties.dropCheck = (partyId, message) => (state.faults.size === 0 ? undefined : this.faults.takeDroppedPush(message.type, this.pushContext(partyId, message)));
    this.callbacks.onSettled = (roomId, accepted, detail) => this.rooms.callbackAnswered(roomId, accepted, detail);
    this.callbacks.onRecorded = (roomId, entry) => this.rooms.get(roomId)?.timeline.push(entry);
  }

  /** Ends every call, stops every timer and says `bye` to every party (reset, close). */
  shutdown(reason: 'reset' | 'shutdown'): void {
    this.rooms.endAll(`the namespace was ${reason === 'reset' ? 'reset' : 'shut down'}`);
    for (const party of this.parties.list()) this.parties.disconnect(party.partyId, reason);
    this.state.clock.cancelAll();
  }

  private pushContext(partyId: string, message: PushDraft): { partyId: string; appId?: string; sn?: string; openId?: string; roomId?: string } {
    const identity = this.parties.get(partyId)?.identity;
    const roomId = 'roomId' in message && typeof message.roomId === 'string' ? message.roomId : undefined;
    return {
      partyId,
      ...(identity && identity.kind !== 'vendorCloud' ? { appId: identity.appId } : {}),
      ...(identity && 'sn' in identity ? { sn: identity.sn } : {}),
      ...(identity && identity.kind === 'wechatPlugin' ? { openId: identity.openId } : {}),
      ...(roomId === undefined ? {} : { roomId }),
    };
  }
}
