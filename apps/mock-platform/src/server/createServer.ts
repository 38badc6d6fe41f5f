import type { AppRoute } from '@ts-rest/core';
import { initServer, RequestValidationError, type RouterImplementation } from '@ts-rest/fastify';
import { PUSH_CHANNEL_PATH } from '@wxvoip/contracts';
import Fastify, { LogController, type FastifyBodyParser, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { latencyOf } from '../facade/runOperation.js';
import type { PlatformCore } from '../core/platformCore.js';
import { adminGuard } from './adminGuard.js';
import { platformApis, type ApiBinding } from '../http/apiBinding.js';
import { preHandlerError } from '../http/errorResponses.js';
import { INSPECTOR_HEADERS, INSPECTOR_PATH, inspectorPage } from './inspector/inspectorPage.js';
import { lazyDocs } from './lazyDocs.js';
import { lazySchemaCompilers } from './lazySchemaCompilers.js';
import { registerPushChannel } from './pushChannel.js';
import { rawAnswer, requestLineOf } from './rawAnswer.js';
import { routeUpgrades } from './routeUpgrades.js';
import { ResponseValidator, type ResponseValidation } from '../http/responseValidation.js';
import { withCompiledRequestChecks } from '../http/requestCheck.js';
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
  wechatRouteKeyOf,
  wechatValidationError,
} from '../http/requestErrors.js';

export { DEFAULT_BODY_LIMIT } from '../http/requestErrors.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The platform core the routes act on. */
  readonly core: PlatformCore;
  /** fastify's logger option (false in tests; pino options in the CLI). */
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * With a logger: true (default) logs fastify's two lines per request at `info`; false logs one line per request at
   * `debug` instead (`GET /path 200 3 ms`), so that `info` shows what the platform did rather than every request.
   */
  readonly logRequests?: boolean;
  /** Largest accepted request body in bytes. Default 1 MiB [I]. */
  readonly bodyLimit?: number;
  /** Serve the OpenAPI document and Swagger UI at /docs. Default true. */
  readonly docs?: boolean;
  /** Serve the inspector page (clock, rooms, parties, journal, simulate buttons) at /__inspector. Default true. */
  readonly inspector?: boolean;
  /** Waits the latency faults ask for before answering (the server uses real time). */
  readonly delay?: (ms: number) => Promise<void>;
  /**
   * How responses are checked against the contract: `compiled` (default: every response, by the contract's compiled
   * check, zod when it cannot vouch), `firstOfShape` (the first of each route, status and shape in full) or `every`
   * (a zod parse of every response; the default when `WXVOIP_RESPONSE_VALIDATION=every`). ADRs 0023, 0046.
   */
  readonly responseValidation?: ResponseValidation;
  /**
   * The admin token every `/__admin` and `/__inspector` request must carry (`Authorization: Bearer`, Basic with the
   * token as password, or `x-wxvoip-admin-token`). Default none. `startMockPlatform` requires one off loopback.
   */
  readonly adminToken?: string | undefined;
  /**
   * Whether the server listens on loopback only (default true): then `/__admin` and `/__inspector` refuse a `Host`
   * that is not a loopback name or address. See `adminGuard`.
   */
  readonly loopback?: boolean;
}

/** Whether a logger writes `debug` lines (the per-request line is built only then). */
const logsDebug = (logger: FastifyBaseLogger): boolean => logger.level === 'debug' || logger.level === 'trace';

/** A body the parser refused, carried to the router's validation handler. */
type BodyError = RequestValidationError & { wxvoip: 'malformedJson' | 'bodyTooLarge'; detail: string };

function bodyError(kind: BodyError['wxvoip'], detail: string): BodyError {
  return Object.assign(new RequestValidationError(null, null, null, null), { wxvoip: kind, detail });
}

/** Answers a parser refusal in the shape of the request's API, if this validation error is one. */
function answerBodyError(error: RequestValidationError, request: FastifyRequest, reply: FastifyReply): boolean {
  if (!('wxvoip' in error)) return false;
  const { wxvoip, detail } = error as BodyError;
  const { status, body } = preHandlerError(wxvoip, request.method, request.url, detail);
  void reply.status(status).type('type' in body ? 'application/problem+json' : 'application/json').send(body);
  return true;
}

/** The routes of one flat router as @ts-rest/fastify implements them (route keys → async handlers). */
type FastifyRoutes = RouterImplementation<Record<string, AppRoute>>;

/** What @ts-rest/fastify hands a route implementation (validated params, query, headers and body; request; reply). */
type RouteInput = Parameters<Extract<FastifyRoutes[string], (...args: never[]) => unknown>>[0];

/**
 * One API's routes as @ts-rest/fastify implements them: ts-rest wants async handlers; ours are synchronous. The
 * wrapper also waits the latency the request's matching latency faults ask for (`latencyOf`, set by the facade's
 * `runOperation`), checks the response against the contract (`validator`; ts-rest's own response validation is off),
 * and serves the control API's problems (404, 409, …) as `application/problem+json` like its validation problems.
 */
