import websocket from '@fastify/websocket';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { initServer, RequestValidationError } from '@ts-rest/fastify';
import type { AppRoute, AppRouter } from '@ts-rest/core';
import {
  controlContract,
  platformTransportContract,
  toWechatValidationError,
  wechatApiContract,
  type WechatRouteKey,
} from '@wxvoip/contracts';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { ZodIssue } from 'zod';
import { createControlHandlers } from '../core/api/control/index.js';
import { problem, validationProblem } from '../core/api/problems.js';
import { namespaceOf } from '../core/api/routeHandlers.js';
import type { RouterHandlers } from '../core/api/routeHandlers.js';
import { createTransportHandlers } from '../core/api/transportApi.js';
import { createWechatHandlers } from '../core/api/wechatApi.js';
import type { PlatformCore } from '../core/platformCore.js';
import type { PlatformTenant } from '../core/platformTenant.js';
import { callbackLogOf } from './callbacks/index.js';
import { preHandlerError } from './errorResponses.js';
import { openApiDocument } from './openApiDocument.js';
import { registerPushChannel } from './pushChannel.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The platform core the routes act on. */
  readonly core: PlatformCore;
  /** fastify's logger option (false in tests; pino options in the CLI). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest accepted request body in bytes. Default 1 MiB [I]. */
  readonly bodyLimit?: number;
  /** Serve the OpenAPI document and Swagger UI at /docs. Default true. */
  readonly docs?: boolean;
  /** Waits the latency faults ask for before answering (the server uses real time). */
  readonly delay?: (ms: number) => Promise<void>;
}

/** Default largest request body: 1 MiB [I]. WeChat documents no limit except pushappmsg's 5 KB message. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Bodies past this never reach the parser (fastify answers 413): it only protects memory. */
const HARD_BODY_LIMIT = 64 * 1024 * 1024;

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

interface ValidationErrorLike {
  readonly body: { issues: ZodIssue[] } | null;
  readonly query: { issues: ZodIssue[] } | null;
  readonly pathParams: { issues: ZodIssue[] } | null;
  readonly headers: { issues: ZodIssue[] } | null;
}

function issuesOf(error: ValidationErrorLike): ZodIssue[] {
  return [error.headers, error.pathParams, error.query, error.body].flatMap((part) => part?.issues ?? []);
}

/**
 * ts-rest wants async handlers with its own argument type; ours are synchronous and typed per contract. The wrapper
 * also waits the latency a fault asks for (matched on the operation; [I] latency faults with `match` fields other
 * than the operation are not applied by the HTTP adapter).
 */
function asyncHandlers<T extends AppRouter>(router: T, handlers: RouterHandlers<T>, core: PlatformCore, prefix: 'wechat' | 'transport' | null, delay: ((ms: number) => Promise<void>) | undefined) {
  const out: Record<string, (args: { headers: unknown }) => Promise<unknown>> = {};
  for (const key of Object.keys(router)) {
    const handler = (handlers as Record<string, (args: unknown) => unknown>)[key]!;
    out[key] = async (args) => {
      if (prefix !== null && delay) {
        const operation = `${prefix}.${key}` as Parameters<PlatformTenant['faults']['latencyFor']>[0];
        const ms = core.tenant(namespaceOf(args.headers)).faults.latencyFor(operation, {});
        if (ms > 0) await delay(ms);
      }
      return handler(args);
    };
  }
  return out;
}

