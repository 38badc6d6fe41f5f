import type { AppRoute, AppRouter, ServerInferRequest, ServerInferResponses } from '@ts-rest/core';

/** The transport-free implementation of one contract route: the validated request in, the typed response out. */
export type RouteHandler<R extends AppRoute> = (request: ServerInferRequest<R>) => ServerInferResponses<R>;

/**
 * The implementation of every route of a ts-rest router. Adapters (fastify through @ts-rest/fastify, msw) call
 * these after validating the request against the same contract, so they cannot answer differently.
 */
export type RouterHandlers<T extends AppRouter> = { [K in keyof T]: T[K] extends AppRoute ? RouteHandler<T[K]> : never };

/** The namespace header of a request, or undefined for the default namespace. */
export function namespaceOf(headers: unknown): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)['x-wxvoip-namespace'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
