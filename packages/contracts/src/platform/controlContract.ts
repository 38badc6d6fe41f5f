import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { AppId, OpenId, RoomId, Sn } from '../common/identifiers.js';
import {
  AppPatch,
  AppView,
  AuthorizationListQuery,
  AuthorizationOutcome,
  AuthorizationView,
  GroupView,
  PutUserBody,
  RequestAuthorizationBody,
  RevokeAuthorizationBody,
  RevokeAuthorizationResult,
  UserPatch,
  UserView,
} from './adminApps.js';
import { BillingPatch, BillingView, SetDeviceLicenseBody } from './adminBilling.js';
import { CallbackDelivery, CallbackListQuery } from './adminCallbacks.js';
import {
  DeviceListQuery,
  DeviceView,
  ExpireCredentialsBody,
  ExpireCredentialsResult,
  IssuedSnTicket,
  IssueSnTicketBody,
  TakeOfflineBody,
} from './adminDevices.js';
import { PlatformInfo, ResetBody, SeedSummary, WipeStateBody, WipeStateResult } from './adminInfo.js';
import {
  PlacePhoneCallBody,
  RoomDetail,
  RoomListQuery,
  SimulateAnswerBody,
  SimulateGoOfflineBody,
  SimulateHangUpBody,
  SimulateRejectBody,
} from './adminRooms.js';
import { AdvanceClockBody, AdvanceClockResult, ClockState, SetClockBody } from './clock.js';
import { Fault, FaultId, FaultSpec } from './faults.js';
import { NamespaceHeaders } from './headers.js';
import { JournalPage, JournalQuery } from './journal.js';
import { PartyId, PartyInfo } from './party.js';
import { CONTROL_PREFIX } from './prefixes.js';
import { ProblemDetails } from './problemDetails.js';
import { RoomSnapshot } from './roomView.js';
import { Seed } from './seed.js';

const c = initContract();

const app = z.object({ appId: AppId });
const user = app.extend({ openId: OpenId });
const device = z.object({ sn: Sn });
const room = z.object({ roomId: RoomId });

/** Responses of a route that names an entity in its path: its 200 body, or 404 when the entity does not exist. */
function orNotFound<TOk extends z.ZodTypeAny>(ok: TOk) {
  return { 200: ok, 404: ProblemDetails };
}

/** Responses of a simulate action: the room afterwards, 404 (no such room) or 409 (not possible in its phase). */
const simulated = { 200: RoomDetail, 404: ProblemDetails, 409: ProblemDetails };

/**
 * The control API under `/__admin` (ADR 0007): seed and reset, apps, users and authorizations, devices, parties,
 * the clock, faults, the journal, rooms with their timelines and simulate actions, and callback deliveries.
 * Errors are RFC 7807 problem documents ({@link ProblemDetails}, `application/problem+json`) with a stable
 * `type` from `PROBLEM_TYPES`. Every route takes the optional `x-wxvoip-namespace` header. No authentication:
 * the control API is for local and CI use; bind the server to loopback.
 *
 * @example
 * const admin = initClient(controlContract, { baseUrl: 'http://127.0.0.1:8080', baseHeaders: { 'x-wxvoip-namespace': 'test-1' } });
 * await admin.loadSeed({ body: demoSeed });
 * await admin.advanceClock({ body: { ms: 60_000 } });
 */