function fastifyRoutes({ api, router, handlers }: ApiBinding, delay: ((ms: number) => Promise<void>) | undefined, validator: ResponseValidator): FastifyRoutes {
  const out: FastifyRoutes = {};
  for (const [key, route] of Object.entries(router)) {
    const handler = handlers[key];
    if (handler === undefined) throw new Error(`createServer: the ${api} facade has no handler for route ${key}`);
    const answer = (input: RouteInput, result: { status: number; body: unknown }) => {
      const checked = validator.check(route, result);
      if (api === 'control' && isProblemBody(checked.body)) void input.reply.type(PROBLEM_CONTENT_TYPE);
      // Validation parses the body and never changes the status: the answer keeps the facade's typed status.
      return checked.body === result.body ? result : { status: result.status, body: checked.body };
    };
    // Not an async function: a request without a latency fault answers with no await in between (issue 19).
    out[key] = ((input: RouteInput) => {
      const result = handler(input);
      const ms = latencyOf(result);
      if (ms > 0 && delay) return delay(ms).then(() => answer(input, result));
      return Promise.resolve(answer(input, result));
    }) as FastifyRoutes[string];
  }
  return out;
}

/** How one API answers a request that fails the contract (or a body the parser refused): in that API's own shape. */
function validationErrorHandler(api: ApiBinding['api']): (error: RequestValidationError, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (error, request, reply) => {
    if (answerBodyError(error, request, reply)) return reply;
    switch (api) {
      // Emulated WeChat routes: validation failures answer like WeChat (47001, 41001, 9800001, …) with HTTP 200.
      case 'wechat': {
        const { status, body } = wechatValidationError(wechatRouteKeyOf(request.routeOptions.url), request.method, request.body, error);
        return reply.status(status).send(body);
      }
      // Transport: a missing or malformed credential is a 401; a broken body is a 400 with the field issues.
      case 'transport': {
        const { status, body } = transportValidationError(error);
        return reply.status(status).send(body);
      }
      // Control API: RFC 7807 problems.
      case 'control': {
        const { status, body } = controlValidationError(error, request.url);
        return reply.status(status).type('application/problem+json').send(body);
      }
    }
  };
}

/**
 * The router ts-rest registers: the same routes, each request schema checking through the contract's compiled check
 * (same data, same errors as zod; ADR 0046). The facade's routes (`binding.router`) stay the contract's own.
 */
function compiledRequestChecks(router: ApiBinding['router']): ApiBinding['router'] {
  return Object.fromEntries(Object.entries(router).map(([key, route]) => [key, withCompiledRequestChecks(route)]));
}

