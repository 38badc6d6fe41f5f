import { CONTROL_PREFIX, TRANSPORT_PREFIX, WECHAT_PATH_PREFIXES, wechatApiContract, type WechatErrorBody } from '@wxvoip/contracts';
import { problem, type ProblemResponse } from '../facade/problems.js';

/** Which API a path belongs to, so an error answers in that API's shape. */
export type ApiKind = 'wechat' | 'transport' | 'control' | 'other';

/** The API a request path belongs to. */
export function apiOf(url: string): ApiKind {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith(CONTROL_PREFIX)) return 'control';
  if (path.startsWith(TRANSPORT_PREFIX)) return 'transport';
  return WECHAT_PATH_PREFIXES.some((prefix) => path.startsWith(prefix)) ? 'wechat' : 'other';
}

/** Known WeChat paths and their method, to tell "wrong method" (43002) from "no such API". */
const WECHAT_METHODS = new Map<string, string>(Object.values(wechatApiContract).map((route) => [route.path, route.method]));

/**
 * Why a request was refused before a route handler ran: a body that is not JSON, empty or too large; no route for the
 * method and path; or a path that cannot be routed at all (`badPath`: an invalid percent escape, or a path parameter
 * longer than `MAX_PARAM_LENGTH` characters).
 */
export type PreHandlerErrorKind = 'malformedJson' | 'emptyBody' | 'bodyTooLarge' | 'notFound' | 'badPath' | FrameworkRefusalKind;

/**
 * Refusals of the HTTP layer itself, answered before fastify routes the request: a body past the hard limit (413),
 * a request head past Node's limit (431), a request line or header Node cannot read (400), the push channel path
 * without a WebSocket upgrade (426) and a broken WebSocket handshake on it (400).
 */
export type FrameworkRefusalKind = 'payloadTooLarge' | 'headersTooLarge' | 'badRequest' | 'upgradeRequired' | 'badUpgrade';

/** What the push-channel path answers to a request without a WebSocket upgrade. */
export const PUSH_CHANNEL_NEEDS_UPGRADE = 'this is the push channel: open it as a WebSocket (GET with Connection: Upgrade, Upgrade: websocket)';

/** HTTP status of each framework refusal, whatever the API. */
const FRAMEWORK_STATUS: Record<FrameworkRefusalKind, number> = { payloadTooLarge: 413, headersTooLarge: 431, badRequest: 400, upgradeRequired: 426, badUpgrade: 400 };

/** Control-API problem type of each framework refusal. */
const FRAMEWORK_PROBLEM = { payloadTooLarge: 'payloadTooLarge', headersTooLarge: 'headersTooLarge', badRequest: 'badRequest', upgradeRequired: 'badRequest', badUpgrade: 'badRequest' } as const;

function isFrameworkRefusal(kind: PreHandlerErrorKind): kind is FrameworkRefusalKind {
  return kind in FRAMEWORK_STATUS;
}

/**
 * An error answered before a route handler ran (malformed JSON, empty or oversized body, unknown path, wrong method,
 * unroutable path),
 * in the shape of the API the path belongs to: WeChat's `{ errcode, errmsg }` (HTTP 200 for body problems, as
 * WeChat does; 404 for an unknown path [I]) or an RFC 7807 problem for the control API.
 */
export function preHandlerError(kind: PreHandlerErrorKind, method: string, url: string, detail: string): { status: number; body: WechatErrorBody | ProblemResponse<'validation'>['body'] | (WechatErrorBody & { errors: { path: string; message: string }[] }) } {
  // WeChat's own routes keep HTTP 200 for body problems; the HTTP layer's refusals keep their status on every API.
  const api = apiOf(url);
  const path = url.split('?')[0] ?? url;
  if (isFrameworkRefusal(kind)) {
    if (api === 'control' || api === 'other') return problem(FRAMEWORK_PROBLEM[kind], detail, { instance: path });
    const status = FRAMEWORK_STATUS[kind];
    if (api === 'transport') return { status, body: { errcode: 47001, errmsg: `data format error: ${detail}`, errors: [{ path: '', message: detail }] } };
    return { status, body: { errcode: 47001, errmsg: `data format error: ${detail}` } };
  }
  if (api === 'control' || api === 'other') {
    if (kind === 'notFound') return problem('routeNotFound', `${method} ${path} is not a route of the mock platform; see /docs`, { instance: path });
    if (kind === 'malformedJson') return problem('malformedJson', detail, { instance: path });
    return problem('validation', detail, { instance: path, errors: [{ path: '', message: detail }] });
  }
  if (kind === 'notFound') {
    const expected = WECHAT_METHODS.get(path);
    if (expected !== undefined && expected !== method) {
      return { status: 200, body: { errcode: 43002, errmsg: `require ${expected} method (${method} ${path} is not allowed)` } };
    }
    return { status: 404, body: { errcode: -1, errmsg: `no such API: ${method} ${path}. The mock emulates the hardware-device routes listed at /docs` } };
  }
  if (api === 'transport') {
    return { status: 400, body: { errcode: 47001, errmsg: `data format error: ${detail}`, errors: [{ path: '', message: detail }] } };
  }
  if (kind === 'emptyBody') return { status: 200, body: { errcode: 44002, errmsg: 'empty post data' } };
  return { status: 200, body: { errcode: 47001, errmsg: `data format error: ${detail}` } };
}
