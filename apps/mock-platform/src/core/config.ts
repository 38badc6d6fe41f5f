/**
 * Every timer, lifetime and policy of the platform core, with WeChat's documented value where there is one.
 * Values marked [I] are our choice where WeChat documents nothing; all of them can be overridden per platform.
 */
export interface PlatformConfig {
  /** Ring timeout: the caller gets `timeout` after this long without an answer. 60 s (P §9.3, D §6.2). */
  ringTimeoutMs: number;
  /** A listener that joined waits this long for the caller, then aborts. 20 s (P §9.5). */
  listenerWaitMs: number;
  /**
   * A plugin caller (`callDevice`, `callWMPF`, `initByCaller`) joins the room when its call page shows (P §3.4, §9.2).
   * One that has not joined this long after the call was created ends the room as aborted on the caller side
   * (`abortVoip{abortByCaller}`; no `timeout`, which belongs to the caller's Waiting state, P §13.2). [I] 60 s, the
   * ring timeout: WeChat documents no call without its call page (ADR 0021).
   */
  callerJoinTimeoutMs: number;
  /** Interval of the `calling` event while talking. 1 s (P §7). */
  callingIntervalMs: number;
  /** snTicket lifetime. 5 min (D §4.3). */
  snTicketTtlMs: number;
  /**
   * How many registrations one snTicket may serve before it is used up; 0 = any number within its lifetime.
   * [I] 0: WeChat documents only the 5-minute lifetime and "do not store it on the device" (D §0.3, §10.1).
   */
  snTicketMaxUses: number;
  /** access_token lifetime, classic and stable. 7200 s (D §4.1). */
  accessTokenTtlSec: number;
  /** A stable token is rotated this long before it expires. 5 min (D §4.2). */
  stableTokenRotateBeforeSec: number;
  /** Minimum gap between two `force_refresh` calls of stable_token. 30 s (D §4.2). */
  stableForceRefreshGapMs: number;
  /** Daily limit of `force_refresh` calls. 20 (D §4.2). */
  stableForceRefreshPerDay: number;
  /** deviceToken (voipToken) lifetime. About 1 h (D §0.3). */
  deviceTokenTtlMs: number;
  /** WMPF pushToken lifetime. [I] 24 h: WeChat documents only that it expires at `expireTimestamp`. */
  pushTokenTtlMs: number;
  /** How long the developer's server has to answer an `iot_voip_notify` callback. [I] 5 s, the general message-push deadline (D §9.5). */
  callbackReplyTimeoutMs: number;
  /** Retries of an unanswered callback before the call is cancelled. [I] 3 (D §9.5). */
  callbackRetries: number;
  /** How often the push channel pings a party. [I] 10 s. */
  pingIntervalMs: number;
  /** A party that misses this many pings in a row has vanished: its calls abort. [I] 2 (ADR 0007). */
  missedPongsBeforeVanished: number;
  /** A joined party that sends no room heartbeat for this long is treated as lost. [I] 30 s. */
  mediaSilenceTimeoutMs: number;
  /** Clock skew a Linux device tolerates before `wx_init` fails. 5 s (D §1.1). */
  maxDeviceClockSkewMs: number;
  /** Expiry every license reports in the post-2024 stub mode: 1893427200 = 2030-01-01 (D §4.11). */
  licenseStubExpireTime: number;
  /** Push messages kept for a party whose channel is not attached, before the oldest are dropped. [I] 1000. */
  maxPendingPushesPerParty: number;
  /** Journal entries kept per namespace. [I] 10 000. */
  journalCapacity: number;
  /**
   * How long an expired credential (access token, snTicket, deviceToken, pushToken) is still recognised, so that it
   * gets its precise "expired" errcode, before a sweep forgets it (then it is unknown). [I] 1 h.
   */
  expiredCredentialRetentionMs: number;
  /** Superseded access tokens remembered per app and kind (for errcode 40001) before the oldest are forgotten. [I] 16. */
  supersededTokensPerApp: number;
  /** Live snTickets kept per namespace; past it the oldest are forgotten (a registration with one gets "unknown"). [I] 1000. */
  maxSnTicketsPerNamespace: number;
  /** deviceTokens kept per device (each getDeviceToken issues one); past it the oldest are forgotten. [I] 16. */
  deviceTokensPerDevice: number;
  /** Platform time between two sweeps of expired credentials; a sweep runs when a credential is issued. [I] 60 s. */
  credentialSweepIntervalMs: number;
  /** Disconnected parties remembered per namespace (for the control API's views); past it the oldest are forgotten. [I] 1000. */
  maxDisconnectedParties: number;
  /** Bytes of journal entries (bodies as kept: whole when small, a digest otherwise) kept per namespace. [I] 4 MiB. */
  journalByteBudget: number;
}

/** The documented defaults of {@link PlatformConfig}. */
export const DEFAULT_PLATFORM_CONFIG: Readonly<PlatformConfig> = Object.freeze({
  ringTimeoutMs: 60_000,
  listenerWaitMs: 20_000,
  callerJoinTimeoutMs: 60_000,
  callingIntervalMs: 1_000,
  snTicketTtlMs: 5 * 60_000,
  snTicketMaxUses: 0,
  accessTokenTtlSec: 7_200,
  stableTokenRotateBeforeSec: 300,
  stableForceRefreshGapMs: 30_000,
  stableForceRefreshPerDay: 20,
  deviceTokenTtlMs: 60 * 60_000,
  pushTokenTtlMs: 24 * 60 * 60_000,
  callbackReplyTimeoutMs: 5_000,
  callbackRetries: 3,
  pingIntervalMs: 10_000,
  missedPongsBeforeVanished: 2,
  mediaSilenceTimeoutMs: 30_000,
  maxDeviceClockSkewMs: 5_000,
  licenseStubExpireTime: 1_893_427_200,
  maxPendingPushesPerParty: 1_000,
  journalCapacity: 10_000,
  journalByteBudget: 4 * 1024 * 1024,
  expiredCredentialRetentionMs: 60 * 60_000,
  supersededTokensPerApp: 16,
  maxSnTicketsPerNamespace: 1_000,
  deviceTokensPerDevice: 16,
  credentialSweepIntervalMs: 60_000,
  maxDisconnectedParties: 1_000,
});

/** Merges overrides onto the defaults, refusing values that are not positive finite numbers. */
export function resolvePlatformConfig(overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  const config = { ...DEFAULT_PLATFORM_CONFIG, ...overrides };
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`platform config ${key} must be a finite number >= 0, got ${String(value)}`);
    }
  }
  return config;
}