export const controlContract = c.router(
  {
    getInfo: { method: 'GET', path: '/info', responses: { 200: PlatformInfo }, summary: 'Versions, prefixes and namespaces of the mock' },
    loadSeed: {
      method: 'PUT',
      path: '/seed',
      body: Seed,
      responses: { 200: SeedSummary },
      summary: "Replace the namespace's state with a seed",
    },
    exportSeed: { method: 'GET', path: '/seed', responses: { 200: Seed }, summary: "The namespace's current entities as a seed" },
    reset: { method: 'POST', path: '/reset', body: ResetBody, responses: { 200: SeedSummary }, summary: 'Back to the last seed, or empty' },
    wipeState: {
      method: 'POST',
      path: '/state/wipe',
      body: WipeStateBody,
      responses: { 200: WipeStateResult },
      summary: "Forget a namespace's (or every namespace's) saved state: back to the platform seed, state file deleted",
    },

    listApps: { method: 'GET', path: '/apps', responses: { 200: z.object({ apps: z.array(AppView) }) }, summary: 'Apps of the namespace' },
    getApp: { method: 'GET', path: '/apps/:appId', pathParams: app, responses: orNotFound(AppView), summary: 'One app' },
    updateApp: {
      method: 'PATCH',
      path: '/apps/:appId',
      pathParams: app,
      body: AppPatch,
      responses: orNotFound(AppView),
      summary: 'Change secret, capability review or message push configuration',
    },
    expireAccessTokens: {
      method: 'POST',
      path: '/apps/:appId/access-tokens/expire',
      pathParams: app,
      body: c.noBody(),
      responses: orNotFound(z.object({ expired: z.number().int().nonnegative() })),
      summary: "Expire the app's access_tokens now (errcode 42001 follows)",
    },
    issueSnTicket: {
      method: 'POST',
      path: '/apps/:appId/sn-tickets',
      pathParams: app,
      body: IssueSnTicketBody,
      responses: { 201: IssuedSnTicket, 404: ProblemDetails, 409: ProblemDetails },
      summary: 'An snTicket for a test, without the server API',
    },
    listGroups: {
      method: 'GET',
      path: '/apps/:appId/groups',
      pathParams: app,
      responses: orNotFound(z.object({ groups: z.array(GroupView) })),
      summary: 'Device groups of the app',
    },
    listUsers: {
      method: 'GET',
      path: '/apps/:appId/users',
      pathParams: app,
      responses: orNotFound(z.object({ users: z.array(UserView) })),
      summary: 'Users of the app',
    },
    putUser: {
      method: 'PUT',
      path: '/apps/:appId/users/:openId',
      pathParams: user,
      body: PutUserBody,
      responses: orNotFound(UserView),
      summary: 'Create or replace a user',
    },
    updateUser: {
      method: 'PATCH',
      path: '/apps/:appId/users/:openId',
      pathParams: user,
      body: UserPatch,
      responses: orNotFound(UserView),
      summary: "Change a user's nickname, WeChat version or dialog answer",
    },
    listAuthorizations: {
      method: 'GET',
      path: '/apps/:appId/authorizations',
      pathParams: app,
      query: AuthorizationListQuery,
      responses: orNotFound(z.object({ authorizations: z.array(AuthorizationView) })),
      summary: 'Authorizations of the app',
    },
    requestAuthorization: {
      method: 'POST',
      path: '/apps/:appId/authorizations',
      pathParams: app,
      body: RequestAuthorizationBody,
      responses: orNotFound(AuthorizationOutcome),
      summary: 'Simulate wx.requestDeviceVoIP on the phone with the user’s decision (D §5.1)',
    },
    revokeAuthorization: {
      method: 'POST',
      path: '/apps/:appId/authorizations/revoke',
      pathParams: app,
      body: RevokeAuthorizationBody,
      responses: orNotFound(RevokeAuthorizationResult),
      summary: 'Switch an authorization off, or delete the app from "recently used" (D §5.2)',
    },
    placePhoneCall: {
      method: 'POST',
      path: '/apps/:appId/users/:openId/calls',
      pathParams: user,
      body: PlacePhoneCallBody,
      responses: { 201: RoomDetail, 404: ProblemDetails, 409: ProblemDetails },
      summary: "A phone of this user calls a device with the plugin's callDevice rules (authorization included) and joins as the caller; the room, or 409 with the refusal",
    },
    getBilling: { method: 'GET', path: '/apps/:appId/billing', pathParams: app, responses: orNotFound(BillingView), summary: 'Billing of the app' },
    updateBilling: {
      method: 'PATCH',
      path: '/apps/:appId/billing',
      pathParams: app,
      body: BillingPatch,
      responses: orNotFound(BillingView),
      summary: 'Set duration balance, arrears and license modes',
    },
    setDeviceLicense: {
      method: 'PUT',
      path: '/apps/:appId/licenses/:sn',
      pathParams: app.extend({ sn: Sn }),
      body: SetDeviceLicenseBody,
      responses: orNotFound(BillingView),
      summary: "Set or remove a device's license",
    },

    listDevices: {
      method: 'GET',
      path: '/devices',
      query: DeviceListQuery,
      responses: { 200: z.object({ devices: z.array(DeviceView) }) },
      summary: 'Devices of the namespace',
    },
    getDevice: { method: 'GET', path: '/devices/:sn', pathParams: device, responses: orNotFound(DeviceView), summary: 'One device' },
    takeDeviceOffline: {
      method: 'POST',
      path: '/devices/:sn/offline',
      pathParams: device,
      body: TakeOfflineBody,
      responses: orNotFound(DeviceView),
      summary: 'Make a device unreachable (and abort its call)',
    },
    bringDeviceOnline: {
      method: 'POST',
      path: '/devices/:sn/online',
      pathParams: device,
      body: c.noBody(),
      responses: orNotFound(DeviceView),
      summary: 'Make a device reachable again',
    },
    expireDeviceCredentials: {
      method: 'POST',
      path: '/devices/:sn/expire',
      pathParams: device,
      body: ExpireCredentialsBody,
      responses: orNotFound(ExpireCredentialsResult),
      summary: "Expire a device's snTickets, deviceToken or pushToken now",
    },
    resetDeviceRegistration: {
      method: 'POST',
      path: '/devices/:sn/unregister',
      pathParams: device,
      body: c.noBody(),
      responses: orNotFound(DeviceView),
      summary: 'Forget a registration, as if the binding were reset (not possible at WeChat, D §10.4)',
    },

    listParties: { method: 'GET', path: '/parties', responses: { 200: z.object({ parties: z.array(PartyInfo) }) }, summary: 'Connected parties' },
    disconnectParty: {
      method: 'DELETE',
      path: '/parties/:partyId',
      pathParams: z.object({ partyId: PartyId }),
      body: c.noBody(),
      responses: { 204: c.noBody(), 404: ProblemDetails },
      summary: 'Disconnect a party (its channel gets bye: kicked)',
    },

    getClock: { method: 'GET', path: '/clock', responses: { 200: ClockState }, summary: 'Clock mode, time and pending timers' },
    setClock: { method: 'PUT', path: '/clock', body: SetClockBody, responses: { 200: ClockState }, summary: 'Switch to real, or to manual at a time' },
    freezeClock: { method: 'POST', path: '/clock/freeze', body: c.noBody(), responses: { 200: ClockState }, summary: 'Manual mode at the current time' },
    advanceClock: {
      method: 'POST',
      path: '/clock/advance',
      body: AdvanceClockBody,
      responses: { 200: AdvanceClockResult, 409: ProblemDetails },
      summary: 'Advance a manual clock, firing due timers in order',
    },

    listFaults: { method: 'GET', path: '/faults', responses: { 200: z.object({ faults: z.array(Fault) }) }, summary: 'Active faults' },
    addFault: { method: 'POST', path: '/faults', body: FaultSpec, responses: { 201: Fault }, summary: 'Inject an error, latency or dropped pushes' },
    deleteFault: {
      method: 'DELETE',
      path: '/faults/:faultId',
      pathParams: z.object({ faultId: FaultId }),
      body: c.noBody(),
      responses: { 204: c.noBody(), 404: ProblemDetails },
      summary: 'Remove one fault',
    },
    clearFaults: { method: 'DELETE', path: '/faults', body: c.noBody(), responses: { 204: c.noBody() }, summary: 'Remove every fault' },

    getJournal: { method: 'GET', path: '/journal', query: JournalQuery, responses: { 200: JournalPage }, summary: 'Requests, refusals (with why), pushes, callbacks and events' },
    clearJournal: { method: 'DELETE', path: '/journal', body: c.noBody(), responses: { 204: c.noBody() }, summary: 'Empty the journal' },

    listRooms: { method: 'GET', path: '/rooms', query: RoomListQuery, responses: { 200: z.object({ rooms: z.array(RoomSnapshot) }) }, summary: 'Rooms, newest first' },
    getRoom: { method: 'GET', path: '/rooms/:roomId', pathParams: room, responses: orNotFound(RoomDetail), summary: 'One room with its state and timeline' },
    simulateAnswer: {
      method: 'POST',
      path: '/rooms/:roomId/simulate/answer',
      pathParams: room,
      body: SimulateAnswerBody,
      responses: simulated,
      summary: 'The listener answers',
    },
    simulateReject: {
      method: 'POST',
      path: '/rooms/:roomId/simulate/reject',
      pathParams: room,
      body: SimulateRejectBody,
      responses: simulated,
      summary: 'The listener rejects (or is busy)',
    },
    simulateHangUp: {
      method: 'POST',
      path: '/rooms/:roomId/simulate/hang-up',
      pathParams: room,
      body: SimulateHangUpBody,
      responses: simulated,
      summary: 'A side hangs up (cancel, reject or hang-up by phase)',
    },
    simulateGoOffline: {
      method: 'POST',
      path: '/rooms/:roomId/simulate/go-offline',
      pathParams: room,
      body: SimulateGoOfflineBody,
      responses: simulated,
      summary: "A side's party loses its network; the room aborts",
    },

    listCallbacks: {
      method: 'GET',
      path: '/callbacks',
      query: CallbackListQuery,
      responses: { 200: z.object({ deliveries: z.array(CallbackDelivery) }) },
      summary: 'iot_voip_notify deliveries, newest first',
    },
  },
  {
    pathPrefix: CONTROL_PREFIX,
    baseHeaders: NamespaceHeaders,
    strictStatusCodes: true,
    commonResponses: { 400: ProblemDetails, 500: ProblemDetails },
  },
);

/** The type of {@link controlContract}. */
export type ControlContract = typeof controlContract;

/** The key of one control route, e.g. `'advanceClock'`. */
export type ControlRouteKey = keyof ControlContract;
