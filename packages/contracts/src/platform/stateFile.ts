import { z } from 'zod';
import { AppId, ModelId, OpenId, RoomId, Sn } from '../common/identifiers.js';
import { ChargeType } from '../plugin-api/index.js';
import { LicensePkgType } from '../server-api/index.js';
import { AuthorizationState } from './seedEntities.js';
import { Namespace } from './headers.js';
import type { Seed } from './seed.js';
import { CallDirection, RoomState } from './roomState.js';

/** The state file format this version of the platform writes and reads (`formatVersion`). */
export const STATE_FORMAT_VERSION = 1;

/** The `format` marker of a state file, so a plain seed or another JSON file is never taken for one. */
export const STATE_FILE_FORMAT = 'wxvoip-mock-state';

const ms = z.number().int().nonnegative();

/**
 * What a state file must say about itself before anything else is read: its marker and format version. A newer
 * `formatVersion` than {@link STATE_FORMAT_VERSION} is refused (the file is left as it is).
 */
export const StateFileHeader = z.object({
  format: z.literal(STATE_FILE_FORMAT, { errorMap: () => ({ message: `format must be '${STATE_FILE_FORMAT}' (this is not a wxvoip-mock state file)` }) }),
  formatVersion: z.number({ required_error: 'formatVersion is required' }).int().positive(),
  namespace: Namespace,
});
/** What a state file says about itself. */
export type StateFileHeader = z.infer<typeof StateFileHeader>;

/** An access token the platform issued (the current classic or stable token of an app) with its expiry. */
export const PersistedAccessToken = z.object({
  token: z.string().min(1),
  appId: AppId,
  kind: z.enum(['classic', 'stable']),
  issuedAt: ms,
  expiresAt: ms,
});
/** An issued access token. */
export type PersistedAccessToken = z.infer<typeof PersistedAccessToken>;

/** An snTicket the platform issued, its expiry and how often it was used. */
export const PersistedSnTicket = z.object({
  ticket: z.string().min(1),
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  expiresAt: ms,
  uses: z.number().int().nonnegative(),
});
/** An issued snTicket. */
export type PersistedSnTicket = z.infer<typeof PersistedSnTicket>;

/** A deviceToken (voipToken) or WMPF pushToken the platform issued to a device. */
export const PersistedDeviceCredential = z.object({
  token: z.string().min(1),
  appId: AppId,
  sn: Sn,
  expiresAt: ms,
});
/** An issued deviceToken or pushToken. */
export type PersistedDeviceCredential = z.infer<typeof PersistedDeviceCredential>;

/** What a device has beyond its seed entry: when and by which hardware identity it registered, and its group. */
export const DeviceRuntime = z.object({
  sn: Sn,
  registeredAt: ms.nullable(),
  /** The install id of the device that registered the SN (a Linux SDK's `data_dir` identity), if known. */
  registeredBy: z.string().min(1).nullable(),
});
/** What a device has beyond its seed entry. */
export type DeviceRuntime = z.infer<typeof DeviceRuntime>;

/**
 * One authorization as the platform holds it, with what a seed cannot say: the modelId it was granted with and when
 * it last changed. Also the authorizations a seed cannot hold (a phone may authorize an SN that is not yet a device
 * of the app, with its modelId).
 */
export const AuthorizationRuntime = z.object({
  openId: OpenId,
  sn: Sn.optional(),
  groupId: z.string().min(1).optional(),
  modelId: ModelId.optional(),
  state: AuthorizationState,
  deviceName: z.string().min(1).optional(),
  updatedAt: ms,
});
/** One authorization's runtime fields. */
export type AuthorizationRuntime = z.infer<typeof AuthorizationRuntime>;

/** A license as the platform holds it, including licenses of SNs that are not devices (legacy activations). */
export const LicenseRuntime = z.object({
  sn: Sn,
  expireTime: z.number().int().nonnegative(),
  activeNumbers: z.array(z.number().int().nonnegative()),
  pkgType: LicensePkgType.optional(),
});
/** A license as the platform holds it. */
export type LicenseRuntime = z.infer<typeof LicenseRuntime>;

/** The runtime state of one app that its seed entry does not carry. */
export const AppRuntime = z.object({
  appId: AppId,
  /** Talk seconds billed by duration so far. */
  billedDurationSec: z.number().int().nonnegative().optional(),
  /** Platform times of stable_token force refreshes in the last day (30 s gap, 20 a day). */
  stableForceRefreshes: z.array(ms),
  devices: z.array(DeviceRuntime),
  authorizations: z.array(AuthorizationRuntime),
  groups: z.array(z.object({ groupId: z.string().min(1), province: z.string().optional(), city: z.string().optional() })),
  licenses: z.array(LicenseRuntime),
});
/** The runtime state of one app. */
export type AppRuntime = z.infer<typeof AppRuntime>;

/** A room that was not ended when the state was saved: the next start ends it as aborted and journals why. */
export const RoomInFlight = z.object({
  roomId: RoomId,
  appId: AppId,
  state: RoomState,
  direction: CallDirection,
  chargeType: ChargeType,
  sn: Sn,
  /** The user's openId (or the other end's id). */
  peer: z.string(),
  talkStartedAt: ms.nullable(),
});
/** A room in flight when the state was saved. */
export type RoomInFlight = z.infer<typeof RoomInFlight>;

/**
 * What a namespace holds beyond its seed: issued credentials still valid when saved, registration details,
 * authorization and license details, the id generator and the rooms in flight.
 */
export const NamespaceRuntime = z.object({
  /** The deterministic id generator, so ids issued after a restart never repeat earlier ones. */
  ids: z.object({ state: z.number().int(), counter: z.number().int().nonnegative() }),
  accessTokens: z.array(PersistedAccessToken),
  snTickets: z.array(PersistedSnTicket),
  deviceTokens: z.array(PersistedDeviceCredential),
  pushTokens: z.array(PersistedDeviceCredential),
  /** WMPF device ids added with `runtime/adddevice`, with the app that added them. */
  runtimeDevices: z.array(z.object({ id: z.string().min(1), appId: AppId })),
  apps: z.array(AppRuntime),
  roomsInFlight: z.array(RoomInFlight),
});
/** What a namespace holds beyond its seed. */
export type NamespaceRuntime = z.infer<typeof NamespaceRuntime>;

/**
 * The saved state of one namespace of a listening platform (`<data-dir>/namespaces/<namespace>.json`, ADR 0015). It
 * is a {@link Seed} (the seed fields sit at the top level, so `--seed <state file>` loads its entities) plus this
 * header and `runtime`. Validate a whole file with `StateFileHeader`, `Seed` and `StateFileRuntime` together.
 */
export const StateFileRuntime = z.object({
  /** Platform time when the state was saved, as ISO 8601 (for people; `platformTime` is what the platform reads). */
  savedAt: z.string().datetime({ message: 'savedAt must be an ISO 8601 time' }),
  /** Platform time (ms) when the state was saved; a restart never moves the clock back before it. */
  platformTime: ms,
  runtime: NamespaceRuntime,
});
/** The parts of a state file beyond the header and the seed. */
export type StateFileRuntime = z.infer<typeof StateFileRuntime>;

/** A whole state file: header, seed fields and runtime. */
export type StateFile = StateFileHeader & Seed & StateFileRuntime;
