/**
 * Fuzzes ONE server instance with thousands of random and malformed requests across every route of the three
 * routers (emulated WeChat, transport, control) plus unknown paths: bad JSON, wrong JSON types, huge strings up to
 * ~2 MB, missing and extra fields, wrong methods, random headers, query strings and namespace headers. Every
 * response must be below 500, carry a JSON body, and match the schema its contract declares for its status (RFC 7807
 * `ProblemDetails` for control problems; WeChat's `{ errcode, errmsg }` for unknown WeChat and transport paths).
 * Afterwards the server must still answer a valid token request. Generation is reproducible (fixed fast-check seed).
 */
import type { AppRoute } from '@ts-rest/core';
import {
  controlContract,
  demoSeed,
  JournalPage,
  platformTransportContract,
  ProblemDetails,
  Seed,
  WechatErrorBody,
  wechatApiContract,
} from '@wxvoip/contracts';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodTypeAny } from 'zod';
import { PlatformCore } from '../src/core/platformCore.js';
import { createServer } from '../src/server/createServer.js';
import { MAX_PARAM_LENGTH } from '../src/http/requestErrors.js';
import { DEMO_APP, DEMO_SECRET, VALID_BODIES } from './support/platformHarness.js';

/** Fixed seed and size of the run: change the seed to explore, keep it fixed in CI. */
const FUZZ_SEED = 20_260_101;
const FUZZ_RUNS = 5_200;

type Api = 'wechat' | 'transport' | 'control';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';

interface RouteInfo {
  readonly api: Api;
  readonly key: string;
  readonly method: Method;
  readonly path: string;
  readonly params: readonly string[];
  readonly pattern: RegExp;
  readonly route: AppRoute;
}

function routesOf(api: Api, router: Record<string, unknown>): RouteInfo[] {
  return Object.entries(router).map(([key, value]) => {
    const route = value as AppRoute;
    const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
    // find-my-way also matches an empty parameter (`/__admin/apps/` is getApp with appId '').
    const pattern = new RegExp(`^${route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '([^/]*)')}$`);
    return { api, key, method: route.method as Method, path: route.path, params, pattern, route };
  });
}

const ROUTES: readonly RouteInfo[] = [
  ...routesOf('wechat', wechatApiContract),
  ...routesOf('transport', platformTransportContract),
  ...routesOf('control', controlContract),
];

/** The contract route fastify serves for a method and path (static segments win over parameters, as in find-my-way). */
function matchRoute(method: string, path: string): RouteInfo | undefined {
  const lookup = method === 'HEAD' ? 'GET' : method; // fastify serves HEAD with the GET route (exposeHeadRoutes)
  return ROUTES.filter((r) => r.method === lookup && r.pattern.test(path)).sort((a, b) => a.params.length - b.params.length)[0];
}

