import type { AppRoute, AppRouter, ServerInferRequest, ServerInferResponses } from '@ts-rest/core';
import { NAMESPACE_HEADER } from '@wxvoip/contracts';

/**
 * Request headers as both adapters hand them to a handler: lower-case names, Node's and fetch's values. ts-rest
 * merges the route's own header schema over them (`ServerInferRequest`'s second parameter).
 */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The validated request of one contract route, as ts-rest infers it on the server side. */
export type RouteRequest<R extends AppRoute> = ServerInferRequest<R, RequestHeaders>;

/** The transport-free implementation of one contract route: the validated request in, the typed response out. */
export type RouteHandler<R extends AppRoute> = (request: RouteRequest<R>) => ServerInferResponses<R>;

/**
 * The implementation of every route of a ts-rest router. Adapters (fastify through @ts-rest/fastify, msw) call
 * these after validating the request against the same contract, so they cannot answer differently.
 */
export type RouterHandlers<T extends AppRouter> = { [K in keyof T]: T[K] extends AppRoute ? RouteHandler<T[K]> : never };

/** The namespace header of a request, or undefined for the default namespace. */
export function namespaceOf(headers: RequestHeaders): string | undefined {
  const value = headers[NAMESPACE_HEADER];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
