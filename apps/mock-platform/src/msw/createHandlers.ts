import { isAppRouteNoBody, isAppRouteOtherResponse, TsRestResponseError, type AppRoute } from '@ts-rest/core';
import { PUSH_CHANNEL_PATH, type WechatRouteKey } from '@wxvoip/contracts';
import { delay as mswDelay, http, HttpResponse, type HttpHandler, type WebSocketHandler } from 'msw';
import type { ZodIssue } from 'zod';
import { latencyOf } from '../facade/runOperation.js';
import type { PlatformCore } from '../core/platformCore.js';
import { adminRefusal, isGuardedPath } from '../http/adminRefusal.js';
import { preHandlerError, PUSH_CHANNEL_NEEDS_UPGRADE } from '../http/errorResponses.js';
import { platformApis, type ApiBinding, type ApiName, type FacadeHandler } from '../http/apiBinding.js';
import { ResponseValidator, type ResponseValidation } from '../http/responseValidation.js';
import { checkRequestPart } from '../http/requestCheck.js';
import {
  controlValidationError,
  DEFAULT_BODY_LIMIT,
  HARD_BODY_LIMIT,
  hardBodyLimitDetail,
  internalErrorProblem,
  isProblemBody,
  JSON_CONTENT_TYPE,
  MAX_PARAM_LENGTH,
  parseJsonBody,
  PROBLEM_CONTENT_TYPE,
  transportValidationError,
  wechatValidationError,
  type RequestPartIssues,
} from '../http/requestErrors.js';
import { DEFAULT_BASE_URL } from './defaults.js';
import { createPushChannelHandlers } from './pushChannel.js';
import { mswUrlPattern, parseQueryString, RouteTable, type RouteMatch } from './routing.js';

/** One handler of the mock platform: HTTP (the three APIs) or WebSocket (the push channel). */
export type MockPlatformHandler = HttpHandler | WebSocketHandler;

/** Options of {@link createHandlers}. */
export interface MockPlatformHandlersOptions {
  /** Origin (optionally with a path prefix) the handlers answer under. Default `http://wxvoip.mock` (`IN_PROCESS_ORIGIN`). */
  readonly baseUrl?: string;
  /** Largest accepted request body in bytes, as `createServer`'s `bodyLimit`. Default 1 MiB [I]. */
  readonly bodyLimit?: number;
  /** Waits the latency a fault asks for before a WeChat or transport route answers. Default msw's `delay(ms)`. */
  readonly delay?: (ms: number) => Promise<void>;
  /**
   * Called with an exception inside the mock (a bug, or a response that drifted from the contract) before the
   * request is answered with the same 500 `internal` problem the fastify adapter sends. Default `console.error`.
   */
  readonly onUnexpectedError?: (error: Error, request: Request) => void;
  /** How responses are checked against the contract, as `createServer`'s option: `compiled` (default), `firstOfShape` or `every` (ADRs 0023, 0046). */
  readonly responseValidation?: ResponseValidation;
}

export { platformApis, type ApiBinding, type ApiName, type FacadeHandler } from '../http/apiBinding.js';