/** Valid example bodies per route key (the WeChat ones come from the shared harness). */
const EXAMPLE_BODIES: Readonly<Record<string, unknown>> = {
  ...VALID_BODIES,
  getStableAccessToken: { grant_type: 'client_credential', appid: DEMO_APP, secret: DEMO_SECRET, force_refresh: false },
  // transport
  connectParty: { kind: 'wechatPlugin', appId: DEMO_APP, openId: 'openid-alice' },
  initByCaller: {
    roomType: 'voice',
    businessType: 1,
    caller: { id: 'SN-WMPF-0001', name: 'Lobby', cameraStatus: 0 },
    listener: { id: 'openid-alice', name: 'Alice', cameraStatus: 0 },
    miniprogramState: 'formal',
  },
  callDevice: { roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', payload: 'p' },
  callWmpf: { roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken: 'push-token', nickName: 'Alice' },
  forceHangUp: { roomId: 'room-1' },
  getIotBindContactList: { sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', openid_list: ['openid-alice', 'openid-bob'] },
  wxRequestDeviceVoip: { sn: 'SN-LINUX-0001', snTicket: 'a'.repeat(32), modelId: 'model-linux-doorbell', deviceName: 'Front door' },
  answerRoom: { cameraStatus: 0, autoAnswered: false },
  rejectRoom: { origin: 'manual', busy: false },
  hangUpRoom: { origin: 'manual', reason: 1 },
  abortRoom: { errMsg: 'network lost', joinFailed: false },
  registerDevice: { snTicket: 'b'.repeat(32) },
  linuxSessionCall: { roomType: 'voice', callee: { id: 'openid-alice', cameraStatus: 0 }, self: { cameraStatus: 0 } },
  linuxListenerJoin: { roomId: 'room-1', cameraStatus: 0 },
  linuxListenerHangup: { roomId: 'room-1', reason: 11, busy: false },
  rtosClientCall: { roomType: 'voice', callee: { id: 'openid-alice', name: 'Alice' }, payload: 'p' },
  rtosClientJoin: { roomId: 'room-1', payload: 'p' },
  cloudSessionJoin: { roomType: 'voice', appId: DEMO_APP, sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', serverToken: 'token' },
  cloudCallJoin: { roomType: 'voice', appId: DEMO_APP, roomId: 'room-1', serverToken: 'token', sessionKey: 'key' },
  cloudListenerHangup: { appId: DEMO_APP, sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', serverToken: 'token', reason: 11, busy: true },
  // control
  loadSeed: demoSeed,
  reset: { to: 'seed' },
  updateApp: { voipCapability: 'trial' },
  issueSnTicket: { sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell' },
  putUser: { nickname: 'Erin' },
  updateUser: { nickname: 'Alice B.' },
  requestAuthorization: { openId: 'openid-carol', sn: 'SN-RTOS-0001', deviceName: 'Garden', decision: 'accept' },
  revokeAuthorization: { openId: 'openid-alice', how: 'switchOff', sn: 'SN-LINUX-0001' },
  updateBilling: { inArrears: false, licenseApis: 'legacy' },
  setDeviceLicense: { expireTime: 1_893_427_200, activeNumbers: [1] },
  takeDeviceOffline: { abortCalls: true },
  expireDeviceCredentials: { what: ['snTickets', 'pushToken'] },
  setClock: { mode: 'manual', now: 1_767_225_600_000 },
  advanceClock: { ms: 1_000 },
  addFault: { kind: 'error', operation: 'wechat.getSnTicket', errcode: -1, times: 1 },
  simulateAnswer: { cameraStatus: 0 },
  simulateReject: { busy: false },
  simulateHangUp: { side: 'caller', origin: 'manual' },
  simulateGoOffline: { side: 'listener' },
};

/** Example query strings per route key. */
const EXAMPLE_QUERIES: Readonly<Record<string, Record<string, string>>> = {
  getAccessToken: { grant_type: 'client_credential', appid: DEMO_APP, secret: DEMO_SECRET },
  listAuthorizations: { openId: 'openid-alice' },
  listDevices: { appId: DEMO_APP },
  getJournal: { kind: 'refusal', limit: '5', since: '0' },
  listRooms: { limit: '10', state: 'ringing' },
  listCallbacks: {},
};

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Values the pools are filled with once the platform runs (tokens, credentials, ids). */
interface Pools {
  accessTokens: string[];
  bearers: string[];
  roomIds: string[];
  partyIds: string[];
}

const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const printable = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
const SPECIAL_STRINGS = ['', ' ', '\u0000', '🙂', '中文', '../', '..', '%', 'null', 'undefined', '__proto__', 'constructor', 'magic-err-9', 'magic-err--1', 'magic-err-48001', 'magic-err-9800016', 'a'.repeat(129)];
const weirdString = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...SPECIAL_STRINGS), weight: 2 },
  { arbitrary: fc.string({ maxLength: 400 }), weight: 1 },
);
const weirdJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
  { arbitrary: weirdString, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 31), [], {}, [[]], { a: { b: { c: {} } } }), weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
);

/** A valid namespace (generated or from the pool) or an invalid one. */
const validNamespace = fc.oneof(
  fc.constantFrom('default', 'fuzz-a', 'fuzz.b', 'other-ns'),
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/),
);
const invalidNamespace = fc.oneof(fc.constantFrom('', 'UPPER', '-lead', '.dot', 'a'.repeat(65), '../etc', 'ns with space', '名前'), printable(30));

const HUGE_SIZES = [1_048_577, 1_500_000, 2_000_000, 2_097_152];
/** A huge string, 1 to ~2 MB, cheap to build. */
const hugeString = fc.record({ size: fc.constantFrom(...HUGE_SIZES), ch: fc.constantFrom('x', '中', '"', '\\', '9') }).map(({ size, ch }) => ch.repeat(Math.ceil(size / Buffer.byteLength(ch))));

