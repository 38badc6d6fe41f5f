import type { AppRoute } from '@ts-rest/core';
import { demoSeed, wechatApiContract, type SeedInput, type WechatRouteKey } from '@wxvoip/contracts';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { PlatformCore } from '../../src/core/platformCore.js';
import { createServer } from '../../src/server/createServer.js';

/** The demo seed's main app and its secret. */
export const DEMO_APP = 'wx_demo_app';
export const DEMO_SECRET = 'demo-app-secret';
/** The demo seed's second app (no models, one user). */
export const OTHER_APP = 'wx_other_app';
export const OTHER_SECRET = 'other-app-secret';

/** A WeChat body as the emulated routes answer it (success fields or `{ errcode, errmsg }`). */
export type WechatBody = Record<string, unknown> & { errcode?: number; errmsg?: string };

/** One platform (fresh `PlatformCore` on the demo seed) behind a fastify app driven with `inject()`. */
export interface Platform {
  readonly core: PlatformCore;
  readonly app: FastifyInstance;
  /** A raw inject, answering the status, headers and the body parsed as JSON (it must be JSON). */
  inject(options: InjectOptions): Promise<{ status: number; contentType: string; body: unknown }>;
  /** A classic access_token of an app (the previous one of that app is superseded). */
  token(appId?: string, secret?: string): Promise<string>;
  /** Calls an emulated WeChat route; asserts HTTP 200, a JSON body and the route's 200 response schema. */
  wechat(key: WechatRouteKey, request?: WechatRequest): Promise<WechatBody>;
  /** Calls the control API; asserts a JSON body and answers status and body. */
  admin(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** How to call one emulated WeChat route. */
export interface WechatRequest {
  /** `access_token` query value; `null` leaves it out. Default: a fresh token of the demo app. */
  readonly token?: string | null;
  /** JSON body, serialised with JSON.stringify. */
  readonly body?: unknown;
  /** Raw body text, sent as is with content-type application/json (overrides `body`). */
  readonly rawBody?: string;
  /** Query parameters (getAccessToken's query, or extra ones). */
  readonly query?: Readonly<Record<string, string>>;
  /** HTTP method; default the route's. */
  readonly method?: InjectOptions['method'];
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

const route = (key: WechatRouteKey): AppRoute => wechatApiContract[key] as unknown as AppRoute;

/** Starts a platform on a fresh core with the demo seed (or another seed). */
export async function startPlatform(seed: SeedInput = demoSeed): Promise<Platform> {
  const core = new PlatformCore({ seed });
  const app = await createServer({ core, docs: false });
  let demoToken: string | undefined;

  async function inject(options: InjectOptions) {
    const res = await app.inject(options);
    const contentType = String(res.headers['content-type'] ?? '');
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      throw new Error(`${String(options.method)} ${String(options.url)} answered ${res.statusCode} with a non-JSON body: ${res.body.slice(0, 200)}`);
    }
    return { status: res.statusCode, contentType, body };
  }

  async function token(appId = DEMO_APP, secret = DEMO_SECRET): Promise<string> {
    const res = await inject({ method: 'GET', url: `/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${secret}` });
    const body = res.body as { access_token?: string };
    expect(body.access_token, `token for ${appId}`).toEqual(expect.any(String));
    return body.access_token!;
  }

  async function wechat(key: WechatRouteKey, request: WechatRequest = {}): Promise<WechatBody> {
    const r = route(key);
    const query = new URLSearchParams();
    if (key !== 'getAccessToken' && key !== 'getStableAccessToken') {
      const accessToken = request.token === undefined ? (demoToken ??= await token()) : request.token;
      if (accessToken !== null) query.set('access_token', accessToken);
    }
    for (const [name, value] of Object.entries(request.query ?? {})) query.append(name, value);
    const qs = query.toString();
    const url = `${r.path}${qs === '' ? '' : `?${qs}`}`;
    const payload = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const res = await inject({
      method: request.method ?? r.method,
      url,
      headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
      ...(payload === undefined ? {} : { payload }),
    });
    expect(res.status, `${key}: WeChat answers HTTP 200, also on errors`).toBe(200);
    expect(res.contentType).toContain('application/json');
    const parsed = wechatApiContract[key].responses[200].safeParse(res.body);
    expect(parsed.success, `${key}: body ${JSON.stringify(res.body).slice(0, 300)} must match the route's 200 schema: ${JSON.stringify(parsed.error?.issues ?? [])}`).toBe(true);
    return res.body as WechatBody;
  }

  async function admin(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: unknown) {
    const res = await app.inject({
      method,
      url: `/__admin${path}`,
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
    });
    return { status: res.statusCode, body: res.body === '' ? undefined : (JSON.parse(res.body) as unknown) };
  }

  return {
    core,
    app,
    inject,
    token: async (appId?: string, secret?: string) => {
      const t = await token(appId, secret);
      if ((appId ?? DEMO_APP) === DEMO_APP) demoToken = t;
      return t;
    },
    wechat,
    admin,
    close: () => app.close(),
  };
}

/** Valid bodies for each token-protected route, against the demo seed. */
export const VALID_BODIES: Readonly<Record<Exclude<WechatRouteKey, 'getAccessToken' | 'getStableAccessToken'>, Record<string, unknown>>> = {
  getSnTicket: { sn: 'SN-LINUX-NEW', model_id: 'model-linux-doorbell' },
  sendHardwareDeviceMessage: {
    template_id: 'tmpl-doorbell-ring',
    sn: 'SN-LINUX-0001',
    modelId: 'model-linux-doorbell',
    to_openid_list: ['openid-alice'],
    data: { thing1: { value: 'front door' } },
    lang: 'zh_CN',
  },
  createIotGroupId: { model_id: 'model-linux-doorbell', group_name: 'Building B' },
  getIotGroupInfo: { group_id: 'group-building-a' },
  addIotGroupDevice: { group_id: 'group-building-a', device_list: [{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW' }] },
  removeIotGroupDevice: { group_id: 'group-building-a', device_list: [{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-0002' }] },
  expandGroup: { group_id: 'group-building-a', max_device_count: 200, province_name: '广东省', city_name: '深圳市' },
  getLicensePkgList: { pkg_type: 1 },
  activeLicenseDevice: { pkg_type: 1, device_list: [{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-NEW', active_number: 2001 }] },
  getLicenseDeviceInfo: { device_list: [{ model_id: 'model-linux-doorbell', sn: 'SN-LINUX-0001' }] },
  addRuntimeDevice: { product_id: 1001, device_id_list: ['SN-WMPF-0002'], model_name: 'door-panel' },
  pushAppMsg: { msg: '{"type":"ring"}', push_token: 'not-a-push-token' },
  iotVoipCall: { model_id: 'model-rtos-camera', sn: 'SN-RTOS-0001', openid: 'openid-alice', room_type: 'voice', payload: 'call-1' },
};

/** The token-protected route keys. */
export const PROTECTED_ROUTES = Object.keys(VALID_BODIES) as (keyof typeof VALID_BODIES)[];
