import { z } from 'zod';
import { AppId, ModelId, RoomId, Sn } from '../common/identifiers.js';
import { DeviceRegistration } from './deviceRegistration.js';
import { PartyId } from './party.js';
import { DeviceKind } from './seedEntities.js';

const instant = z.number().int().nonnegative();

/** A device as the control API shows it: registration, reachability, parties, call, group, license, tokens. */
export const DeviceView = z.object({
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  kind: DeviceKind,
  name: z.string().nullable(),
  registration: DeviceRegistration,
  activated: z.boolean(),
  online: z.boolean(),
  partyIds: z.array(PartyId),
  currentRoomId: RoomId.nullable(),
  groupId: z.string().nullable(),
  licenseExpireTime: z.number().int().nonnegative().nullable(),
  pushTokenExpiresAt: instant.nullable(),
  deviceTokenExpiresAt: instant.nullable(),
});
/** A device as the control API shows it. */
export type DeviceView = z.infer<typeof DeviceView>;

/** A boolean sent as a query string: exactly `true` or `false`. */
const queryBoolean = z
  .enum(['true', 'false'], { errorMap: () => ({ message: "online must be 'true' or 'false'" }) })
  .transform((value) => value === 'true');

/** Query of `listDevices`: filters, all optional. */
export const DeviceListQuery = z.object({
  appId: AppId.optional(),
  kind: DeviceKind.optional(),
  online: queryBoolean.optional(),
});
/** Query of `listDevices`. */
export type DeviceListQuery = z.infer<typeof DeviceListQuery>;
/** `DeviceListQuery` as written, before defaults are applied. */
export type DeviceListQueryInput = z.input<typeof DeviceListQuery>;

/**
 * Body of `takeDeviceOffline`: the device becomes unreachable (its parties get `bye: offline`; WMPF pushes
 * fail). With `abortCalls` its current call aborts as a network loss would; without, the call stays until timers end it.
 */
export const TakeOfflineBody = z.object({ abortCalls: z.boolean().default(true) });
/** Body of `takeDeviceOffline`. */
export type TakeOfflineBody = z.infer<typeof TakeOfflineBody>;
/** `TakeOfflineBody` as written, before defaults are applied. */
export type TakeOfflineBodyInput = z.input<typeof TakeOfflineBody>;

/** Credentials of a device that the control API can expire at once. */
export const DeviceCredentialKind = z.enum(['snTickets', 'deviceToken', 'pushToken'], {
  errorMap: () => ({ message: "what must list 'snTickets', 'deviceToken' and/or 'pushToken'" }),
});
/** A credential kind of a device. */
export type DeviceCredentialKind = z.infer<typeof DeviceCredentialKind>;

/**
 * Body of `expireDeviceCredentials`: make the device's outstanding snTickets, its deviceToken and/or pushToken
 * expire now (errcodes 10008, 13 and 14 follow), without advancing the clock.
 *
 * @example
 * ExpireCredentialsBody.parse({ what: ['pushToken'] });
 */
export const ExpireCredentialsBody = z.object({
  what: z.array(DeviceCredentialKind).min(1, 'what must name at least one credential kind to expire'),
});
/** Body of `expireDeviceCredentials`. */
export type ExpireCredentialsBody = z.infer<typeof ExpireCredentialsBody>;

/** Result of `expireDeviceCredentials`: how many credentials of each kind expired. */
export const ExpireCredentialsResult = z.object({
  expired: z.record(DeviceCredentialKind, z.number().int().nonnegative()),
});
/** Result of `expireDeviceCredentials`. */
export type ExpireCredentialsResult = z.infer<typeof ExpireCredentialsResult>;

/**
 * Body of `issueSnTicket`: a ticket for (app, sn, modelId) without calling `getsnticket` with an access_token,
 * for tests of registration and authorization. The same rules apply (model of this app, SN format).
 */
export const IssueSnTicketBody = z.object({ sn: Sn, modelId: ModelId });
/** Body of `issueSnTicket`. */
export type IssueSnTicketBody = z.infer<typeof IssueSnTicketBody>;

/** Result of `issueSnTicket`: the ticket and its expiry (issue time + 5 min, platform ms, D §4.3). */
export const IssuedSnTicket = z.object({ snTicket: z.string().min(1), expiresAt: instant });
/** Result of `issueSnTicket`. */
export type IssuedSnTicket = z.infer<typeof IssuedSnTicket>;