/** Applies one mutation to an example value (drop / add / replace a field at any depth, or replace it all). */
function mutate(example: unknown, kind: number, pick: number, value: unknown, key: string): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const next = [...path, Array.isArray(node) ? Number(k) : k];
        paths.push(next);
        walk(v, next);
      }
    }
  };
  walk(example, []);
  const clone = structuredClone(example) as Record<string, unknown>;
  const parentOf = (path: (string | number)[]) => path.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string, unknown>)[k as string], clone) as Record<string, unknown>;
  const chosen = paths.length === 0 ? undefined : paths[pick % paths.length]!;
  switch (kind % 6) {
    case 0:
      return clone; // valid as is
    case 1: // drop a field
      if (chosen) delete parentOf(chosen)[chosen.at(-1) as string];
      return clone;
    case 2: {
      // extra field at the top or in a nested object; defined (not assigned) so that "__proto__" is sent as a key
      const target = chosen && typeof parentOf(chosen) === 'object' && parentOf(chosen) !== null ? parentOf(chosen) : clone;
      if (target !== null && typeof target === 'object') Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return clone;
    }
    case 3: // replace a field with a random value (wrong type most of the time)
      if (chosen) parentOf(chosen)[chosen.at(-1) as string] = value;
      return chosen ? clone : value;
    case 4: // replace a field with a string (type confusion for numbers, booleans, arrays)
      if (chosen) parentOf(chosen)[chosen.at(-1) as string] = String(key);
      return clone;
    default:
      return value; // a random JSON value instead of the body
  }
}

/** A path segment: the whole characters of `text` whose percent-encoding fits in `max` characters (never a cut escape). */
function encodeSegment(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    let encoded: string;
    try {
      encoded = encodeURIComponent(ch);
    } catch {
      continue; // a lone surrogate has no encoding
    }
    if (out.length + encoded.length > max) break;
    out += encoded;
  }
  return out;
}

interface FuzzRequest {
  readonly method: Method;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload: string | undefined;
  /** What was generated (for failure reports). */
  readonly label: string;
}

