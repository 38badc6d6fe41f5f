import { describe, expect, it } from 'vitest';
import { createTenantState } from '../tenant/createTenantState.js';
import { TokenService } from './tokenService.js';

const seed = { apps: [{ appId: 'wx-app', secret: 's3cret' }, { appId: 'wx-other', secret: 'other' }] };

function setup() {
  const state = createTenantState({ seed });
  return { state, tokens: new TokenService(state) };
}

function issued<T>(outcome: { ok: true; value: T } | { ok: false }): T {
  if (!outcome.ok) throw new Error('expected success');
  return outcome.value;
}

describe('TokenService: /cgi-bin/token', () => {
  it('issues a 7200 s token for the right secret', () => {
    const { tokens } = setup();
    const result = issued(tokens.getAccessToken({ grant_type: 'client_credential', appid: 'wx-app', secret: 's3cret' }));
    expect(result.expires_in).toBe(7200);
    expect(issued(tokens.authenticate(result.access_token)).appId).toBe('wx-app');
  });

  it.each([
    ['unknown appid', 'nope', 's3cret', 40013],
    ['wrong secret', 'wx-app', 'wrong', 40125],
  ])('refuses an %s with %i', (_name, appid, secret, code) => {
    const { tokens } = setup();
    const result = tokens.getAccessToken({ grant_type: 'client_credential', appid, secret });
    expect(result.ok ? 0 : result.refusal.code).toBe(code);
  });

  it('supersedes the previous classic token (40001) but not the stable one', () => {
    const { tokens } = setup();
    const first = issued(tokens.getAccessToken({ grant_type: 'client_credential', appid: 'wx-app', secret: 's3cret' }));
    const stable = issued(tokens.getStableAccessToken({ grant_type: 'client_credential', appid: 'wx-app', secret: 's3cret', force_refresh: false }));
    issued(tokens.getAccessToken({ grant_type: 'client_credential', appid: 'wx-app', secret: 's3cret' }));
    const old = tokens.authenticate(first.access_token);
    expect(old.ok ? null : [old.refusal.code, old.refusal.stage]).toEqual([40001, 'credential']);
    expect(tokens.authenticate(stable.access_token).ok).toBe(true);
  });
});

describe('TokenService: authenticate', () => {
  it('answers 41001 for a missing token and 40014 for an unknown one', () => {
    const { tokens } = setup();
    for (const [token, code] of [[undefined, 41001], ['', 41001], ['forged', 40014]] as const) {
      const result = tokens.authenticate(token);
      expect(result.ok ? 0 : result.refusal.code).toBe(code);
    }
  });

  it('answers 42001 once the token is 7200 s old', () => {
    const { state, tokens } = setup();
    const token = issued(tokens.getAccessToken({ grant_type: 'client_credential', appid: 'wx-app', secret: 's3cret' })).access_token;
    state.clock.advance(7_199_999);
    expect(tokens.authenticate(token).ok).toBe(true);
    state.clock.advance(1);
    const result = tokens.authenticate(token);
    expect(result.ok ? 0 : result.refusal.code).toBe(42001);
  });
});

describe('TokenService: /cgi-bin/stable_token', () => {
  const body = { grant_type: 'client_credential' as const, appid: 'wx-app', secret: 's3cret', force_refresh: false };

  it('returns the same token with its remaining lifetime, rotating 5 minutes before expiry', () => {
    const { state, tokens } = setup();
    const first = issued(tokens.getStableAccessToken(body));
    expect(first.expires_in).toBe(7200);
    state.clock.advance(7200_000 - 345_000);
    expect(issued(tokens.getStableAccessToken(body))).toEqual({ access_token: first.access_token, expires_in: 345 });
    state.clock.advance(46_000);
    const again = issued(tokens.getStableAccessToken(body));
    expect(again.access_token).not.toBe(first.access_token);
    expect(again.expires_in).toBe(7200);
    state.clock.advance(1000);
    expect(issued(tokens.getStableAccessToken(body))).toEqual({ access_token: again.access_token, expires_in: 7199 });
    // The rotated-out token stays valid until it expires.
    expect(tokens.authenticate(first.access_token).ok).toBe(true);
  });

  it('force_refresh supersedes the token, needs 30 s between calls and allows 20 a day', () => {
    const { state, tokens } = setup();
    const first = issued(tokens.getStableAccessToken(body));
    const refreshed = issued(tokens.getStableAccessToken({ ...body, force_refresh: true }));
    expect(refreshed.access_token).not.toBe(first.access_token);
    const old = tokens.authenticate(first.access_token);
    expect(old.ok ? 0 : old.refusal.code).toBe(40001);
    const tooSoon = tokens.getStableAccessToken({ ...body, force_refresh: true });
    expect(tooSoon.ok ? 0 : tooSoon.refusal.code).toBe(45011);
    for (let i = 1; i < 20; i++) {
      state.clock.advance(30_000);
      expect(tokens.getStableAccessToken({ ...body, force_refresh: true }).ok).toBe(true);
    }
    state.clock.advance(30_000);
    const overQuota = tokens.getStableAccessToken({ ...body, force_refresh: true });
    expect(overQuota.ok ? 0 : overQuota.refusal.code).toBe(45009);
    state.clock.advance(24 * 60 * 60_000);
    expect(tokens.getStableAccessToken({ ...body, force_refresh: true }).ok).toBe(true);
  });
});
