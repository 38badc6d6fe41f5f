import type {
  AuthorizationState,
  FaultSpec,
  ChargeType,
  DeviceKind,
  DialogDecision,
  LicenseApiMode,
  LicensePkgType,
  PushConfig,
  RegistrationMethod,
  VoipCapability,
} from '@wxvoip/contracts';

/** A mini program and everything that belongs to it (D §10.1). */
export interface AppState {
  readonly appId: string;
  secret: string;
  /** Original id (`gh_…`), the `ToUserName` of callbacks. */
  readonly originalId: string;
  name: string | undefined;
  voipCapability: VoipCapability;
  pushConfig: PushConfig | undefined;
  readonly billing: BillingState;
  readonly models: Map<string, ModelState>;
  readonly devices: Map<string, DeviceState>;
  readonly users: Map<string, UserState>;
  /** Authorizations by openId, then by target key (`sn:<sn>` or `group:<groupId>`). */
  readonly authorizations: Map<string, Map<string, AuthorizationRecord>>;
  readonly groups: Map<string, GroupState>;
  readonly licenses: Map<string, DeviceLicenseState>;
  readonly licensePackages: Map<string, LicensePackageState>;
  /** The current classic and stable access tokens of this app (earlier ones are superseded). */
  readonly accessTokens: { classic: AccessTokenRecord | undefined; stable: AccessTokenRecord | undefined };
  /** Platform times (ms) of stable_token force refreshes, for the 30 s gap and 20/day quota. */
  readonly stableForceRefreshes: number[];
}

/** Duration and license billing of an app (P §10). */
export interface BillingState {
  /** Remaining duration quota in seconds; null = unlimited. */
  durationBalanceSec: number | null;
  inArrears: boolean;
  licenseApis: LicenseApiMode;
  enforceLicenseOnCall: boolean;
  /** Talk seconds billed by duration so far (BillingService.settle); absent until the first duration call is settled. */
  billedDurationSec?: number;
}

/** A device model (D §10.1). */
export interface ModelState {
  readonly modelId: string;
  readonly kind: DeviceKind;
  readonly modelType: string;
  approved: boolean;
  /** Charge type the platform picks when the caller cannot choose one. */
  billing: ChargeType;
}

/** A device: Linux, RTOS or Android WMPF (D §10.1). */
export interface DeviceState {
  readonly sn: string;
  readonly modelId: string;
  readonly kind: DeviceKind;
  name: string | undefined;
  registered: boolean;
  registrationMethod: RegistrationMethod | undefined;
  registeredAt: number | undefined;
  /** Hardware identity that registered (the party's install id); another identity registering the SN is refused. */
  registeredBy: string | undefined;
  /** WMPF: activated on WeCooper. */
  activated: boolean;
  online: boolean;
  /** The device group it belongs to, if any (at most one). */
  groupId: string | undefined;
  /**
   * WMPF/device-auth SDK deviceTokens still valid or expired (kept for a clear refusal); undefined until the first is
   * issued, so that thousands of seeded devices that never fetch one hold no empty map each (issue 19).
   */
  deviceTokens: Map<string, { expiresAt: number }> | undefined;
  /** WMPF pushToken, if one was issued. */
  pushToken: { token: string; expiresAt: number } | undefined;
}

/** A WeChat user of one app. */
export interface UserState {
  readonly openId: string;
  nickname: string;
  wechatVersion: string;
  /** What the user answers when the authorization dialog appears. */
  dialogDecision: DialogDecision;
}

/** One user's decision about one device or device group (D §5). */
export interface AuthorizationRecord {
  readonly openId: string;
  /** The device (with the modelId it was authorized with, when known) or the group. */
  readonly target: { readonly kind: 'device'; readonly sn: string; readonly modelId?: string } | { readonly kind: 'group'; readonly groupId: string };
  state: AuthorizationState;
  deviceName: string | undefined;
  updatedAt: number;
}

/** A device group (D §4.5–§4.9). */
export interface GroupState {
  readonly groupId: string;
  readonly name: string;
  readonly modelId: string;
  readonly modelType: string;
  maxDeviceCount: 50 | 200;
  province: string | undefined;
  city: string | undefined;
  /** Member SNs in insertion order. */
  readonly members: Set<string>;
}

/** A device's license (legacy license APIs, D §4.11). */
export interface DeviceLicenseState {
  readonly sn: string;
  expireTime: number;
  readonly activeNumbers: number[];
  /** Package class the device was first activated with outside trial packages (9800040 rule, LicenseService); absent = none yet. */
  pkgType?: LicensePkgType;
}

/** A license package (legacy license APIs, D §4.11). */
export interface LicensePackageState {
  readonly pkgId: string;
  readonly pkgType: LicensePkgType;
  readonly startTime: number;
  readonly endTime: number;
  readonly all: number;
  used: number;
}

/** An issued access token (D §4.1–§4.2). */
export interface AccessTokenRecord {
  readonly token: string;
  readonly appId: string;
  readonly kind: 'classic' | 'stable';
  readonly issuedAt: number;
  /** Platform ms; the control API's `expireAccessTokens` may bring it forward. */
  expiresAt: number;
  superseded: boolean;
}

/** An issued snTicket (D §4.3): valid 5 minutes. */
export interface SnTicketRecord {
  readonly ticket: string;
  readonly appId: string;
  readonly sn: string;
  readonly modelId: string;
  /** Platform ms; the control API's `expireDeviceCredentials` may bring it forward. */
  expiresAt: number;
  /** Registrations (and authorizations) that used it; compared with `PlatformConfig.snTicketMaxUses`. */
  uses: number;
}

/** An injected fault (control API `addFault`), kept until deleted; an exhausted one stays with `remaining: 0`. */
export interface FaultRecord {
  readonly faultId: string;
  readonly spec: FaultSpec;
  readonly createdAt: number;
  triggered: number;
  /** Occurrences left; null = until deleted (latency without `times`). */
  remaining: number | null;
}