function requestArbitrary(pools: Pools): fc.Arbitrary<FuzzRequest> {
  const paramValue = (name: string) => {
    const known =
      name === 'roomId'
        ? pools.roomIds
        : name === 'partyId'
          ? pools.partyIds
          : name === 'appId'
            ? [DEMO_APP, 'wx_other_app']
            : name === 'openId'
              ? ['openid-alice', 'openid-bob', 'openid-new']
              : name === 'sn'
                ? ['SN-LINUX-0001', 'SN-RTOS-0001', 'SN-WMPF-0001', 'SN-LINUX-NEW']
                : name === 'faultId'
                  ? ['fault_000001', 'fault_000002']
                  : ['x'];
    return fc.oneof(
      { arbitrary: fc.constantFrom(...(known.length > 0 ? known : ['x'])), weight: 5 },
      // Encoded random segments, some past MAX_PARAM_LENGTH.
      { arbitrary: weirdString.map((s) => encodeSegment(s, 100)).filter((s) => s !== ''), weight: 3 },
      { arbitrary: fc.integer({ min: MAX_PARAM_LENGTH - 2, max: MAX_PARAM_LENGTH + 40 }).map((n) => 'x'.repeat(n)), weight: 1 },
      // Odd and invalid percent-encodings.
      { arbitrary: fc.constantFrom('a%2Fb', '%00', '..', '.', '%2E%2E', '%zz', '%E0%A4%A', '%', 'a%'), weight: 1 },
    );
  };

  const query = (info: RouteInfo | undefined) =>
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.constant<Record<string, string>>(info ? (EXAMPLE_QUERIES[info.key] ?? {}) : {}), weight: 3 },
        { arbitrary: fc.dictionary(fc.oneof(printable(12), fc.constantFrom('limit', 'since', 'kind', 'appid', 'secret', 'grant_type', 'access_token', 'sn', 'state')), weirdString.map((s) => s.slice(0, 200)), { maxKeys: 4 }), weight: 2 },
      ),
      fc.oneof(
        { arbitrary: fc.constantFrom(...pools.accessTokens), weight: 4 },
        { arbitrary: fc.constantFrom('', 'forged', 'x'.repeat(136)), weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      ),
      fc.boolean(), // duplicate a parameter (arrays in the query)
    ).map(([params, accessToken, duplicate]) => {
      const qs = new URLSearchParams();
      if (info?.api === 'wechat' && info.key !== 'getAccessToken' && info.key !== 'getStableAccessToken' && accessToken !== undefined) qs.append('access_token', accessToken);
      for (const [k, v] of Object.entries(params)) qs.append(k, v);
      const first = [...qs.keys()][0];
      if (duplicate && first !== undefined) qs.append(first, 'dup');
      const text = qs.toString();
      return text === '' ? '' : `?${text}`;
    });

  const headers =
    fc.record(
      {
        namespace: fc.option(
          fc.oneof({ arbitrary: validNamespace, weight: 2 }, { arbitrary: invalidNamespace, weight: 1 }),
          { freq: 3 },
        ),
        authorization: fc.option(
          fc.oneof(
            { arbitrary: fc.constantFrom(...pools.bearers), weight: 4 },
            { arbitrary: printable(40).map((t) => `Bearer ${t}`), weight: 1 },
            { arbitrary: printable(40), weight: 1 },
          ),
          { freq: 2 },
        ),
        contentType: fc.option(
          fc.oneof(
            { arbitrary: fc.constant('application/json'), weight: 6 },
            {
              arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/problem+json', '*/*', 'application/xml'),
              weight: 2,
            },
            { arbitrary: fc.constantFrom('garbage', 'a b', '', ';;', 'application/', '/json', 'text/plain;;;charset'), weight: 1 },
            { arbitrary: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.+-]{0,12}$/), fc.stringMatching(/^[a-z][a-z0-9.+-]{0,12}$/), fc.option(fc.stringMatching(/^[a-z]{1,8}=[a-z0-9-]{1,8}$/))).map(([t, st, p]) => `${t}/${st}${p === null ? '' : `; ${p}`}`), weight: 1 },
          ),
          { freq: 5 },
        ),
        extra: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,16}$/).filter((name) => name !== 'x-wxvoip-namespace'), printable(60), { maxKeys: 3 }),
        accept: fc.option(fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'), { freq: 4 }),
      },
      { requiredKeys: ['namespace', 'authorization', 'contentType', 'extra', 'accept'] },
    ).map(({ namespace, authorization, contentType, extra, accept }) => {
      const headers: Record<string, string> = { ...extra };
      if (namespace !== null) headers['x-wxvoip-namespace'] = namespace;
      if (authorization !== null) headers['authorization'] = authorization;
      if (contentType !== null) headers['content-type'] = contentType;
      if (accept !== null) headers['accept'] = accept;
      return headers;
    });

  const bodyFor = (info: RouteInfo | undefined) => {
    const example = info ? EXAMPLE_BODIES[info.key] : undefined;
    const mutated = fc
      .tuple(fc.nat(5), fc.nat(), weirdJson, fc.oneof(printable(12), fc.constantFrom('__proto__', 'constructor', 'errcode')))
      .map(([kind, pick, value, key]) => (example === undefined ? value : mutate(example, kind, pick, value, key)));
    return fc.oneof(
      { arbitrary: mutated.map((value) => ({ text: JSON.stringify(value) as string | undefined, label: 'json' })), weight: 12 },
      {
        arbitrary: fc.tuple(mutated, fc.nat(), fc.constantFrom('', '}', ',', '"', 'garbage', '\u0000', '{')).map(([value, cut, tail]) => {
          const text = JSON.stringify(value) ?? '';
          return { text: text.slice(0, cut % (text.length + 1)) + tail, label: 'malformed' };
        }),
        weight: 3,
      },
      { arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ text: text as string | undefined, label: 'random text' })), weight: 1 },
      { arbitrary: fc.constantFrom({ text: '', label: 'empty' }, { text: undefined, label: 'none' }), weight: 2 },
      {
        arbitrary: fc.tuple(hugeString, fc.boolean()).map(([huge, inJson]) => ({
          text: inJson ? JSON.stringify({ ...((example as object | undefined) ?? {}), sn: huge, msg: huge }) : huge,
          label: `huge ${inJson ? 'json' : 'raw'}`,
        })),
        weight: 1,
      },
    );
  };

  // Arbitraries are built once per route (building them per sample, e.g. in a chain, is ~50 ms a sample).
  const params = new Map(['roomId', 'partyId', 'appId', 'openId', 'sn', 'faultId'].map((name) => [name, paramValue(name)]));
  const perRoute = ROUTES.map((info) =>
    fc
      .record({
        info: fc.constant(info),
        method: fc.oneof({ arbitrary: fc.constant(info.method), weight: 8 }, { arbitrary: fc.constantFrom(...METHODS), weight: 2 }),
        params: fc.tuple(...info.params.map((name) => params.get(name) ?? paramValue(name)), fc.constant('')),
        query: query(info),
        headers,
        body: bodyFor(info),
        // About one request in 100 carries a ~1-2 MB query parameter.
        hugeQuery: fc.oneof({ arbitrary: fc.constant(null), weight: 99 }, { arbitrary: fc.constantFrom(...HUGE_SIZES).map((size) => 'q'.repeat(size)), weight: 1 }),
      })
      .map(({ info, method, params: values, query: qs, headers, body, hugeQuery }): FuzzRequest => {
        let i = 0;
        const path = info.path.replace(/:[A-Za-z]+/g, () => values[i++] as string);
        const url = `${path}${qs}${hugeQuery === null ? '' : `${qs === '' ? '?' : '&'}huge=${hugeQuery}`}`;
        return { method, url, headers, payload: body.text, label: `${info.api}.${info.key} ${method} body=${body.label}` };
      }),
  );
  const knownRoute = fc.oneof(...perRoute);

  // Not generated: GET /__wxvoip/v1/parties/:partyId/channel without a WebSocket upgrade, the push channel (not a
  // contract route), which answers 404 with an empty body (reported).
  const unknownPath = fc
    .record({
      prefix: fc.constantFrom('/cgi-bin/', '/wxa/', '/wxa/business/', '/__admin/', '/__wxvoip/v1/', '/__wxvoip/v2/', '/', '/docs/', '/CGI-BIN/', '/__ADMIN/'),
      segments: fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), weirdString.map((s) => encodeSegment(s, 40)).filter((s) => s !== '')), { minLength: 1, maxLength: 4 }),
      trailingKnown: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom(...ROUTES).map((r) => `${r.path.replace(/:[A-Za-z]+/g, 'x')}/`), weight: 1 }),
      method: fc.constantFrom(...METHODS),
      headers,
      body: bodyFor(undefined),
    })
    .map(({ prefix, segments, trailingKnown, method, headers, body }): FuzzRequest => {
      const path = trailingKnown ?? `${prefix}${segments.join('/')}`;
      return { method, url: path, headers, payload: body.text, label: `unknown ${method} ${path.slice(0, 60)} body=${body.label}` };
    });

  return fc.oneof({ arbitrary: knownRoute, weight: 9 }, { arbitrary: unknownPath, weight: 1 });
}

/** A path the router cannot read: a segment with an invalid percent escape, or one longer than MAX_PARAM_LENGTH. */
function unroutable(path: string): boolean {
  return path.split('/').some((segment) => {
    if (segment.length > MAX_PARAM_LENGTH) return true;
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

interface Violation {
  readonly kind: string;
  readonly label: string;
  readonly status: number;
  readonly detail: string;
}

/** Schema checks of one response; answers the violations (empty when the response is fine). */
function checkResponse(request: FuzzRequest, res: { statusCode: number; headers: Record<string, unknown>; body: string }): Violation[] {
  const violations: Violation[] = [];
  const v = (kind: string, detail: string) => violations.push({ kind, label: request.label, status: res.statusCode, detail: detail.slice(0, 400) });
  // The path fastify sees: light-my-request resolves dot segments ('/rooms/../join' is '/join').
  const path = new URL(request.url.split('?')[0]!, 'http://localhost').pathname;
  const info = matchRoute(request.method, path);

  if (res.statusCode >= 500) v('5xx', res.body.slice(0, 300));

  // The control API's guards answer before any route (adminRefusal): a state-changing request whose body is not
  // JSON gets 415, whatever the path under /__admin.
  if (path.startsWith('/__admin') && res.statusCode === 415) {
    const parsed = ProblemDetails.safeParse(JSON.parse(res.body));
    if (!parsed.success || parsed.data.type !== 'urn:wxvoip:problem:unsupported-media-type') v('guard refusal not a 415 problem', res.body.slice(0, 200));
    const type = request.headers['content-type'] ?? '';
    if (/^application\/json/i.test(type)) v('JSON body refused as unsupported media', type);
    return violations;
  }

  const declared = info ? (info.route.responses as Record<number, unknown>)[res.statusCode] : undefined;
  const noBodyDeclared = typeof declared === 'symbol';
  if (request.method === 'HEAD') {
    // HEAD answers carry no body by HTTP; fastify serves them from the GET route. Only the status is checked.
    if (info && declared === undefined) v('undeclared status', `${info.api}.${info.key} HEAD → ${res.statusCode}`);
    return violations;
  }
  if (noBodyDeclared) {
    if (res.body !== '') v('body on a no-body status', res.body.slice(0, 200));
    return violations;
  }

  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    v('non-JSON body', `content-type ${String(res.headers['content-type'])}: ${res.body.slice(0, 200)}`);
    return violations;
  }
  if (!String(res.headers['content-type'] ?? '').includes('json')) v('non-JSON content-type', String(res.headers['content-type']));

  if (info) {
    if (declared === undefined) {
      v('undeclared status', `${info.api}.${info.key} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
      return violations;
    }
    const parsed = (declared as ZodTypeAny).safeParse(body);
    if (!parsed.success) v('schema mismatch', `${info.api}.${info.key} ${res.statusCode}: ${JSON.stringify(parsed.error.issues.slice(0, 2))} body ${res.body.slice(0, 200)}`);
    return violations;
  }

  // No route for this method and path: wrong method on a known WeChat path (43002, HTTP 200), otherwise 404 in the
  // shape of the API the path belongs to.
  const samePath = ROUTES.find((r) => r.pattern.test(path));
  const api = path.startsWith('/__admin') ? 'control' : path.startsWith('/__wxvoip/v1') ? 'transport' : path.startsWith('/cgi-bin/') || path.startsWith('/wxa/') ? 'wechat' : 'other';
  // An invalid percent escape, or a segment past MAX_PARAM_LENGTH where the method has a route: the API's "bad path"
  // answer, never fastify's default body. (A method with no route at all is simply not found, checked below.)
  if (unroutable(path) && res.statusCode === (api === 'wechat' ? 200 : 400)) {
    const shaped = api === 'control' || api === 'other' ? ProblemDetails.safeParse(body).success : (body as { errcode?: unknown }).errcode === 47001;
    if (!shaped) v('unroutable path answer', res.body.slice(0, 200));
    return violations;
  }
  if (api === 'control' || api === 'other') {
    if (res.statusCode !== 404) v('unknown route status', `${api} ${res.statusCode}`);
    if (!ProblemDetails.safeParse(body).success) v('unknown route not a problem document', res.body.slice(0, 200));
  } else {
    const expected = api === 'wechat' && samePath?.api === 'wechat' ? 200 : 404;
    if (res.statusCode !== expected) v('unknown route status', `${api} expected ${expected}, got ${res.statusCode}`);
    const parsed = WechatErrorBody.safeParse(body);
    if (!parsed.success) v('unknown route not a WeChat error body', res.body.slice(0, 200));
    else if (expected === 200 && parsed.data.errcode !== 43002) v('wrong method not 43002', res.body.slice(0, 200));
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------------------------

describe('fuzzing one server instance across every route', () => {
  let core: PlatformCore;
  let app: FastifyInstance;
  const pools: Pools = { accessTokens: [], bearers: [], roomIds: [], partyIds: [] };

  beforeAll(async () => {
    core = new PlatformCore({ seed: demoSeed });
    app = await createServer({ core, docs: false });
    const json = async (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      JSON.parse((await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) })).body) as Record<string, unknown>;
    pools.accessTokens.push((await json('GET', `/cgi-bin/token?grant_type=client_credential&appid=${DEMO_APP}&secret=${DEMO_SECRET}`))['access_token'] as string);
    pools.accessTokens.push((await json('POST', '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: DEMO_APP, secret: DEMO_SECRET }))['access_token'] as string);
    const parties = [
      { kind: 'wechatPlugin', appId: DEMO_APP, openId: 'openid-alice' },
      { kind: 'wechatPlugin', appId: DEMO_APP, openId: 'openid-carol' },
      { kind: 'linuxDevice', appId: DEMO_APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' },
      { kind: 'rtosDevice', appId: DEMO_APP, sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera' },
      { kind: 'wmpfPlugin', appId: DEMO_APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' },
      { kind: 'vendorCloud' },
    ];
    for (const party of parties) {
      const connected = (await json('POST', '/__wxvoip/v1/parties', party)) as { party: { partyId: string }; credential: { token: string } };
      pools.bearers.push(`Bearer ${connected.credential.token}`);
      pools.partyIds.push(connected.party.partyId);
    }
    const room = await json('POST', '/__wxvoip/v1/plugin/call-device', EXAMPLE_BODIES['callDevice'], { authorization: pools.bearers[0]! });
    pools.roomIds.push(room['roomId'] as string, 'wxf830863afde621ebWmpfVoip1', 'room-unknown');
    expect(pools.accessTokens.every((t) => typeof t === 'string')).toBe(true);
    expect(room['errcode']).toBe(0);
  });

  afterAll(async () => {
    await app.close();
  });

  it(`answers ${FUZZ_RUNS} random and malformed requests without a 5xx, always with a contract-conforming JSON body`, async () => {
    const generationStart = performance.now();
    const requests = fc.sample(requestArbitrary(pools), { seed: FUZZ_SEED, numRuns: FUZZ_RUNS });
    const generationSeconds = (performance.now() - generationStart) / 1000;
    const violations: Violation[] = [];
    const statuses = new Map<number, number>();
    let huge = 0;
    const started = performance.now();
    for (const request of requests) {
      if ((request.payload?.length ?? 0) > 1_000_000 || request.url.length > 1_000_000) huge++;
      let res: Awaited<ReturnType<FastifyInstance['inject']>>;
      try {
        res = await app.inject({ method: request.method, url: request.url, headers: request.headers, ...(request.payload === undefined ? {} : { payload: request.payload }) });
      } catch (error) {
        violations.push({ kind: 'inject threw', label: request.label, status: 0, detail: String(error) });
        continue;
      }
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      violations.push(...checkResponse(request, res));
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `fuzz (seed ${FUZZ_SEED}): generated ${requests.length} requests in ${generationSeconds.toFixed(1)} s, sent them (${huge} of about 1-2 MB) in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );

    // One example per kind of violation and route keeps the report readable.
    const distinct = new Map<string, Violation>();
    for (const violation of violations) distinct.set(`${violation.kind} | ${violation.label.split(' ')[0]} | ${violation.status}`, violation);
    expect([...distinct.values()], `${violations.length} violations`).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(5_000);
    expect(huge).toBeGreaterThan(0);
  }, 120_000);

  it('still answers a valid token request afterwards, in a fresh namespace and in the fuzzed default namespace', async () => {
    const fresh = await app.inject({ method: 'GET', url: `/cgi-bin/token?grant_type=client_credential&appid=${DEMO_APP}&secret=${DEMO_SECRET}`, headers: { 'x-wxvoip-namespace': 'after-fuzz' } });
    expect(fresh.statusCode).toBe(200);
    const token = JSON.parse(fresh.body) as { access_token: string; expires_in: number };
    expect(token).toEqual({ access_token: expect.stringMatching(/^[0-9A-Za-z]+$/), expires_in: 7200 });
    const ticket = await app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${token.access_token}`, headers: { 'x-wxvoip-namespace': 'after-fuzz' }, payload: VALID_BODIES.getSnTicket });
    expect(JSON.parse(ticket.body)).toMatchObject({ errcode: 0, sn_ticket: expect.any(String) });

    // The default namespace was fuzzed (secrets patched, seeds loaded, resets): ask it for its apps' current secrets.
    const exported = await app.inject({ method: 'GET', url: '/__admin/seed' });
    expect(exported.statusCode).toBe(200);
    const seed = Seed.parse(JSON.parse(exported.body));
    for (const seedApp of seed.apps) {
      const res = await app.inject({ method: 'GET', url: `/cgi-bin/token?${new URLSearchParams({ grant_type: 'client_credential', appid: seedApp.appId, secret: seedApp.secret }).toString()}` });
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    }

    // Whatever the fuzz journalled, the journal still reads back as the contract declares it.
    const journal = await app.inject({ method: 'GET', url: '/__admin/journal?limit=1000' });
    expect(journal.statusCode).toBe(200);
    expect(JournalPage.safeParse(JSON.parse(journal.body)).success).toBe(true);
  });
});