/**
 * The mock platform as a fastify 5 app: the emulated WeChat routes, the transport and control APIs (all from the
 * contracts' ts-rest routers), the push channel over WebSocket, the OpenAPI docs and the inspector page. Errors
 * answer in the shape of the API they concern: WeChat's `{ errcode, errmsg }` (never fastify's or ts-rest's default
 * 400), the transport's refusal bodies, or RFC 7807 problems on the control API.
 *
 * @example
 * const app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
 * const res = await app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret' });
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { core } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // fastify's own limit only guards memory; our limit is checked in the parser so the answer keeps the API's shape.
  const app = Fastify({
    logger: options.logger ?? false,
    // Without request logs and below debug, a request's logger is the server's: no pino child per request (issue 19).
    ...(options.logRequests === false ? { logController: new LogController({ disableRequestLogging: true }) } : {}),
    ...(options.logRequests === false && options.logger ? { childLoggerFactory: (logger, bindings, opts) => (opts.level === undefined && !logsDebug(logger) ? logger : logger.child(bindings, opts)) } : {}),
    bodyLimit: Math.max(bodyLimit, HARD_BODY_LIMIT),
    schemaController: { compilersFactory: lazySchemaCompilers() },
    return503OnClosing: true,
    // Node's parser refuses a head past 16 KiB (431), a request line with raw non-ASCII bytes or a broken header
    // (400) before fastify sees the request: answer those in the shape of the API the path belongs to too.
    clientErrorHandler: (connectionError, socket) => {
      const error = connectionError as Error & { code?: string; rawPacket?: unknown };
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const { method, url } = requestLineOf(Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined);
      if (error.code === 'HPE_HEADER_OVERFLOW') rawAnswer(socket, 'headersTooLarge', method, url, 'the request line and headers are larger than 16 KiB');
      else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.destroy();
      else rawAnswer(socket, 'badRequest', method, url, `the request is not valid HTTP/1.1 (${error.code ?? 'parse error'}: ${error.message}); percent-encode non-ASCII characters of the path`);
    },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A path the router cannot read (an invalid percent escape, a parameter past MAX_PARAM_LENGTH) answers in the
    // shape of the API it addresses, not with fastify's default body.
    frameworkErrors: (error, request, reply) => {
      const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? `a path parameter is longer than ${MAX_PARAM_LENGTH} characters` : 'the path has an invalid percent escape';
      const { status, body } = preHandlerError('badPath', request.method, request.url, detail);
      // fastify types this reply with unresolved generics, so `send` accepts no body; answer on the raw response.
      reply.hijack();
      const text = JSON.stringify(body);
      reply.raw.writeHead(status, { 'content-type': 'type' in body ? PROBLEM_CONTENT_TYPE : JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text) });
      reply.raw.end(request.method === 'HEAD' ? undefined : text);
    },
  });

  // The control API and the inspector are for the developer's own machine: loopback Host, same Origin, JSON bodies,
  // and the admin token when there is one. The same hook then reads every body as JSON, whatever its Content-Type.
  app.addHook('onRequest', adminGuard({ adminToken: options.adminToken, loopback: options.loopback ?? true }));

  // Requests are logged at debug, one line each. The hook exists only when the logger is at debug or trace when the
  // server is created (the CLI's --log-level): otherwise no request pays for it (issue 19).
  if (options.logRequests === false && options.logger && logsDebug(app.log)) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.debug({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, `${request.method} ${request.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`);
      done();
    });
  }

  // WeChat parses any POST body as JSON, whatever its content type. Parse failures travel as ts-rest
  // RequestValidationErrors so that each router's own error handler answers them in its API's shape.
  app.removeAllContentTypeParsers();
  // A request for no route is answered "not found" whatever its body: nothing reads that body.
  const parseBody: FastifyBodyParser<Buffer> = (request, buffer, done) => {
    if (request.is404) {
      done(null, undefined);
      return;
    }
    const parsed = parseJsonBody(buffer.byteLength, () => buffer.toString('utf8'), bodyLimit);
    if (parsed.ok) done(null, parsed.body);
    else done(bodyError(parsed.kind, parsed.detail), undefined);
  };
  // Under 'application/json' (what the onRequest hook makes every Content-Type), which fastify finds in its parser
  // cache, and under '*' for a body without Content-Type. A '*' parser alone is looked up anew on every request
  // (a Content-Type parse and several map lookups; issue 19).
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, parseBody);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, parseBody);

  if (options.docs !== false) {
    // Swagger and its UI are loaded by the first /docs request, not at start (ADR 0036).
    lazyDocs(app);
  }
  if (options.inspector !== false) {
    const page = inspectorPage();
    app.get(INSPECTOR_PATH, (_request, reply) => reply.headers(INSPECTOR_HEADERS).send(page));
  }

  // Set before the routers' scopes are registered: each scope's error handler hands what it does not handle itself
  // (a body past the hard limit, a parser failure) to the one that was in place when the scope was created.
  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const kind =
      error.code === 'WXVOIP_MALFORMED_JSON' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'malformedJson'
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'payloadTooLarge'
          : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'emptyBody'
            : undefined;
    if (kind) {
      const detail = kind === 'payloadTooLarge' ? hardBodyLimitDetail(Math.max(bodyLimit, HARD_BODY_LIMIT)) : error.message;
      const { status, body } = preHandlerError(kind, request.method, request.url, detail);
      return reply.status(status).type('type' in body ? 'application/problem+json' : 'application/json').send(body);
    }
    request.log.error({ err: error }, 'unexpected error in the mock platform');
    const { status, body } = internalErrorProblem(error, request.url);
    return reply.status(status).type('application/problem+json').send(body);
  });

  // Each router lives in its own scope, where ts-rest's error handler answers request validation failures in that
  // API's shape and hands every other error up to the root handler below.
  const s = initServer();
  const validator = new ResponseValidator(options.responseValidation);

  for (const binding of platformApis(core)) {
    await app.register(async (scope) =>
      s.registerRouter(compiledRequestChecks(binding.router), fastifyRoutes(binding, options.delay, validator), scope, {
        logInitialization: false,
        responseValidation: false,
        requestValidationErrorHandler: validationErrorHandler(binding.api),
      }),
    );
  }

  // The push channel: a route that answers 426, and an 'upgrade' listener that routes a handshake to it, where `ws` takes
  // the socket over. `ws` is loaded by the first handshake, not at start (issue 19, ADR 0039).
  registerPushChannel(app, core);
  // Only the push channel takes an upgrade; Upgrade: h2c (Java, curl --http2) and friends are served as HTTP/1.1.
  const pushPath = new RegExp(`^${PUSH_CHANNEL_PATH.replace(':partyId', '[^/]+')}$`);
  routeUpgrades(app.server, { isWebSocketPath: (path) => pushPath.test(path) });

  app.setNotFoundHandler((request, reply) => {
    const { status, body } = preHandlerError('notFound', request.method, request.url, '');
    return reply.status(status).type('type' in body ? 'application/problem+json' : 'application/json').send(body);
  });

  return app;
}
