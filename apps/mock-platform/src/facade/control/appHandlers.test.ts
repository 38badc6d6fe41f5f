import { AppView, BillingView, demoSeed, GroupView, IssuedSnTicket, ProblemDetails } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';

/** The body of a successful response; the test fails when the handler answered a problem. */
function ok<R extends { status: number; body: unknown }>(response: R): Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'] {
  expect(response.status).toBeLessThan(300);
  return response.body as Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'];
}

const headers = { 'x-wxvoip-namespace': 'apps' };
const demo = { appId: 'wx_demo_app' };
const unknown = { appId: 'wx_nope' };

function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  const tenant = core.tenant('apps');
  const token = () => {
    const issued = tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: 'wx_demo_app', secret: tenant.state.app('wx_demo_app')!.secret });
    if (!issued.ok) throw new Error(issued.refusal.rule);
    return issued.value.access_token;
  };
  return { core, tenant, token, control: createControlHandlers(core) };
}

/** The problem body of a response, checked against the contract, with its status. */
function problemOf(response: { status: number; body: unknown }) {
  const problem = ProblemDetails.parse(response.body);
  expect(response.status).toBe(problem.status);
  return problem;
}

describe('listApps and getApp', () => {
  it('lists both demo apps with their settings and counts', () => {
    const { control } = setup();
    const apps = ok(control.listApps({ headers })).apps.map((app) => AppView.parse(app));
    expect(apps.map((app) => app.appId)).toEqual(['wx_demo_app', 'wx_other_app']);
    expect(apps[0]?.counts).toEqual({ devices: 7, users: 3, authorizations: 7, groups: 1, rooms: 0 });
    expect(apps[1]).toMatchObject({ originalId: 'gh_other000001', pushConfig: null, voipCapability: 'approved', models: [] });
  });

  it('shows one app, or a 404 not-found problem naming it and the namespace', () => {
    const { control } = setup();
    const found = control.getApp({ headers, params: demo });
    expect(found.status === 200 && AppView.parse(found.body).name).toBe('Demo Doorbells');
    expect(problemOf(control.getApp({ headers, params: unknown }))).toMatchObject({
      status: 404,
      type: 'urn:wxvoip:problem:not-found',
      detail: 'app "wx_nope" does not exist in namespace "apps"',
      instance: '/__admin/apps/wx_nope',
    });
  });
});

describe('updateApp', () => {
  it('changes the capability and removes the push configuration with null', () => {
    const { tenant, control } = setup();
    const response = control.updateApp({ headers, params: demo, body: { voipCapability: 'trial', pushConfig: null } });
    expect(response.status === 200 && response.body).toMatchObject({ voipCapability: 'trial', pushConfig: null });
    expect(tenant.state.app('wx_demo_app')?.pushConfig).toBeUndefined();
  });

  it('changes the secret; issued access_tokens stay valid until they expire (AppPatch)', () => {
    const { tenant, token, control } = setup();
    const before = token();
    control.updateApp({ headers, params: demo, body: { secret: 'rotated-secret' } });
    expect(tenant.tokens.authenticate(before).ok).toBe(true);
    const old = tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: 'wx_demo_app', secret: 'demo-app-secret' });
    expect(old.ok ? 0 : old.refusal.code).toBe(40125);
    expect(tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: 'wx_demo_app', secret: 'rotated-secret' }).ok).toBe(true);
  });

  it('answers 404 for an unknown app', () => {
    const { control } = setup();
    expect(control.updateApp({ headers, params: unknown, body: { voipCapability: 'none' } }).status).toBe(404);
  });

  it.each(['compatible', 'plaintext'] as const)('refuses push mode %s with a 400 at pushConfig.mode: iot_voip_notify is sent in secure mode only (D §2.3)', (mode) => {
    const { tenant, control } = setup();
    const before = tenant.state.app('wx_demo_app')?.pushConfig;
    const pushConfig = { url: 'https://dev.example/push', token: 'tok', encodingAESKey: 'a'.repeat(43), mode, format: 'json' } as const;
    const response = control.updateApp({ headers, params: demo, body: { pushConfig } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'urn:wxvoip:problem:validation', errors: [{ path: 'pushConfig.mode', message: expect.stringContaining('secure mode only (D §2.3)') }] });
    expect(tenant.state.app('wx_demo_app')?.pushConfig).toBe(before);
    tenant.callbacks.insecurePushModes = 'allow';
    expect(control.updateApp({ headers, params: demo, body: { pushConfig } }).status).toBe(200);
    expect(tenant.state.app('wx_demo_app')?.pushConfig?.mode).toBe(mode);
  });
});

describe('expireAccessTokens', () => {
  it('expires the valid tokens now so their next use answers 42001', () => {
    const { tenant, token, control } = setup();
    const current = token();
    const response = control.expireAccessTokens({ headers, params: demo });
    expect(response.status === 200 && response.body).toEqual({ expired: 1 });
    const used = tenant.tokens.authenticate(current);
    expect(used.ok ? 0 : used.refusal.code).toBe(42001);
    expect(control.expireAccessTokens({ headers, params: demo }).body).toEqual({ expired: 0 });
  });

  it('answers 404 for an unknown app', () => {
    const { control } = setup();
    expect(control.expireAccessTokens({ headers, params: unknown }).status).toBe(404);
  });
});

