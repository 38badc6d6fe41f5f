import { ConnectPartyRequest, demoSeed, ProblemDetails, Seed, SeedSummary, type PushMessage } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';

const headers = { 'x-wxvoip-namespace': 'seeded' };
const smallSeed = Seed.parse({
  clock: { mode: 'manual', now: Date.UTC(2030, 0, 1) },
  apps: [{ appId: 'wx_small', secret: 'small-secret', users: [{ openId: 'o-zoe', nickname: 'Zoe' }] }],
});

function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  return { core, control: createControlHandlers(core) };
}

describe('loadSeed', () => {
  it("replaces the namespace's state with the seed and summarises it", () => {
    const { core, control } = setup();
    const response = control.loadSeed({ headers, body: smallSeed });
    expect(response.status).toBe(200);
    expect(SeedSummary.parse(response.body)).toEqual({
      namespace: 'seeded',
      loadedAt: Date.UTC(2030, 0, 1),
      counts: { apps: 1, models: 0, devices: 0, users: 1, authorizations: 0, groups: 0, licenses: 0 },
    });
    expect([...core.tenant('seeded').state.apps.keys()]).toEqual(['wx_small']);
  });

  it('ends the old state: connected parties get bye reset', () => {
    const { core, control } = setup();
    const tenant = core.tenant('seeded');
    const connected = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
    if (!connected.ok) throw new Error(connected.refusal.rule);
    const inbox: PushMessage[] = [];
    tenant.parties.attachChannel(connected.value.party.partyId, (m) => inbox.push(m));
    control.loadSeed({ headers, body: smallSeed });
    expect(inbox.at(-1)).toMatchObject({ type: 'bye', reason: 'reset' });
  });

  it('answers a seed that breaks a cross-reference rule with a 400 validation problem and keeps the state', () => {
    const { core, control } = setup();
    const broken = { ...smallSeed, apps: [{ ...smallSeed.apps[0]!, authorizations: [{ openId: 'o-nobody', sn: 'SN_X', state: 'authorized' as const }] }] };
    const response = control.loadSeed({ headers, body: broken });
    expect(response.status).toBe(400);
    const problem = ProblemDetails.parse(response.body);
    expect(problem.errors?.map((issue) => issue.path)).toContain('apps.0.authorizations.0.openId');
    expect(core.tenant('seeded').state.app('wx_demo_app')).toBeDefined();
  });
});

describe('exportSeed', () => {
  it("exports the demo namespace as a valid seed that loads back to the same state", () => {
    const { control } = setup();
    control.updateUser({ headers, params: { appId: 'wx_demo_app', openId: 'openid-carol' }, body: { dialogDecision: 'reject' } });
    control.takeDeviceOffline({ headers, params: { sn: 'SN-WMPF-0001' }, body: { abortCalls: true } });
    const exported = Seed.parse(control.exportSeed({ headers }).body);
    expect(exported.clock).toEqual({ mode: 'manual', now: Date.UTC(2026, 0, 1) });
    const demo = exported.apps.find((app) => app.appId === 'wx_demo_app');
    expect(demo?.users.find((u) => u.openId === 'openid-carol')?.dialogDecision).toBe('reject');
    expect(demo?.devices.find((d) => d.sn === 'SN-WMPF-0001')?.online).toBe(false);
    expect(demo?.devices.find((d) => d.sn === 'SN-WMPF-LEGACY')?.registrationMethod).toBe('deviceAuthSdk');
    expect(demo?.authorizations).toHaveLength(7);
    expect(demo?.groups[0]?.members).toEqual(['SN-LINUX-0001', 'SN-LINUX-0002']);

    control.loadSeed({ headers: { 'x-wxvoip-namespace': 'copy' }, body: exported });
    const again = Seed.parse(control.exportSeed({ headers: { 'x-wxvoip-namespace': 'copy' } }).body);
    expect(again.apps).toEqual(exported.apps);
  });
});

describe('reset', () => {
  it('returns to the last loaded seed by default', () => {
    const { core, control } = setup();
    control.loadSeed({ headers, body: smallSeed });
    control.putUser({ headers, params: { appId: 'wx_small', openId: 'o-yann' }, body: { nickname: 'Yann', wechatVersion: '8.0.54', dialogDecision: 'accept' } });
    const response = control.reset({ headers, body: { to: 'seed' } });
    expect(response.status === 200 && response.body.counts.users).toBe(1);
    expect(core.tenant('seeded').state.app('wx_small')?.users.has('o-yann')).toBe(false);
  });

  it("returns to the platform's seed when no seed was loaded through the control API", () => {
    const { core, control } = setup();
    control.updateApp({ headers, params: { appId: 'wx_demo_app' }, body: { voipCapability: 'none' } });
    const response = control.reset({ headers, body: { to: 'seed' } });
    expect(response.status === 200 && response.body.counts).toEqual({ apps: 2, models: 4, devices: 7, users: 4, authorizations: 7, groups: 1, licenses: 5 });
    expect(core.tenant('seeded').state.app('wx_demo_app')?.voipCapability).toBe('approved');
  });

  it('empties the namespace with to: empty, and a later reset still goes back to the last loaded seed', () => {
    const { core, control } = setup();
    control.loadSeed({ headers, body: smallSeed });
    const emptied = control.reset({ headers, body: { to: 'empty' } });
    expect(emptied.status === 200 && emptied.body.counts.apps).toBe(0);
    expect(core.tenant('seeded').state.apps.size).toBe(0);
    control.reset({ headers, body: { to: 'seed' } });
    expect([...core.tenant('seeded').state.apps.keys()]).toEqual(['wx_small']);
  });
});

describe('wipeState', () => {
  it('forgets the namespace: back to the platform seed on next use, and reset returns to the platform seed again', () => {
    const { core, control } = setup();
    control.loadSeed({ headers, body: smallSeed });
    core.tenant('other');
    const response = control.wipeState({ headers, body: { scope: 'namespace' } });
    expect(response).toEqual({ status: 200, body: { scope: 'namespace', namespaces: ['seeded'], dataDir: null } });
    expect(core.namespaces()).toEqual(['other']);
    expect([...core.tenant('seeded').state.apps.keys()]).toEqual(['wx_demo_app', 'wx_other_app']);
    control.reset({ headers, body: { to: 'seed' } });
    expect([...core.tenant('seeded').state.apps.keys()]).toEqual(['wx_demo_app', 'wx_other_app']);
  });

  it("with scope 'all' forgets every namespace and names the data directory of a platform that keeps state", () => {
    const storage = { location: '/data/.wxvoip-mock', saved: () => undefined, savedNamespaces: () => ['saved-only'] };
    const core = new PlatformCore({ seed: demoSeed, storage });
    const control = createControlHandlers(core);
    core.tenant('a');
    const response = control.wipeState({ headers, body: { scope: 'all' } });
    expect(response).toEqual({ status: 200, body: { scope: 'all', namespaces: ['a', 'saved-only'], dataDir: '/data/.wxvoip-mock' } });
    expect(core.namespaces()).toEqual([]);
  });
});
