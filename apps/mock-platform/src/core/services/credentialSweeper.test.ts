/**
 * Finding 4 of issue 13: superseded and expired access tokens and snTickets were never removed, and namespaces
 * created by any header value were never freed. The stores are bounded now, on the platform clock.
 */
import { demoSeed } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../platformCore.js';
import { PlatformTenant } from '../platformTenant.js';

const APP = 'wx_demo_app';
const SECRET = 'demo-app-secret';

describe('credential lifecycle', () => {
  it('keeps a bounded number of superseded access tokens however many are issued', () => {
    const tenant = new PlatformTenant({ seed: demoSeed });
    const first = tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: SECRET });
    for (let i = 0; i < 5_000; i++) tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: SECRET });
    expect(tenant.state.accessTokens.size).toBeLessThanOrEqual(tenant.state.config.supersededTokensPerApp + 1);
    // The first token is forgotten now: unknown (40014) rather than superseded (40001).
    expect(first.ok && tenant.tokens.authenticate(first.value.access_token)).toMatchObject({ ok: false, refusal: { code: 40014 } });
  });

  it('answers 40001 for a recently superseded token and 42001 for a recently expired one, then forgets them', () => {
    const tenant = new PlatformTenant({ seed: demoSeed });
    const issue = () => {
      const outcome = tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: SECRET });
      if (!outcome.ok) throw new Error('no token');
      return outcome.value.access_token;
    };
    const old = issue();
    const current = issue();
    expect(tenant.tokens.authenticate(old)).toMatchObject({ ok: false, refusal: { code: 40001 } });
    tenant.state.clock.advance(7_200_000);
    expect(tenant.tokens.authenticate(current)).toMatchObject({ ok: false, refusal: { code: 42001 } });
    tenant.state.clock.advance(tenant.state.config.expiredCredentialRetentionMs);
    issue(); // issuing runs the sweep
    expect(tenant.state.accessTokens.has(old)).toBe(false);
    expect(tenant.state.accessTokens.has(current)).toBe(false);
    expect(tenant.state.accessTokens.size).toBe(1);
  });

  it('forgets expired snTickets and keeps at most maxSnTicketsPerNamespace live ones', () => {
    const tenant = new PlatformTenant({ seed: demoSeed, config: { maxSnTicketsPerNamespace: 50 } });
    const app = tenant.state.app(APP)!;
    for (let i = 0; i < 500; i++) tenant.snTickets.issue(app, `SN-T-${i}`, 'model-linux-doorbell');
    expect(tenant.state.snTickets.size).toBe(50);
    tenant.state.clock.advance(tenant.state.config.snTicketTtlMs + tenant.state.config.expiredCredentialRetentionMs);
    tenant.snTickets.issue(app, 'SN-T-last', 'model-linux-doorbell');
    expect([...tenant.state.snTickets.values()].map((t) => t.sn)).toEqual(['SN-T-last']);
  });

  it('keeps the sweep on the platform clock: nothing is forgotten before its retention', () => {
    const tenant = new PlatformTenant({ seed: demoSeed });
    const app = tenant.state.app(APP)!;
    tenant.snTickets.issue(app, 'SN-A', 'model-linux-doorbell');
    tenant.state.clock.advance(tenant.state.config.snTicketTtlMs + 1000);
    expect(tenant.state.credentials.sweep()).toMatchObject({ snTickets: 0 });
    tenant.state.clock.advance(tenant.state.config.expiredCredentialRetentionMs);
    expect(tenant.state.credentials.sweep()).toMatchObject({ snTickets: 1 });
  });
});

describe('parties', () => {
  it('forgets the oldest disconnected parties past maxDisconnectedParties', () => {
    const tenant = new PlatformTenant({ seed: demoSeed, config: { maxDisconnectedParties: 10 } });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const party = tenant.parties.connect({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', flavor: 'release' });
      if (!party.ok) throw new Error('connect failed');
      ids.push(party.value.party.partyId);
      tenant.parties.disconnect(party.value.party.partyId);
    }
    expect(ids.filter((id) => tenant.parties.get(id) !== undefined)).toEqual(ids.slice(-10));
  });
});

describe('namespaces', () => {
  it('are capped: idle ones go least recently used first; default and control-API ones stay', () => {
    const core = new PlatformCore({ seed: demoSeed, maxNamespaces: 10 });
    core.tenant();
    core.tenant('set-up-by-test', { keep: true });
    for (let i = 0; i < 2_000; i++) core.tenant(`header-${i}`);
    expect(core.namespaces().length).toBeLessThanOrEqual(10);
    expect(core.namespaces()).toEqual(expect.arrayContaining(['default', 'set-up-by-test', 'header-1999']));
    expect(core.evicted).toBe(2_000 + 2 - 10);
    core.close();
    // 2,000 namespaces built from the demo seed: about 1 s alone, 5 s when CI runs two test projects side by side.
  }, 30_000);

  it('never evicts a namespace with a connected party', () => {
    const core = new PlatformCore({ seed: demoSeed, maxNamespaces: 3 });
    const busy = core.tenant('busy');
    busy.parties.connect({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', flavor: 'release' });
    for (let i = 0; i < 20; i++) core.tenant(`other-${i}`);
    expect(core.namespaces()).toContain('busy');
    expect(core.tenant('busy')).toBe(busy);
    core.close();
  });
});