describe('issueSnTicket', () => {
  it('issues a 5-minute ticket (201) that registration accepts', () => {
    const { tenant, control } = setup();
    const response = control.issueSnTicket({ headers, params: demo, body: { sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell' } });
    expect(response.status).toBe(201);
    const issued = IssuedSnTicket.parse(response.body);
    expect(issued.expiresAt).toBe(tenant.state.now() + 5 * 60_000);
    expect(tenant.snTickets.check(issued.snTicket, { appId: 'wx_demo_app', sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell' }).ok).toBe(true);
  });

  it('refuses a model that is not approved with a 409 carrying the core refusal', () => {
    const { control } = setup();
    const response = control.issueSnTicket({ headers, params: demo, body: { sn: 'SN-PROTO-0001', modelId: 'model-linux-prototype' } });
    expect(problemOf(response)).toMatchObject({
      status: 409,
      type: 'urn:wxvoip:problem:invalid-state',
      detail: expect.stringMatching(/is not approved yet.*\(core refusal MODEL_ID_CHECK_FAILED, code 9800003, stage arguments\)$/),
    });
  });

  it('refuses an app without VoIP capability with 409 (48001) and an unknown app with 404', () => {
    const { control } = setup();
    control.updateApp({ headers, params: demo, body: { voipCapability: 'none' } });
    const refused = control.issueSnTicket({ headers, params: demo, body: { sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell' } });
    expect(problemOf(refused).detail).toMatch(/core refusal API_UNAUTHORIZED, code 48001, stage capability/);
    expect(control.issueSnTicket({ headers, params: unknown, body: { sn: 'SN-X', modelId: 'm' } }).status).toBe(404);
  });
});

describe('listGroups', () => {
  it("lists the app's groups with their model type, or 404", () => {
    const { control } = setup();
    const response = control.listGroups({ headers, params: demo });
    expect(response.status === 200 && response.body.groups.map((g) => GroupView.parse(g))).toEqual([
      { groupId: 'group-building-a', name: 'Building A doorbells', modelId: 'model-linux-doorbell', modelType: 'doorbell', maxDeviceCount: 50, members: ['SN-LINUX-0001', 'SN-LINUX-0002'] },
    ]);
    expect(control.listGroups({ headers, params: unknown }).status).toBe(404);
  });
});

describe('billing', () => {
  it('shows, changes and sets device licenses', () => {
    const { control } = setup();
    const shown = control.getBilling({ headers, params: demo });
    expect(shown.status === 200 && BillingView.parse(shown.body).billing).toEqual({ durationBalanceSec: 36_000, inArrears: false, licenseApis: 'stub2024', enforceLicenseOnCall: true });

    const patched = control.updateBilling({ headers, params: demo, body: { inArrears: true, durationBalanceSec: null } });
    expect(patched.status === 200 && patched.body.billing).toMatchObject({ inArrears: true, durationBalanceSec: null });

    const licensed = control.setDeviceLicense({ headers, params: { appId: 'wx_demo_app', sn: 'SN-LINUX-NEW' }, body: { expireTime: 1_900_000_000, activeNumbers: [7] } });
    expect(licensed.status === 200 && licensed.body.licenses.find((l) => l.sn === 'SN-LINUX-NEW')).toEqual({ sn: 'SN-LINUX-NEW', expireTime: 1_900_000_000, activeNumbers: [7] });
    const removed = control.setDeviceLicense({ headers, params: { appId: 'wx_demo_app', sn: 'SN-LINUX-0001' }, body: { expireTime: null, activeNumbers: [] } });
    expect(removed.status === 200 && removed.body.licenses.map((l) => l.sn)).not.toContain('SN-LINUX-0001');
  });

  it('answers 404 for an unknown app, and for a license of a device the app does not have', () => {
    const { control } = setup();
    expect(control.getBilling({ headers, params: unknown }).status).toBe(404);
    expect(control.updateBilling({ headers, params: unknown, body: { inArrears: true } }).status).toBe(404);
    expect(control.setDeviceLicense({ headers, params: { appId: 'wx_nope', sn: 'SN-LINUX-0001' }, body: { expireTime: 1, activeNumbers: [] } }).status).toBe(404);
    const foreign = control.setDeviceLicense({ headers, params: { appId: 'wx_other_app', sn: 'SN-LINUX-0001' }, body: { expireTime: 1, activeNumbers: [] } });
    expect(problemOf(foreign)).toMatchObject({ status: 404, detail: expect.stringMatching(/has no device SN-LINUX-0001.*core refusal DEVICE_ID_INVALID, code 2, stage notFound/) });
  });
});
