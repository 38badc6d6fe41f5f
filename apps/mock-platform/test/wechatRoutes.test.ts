/**
 * Every emulated api.weixin.qq.com route (all keys of `wechatApiContract`), driven only through `app.inject()` on a
 * fresh `PlatformCore` with the demo seed: a success test per route and a test per errcode that D §4.x and §10.3
 * list for it (`wechatRouteErrcodes`). Codes the mock cannot produce by design are forced with an error fault and
 * the fault's journal entry is checked. Every response body is validated against the route's 200 schema (in the
 * harness).
 */
import {
  demoSeed,
  errmsgOf,
  findError,
  Fault,
  JournalPage,
  RoomSnapshot,
  wechatApiContract,
  wechatRouteErrcodes,
  type SeedInput,
  type WechatRouteKey,
} from '@wxvoip/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_APP,
  DEMO_SECRET,
  OTHER_APP,
  OTHER_SECRET,
  PROTECTED_ROUTES,
  startPlatform,
  VALID_BODIES,
  type Platform,
  type WechatBody,
} from './support/platformHarness.js';

type ProtectedRoute = (typeof PROTECTED_ROUTES)[number];

const ALL_ROUTES = Object.keys(wechatApiContract) as WechatRouteKey[];
const TOKEN_QUERY = { grant_type: 'client_credential', appid: DEMO_APP, secret: DEMO_SECRET } as const;
const STABLE_BODY = { grant_type: 'client_credential', appid: DEMO_APP, secret: DEMO_SECRET } as const;
const LICENSE_STUB_EXPIRE = 1_893_427_200;
/** The demo namespace's clock starts at 2026-01-01T00:00:00Z. */
const START_SEC = 1_767_225_600;
const YEAR_SEC = 365 * 24 * 60 * 60;

/** Codes every token-protected route produces by behaviour (checked for each route below). */
const COMMON_PROTECTED_BEHAVIOUR = [40001, 40014, 41001, 42001, 43002, 44002, 47001, 48001] as const;

/**
 * Per route, the errcodes the tests below produce through real behaviour (arguments, state, clock, seed). Every
 * other code of `wechatRouteErrcodes` is forced with an error fault (see FAULT_ONLY).
 */
const BEHAVIOUR: Readonly<Record<WechatRouteKey, readonly number[]>> = {
  getAccessToken: [40002, 40013, 40125, 41002, 41004, 43002],
  getStableAccessToken: [40002, 40013, 40125, 41002, 41004, 43002, 44002, 45009, 45011, 47001],
  getSnTicket: [...COMMON_PROTECTED_BEHAVIOUR, 9800001, 9800002, 9800003],
  sendHardwareDeviceMessage: [...COMMON_PROTECTED_BEHAVIOUR, 40032, 40037, 43101, 47003, 9800006],
  createIotGroupId: [...COMMON_PROTECTED_BEHAVIOUR, 9800003, 9800012],
  getIotGroupInfo: [...COMMON_PROTECTED_BEHAVIOUR, 9800013],
  addIotGroupDevice: [...COMMON_PROTECTED_BEHAVIOUR, 9800013, 9800014, 9800015, 9800016, 9800018],
  removeIotGroupDevice: [...COMMON_PROTECTED_BEHAVIOUR, 9800013, 9800017],
  expandGroup: [...COMMON_PROTECTED_BEHAVIOUR, 9800013, 9800044],
  getLicensePkgList: [...COMMON_PROTECTED_BEHAVIOUR],
  activeLicenseDevice: [...COMMON_PROTECTED_BEHAVIOUR, 9800020, 9800037, 9800038, 9800039, 9800040],
  getLicenseDeviceInfo: [...COMMON_PROTECTED_BEHAVIOUR, 9800020],
  addRuntimeDevice: [...COMMON_PROTECTED_BEHAVIOUR, 50093],
  pushAppMsg: [...COMMON_PROTECTED_BEHAVIOUR, 40101, 45002, 48012],
  iotVoipCall: [...COMMON_PROTECTED_BEHAVIOUR, 2, 5, 9, 12, 15, 19, 20, 23, 24],
};

/**
 * Behaviour codes the server answers although `wechatRouteErrcodes` does not list them for the route. Only
 * 43002 on `GET /cgi-bin/token` (POST answers 43002 "require GET method"; D §4.1 and §10.3 list no 43002 for
 * getAccessToken, only for stable_token).
 */
const UNLISTED_BEHAVIOUR: Readonly<Partial<Record<WechatRouteKey, readonly number[]>>> = { getAccessToken: [43002] };

/** Per route, the listed errcodes that no behaviour produces: forced with `POST /__admin/faults`. */
const FAULT_ONLY: Readonly<Record<WechatRouteKey, readonly number[]>> = Object.fromEntries(
  ALL_ROUTES.map((key) => [key, wechatRouteErrcodes[key].filter((code) => !BEHAVIOUR[key].includes(code))]),
) as unknown as Record<WechatRouteKey, readonly number[]>;

/** Codes actually observed by the behaviour tests of this file, checked against BEHAVIOUR at the end. */
const observed = new Map<WechatRouteKey, Set<number>>();

/** Asserts an error body `{ errcode, errmsg }` (exactly those keys) and records the code as observed. */
function expectError(key: WechatRouteKey, body: WechatBody, errcode: number, errmsg?: string | RegExp): void {
  expect(body, `${key} should answer ${errcode}`).toEqual({ errcode, errmsg: errmsg === undefined ? expect.any(String) : errmsg instanceof RegExp ? expect.stringMatching(errmsg) : errmsg });
  expect(body.errmsg).not.toBe('');
  recordObserved(key, errcode);
}

function recordObserved(key: WechatRouteKey, errcode: number): void {
  const set = observed.get(key) ?? new Set<number>();
  set.add(errcode);
  observed.set(key, set);
}

/** Asserts that every per-device errcode of a device_list answer is 0 or one of the route's documented codes. */
function expectDocumentedDeviceCodes(key: WechatRouteKey, body: WechatBody): void {
  const list = body['device_list'] as { errcode: number }[];
  for (const item of list) {
    expect([0, ...wechatRouteErrcodes[key]], `${key}: per-device errcode ${item.errcode} must be documented`).toContain(item.errcode);
  }
}

/** The journal page for a query (validated against the contract). */
async function journal(p: Platform, query: string) {
  const res = await p.admin('GET', `/journal?${query}`);
  expect(res.status).toBe(200);
  return JournalPage.parse(res.body);
}

/** A demo seed copy with changes to the demo app. */
function demoSeedWith(change: (app: Record<string, unknown>) => void): SeedInput {
  const seed = structuredClone(demoSeed) as SeedInput;
  change(seed.apps[0] as unknown as Record<string, unknown>);
  return seed;
}

let p: Platform;
beforeEach(async () => {
  p = await startPlatform();
});
afterEach(async () => {
  await p.close();
});

