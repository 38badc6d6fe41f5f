import type { AppRoute, ServerInferResponses } from '@ts-rest/core';
import { controlContract, platformTransportContract, wechatApiContract } from '@wxvoip/contracts';
import type { PlatformCore } from '../core/platformCore.js';
import { createControlHandlers } from '../facade/controlApi.js';
import type { RouterHandlers } from '../facade/routeHandlers.js';
import { createTransportHandlers } from '../facade/transportApi.js';
import { createWechatHandlers } from '../facade/wechatApi.js';

/** Which API a route belongs to; it decides the shape of its error answers. */
export type ApiName = 'wechat' | 'transport' | 'control';

/** A ts-rest router whose every entry is a route, as the three platform contracts are. */
export type FlatRouter = Readonly<Record<string, AppRoute>>;

/** A request as an adapter hands it to a facade after validating each part against the route's schemas. */
export interface ValidatedRequest {
  /** Path parameters, parsed by the route's `pathParams` schema (or as matched). */
  readonly params?: unknown;
  /** Query, parsed by the route's `query` schema. */
  readonly query?: unknown;
  /** Headers (lower-case names), with the route's header schema applied over them. */
  readonly headers?: unknown;
  /** Body, parsed by the route's `body` schema. */
  readonly body?: unknown;
}

/** A facade handler as the adapters call it: the validated request in, `{ status, body }` out. */
export type FacadeHandler = (request: ValidatedRequest) => ServerInferResponses<AppRoute>;

/** One API as the adapters serve it: its ts-rest router and the facade implementing every route. */
export interface ApiBinding {
  /** Which API (error shapes, content types). */
  readonly api: ApiName;
  /** The ts-rest router (flat: every entry is a route). */
  readonly router: FlatRouter;
  /** The facade's handlers, by route key. */
  readonly handlers: Readonly<Record<string, FacadeHandler>>;
}

/**
 * Binds a facade to its router for the adapters. The handlers are checked against the router here, at compile time:
 * `RouterHandlers<T>` is what ts-rest infers for each route (`ServerInferRequest` in, `ServerInferResponses` out), so
 * a handler that reads a field the route does not declare, or answers a status or body the route does not allow,
 * does not compile.
 *
 * Then the route types are erased, the only cast between the facades and the adapters (ADR 0031): an adapter holds
 * the routes of three contracts in one table and calls a handler with a request it has just validated against that
 * handler's own route, a fact of the program TypeScript cannot follow through a table keyed by strings.
 *
 * @example
 * const binding = bindApi('wechat', wechatApiContract, createWechatHandlers(core));
 */
export function bindApi<T extends FlatRouter>(api: ApiName, router: T, handlers: RouterHandlers<T>): ApiBinding {
  return { api, router, handlers: handlers as unknown as Readonly<Record<string, FacadeHandler>> };
}

/**
 * The three APIs of the platform over a core, in the order the adapters register them: the emulated WeChat routes,
 * the transport API and the control API. Both adapters (`createServer`, the msw handlers) serve this list.
 *
 * @example
 * for (const { api, router, handlers } of platformApis(core)) register(api, router, handlers);
 */
export function platformApis(core: PlatformCore): ApiBinding[] {
  return [
    bindApi('wechat', wechatApiContract, createWechatHandlers(core)),
    bindApi('transport', platformTransportContract, createTransportHandlers(core)),
    bindApi('control', controlContract, createControlHandlers(core)),
  ];
}
