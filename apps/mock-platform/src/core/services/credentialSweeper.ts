import type { TenantState } from '../tenant/tenantState.js';

/** How many credentials one sweep forgot, by kind. */
export interface SweepResult {
  readonly accessTokens: number;
  readonly snTickets: number;
  readonly deviceTokens: number;
  readonly pushTokens: number;
}

/**
 * Forgets credentials that can no longer be used, on the platform clock, so that the stores stay bounded however
 * many are issued. The stores stay plain maps with explicit expiry (they can be saved and restored as they are);
 * this is the only place that deletes from them for age:
 *
 * - access tokens (classic and stable) and snTickets, deviceTokens and pushTokens that expired more than
 *   `expiredCredentialRetentionMs` ago (until then they still answer their precise "expired" errcode);
 * - access tokens that are superseded and also expired.
 *
 * The count bounds (superseded tokens per app, snTickets per namespace, deviceTokens per device) are kept by the
 * services when they issue. {@link CredentialSweeper.maybeSweep} runs a sweep at most every
 * `credentialSweepIntervalMs` of platform time; the services call it when they issue, so no timer is needed.
 *
 * @example
 * sweeper.sweep(); // { accessTokens: 3, snTickets: 10, deviceTokens: 0, pushTokens: 1 }
 */
export class CredentialSweeper {
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly state: TenantState) {}

  /** Sweeps when `credentialSweepIntervalMs` of platform time passed since the last sweep. */
  maybeSweep(): SweepResult | undefined {
    const now = this.state.now();
    if (now - this.lastSweepAt < this.state.config.credentialSweepIntervalMs) return undefined;
    return this.sweep();
  }

  /** Forgets every credential past its retention now. */
  sweep(): SweepResult {
    const now = this.state.now();
    this.lastSweepAt = now;
    const cutoff = now - this.state.config.expiredCredentialRetentionMs;
    let accessTokens = 0;
    for (const [token, record] of this.state.accessTokens) {
      if (record.expiresAt <= cutoff || (record.superseded && record.expiresAt <= now)) {
        this.state.accessTokens.delete(token);
        accessTokens++;
      }
    }
    let snTickets = 0;
    for (const [ticket, record] of this.state.snTickets) {
      if (record.expiresAt <= cutoff) {
        this.state.snTickets.delete(ticket);
        snTickets++;
      }
    }
    let deviceTokens = 0;
    for (const [token, owner] of this.state.deviceTokens) {
      const device = this.state.apps.get(owner.appId)?.devices.get(owner.sn);
      const record = device?.deviceTokens?.get(token);
      if (!record || record.expiresAt <= cutoff) {
        device?.deviceTokens?.delete(token);
        this.state.deviceTokens.delete(token);
        deviceTokens++;
      }
    }
    let pushTokens = 0;
    for (const [token, owner] of this.state.pushTokens) {
      const device = this.state.apps.get(owner.appId)?.devices.get(owner.sn);
      if (!device?.pushToken || device.pushToken.token !== token || device.pushToken.expiresAt <= cutoff) {
        this.state.pushTokens.delete(token);
        pushTokens++;
      }
    }
    return { accessTokens, snTickets, deviceTokens, pushTokens };
  }
}