/** A routed entry: a contract route, or the push channel path for a request that is not a WebSocket upgrade. */
type Entry =
  | { readonly kind: 'route'; readonly api: ApiName; readonly key: string; readonly route: AppRoute; readonly handler: FacadeHandler; readonly method: string; readonly path: string }
  | { readonly kind: 'channel'; readonly method: string; readonly path: string };

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'TRACE']);
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** One request part against its schema, as ts-rest checks it (no schema: accepted as is; path and headers keep extra keys). */
function check(data: unknown, schema: unknown, passThroughExtraKeys: boolean): { ok: true; data: unknown } | { ok: false; error: { issues: ZodIssue[] } } {
  const result = checkRequestPart(data, schema, passThroughExtraKeys);
  return result.success ? { ok: true, data: result.data } : { ok: false, error: result.error as { issues: ZodIssue[] } };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A response as fastify writes it: JSON (or RFC 7807) text with its content type, nothing for 204 or HEAD. */
function reply(method: string, status: number, body: unknown, contentType: string | undefined): Response {
  const headers: Record<string, string> = contentType === undefined || body === undefined ? {} : { 'content-type': contentType };
  if (method === 'HEAD' || body === undefined) return new HttpResponse(null, { status, headers });
  return new HttpResponse(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

function errorReply(method: string, answer: { status: number; body: object }): Response {
  return reply(method, answer.status, answer.body, 'type' in answer.body ? PROBLEM_CONTENT_TYPE : JSON_CONTENT_TYPE);
}

/** The origin and path prefix of a base URL, without a trailing slash. */
function splitBaseUrl(baseUrl: string): { base: string; prefix: string } {
  const url = new URL(baseUrl);
  const prefix = url.pathname.replace(/\/+$/, '');
  return { base: `${url.origin}${prefix}`, prefix };
}

/**
 * The HTTP handlers for a set of APIs (what {@link createHandlers} uses with the three platform APIs; tests use it
 * with a deliberately wrong facade to see a contract drift fail).
 */
export function createHttpHandlers(core: PlatformCore, apis: readonly ApiBinding[], options: MockPlatformHandlersOptions = {}): HttpHandler[] {
  const { base, prefix } = splitBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const wait = options.delay ?? ((ms: number) => mswDelay(ms).then(() => undefined));
  const validator = new ResponseValidator(options.responseValidation);
  const onUnexpectedError = options.onUnexpectedError ?? ((error: Error) => console.error('[wxvoip msw] unexpected error in the mock platform', error));

  const entries: Entry[] = apis.flatMap(({ api, router, handlers }) =>
    Object.entries(router).map(([key, route]): Entry => {
      const handler = handlers[key];
      if (handler === undefined) throw new Error(`createHandlers: the ${api} facade has no handler for route ${key}`);
      return { kind: 'route', api, key, route, handler, method: route.method, path: route.path };
    }),
  );
  entries.push({ kind: 'channel', method: 'GET', path: PUSH_CHANNEL_PATH });
  const table = new RouteTable(entries);

  /** The request's path (and query) relative to the base URL, or undefined when it is not under the base. */
  function relative(request: Request): { path: string; url: string; search: string } | undefined {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(prefix)) return undefined;
    const path = url.pathname.slice(prefix.length);
    if (!path.startsWith('/')) return undefined;
    return { path, url: `${path}${url.search}`, search: url.search };
  }

  async function serveRoute(request: Request, match: Extract<RouteMatch<Entry>, { kind: 'route' }>, url: string, search: string): Promise<Response> {
    const method = request.method.toUpperCase();
    const entry = match.entry;
    // The push channel path without a WebSocket upgrade: 426 in the transport's shape, like createServer.
    if (entry.kind === 'channel') {
      const answer = preHandlerError('upgradeRequired', method, url, PUSH_CHANNEL_NEEDS_UPGRADE);
      const response = errorReply(method, answer);
      response.headers.set('upgrade', 'websocket');
      return response;
    }

    let body: unknown = undefined;
    if (!BODYLESS_METHODS.has(method)) {
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > Math.max(bodyLimit, HARD_BODY_LIMIT)) return errorReply(method, preHandlerError('payloadTooLarge', method, url, hardBodyLimitDetail(Math.max(bodyLimit, HARD_BODY_LIMIT))));
      const parsed = parseJsonBody(bytes.byteLength, () => utf8.decode(bytes), bodyLimit);
      if (!parsed.ok) return errorReply(method, preHandlerError(parsed.kind, method, url, parsed.detail));
      body = parsed.body;
    }

    const { route } = entry;
    const params = check(match.params, route.pathParams, true);
    const headers = check(Object.fromEntries(request.headers.entries()), route.headers, true);
    const query = check(parseQueryString(search.slice(1)), route.query, false);
    const checkedBody = check(body, 'body' in route ? route.body : null, false);
    if (!params.ok || !headers.ok || !query.ok || !checkedBody.ok) {
      const parts: RequestPartIssues = {
        headers: headers.ok ? null : headers.error,
        pathParams: params.ok ? null : params.error,
        query: query.ok ? null : query.error,
        body: checkedBody.ok ? null : checkedBody.error,
      };
      if (entry.api === 'wechat') {
        const answer = wechatValidationError(entry.key as WechatRouteKey, method, body, parts);
        return reply(method, answer.status, answer.body, JSON_CONTENT_TYPE);
      }
      if (entry.api === 'transport') {
        const answer = transportValidationError(parts);
        return reply(method, answer.status, answer.body, JSON_CONTENT_TYPE);
      }
      const answer = controlValidationError(parts, url);
      return reply(method, answer.status, answer.body, PROBLEM_CONTENT_TYPE);
    }

    try {
      let result: { status: number; body: unknown };
      try {
        result = entry.handler({ params: params.data, query: query.data, headers: headers.data, body: checkedBody.data });
      } catch (error) {
        if (!(error instanceof TsRestResponseError)) throw error;
        result = { status: error.statusCode, body: error.body as unknown };
      }
      const ms = latencyOf(result);
      if (ms > 0) await wait(ms);
      // Throws a ResponseValidationError when the facade's answer drifts from the contract.
      const validated = validator.check(route, result);
      const responseType = route.responses[validated.status];
      if (responseType !== undefined && isAppRouteNoBody(responseType)) return new HttpResponse(null, { status: validated.status });
      const contentType =
        responseType !== undefined && isAppRouteOtherResponse(responseType)
          ? responseType.contentType
          : entry.api === 'control' && isProblemBody(validated.body)
            ? PROBLEM_CONTENT_TYPE
            : JSON_CONTENT_TYPE;
      return reply(method, validated.status, validated.body, contentType);
    } catch (thrown) {
      const error = toError(thrown);
      onUnexpectedError(error, request);
      const answer = internalErrorProblem(error, url);
      return reply(method, answer.status, answer.body, PROBLEM_CONTENT_TYPE);
    }
  }

  /** Answers a request under the base URL exactly as `createServer` would; undefined leaves it to other handlers. */
  async function serve(request: Request): Promise<Response | undefined> {
    // A WebSocket upgrade made through Node's http module belongs to msw's `ws` handlers.
    if (request.headers.get('upgrade')?.toLowerCase() === 'websocket') return undefined;
    const target = relative(request);
    if (target === undefined) return undefined;
    const method = request.method.toUpperCase();
    // The control API's guards, as createServer applies them; in-process there is no network, so no Host check.
    if (isGuardedPath(target.path)) {
      const host = new URL(request.url).host;
      const refusal = adminRefusal(
        { method, path: target.path, hasBody: request.body !== null, header: (name) => (name === 'host' ? host : (request.headers.get(name) ?? undefined)) },
        { loopback: false },
      );
      if (refusal !== undefined) return errorReply(method, refusal);
    }
    const match = table.match(method, target.path);
    switch (match.kind) {
      case 'route':
        return serveRoute(request, match, target.url, target.search);
      case 'badUrl':
        return errorReply(method, preHandlerError('badPath', method, target.url, 'the path has an invalid percent escape'));
      case 'maxParamLength':
        return errorReply(method, preHandlerError('badPath', method, target.url, `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`));
      case 'notFound': {
        // fastify still reads the body of an unrouted request, so only its hard limit can fail it.
        if (!BODYLESS_METHODS.has(method)) {
          const size = (await request.arrayBuffer()).byteLength;
          if (size > Math.max(bodyLimit, HARD_BODY_LIMIT)) return errorReply(method, preHandlerError('payloadTooLarge', method, target.url, hardBodyLimitDetail(Math.max(bodyLimit, HARD_BODY_LIMIT))));
        }
        return errorReply(method, preHandlerError('notFound', method, target.url, ''));
      }
    }
  }

  // One handler for everything under the base URL, routed by our own table (the same decisions as fastify's router).
  // msw tries its handlers in turn and parses the request (URL match, cookies) for each one it tries, so a handler
  // per route made every request pay for the routes listed before its own (ADR 0024).
  return [http.all(mswUrlPattern(base), ({ request }) => serve(request))];
}

/**
 * The mock platform as msw handlers, generated from the three ts-rest routers (emulated WeChat routes, transport,
 * control API) plus the push channel over msw's `ws` API. Every request is read, validated and answered exactly as
 * the fastify adapter (`createServer`) answers it — same status, body and content type — through the same
 * transport-free facades; responses are validated against the contract. Use with `setupServer(...handlers)`.
 *
 * @example
 * const core = new PlatformCore({ seed: demoSeed });
 * const server = setupServer(...createHandlers(core));
 * server.listen({ onUnhandledRequest: 'error' });
 * await fetch('http://wxvoip.mock/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret');
 */
export function createHandlers(core: PlatformCore, options: MockPlatformHandlersOptions = {}): MockPlatformHandler[] {
  return [...createHttpHandlers(core, platformApis(core), options), ...createPushChannelHandlers(core, options)];
}