describe('the test tables', () => {
  it('cover the 15 routes of wechatApiContract, and behaviour codes are documented codes of their route', () => {
    expect(ALL_ROUTES).toHaveLength(15);
    expect(Object.keys(BEHAVIOUR).sort()).toEqual([...ALL_ROUTES].sort());
    for (const key of ALL_ROUTES) {
      const allowed = [...wechatRouteErrcodes[key], ...(UNLISTED_BEHAVIOUR[key] ?? [])];
      for (const code of BEHAVIOUR[key]) expect(allowed, `${key} ${code}`).toContain(code);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('GET /cgi-bin/token (getAccessToken, D §4.1)', () => {
  it('issues a 7200 s token that works on a protected route', async () => {
    const body = await p.wechat('getAccessToken', { query: TOKEN_QUERY });
    expect(body).toEqual({ access_token: expect.stringMatching(/^[0-9A-Za-z]+$/), expires_in: 7200 });
    const ticket = await p.wechat('getSnTicket', { token: body['access_token'] as string, body: VALID_BODIES.getSnTicket });
    expect(ticket.errcode).toBe(0);
  });

  it('supersedes the previous classic token but not the stable one', async () => {
    const stable = await p.wechat('getStableAccessToken', { body: STABLE_BODY });
    const first = await p.wechat('getAccessToken', { query: TOKEN_QUERY });
    const second = await p.wechat('getAccessToken', { query: TOKEN_QUERY });
    expect(second['access_token']).not.toBe(first['access_token']);
    expectError('getSnTicket', await p.wechat('getSnTicket', { token: first['access_token'] as string, body: VALID_BODIES.getSnTicket }), 40001);
    expect((await p.wechat('getSnTicket', { token: second['access_token'] as string, body: VALID_BODIES.getSnTicket })).errcode).toBe(0);
    expect((await p.wechat('getSnTicket', { token: stable['access_token'] as string, body: VALID_BODIES.getSnTicket })).errcode).toBe(0);
  });

  it.each([
    ['40002 for a grant_type other than client_credential', { ...TOKEN_QUERY, grant_type: 'authorization_code' }, 40002],
    ['40002 for a missing grant_type', { appid: DEMO_APP, secret: DEMO_SECRET }, 40002],
    ['40013 for an unknown appid', { ...TOKEN_QUERY, appid: 'wx_unknown' }, 40013],
    ['40125 for a wrong secret', { ...TOKEN_QUERY, secret: 'wrong-secret' }, 40125],
    ['40125 for another app’s secret', { ...TOKEN_QUERY, secret: OTHER_SECRET }, 40125],
    ['41002 for a missing appid', { grant_type: 'client_credential', secret: DEMO_SECRET }, 41002],
    ['41002 for an empty appid', { ...TOKEN_QUERY, appid: '' }, 41002],
    ['41004 for a missing secret', { grant_type: 'client_credential', appid: DEMO_APP }, 41004],
    ['41004 for an empty secret', { ...TOKEN_QUERY, secret: '' }, 41004],
  ] as const)('answers %s', async (_name, query, errcode) => {
    expectError('getAccessToken', await p.wechat('getAccessToken', { query }), errcode);
  });

  it('journals a refused token request with the credential stage', async () => {
    await p.wechat('getAccessToken', { query: { ...TOKEN_QUERY, secret: 'wrong-secret' } });
    const page = await journal(p, 'kind=refusal&operation=wechat.getAccessToken');
    expect(page.entries.at(-1)).toMatchObject({ kind: 'refusal', why: { stage: 'credential', errcode: 40125 } });
  });

  it('answers 43002 to a POST (the route is GET only)', async () => {
    expectError('getAccessToken', await p.wechat('getAccessToken', { query: TOKEN_QUERY, method: 'POST', body: {} }), 43002, /require GET/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('POST /cgi-bin/stable_token (getStableAccessToken, D §4.2)', () => {
  const clock = () => p.core.tenant().state.clock;

  it('returns the current stable token with its remaining lifetime, isolated from /cgi-bin/token', async () => {
    const first = await p.wechat('getStableAccessToken', { body: STABLE_BODY });
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    clock().advance(1_000_000);
    const again = await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: false } });
    expect(again).toEqual({ access_token: first['access_token'], expires_in: 6200 });
    // A classic token does not supersede the stable one.
    await p.token();
    expect((await p.wechat('getSnTicket', { token: first['access_token'] as string, body: VALID_BODIES.getSnTicket })).errcode).toBe(0);
  });

  it('rotates the stable token 5 minutes before it expires', async () => {
    const first = await p.wechat('getStableAccessToken', { body: STABLE_BODY });
    clock().advance((7200 - 300) * 1000);
    const rotated = await p.wechat('getStableAccessToken', { body: STABLE_BODY });
    expect(rotated['access_token']).not.toBe(first['access_token']);
    expect(rotated['expires_in']).toBe(7200);
  });

  it('force_refresh issues a new token and invalidates the old one (40001)', async () => {
    const first = await p.wechat('getStableAccessToken', { body: STABLE_BODY });
    const refreshed = await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: true } });
    expect(refreshed['access_token']).not.toBe(first['access_token']);
    expectError('getSnTicket', await p.wechat('getSnTicket', { token: first['access_token'] as string, body: VALID_BODIES.getSnTicket }), 40001);
    expect((await p.wechat('getSnTicket', { token: refreshed['access_token'] as string, body: VALID_BODIES.getSnTicket })).errcode).toBe(0);
  });

  it('answers 45011 to a second force_refresh within 30 s, and accepts it after 30 s', async () => {
    await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: true } });
    clock().advance(29_000);
    expectError('getStableAccessToken', await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: true } }), 45011);
    clock().advance(1_000);
    expect(await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: true } })).toMatchObject({ access_token: expect.any(String) });
  });

  it('answers 45009 to the 21st force_refresh of a day, and accepts one again a day later', async () => {
    for (let i = 0; i < 20; i++) {
      expect(await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: true } }), `refresh ${i + 1}`).toMatchObject({ access_token: expect.any(String) });
      clock().advance(31_000);
    }
    expectError('getStableAccessToken', await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: true } }), 45009);
    clock().advance(24 * 60 * 60_000);
    expect(await p.wechat('getStableAccessToken', { body: { ...STABLE_BODY, force_refresh: true } })).toMatchObject({ access_token: expect.any(String) });
  });

  it.each([
    ['40002 for a bad grant_type', { ...STABLE_BODY, grant_type: 'password' }, 40002],
    ['40013 for an unknown appid', { ...STABLE_BODY, appid: 'wx_unknown' }, 40013],
    ['40125 for a wrong secret', { ...STABLE_BODY, secret: 'nope' }, 40125],
    ['41002 for a missing appid', { grant_type: 'client_credential', secret: DEMO_SECRET }, 41002],
    ['41002 for an empty appid', { ...STABLE_BODY, appid: '' }, 41002],
    ['41004 for a missing secret', { grant_type: 'client_credential', appid: DEMO_APP }, 41004],
    ['47001 for a non-boolean force_refresh', { ...STABLE_BODY, force_refresh: 'true' }, 47001],
    ['47001 for a JSON array body', [STABLE_BODY], 47001],
  ] as const)('answers %s', async (_name, body, errcode) => {
    expectError('getStableAccessToken', await p.wechat('getStableAccessToken', { body }), errcode);
  });

  it('answers 47001 to malformed JSON and 44002 to an empty body', async () => {
    expectError('getStableAccessToken', await p.wechat('getStableAccessToken', { rawBody: '{"grant_type":' }), 47001);
    expectError('getStableAccessToken', await p.wechat('getStableAccessToken', { rawBody: '' }), 44002);
    expectError('getStableAccessToken', await p.wechat('getStableAccessToken', {}), 44002);
  });

  it.each(['GET', 'PUT', 'DELETE'] as const)('answers 43002 to %s (POST only)', async (method) => {
    expectError('getStableAccessToken', await p.wechat('getStableAccessToken', { method }), 43002, /require POST/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe.each(PROTECTED_ROUTES)('token-protected route %s: common errcodes (D §4, §10.3)', (key) => {
  const body = VALID_BODIES[key];

  it('41001 without access_token, journalled at the credential stage', async () => {
    expectError(key, await p.wechat(key, { token: null, body }), 41001);
    const page = await journal(p, `kind=refusal&operation=wechat.${key}`);
    expect(page.entries.at(-1)).toMatchObject({ why: { stage: 'credential', errcode: 41001 }, appId: null });
  });

  it('41001 with an empty access_token', async () => {
    expectError(key, await p.wechat(key, { token: '', body }), 41001);
  });

  it('40014 for a forged access_token', async () => {
    expectError(key, await p.wechat(key, { token: 'forged-token-0123456789', body }), 40014);
  });

  it('40001 for a superseded access_token', async () => {
    const old = await p.token();
    await p.token();
    expectError(key, await p.wechat(key, { token: old, body }), 40001);
  });

  it('42001 once the token expired (7200 s on the platform clock)', async () => {
    const token = await p.token();
    p.core.tenant().state.clock.advance(7_199_000);
    expect((await p.wechat(key, { token, body })).errcode).not.toBe(42001);
    p.core.tenant().state.clock.advance(1_000);
    expectError(key, await p.wechat(key, { token, body }), 42001);
  });

  it('48001 when the app has no VoIP capability (D §10.3), journalled at the capability stage', async () => {
    expect((await p.admin('PATCH', `/apps/${DEMO_APP}`, { voipCapability: 'none' })).status).toBe(200);
    expectError(key, await p.wechat(key, { body }), 48001, /api unauthorized/);
    const page = await journal(p, `kind=refusal&operation=wechat.${key}`);
    expect(page.entries.at(-1)).toMatchObject({ why: { stage: 'capability', errcode: 48001, rule: expect.stringContaining("voipCapability is 'none'") }, appId: DEMO_APP });
  });

  it('40014 for a token of another namespace', async () => {
    const token = await p.token();
    expectError(key, await p.wechat(key, { token, body, headers: { 'x-wxvoip-namespace': 'other-ns' } }), 40014);
  });

  it('43002 for GET (POST only)', async () => {
    expectError(key, await p.wechat(key, { method: 'GET' }), 43002, /require POST/);
  });

  it('44002 for an empty body', async () => {
    expectError(key, await p.wechat(key, { rawBody: '' }), 44002);
    expectError(key, await p.wechat(key, {}), 44002);
  });

  it('47001 for malformed JSON', async () => {
    expectError(key, await p.wechat(key, { rawBody: '{"a":' }), 47001);
  });

  it('47001 (or the route’s own code) for a JSON value that is not an object', async () => {
    const res = await p.wechat(key, { rawBody: '[]' });
    expect(res.errcode).not.toBe(0);
    expect(wechatRouteErrcodes[key]).toContain(res.errcode);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('POST /wxa/getsnticket (getSnTicket, D §4.3)', () => {
  it('issues a 32-character ticket valid for 5 minutes', async () => {
    const body = await p.wechat('getSnTicket', { body: VALID_BODIES.getSnTicket });
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', sn_ticket: expect.stringMatching(/^[0-9A-Za-z]{32}$/) });
    const record = p.core.tenant().state.snTickets.get(body['sn_ticket'] as string);
    expect(record?.expiresAt).toBe(START_SEC * 1000 + 300_000);
  });

  it.each([
    ['9800001 for an sn of 129 bytes', { sn: 'x'.repeat(129), model_id: 'model-linux-doorbell' }, 9800001],
    ['9800002 for an sn with a space', { sn: 'bad sn', model_id: 'model-linux-doorbell' }, 9800002],
    ['9800002 for an sn with a non-ASCII character', { sn: 'SN-é', model_id: 'model-linux-doorbell' }, 9800002],
    ['9800003 for an unknown model_id', { sn: 'SN-1', model_id: 'model-unknown' }, 9800003],
    ['9800003 for an unapproved model_id', { sn: 'SN-1', model_id: 'model-linux-prototype' }, 9800003],
    ['9800003 for an empty model_id', { sn: 'SN-1', model_id: '' }, 9800003],
    ['47001 for a missing sn', { model_id: 'model-linux-doorbell' }, 47001],
  ] as const)('answers %s', async (_name, body, errcode) => {
    expectError('getSnTicket', await p.wechat('getSnTicket', { body }), errcode);
  });

  it.each([
    [{ sn: 'x'.repeat(129), model_id: 'model-linux-doorbell' }, 9800001, 'sn长度不能超过128字节'],
    [{ sn: 'bad sn', model_id: 'model-linux-doorbell' }, 9800002, 'sn包含非法字符,请参考文档'],
    [{ sn: 'SN-1', model_id: 'model-unknown' }, 9800003, 'model_id检查不通过'],
    [{ sn: 'SN-1', model_id: '' }, 9800003, 'model_id检查不通过'],
  ] as const)('answers %j with WeChat\'s literal errmsg (D §4.3, getsnticket page), not our explanation', async (body, errcode, errmsg) => {
    expect(await p.wechat('getSnTicket', { body })).toEqual({ errcode, errmsg });
  });

  it('answers -1 with errmsg "system error", as WeChat sends it (D §4.3)', async () => {
    const fault = await p.admin('POST', '/faults', { kind: 'error', operation: 'wechat.getSnTicket', errcode: -1 });
    expect(fault.status).toBe(201);
    expect(await p.wechat('getSnTicket', { body: VALID_BODIES.getSnTicket })).toEqual({ errcode: -1, errmsg: 'system error' });
  });

  it('accepts an sn of exactly 128 bytes', async () => {
    expect((await p.wechat('getSnTicket', { body: { sn: 'x'.repeat(128), model_id: 'model-linux-doorbell' } })).errcode).toBe(0);
  });

  it('answers 9800003 for a model of another app (token of wx_other_app)', async () => {
    const other = await p.token(OTHER_APP, OTHER_SECRET);
    expectError('getSnTicket', await p.wechat('getSnTicket', { token: other, body: VALID_BODIES.getSnTicket }), 9800003);
  });

  it('answers 48001 when the app has not finished onboarding (PATCH voipCapability none)', async () => {
    const patched = await p.admin('PATCH', `/apps/${DEMO_APP}`, { voipCapability: 'none' });
    expect(patched.status).toBe(200);
    expectError('getSnTicket', await p.wechat('getSnTicket', { body: VALID_BODIES.getSnTicket }), 48001);
    const page = await journal(p, 'kind=refusal&operation=wechat.getSnTicket');
    expect(page.entries.at(-1)).toMatchObject({ why: { stage: 'capability', errcode: 48001 }, appId: DEMO_APP });
  });

  it('answers 48001 when the capability is set to none in the core directly', async () => {
    p.core.tenant().state.app(DEMO_APP)!.voipCapability = 'none';
    expectError('getSnTicket', await p.wechat('getSnTicket', { body: VALID_BODIES.getSnTicket }), 48001);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('POST /cgi-bin/message/device/subscribe/send (sendHardwareDeviceMessage, D §4.4)', () => {
  const base = VALID_BODIES.sendHardwareDeviceMessage;

  it('sends to users of the app, with modelId or model_id (D §9.9)', async () => {
    expect(await p.wechat('sendHardwareDeviceMessage', { body: base })).toEqual({ errcode: 0, errmsg: 'ok' });
    const { modelId: _modelId, ...withoutModelId } = base;
    const snake = { ...withoutModelId, model_id: 'model-linux-doorbell', to_openid_list: ['openid-alice', 'openid-carol'], page: 'pages/index/index', miniprogram_state: 'trial' };
    expect(await p.wechat('sendHardwareDeviceMessage', { body: snake })).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it.each([
    ['40032 for an empty to_openid_list', { ...base, to_openid_list: [] }, 40032],
    ['40037 for an empty template_id', { ...base, template_id: '' }, 40037],
    ['43101 for an openid that is not a user of the app', { ...base, to_openid_list: ['openid-alice', 'openid-stranger'] }, 43101],
    ['43101 for a user of another app', { ...base, to_openid_list: ['openid-dave'] }, 43101],
    ['47003 for data without keys', { ...base, data: {} }, 47003],
    ['47003 for an empty template value', { ...base, data: { thing1: { value: '' } } }, 47003],
    ['47003 for an unknown lang', { ...base, lang: 'fr_FR' }, 47003],
    ['47003 for a missing data', { ...base, data: undefined }, 47003],
    ['47003 for modelId and model_id that disagree', { ...base, model_id: 'model-rtos-camera' }, 47003],
    ['9800006 for an sn that is not a device of the app', { ...base, sn: 'SN-UNKNOWN' }, 9800006],
    ['9800006 for a model that is not the device’s', { ...base, modelId: 'model-rtos-camera' }, 9800006],
  ] as const)('answers %s', async (_name, body, errcode) => {
    expectError('sendHardwareDeviceMessage', await p.wechat('sendHardwareDeviceMessage', { body }), errcode);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('device groups (D §4.5–§4.9)', () => {
  const doorbell = (sn: string) => ({ model_id: 'model-linux-doorbell', sn });
  const info = (groupId: string) => p.wechat('getIotGroupInfo', { body: { group_id: groupId } });
  const create = async (name = 'Building B') => {
    const body = await p.wechat('createIotGroupId', { body: { model_id: 'model-linux-doorbell', group_name: name } });
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', group_id: expect.any(String) });
    return body['group_id'] as string;
  };

  describe('createid', () => {
    it('creates an empty group of 50 for an approved model, 32 bytes or 10 Chinese characters long', async () => {
      const id = await create('x'.repeat(32));
      expect(await info(id)).toEqual({ errcode: 0, errmsg: 'ok', group_name: 'x'.repeat(32), model_id: 'model-linux-doorbell', model_type: 'doorbell', device_list: [], max_device_count: 50 });
      const chinese = await create('校'.repeat(10));
      expect(chinese).not.toBe(id);
    });

    it.each([
      ['9800003 for an unknown model', { model_id: 'model-unknown', group_name: 'G' }, 9800003],
      ['9800003 for an unapproved model', { model_id: 'model-linux-prototype', group_name: 'G' }, 9800003],
      ['9800003 for an empty model_id', { model_id: '', group_name: 'G' }, 9800003],
      ['9800012 for a 33-byte group_name', { model_id: 'model-linux-doorbell', group_name: 'x'.repeat(33) }, 9800012],
      ['9800012 for 11 Chinese characters (33 bytes)', { model_id: 'model-linux-doorbell', group_name: '校'.repeat(11) }, 9800012],
      ['9800012 for an empty group_name', { model_id: 'model-linux-doorbell', group_name: '' }, 9800012],
      ['47001 for a missing group_name', { model_id: 'model-linux-doorbell' }, 47001],
    ] as const)('answers %s', async (_name, body, errcode) => {
      expectError('createIotGroupId', await p.wechat('createIotGroupId', { body }), errcode);
    });
  });

  describe('getinfo', () => {
    it('describes the seeded group', async () => {
      expect(await info('group-building-a')).toEqual({
        errcode: 0,
        errmsg: 'ok',
        group_name: 'Building A doorbells',
        model_id: 'model-linux-doorbell',
        model_type: 'doorbell',
        device_list: [doorbell('SN-LINUX-0001'), doorbell('SN-LINUX-0002')],
        max_device_count: 50,
      });
    });

    it.each([
      ['an unknown group_id', 'group-unknown'],
      ['an empty group_id', ''],
    ])('answers 9800013 for %s', async (_name, groupId) => {
      expectError('getIotGroupInfo', await info(groupId), 9800013);
    });

    it('answers 9800013 for a group of another app', async () => {
      const other = await p.token(OTHER_APP, OTHER_SECRET);
      expectError('getIotGroupInfo', await p.wechat('getIotGroupInfo', { token: other, body: { group_id: 'group-building-a' } }), 9800013);
    });
  });

  describe('adddevice', () => {
    it('adds a device and answers a result per device', async () => {
      const body = await p.wechat('addIotGroupDevice', { body: VALID_BODIES.addIotGroupDevice });
      expect(body).toEqual({ errcode: 0, errmsg: 'ok', device_list: [{ ...doorbell('SN-LINUX-NEW'), errcode: 0 }] });
      expect((await info('group-building-a'))['device_list']).toContainEqual(doorbell('SN-LINUX-NEW'));
    });

    it('answers 9800014, 9800015 and 9800018 per device, in order, with errcode 0 overall', async () => {
      const id = await create();
      const body = await p.wechat('addIotGroupDevice', {
        body: { group_id: id, device_list: [doorbell('SN-LINUX-NEW'), { model_id: 'model-rtos-camera', sn: 'SN-RTOS-0001' }, doorbell('SN-LINUX-NEW'), doorbell('SN-LINUX-0001')] },
      });
      expect(body).toEqual({
        errcode: 0,
        errmsg: 'ok',
        device_list: [
          { ...doorbell('SN-LINUX-NEW'), errcode: 0 },
          { model_id: 'model-rtos-camera', sn: 'SN-RTOS-0001', errcode: 9800014 },
          { ...doorbell('SN-LINUX-NEW'), errcode: 9800015 },
          { ...doorbell('SN-LINUX-0001'), errcode: 9800018 },
        ],
      });
      expectDocumentedDeviceCodes('addIotGroupDevice', body);
      for (const code of [9800014, 9800015, 9800018]) recordObserved('addIotGroupDevice', code);
    });

    it('force_add moves a device out of its old group (D §4.7)', async () => {
      const id = await create();
      const body = await p.wechat('addIotGroupDevice', { body: { group_id: id, device_list: [doorbell('SN-LINUX-0001')], force_add: true } });
      expect(body['device_list']).toEqual([{ ...doorbell('SN-LINUX-0001'), errcode: 0 }]);
      expect((await info(id))['device_list']).toEqual([doorbell('SN-LINUX-0001')]);
      expect((await info('group-building-a'))['device_list']).toEqual([doorbell('SN-LINUX-0002')]);
    });

    it('answers 9800016 for a device added to a full group of 50 (seed loaded with PUT /__admin/seed)', async () => {
      const fillers = Array.from({ length: 50 }, (_, i) => `SN-FILL-${String(i).padStart(2, '0')}`);
      const seed = demoSeedWith((app) => {
        (app['devices'] as unknown[]).push(...fillers.map((sn) => ({ sn, modelId: 'model-linux-doorbell', kind: 'linux', registered: true })));
        (app['groups'] as unknown[]).push({ groupId: 'group-full', name: 'Full', modelId: 'model-linux-doorbell', maxDeviceCount: 50, members: fillers });
      });
      expect((await p.admin('PUT', '/seed', seed)).status).toBe(200);
      await p.token();
      const body = await p.wechat('addIotGroupDevice', { body: { group_id: 'group-full', device_list: [doorbell('SN-LINUX-NEW')] } });
      expect(body['device_list']).toEqual([{ ...doorbell('SN-LINUX-NEW'), errcode: 9800016 }]);
      expectDocumentedDeviceCodes('addIotGroupDevice', body);
      recordObserved('addIotGroupDevice', 9800016);
      // After expand (200) the same device fits.
      await p.wechat('expandGroup', { body: { ...VALID_BODIES.expandGroup, group_id: 'group-full' } });
      expect((await p.wechat('addIotGroupDevice', { body: { group_id: 'group-full', device_list: [doorbell('SN-LINUX-NEW')] } }))['device_list']).toEqual([{ ...doorbell('SN-LINUX-NEW'), errcode: 0 }]);
    });

    it('answers 9800016 for a device_list longer than 200 (contract rule)', async () => {
      const list = Array.from({ length: 201 }, (_, i) => doorbell(`SN-${i}`));
      expectError('addIotGroupDevice', await p.wechat('addIotGroupDevice', { body: { group_id: 'group-building-a', device_list: list } }), 9800016);
    });

    it.each([
      ['9800013 for an unknown group', { group_id: 'group-unknown', device_list: [doorbell('SN-LINUX-NEW')] }, 9800013],
      ['9800013 for an empty group_id', { group_id: '', device_list: [doorbell('SN-LINUX-NEW')] }, 9800013],
      ['47001 for an empty device_list', { group_id: 'group-building-a', device_list: [] }, 47001],
      ['47001 (not 9800016 "group full") for a 129-byte sn in the list', { group_id: 'group-building-a', device_list: [doorbell('x'.repeat(129))] }, 47001],
      ['47001 for a string force_add', { ...VALID_BODIES.addIotGroupDevice, force_add: 'yes' }, 47001],
    ] as const)('answers %s', async (_name, body, errcode) => {
      expectError('addIotGroupDevice', await p.wechat('addIotGroupDevice', { body }), errcode);
    });
  });

  describe('removedevice', () => {
    it('removes a member', async () => {
      const body = await p.wechat('removeIotGroupDevice', { body: VALID_BODIES.removeIotGroupDevice });
      expect(body).toEqual({ errcode: 0, errmsg: 'ok', device_list: [{ ...doorbell('SN-LINUX-0002'), errcode: 0 }] });
      expect((await info('group-building-a'))['device_list']).toEqual([doorbell('SN-LINUX-0001')]);
    });

    it('answers 9800017 per device that is not a member (other sn, or other model_id)', async () => {
      const body = await p.wechat('removeIotGroupDevice', {
        body: { group_id: 'group-building-a', device_list: [doorbell('SN-LINUX-NEW'), { model_id: 'model-rtos-camera', sn: 'SN-LINUX-0001' }, doorbell('SN-LINUX-0001')] },
      });
      expect(body['device_list']).toEqual([
        { ...doorbell('SN-LINUX-NEW'), errcode: 9800017 },
        { model_id: 'model-rtos-camera', sn: 'SN-LINUX-0001', errcode: 9800017 },
        { ...doorbell('SN-LINUX-0001'), errcode: 0 },
      ]);
      expectDocumentedDeviceCodes('removeIotGroupDevice', body);
      recordObserved('removeIotGroupDevice', 9800017);
    });

    it.each([
      ['an unknown group', 'group-unknown'],
      ['an empty group_id', ''],
    ])('answers 9800013 for %s', async (_name, groupId) => {
      expectError('removeIotGroupDevice', await p.wechat('removeIotGroupDevice', { body: { ...VALID_BODIES.removeIotGroupDevice, group_id: groupId } }), 9800013);
    });
  });

  describe('expand', () => {
    it('raises the group to 200, then answers 9800044', async () => {
      expect(await p.wechat('expandGroup', { body: VALID_BODIES.expandGroup })).toEqual({ errcode: 0, errmsg: 'ok', group_id: 'group-building-a' });
      expect((await info('group-building-a'))['max_device_count']).toBe(200);
      expectError('expandGroup', await p.wechat('expandGroup', { body: VALID_BODIES.expandGroup }), 9800044);
    });

    it.each([
      ['9800013 for an unknown group', { ...VALID_BODIES.expandGroup, group_id: 'group-unknown' }, 9800013],
      ['9800013 for an empty group_id', { ...VALID_BODIES.expandGroup, group_id: '' }, 9800013],
      ['47001 for max_device_count 100 (only 200 is accepted)', { ...VALID_BODIES.expandGroup, max_device_count: 100 }, 47001],
      ['47001 for an empty province_name', { ...VALID_BODIES.expandGroup, province_name: '' }, 47001],
    ] as const)('answers %s', async (_name, body, errcode) => {
      expectError('expandGroup', await p.wechat('expandGroup', { body }), errcode);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('license APIs (D §4.11)', () => {
  const device = (sn: string, activeNumber: number, modelId = 'model-linux-doorbell') => ({ model_id: modelId, sn, active_number: activeNumber });
  const manyDevices = (n: number) => Array.from({ length: n }, (_, i) => device(`SN-MANY-${i}`, 9000 + i));

  describe('stub2024 mode (the demo seed)', () => {
    it('getpkglist lists the app’s packages (none in the demo seed)', async () => {
      expect(await p.wechat('getLicensePkgList', { body: { pkg_type: 0 } })).toEqual({ errcode: 0, errmsg: 'ok', pkg_list: [] });
    });

    it('activedevice answers errcode 0 and expire_time 1893427200 for every device, consuming nothing', async () => {
      const body = await p.wechat('activeLicenseDevice', { body: { pkg_type: 3, device_list: [device('SN-LINUX-NEW', 1001), device('SN-ANY', 1001)] } });
      expect(body).toEqual({
        errcode: 0,
        errmsg: 'ok',
        device_list: [
          { model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW', expire_time: LICENSE_STUB_EXPIRE, errcode: 0 },
          { model_id: 'model-linux-doorbell', sn: 'SN-ANY', expire_time: LICENSE_STUB_EXPIRE, errcode: 0 },
        ],
      });
    });

    it('getdeviceinfo answers 1893427200 for any device, licensed or not', async () => {
      const body = await p.wechat('getLicenseDeviceInfo', { body: { device_list: [{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-0002' }, { model_id: 'm', sn: 'SN-NEVER' }] } });
      expect(body).toEqual({
        errcode: 0,
        errmsg: 'ok',
        device_list: [
          { model_id: 'model-linux-doorbell', sn: 'SN-LINUX-0002', expire_time: LICENSE_STUB_EXPIRE },
          { model_id: 'm', sn: 'SN-NEVER', expire_time: LICENSE_STUB_EXPIRE },
        ],
      });
    });

    it('answers 9800020 for more than 100 devices', async () => {
      expectError('activeLicenseDevice', await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: manyDevices(101) } }), 9800020);
      expectError('getLicenseDeviceInfo', await p.wechat('getLicenseDeviceInfo', { body: { device_list: manyDevices(101).map(({ model_id, sn }) => ({ model_id, sn })) } }), 9800020);
      expect((await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: manyDevices(100) } })).errcode).toBe(0);
    });

    it.each([
      ['getLicensePkgList', { pkg_type: 6 }],
      ['getLicensePkgList', { pkg_type: '1' }],
      ['activeLicenseDevice', { pkg_type: 1, device_list: [device('SN-1', -1)] }],
      // A bad item is a data format error, not the list's "too many devices" (9800020).
      ['activeLicenseDevice', { pkg_type: 1, device_list: [device('SN-1', 4_294_967_296)] }],
      ['activeLicenseDevice', { pkg_type: 1, device_list: [{ model_id: 'model-linux-doorbell', sn: 'x'.repeat(129), active_number: 1 }] }],
      ['getLicenseDeviceInfo', { device_list: [{ model_id: 'model-linux-doorbell', sn: 'x'.repeat(129) }] }],
      ['getLicenseDeviceInfo', { device_list: [] }],
    ] as const)('%s answers 47001 for %j', async (key, body) => {
      expectError(key, await p.wechat(key, { body }), 47001);
    });
  });

  describe('legacy mode (PATCH billing.licenseApis = legacy)', () => {
    const PKG_START = START_SEC - 100_000;
    beforeEach(async () => {
      const seed = demoSeedWith((app) => {
        app['licensePackages'] = [
          { pkgId: 'pkg-a', pkgType: 1, startTime: PKG_START, endTime: START_SEC + 10 * YEAR_SEC, all: 2 },
          { pkgId: 'pkg-old', pkgType: 1, startTime: 1_600_000_000, endTime: 1_700_000_000, all: 10, used: 3 },
          { pkgId: 'pkg-future', pkgType: 1, startTime: START_SEC + YEAR_SEC, endTime: START_SEC + 2 * YEAR_SEC, all: 10 },
          { pkgId: 'pkg-b', pkgType: 2, startTime: PKG_START, endTime: START_SEC + 10 * YEAR_SEC, all: 5 },
        ];
      });
      expect((await p.admin('PUT', '/seed', seed)).status).toBe(200);
      const patched = await p.admin('PATCH', `/apps/${DEMO_APP}/billing`, { licenseApis: 'legacy' });
      expect(patched).toMatchObject({ status: 200, body: { billing: { licenseApis: 'legacy' } } });
      await p.token();
    });

    it('getpkglist reports status from the clock: 1 active, 3 expired, 2 not yet active', async () => {
      expect(await p.wechat('getLicensePkgList', { body: { pkg_type: 1 } })).toEqual({
        errcode: 0,
        errmsg: 'ok',
        pkg_list: [
          { pkg_id: 'pkg-a', pkg_type: 1, start_time: PKG_START, end_time: START_SEC + 10 * YEAR_SEC, pkg_status: 1, used: 0, all: 2 },
          { pkg_id: 'pkg-old', pkg_type: 1, start_time: 1_600_000_000, end_time: 1_700_000_000, pkg_status: 3, used: 3, all: 10 },
          { pkg_id: 'pkg-future', pkg_type: 1, start_time: START_SEC + YEAR_SEC, end_time: START_SEC + 2 * YEAR_SEC, pkg_status: 2, used: 0, all: 10 },
        ],
      });
    });

    it('activates a device for one year from a package, idempotently per active_number', async () => {
      const body = await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: [device('SN-LINUX-NEW', 3001)] } });
      expect(body['device_list']).toEqual([{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW', expire_time: START_SEC + YEAR_SEC, errcode: 0 }]);
      const replay = await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: [device('SN-LINUX-NEW', 3001)] } });
      expect(replay['device_list']).toEqual([{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW', expire_time: START_SEC + YEAR_SEC, errcode: 0 }]);
      const pkgs = (await p.wechat('getLicensePkgList', { body: { pkg_type: 1 } }))['pkg_list'] as { pkg_id: string; used: number }[];
      expect(pkgs.find((pkg) => pkg.pkg_id === 'pkg-a')?.used).toBe(1);
      expect((await p.wechat('getLicenseDeviceInfo', { body: { device_list: [{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW' }, { model_id: 'm', sn: 'SN-NEVER' }] } }))['device_list']).toEqual([
        { model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW', expire_time: START_SEC + YEAR_SEC },
        { model_id: 'm', sn: 'SN-NEVER', expire_time: 0 },
      ]);
    });

    it('answers 9800037 for an active_number another device used', async () => {
      const body = await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: [device('SN-LINUX-NEW', 1001)] } });
      expect(body['device_list']).toEqual([{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW', expire_time: 0, errcode: 9800037 }]);
      expectDocumentedDeviceCodes('activeLicenseDevice', body);
      recordObserved('activeLicenseDevice', 9800037);
    });

    it('answers 9800037 for the same new number twice in one request', async () => {
      const body = await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: [device('SN-LINUX-NEW', 3005), device('SN-OTHER', 3005)] } });
      expect((body['device_list'] as { errcode: number }[]).map((d) => d.errcode)).toEqual([0, 9800037]);
    });

    it('answers 9800038 for a device that already holds 3 activation numbers', async () => {
      const set = await p.admin('PUT', `/apps/${DEMO_APP}/licenses/SN-LINUX-0001`, { expireTime: LICENSE_STUB_EXPIRE, activeNumbers: [1001, 1101, 1102] });
      expect(set.status).toBe(200);
      const body = await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: [device('SN-LINUX-0001', 3002)] } });
      expect(body['device_list']).toEqual([{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-0001', expire_time: LICENSE_STUB_EXPIRE, errcode: 9800038 }]);
      expectDocumentedDeviceCodes('activeLicenseDevice', body);
      recordObserved('activeLicenseDevice', 9800038);
    });

    it('answers 9800039 when no active package of the type has a license left', async () => {
      const none = await p.wechat('activeLicenseDevice', { body: { pkg_type: 3, device_list: [device('SN-RTOS-0001', 3003, 'model-rtos-camera')] } });
      expect((none['device_list'] as { errcode: number }[])[0]?.errcode).toBe(9800039);
      const drained = await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: [device('SN-D1', 3101), device('SN-D2', 3102), device('SN-D3', 3103)] } });
      expect((drained['device_list'] as { errcode: number }[]).map((d) => d.errcode)).toEqual([0, 0, 9800039]);
      expectDocumentedDeviceCodes('activeLicenseDevice', drained);
      recordObserved('activeLicenseDevice', 9800039);
    });

    it('answers 9800040 for a package type that does not match the device’s class', async () => {
      expect(((await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: [device('SN-LINUX-NEW', 3201)] } }))['device_list'] as { errcode: number }[])[0]?.errcode).toBe(0);
      const body = await p.wechat('activeLicenseDevice', { body: { pkg_type: 2, device_list: [device('SN-LINUX-NEW', 3202)] } });
      expect(body['device_list']).toEqual([{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW', expire_time: START_SEC + YEAR_SEC, errcode: 9800040 }]);
      expectDocumentedDeviceCodes('activeLicenseDevice', body);
      recordObserved('activeLicenseDevice', 9800040);
    });

    it('answers 9800020 for more than 100 devices', async () => {
      expectError('activeLicenseDevice', await p.wechat('activeLicenseDevice', { body: { pkg_type: 1, device_list: manyDevices(101) } }), 9800020);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('POST /wxa/business/runtime/adddevice (addRuntimeDevice, D §3.1)', () => {
  const connectWmpf = (sn: string) =>
    p.inject({ method: 'POST', url: '/__wxvoip/v1/parties', payload: { kind: 'wmpfPlugin', appId: DEMO_APP, sn, modelId: 'model-wmpf-panel', registrationMode: 'wmpf' } });
  const pushToken = async (sn: string) => {
    const connected = (await connectWmpf(sn)).body as { credential: { token: string } };
    return (await p.inject({ method: 'POST', url: '/__wxvoip/v1/wmpf/push-token', headers: { authorization: `Bearer ${connected.credential.token}` } })).body as { errcode: number };
  };

  it('adds Android device ids, which can then get a pushToken', async () => {
    expect((await pushToken('SN-WMPF-0002')).errcode).not.toBe(0);
    expect(await p.wechat('addRuntimeDevice', { body: VALID_BODIES.addRuntimeDevice })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await pushToken('SN-WMPF-0002')).errcode).toBe(0);
  });

  it('answers 48001 when the app has not finished onboarding', async () => {
    expect((await p.admin('PATCH', `/apps/${DEMO_APP}`, { voipCapability: 'none' })).status).toBe(200);
    expectError('addRuntimeDevice', await p.wechat('addRuntimeDevice', { body: VALID_BODIES.addRuntimeDevice }), 48001);
  });

  it('answers 50093 for an app with no WMPF model (no host app bound)', async () => {
    const other = await p.token(OTHER_APP, OTHER_SECRET);
    expectError('addRuntimeDevice', await p.wechat('addRuntimeDevice', { token: other, body: VALID_BODIES.addRuntimeDevice }), 50093);
  });

  it.each([
    ['a string product_id', { ...VALID_BODIES.addRuntimeDevice, product_id: '1001' }],
    ['an empty device_id_list', { ...VALID_BODIES.addRuntimeDevice, device_id_list: [] }],
    ['a missing model_name', { product_id: 1, device_id_list: ['A'] }],
  ])('answers 47001 for %s', async (_name, body) => {
    expectError('addRuntimeDevice', await p.wechat('addRuntimeDevice', { body }), 47001);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('POST /wxa/business/runtime/pushappmsg (pushAppMsg, D §3.4)', () => {
  async function wmpfPushToken(): Promise<{ partyId: string; pushToken: string; credential: string }> {
    const connected = (
      await p.inject({ method: 'POST', url: '/__wxvoip/v1/parties', payload: { kind: 'wmpfPlugin', appId: DEMO_APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' } })
    ).body as { party: { partyId: string }; credential: { token: string } };
    const res = (await p.inject({ method: 'POST', url: '/__wxvoip/v1/wmpf/push-token', headers: { authorization: `Bearer ${connected.credential.token}` } })).body as { errcode: number; pushToken: string };
    expect(res.errcode).toBe(0);
    return { partyId: connected.party.partyId, pushToken: res.pushToken, credential: connected.credential.token };
  }

  it('delivers msg to the WMPF device holding the pushToken (journalled appMsg push)', async () => {
    const { partyId, pushToken } = await wmpfPushToken();
    expect(await p.wechat('pushAppMsg', { body: { msg: '{"type":"ring"}', push_token: pushToken } })).toEqual({ errcode: 0, errmsg: 'ok' });
    const page = await journal(p, 'kind=push');
    expect(page.entries).toContainEqual(expect.objectContaining({ kind: 'push', partyId, messageType: 'appMsg', dropped: false }));
  });

  it('accepts a msg of exactly 5120 bytes', async () => {
    const { pushToken } = await wmpfPushToken();
    expect((await p.wechat('pushAppMsg', { body: { msg: 'x'.repeat(5120), push_token: pushToken } })).errcode).toBe(0);
  });

  it('answers 48012 for an unknown, superseded or expired pushToken', async () => {
    expectError('pushAppMsg', await p.wechat('pushAppMsg', { body: { msg: 'hi', push_token: 'unknown-push-token' } }), 48012);
    const first = await wmpfPushToken();
    const second = await wmpfPushToken();
    expectError('pushAppMsg', await p.wechat('pushAppMsg', { body: { msg: 'hi', push_token: first.pushToken } }), 48012);
    expect((await p.wechat('pushAppMsg', { body: { msg: 'hi', push_token: second.pushToken } })).errcode).toBe(0);
    p.core.tenant().state.clock.advance(24 * 60 * 60_000);
    await p.token(); // the access_token expired too
    expectError('pushAppMsg', await p.wechat('pushAppMsg', { body: { msg: 'hi', push_token: second.pushToken } }), 48012);
  });

  it('answers 48012 for the pushToken of another app', async () => {
    const { pushToken } = await wmpfPushToken();
    const other = await p.token(OTHER_APP, OTHER_SECRET);
    expectError('pushAppMsg', await p.wechat('pushAppMsg', { token: other, body: { msg: 'hi', push_token: pushToken } }), 48012);
  });

  it('answers 45002 for a msg over 5 KB (5121 bytes, or 1707 three-byte characters)', async () => {
    expectError('pushAppMsg', await p.wechat('pushAppMsg', { body: { msg: 'x'.repeat(5121), push_token: 'any' } }), 45002);
    expectError('pushAppMsg', await p.wechat('pushAppMsg', { body: { msg: '中'.repeat(1707), push_token: 'any' } }), 45002);
  });

  it.each([
    ['an empty msg', { msg: '', push_token: 'any' }],
    ['a numeric msg', { msg: 5, push_token: 'any' }],
    ['a missing push_token', { msg: 'hi' }],
    ['an empty push_token', { msg: 'hi', push_token: '' }],
  ])('answers 40101 for %s', async (_name, body) => {
    expectError('pushAppMsg', await p.wechat('pushAppMsg', { body }), 40101);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('POST /wxa/business/iot/voip/call (iotVoipCall, D §4.10)', () => {
  const call = (over: Record<string, unknown> = {}) => p.wechat('iotVoipCall', { body: { ...VALID_BODIES.iotVoipCall, ...over } });

  it('creates a cloud room from the device to the user, visible in GET /__admin/rooms', async () => {
    expect(await call({ listener_name: 'Alice', version_type: 0, caller_camera_status: 1, query: 'a=1' })).toEqual({ errcode: 0, errmsg: 'ok' });
    const res = await p.admin('GET', '/rooms');
    expect(res.status).toBe(200);
    const rooms = (res.body as { rooms: unknown[] }).rooms.map((room) => RoomSnapshot.parse(room));
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({
      direction: 'deviceToPhone',
      transport: 'cloud',
      roomType: 'voice',
      outcome: null,
      customQuery: 'a=1',
      caller: { kind: 'device', id: 'SN-RTOS-0001', cameraStatus: 1 },
      listener: { kind: 'user', id: 'openid-alice' },
    });
    const page = await journal(p, 'kind=request&operation=wechat.iotVoipCall');
    expect(page.entries).toHaveLength(1);
  });

  it.each([
    ['9 for a user who never authorized the device', { openid: 'openid-carol' }, 9],
    ['9 for a user who rejected the device', { sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', openid: 'openid-bob' }, 9],
    ['2 for an unknown device', { sn: 'SN-UNKNOWN' }, 2],
    ['2 for a model that is not the device’s', { model_id: 'model-linux-doorbell' }, 2],
    ['19 for an openid of another app', { openid: 'openid-dave' }, 19],
    ['20 for an unknown openid', { openid: 'openid-nobody' }, 20],
    ['12 for an unapproved model in a release call', { sn: 'SN-PROTO-0001', model_id: 'model-linux-prototype' }, 12],
    ['23 for an expired device license', { sn: 'SN-LINUX-0002', model_id: 'model-linux-doorbell', openid: 'openid-carol' }, 23],
  ] as const)('answers %s, and creates no room', async (_name, over, errcode) => {
    expectError('iotVoipCall', await call(over), errcode);
    expect((await p.admin('GET', '/rooms')).body).toEqual({ rooms: [] });
  });

  it('answers 24 for a device without a license (PUT license null)', async () => {
    expect((await p.admin('PUT', `/apps/${DEMO_APP}/licenses/SN-RTOS-0001`, { expireTime: null, activeNumbers: [] })).status).toBe(200);
    expectError('iotVoipCall', await call(), 24);
  });

  it('answers 15 for a duration-billed device of an app in arrears', async () => {
    expect((await p.admin('PATCH', `/apps/${DEMO_APP}/billing`, { inArrears: true })).status).toBe(200);
    expectError('iotVoipCall', await call({ sn: 'SN-WMPF-0001', model_id: 'model-wmpf-panel' }), 15);
  });

  it('answers 5 when the device is already in a call', async () => {
    expect((await call()).errcode).toBe(0);
    expectError('iotVoipCall', await call({ payload: 'call-2' }), 5);
  });

  it.each([
    ['a room_type other than voice/video', { room_type: 'audio' }],
    ['a version_type of 3', { version_type: 3 }],
    ['a caller_camera_status of 2', { caller_camera_status: 2 }],
    ['a missing openid', { openid: undefined }],
    ['a numeric payload', { payload: 42 }],
  ])('answers 47001 for %s', async (_name, over) => {
    expectError('iotVoipCall', await call(over), 47001);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('codes no behaviour produces, forced with an error fault (POST /__admin/faults)', () => {
  const cases = ALL_ROUTES.flatMap((key) => FAULT_ONLY[key].map((errcode) => [key, errcode] as const));

  function validRequest(key: WechatRouteKey) {
    if (key === 'getAccessToken') return p.wechat(key, { query: TOKEN_QUERY });
    if (key === 'getStableAccessToken') return p.wechat(key, { body: STABLE_BODY });
    return p.wechat(key, { body: VALID_BODIES[key as ProtectedRoute] });
  }

  /** What the body carries: WeChat's documented wire literal (D §4.3), else the catalogue message. */
  function catalogueMessage(key: WechatRouteKey, errcode: number): string | undefined {
    const entry = key === 'iotVoipCall' ? (findError('backend', errcode) ?? findError('server-api', errcode)) : findError('server-api', errcode);
    return entry === undefined ? undefined : errmsgOf(entry);
  }

  it('lists which codes are fault-only (every one documented for its route)', () => {
    for (const [key, errcode] of cases) expect(wechatRouteErrcodes[key]).toContain(errcode);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s answers %i through a fault, journalled with the fault id', async (key, errcode) => {
    const added = await p.admin('POST', '/faults', { kind: 'error', operation: `wechat.${key}`, errcode });
    expect(added.status).toBe(201);
    const fault = Fault.parse(added.body);

    const body = await validRequest(key);
    expect(body).toEqual({ errcode, errmsg: catalogueMessage(key, errcode) ?? expect.any(String) });

    const page = await journal(p, `kind=refusal&operation=wechat.${key}`);
    expect(page.entries.at(-1)).toMatchObject({
      kind: 'refusal',
      operation: `wechat.${key}`,
      status: 200,
      responseBody: body,
      why: { stage: 'fault', errcode, faultId: fault.faultId, rule: expect.stringContaining(fault.faultId) },
    });
    const after = await p.admin('GET', '/faults');
    expect((after.body as { faults: unknown[] }).faults.map((f) => Fault.parse(f))).toEqual([expect.objectContaining({ faultId: fault.faultId, triggered: 1, remaining: 0 })]);

    // The fault fired once: the same request no longer answers the forced code.
    expect((await validRequest(key)).errcode).not.toBe(errcode);
  });

  it('a fault with times 2 fires twice, and a custom errmsg replaces the catalogue message', async () => {
    await p.admin('POST', '/faults', { kind: 'error', operation: 'wechat.getAccessToken', errcode: 40243, errmsg: 'frozen for the test', times: 2 });
    expect(await p.wechat('getAccessToken', { query: TOKEN_QUERY })).toEqual({ errcode: 40243, errmsg: 'frozen for the test' });
    expect(await p.wechat('getAccessToken', { query: TOKEN_QUERY })).toEqual({ errcode: 40243, errmsg: 'frozen for the test' });
    expect(await p.wechat('getAccessToken', { query: TOKEN_QUERY })).toMatchObject({ access_token: expect.any(String) });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('coverage of the errcode tables', () => {
  it('every code declared as behaviour was observed by a behaviour test above, and the rest has a fault test', () => {
    for (const key of ALL_ROUTES) {
      const seen = observed.get(key) ?? new Set<number>();
      const missing = BEHAVIOUR[key].filter((code) => !seen.has(code));
      expect(missing, `${key}: behaviour codes without a behaviour test`).toEqual([]);
      const covered = new Set([...BEHAVIOUR[key], ...FAULT_ONLY[key]]);
      expect(wechatRouteErrcodes[key].filter((code) => !covered.has(code)), `${key}: documented codes without a test`).toEqual([]);
    }
  });
});
