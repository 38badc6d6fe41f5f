import type { AccessTokenSuccess, GetAccessTokenQuery, GetStableAccessTokenRequest } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AccessTokenRecord, AppState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';

/** Length of issued access tokens. WeChat only says to store at least 512 characters; ours are shorter. [I] */
const ACCESS_TOKEN_LENGTH = 136;
const DAY_MS = 24 * 60 * 60_000;

/**
 * access_token issue and checks (D §4.1, §4.2, §10.3).
 *
 * - `/cgi-bin/token` issues a new classic token each call; the previous classic token is superseded [I: general
 *   WeChat behaviour].
 * - `/cgi-bin/stable_token` returns the current stable token and its remaining lifetime, issuing a new one when
 *   none is valid or less than 5 minutes remain; `force_refresh` supersedes it (at most 20 a day, 30 s apart).
 *   Classic and stable tokens are independent.
 * - {@link TokenService.authenticate} answers 41001 (missing), 40014 (unknown), 40001 (superseded: "not the
 *   latest") and 42001 (expired), in that order.
 */
export class TokenService {
  /** Superseded tokens per app and kind, oldest first: past `supersededTokensPerApp` the oldest are forgotten. */
  private readonly superseded = new Map<string, string[]>();

  constructor(private readonly state: TenantState) {}

  /** `GET /cgi-bin/token`. */
  getAccessToken(query: GetAccessTokenQuery): Outcome<AccessTokenSuccess> {
    const app = this.checkCredentials(query.appid, query.secret);
    if (!app.ok) return app;
    const record = this.issue(app.value, 'classic');
    return accept({ access_token: record.token, expires_in: this.state.config.accessTokenTtlSec });
  }

  /** `POST /cgi-bin/stable_token`. */
  getStableAccessToken(body: GetStableAccessTokenRequest): Outcome<AccessTokenSuccess> {
    const checked = this.checkCredentials(body.appid, body.secret);
    if (!checked.ok) return checked;
    const app = checked.value;
    const now = this.state.now();
    if (body.force_refresh) {
      const refreshes = app.stableForceRefreshes.filter((t) => t > now - DAY_MS);
      app.stableForceRefreshes.splice(0, app.stableForceRefreshes.length, ...refreshes);
      const last = refreshes.at(-1);
      if (last !== undefined && now - last < this.state.config.stableForceRefreshGapMs) {
        return refuse('MINUTE_QUOTA_REACHED', 'tokens', `force_refresh needs at least ${this.state.config.stableForceRefreshGapMs / 1000} s between calls (D §4.2)`);
      }
      if (refreshes.length >= this.state.config.stableForceRefreshPerDay) {
        return refuse('DAILY_QUOTA_REACHED', 'tokens', `force_refresh is limited to ${this.state.config.stableForceRefreshPerDay} calls a day (D §4.2)`);
      }
      app.stableForceRefreshes.push(now);
      const record = this.issue(app, 'stable');
      return accept({ access_token: record.token, expires_in: this.remainingSec(record) });
    }
    const current = app.accessTokens.stable;
    const rotateAt = current ? current.expiresAt - this.state.config.stableTokenRotateBeforeSec * 1000 : 0;
    const record = current && now < rotateAt ? current : this.issue(app, 'stable', { supersede: false });
    return accept({ access_token: record.token, expires_in: this.remainingSec(record) });
  }

  /** Checks the `access_token` of a protected route and returns its app. */
  authenticate(accessToken: string | undefined): Outcome<AppState> {
    if (accessToken === undefined || accessToken === '') {
      return refuse('ACCESS_TOKEN_MISSING', 'credential', 'the access_token query parameter is required on this route');
    }
    const record = this.state.accessTokens.get(accessToken);
    const app = record ? this.state.app(record.appId) : undefined;
    if (!record || !app) {
      return refuse('INVALID_ACCESS_TOKEN', 'credential', 'this access_token was not issued by this platform (or the namespace was reset)');
    }
    if (record.superseded) {
      return refuse('INVALID_CREDENTIAL', 'credential', `a newer ${record.kind} access_token replaced this one; fetch the latest token`);
    }
    if (this.state.now() >= record.expiresAt) {
      return refuse('ACCESS_TOKEN_EXPIRED', 'credential', `this access_token expired at ${new Date(record.expiresAt).toISOString()}; fetch a new one`);
    }
    return accept(app);
  }

  /** Every token of an app stops working (for example when its secret changes). */
  revokeAll(appId: string): void {
    for (const record of this.state.accessTokens.values()) if (record.appId === appId) record.superseded = true;
  }

  private checkCredentials(appid: string, secret: string): Outcome<AppState> {
    const app = this.state.app(appid);
    if (!app) return refuse('INVALID_APPID', 'credential', `no mini program with appid "${appid}" exists on this platform (seed it first)`);
    if (app.secret !== secret) return refuse('INVALID_APPSECRET', 'credential', `the secret does not match appid "${appid}"'s AppSecret`);
    return accept(app);
  }

  private issue(app: AppState, kind: 'classic' | 'stable', { supersede = true } = {}): AccessTokenRecord {
    this.state.credentials.maybeSweep();
    const now = this.state.now();
    const previous = app.accessTokens[kind];
    if (previous && (supersede || previous.expiresAt <= now)) this.remember(previous, supersede);
    const record: AccessTokenRecord = {
      token: this.state.ids.token(ACCESS_TOKEN_LENGTH),
      appId: app.appId,
      kind,
      issuedAt: now,
      expiresAt: now + this.state.config.accessTokenTtlSec * 1000,
      superseded: false,
    };
    app.accessTokens[kind] = record;
    this.state.accessTokens.set(record.token, record);
    return record;
  }

  /** Marks a replaced token superseded (when it is) and forgets the oldest replaced ones past the per-app bound. */
  private remember(previous: AccessTokenRecord, supersede: boolean): void {
    if (supersede) previous.superseded = true;
    const key = `${previous.appId}:${previous.kind}`;
    const queue = this.superseded.get(key) ?? [];
    queue.push(previous.token);
    this.superseded.set(key, queue);
    while (queue.length > this.state.config.supersededTokensPerApp) this.state.accessTokens.delete(queue.shift()!);
  }

  private remainingSec(record: AccessTokenRecord): number {
    return Math.max(1, Math.ceil((record.expiresAt - this.state.now()) / 1000));
  }
}