/**
 * The mock platform as a fastify 5 app: the emulated WeChat routes, the transport and control APIs (all from the
 * contracts' ts-rest routers), the push channel over WebSocket and the OpenAPI docs. Errors answer in the shape of
 * the API they concern: WeChat's `{ errcode, errmsg }` (never fastify's or ts-rest's default 400), the transport's
 * refusal bodies, or RFC 7807 problems on the control API.
 *
 * @example
 * const app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
 * const res = await app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret' });
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { core } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // fastify's own limit only guards memory; our limit is checked in the parser so the answer keeps the API's shape.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: Math.max(bodyLimit, HARD_BODY_LIMIT), return503OnClosing: true });

  // WeChat parses any POST body as JSON, whatever its content type. Parse failures travel as ts-rest
  // RequestValidationErrors so that each router's own error handler answers them in its API's shape.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    const buffer = body as Buffer;
    if (buffer.byteLength > bodyLimit) {
      done(bodyError('bodyTooLarge', `the body is ${buffer.byteLength} bytes; the limit is ${bodyLimit}`), undefined);
      return;
    }
    const text = buffer.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(bodyError('malformedJson', `the body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });

  await app.register(websocket);
  if (options.docs !== false) {
    await app.register(swagger, { mode: 'static', specification: { document: openApiDocument() } });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }

  // Each router lives in its own scope, where ts-rest's error handler answers request validation failures in that
  // API's shape and hands every other error up to the root handler below.
  const s = initServer();

  // Emulated WeChat routes: validation failures answer like WeChat (47001, 41001, 9800001, …) with HTTP 200.
  await app.register(async (scope) => s.registerRouter(wechatApiContract, s.router(wechatApiContract, asyncHandlers(wechatApiContract, createWechatHandlers(core), core, 'wechat', options.delay) as never), scope, {
    logInitialization: false,
    responseValidation: true,
    requestValidationErrorHandler: (error, request, reply) => {
      if (answerBodyError(error, request, reply)) return reply;
      const route = Object.entries(wechatApiContract).find(([, r]) => (r as AppRoute).path === request.routeOptions.url)?.[0] as WechatRouteKey | undefined;
      const issues = issuesOf(error);
      if (route && request.body === undefined && request.method === 'POST' && (error.body?.issues.length ?? 0) > 0) {
        return reply.status(200).send({ errcode: 44002, errmsg: 'empty post data' });
      }
      return reply.status(200).send(route ? toWechatValidationError(route, issues) : { errcode: 47001, errmsg: 'data format error' });
    },
  }));

  // Transport: a missing or malformed credential is a 401; a broken body is a 400 with the field issues.
  await app.register(async (scope) => s.registerRouter(platformTransportContract, s.router(platformTransportContract, asyncHandlers(platformTransportContract, createTransportHandlers(core), core, 'transport', options.delay) as never), scope, {
    logInitialization: false,
    responseValidation: true,
    requestValidationErrorHandler: (error, request, reply) => {
      if (answerBodyError(error, request, reply)) return reply;
      const auth = error.headers?.issues.find((issue) => issue.path[0] === 'authorization');
      if (auth) return reply.status(401).send({ errcode: 41001, errmsg: `access_token missing: ${auth.message}` });
      const issues = issuesOf(error);
      return reply.status(400).send({
        errcode: 47001,
        errmsg: `data format error: ${issues[0]?.message ?? 'invalid request'}`,
        errors: issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    },
  }));

  // Control API: RFC 7807 problems.
  await app.register(async (scope) => s.registerRouter(controlContract, s.router(controlContract, asyncHandlers(controlContract, createControlHandlers(core, { callbackDetails: (tenant, id) => callbackLogOf(tenant).get(id) }), core, null, undefined) as never), scope, {
    logInitialization: false,
    responseValidation: true,
    requestValidationErrorHandler: (error, request, reply) => {
      if (answerBodyError(error, request, reply)) return reply;
      const { status, body } = validationProblem(issuesOf(error), request.url.split('?')[0]);
      return reply.status(status).type('application/problem+json').send(body);
    },
  }));

  registerPushChannel(app, core);

  app.setNotFoundHandler((request, reply) => {
    const { status, body } = preHandlerError('notFound', request.method, request.url, '');
    return reply.status(status).type('type' in body ? 'application/problem+json' : 'application/json').send(body);
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const kind =
      error.code === 'WXVOIP_MALFORMED_JSON' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'malformedJson'
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'bodyTooLarge'
          : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'emptyBody'
            : undefined;
    if (kind) {
      const { status, body } = preHandlerError(kind, request.method, request.url, error.message);
      return reply.status(status).type('type' in body ? 'application/problem+json' : 'application/json').send(body);
    }
    request.log.error({ err: error }, 'unexpected error in the mock platform');
    const path = request.url.split('?')[0] ?? request.url;
    const { status, body } = problem('internal', `${error.message}. This is a bug in wxvoip: please report it with the journal (GET /__admin/journal).`, { instance: path });
    return reply.status(status).type('application/problem+json').send(body);
  });

  return app;
}
