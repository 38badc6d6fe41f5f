import { readFileSync } from 'node:fs';
import { isAppRoute, type AppRoute, type AppRouter } from '@ts-rest/core';
import { describe, expect, it } from 'vitest';
import { OPENAPI_GENERATE_COMMAND, OPENAPI_JSON_PATH, buildOpenApiDocument, renderOpenApiDocument } from '../openapi/generate.js';
import { openApiRouters } from '../openapi/routers.js';

/** Every route of a router, with its dotted key (`wechat.getSnTicket`). */
const routesOf = (router: AppRouter, prefix: readonly string[] = []): Array<[string, AppRoute]> =>
  Object.entries(router).flatMap(([key, value]) =>
    isAppRoute(value) ? [[[...prefix, key].join('.'), value] as [string, AppRoute]] : routesOf(value, [...prefix, key]),
  );

const routes = routesOf(openApiRouters);
const document = buildOpenApiDocument();

describe('OpenAPI document', () => {
  it('describes at least the emulated WeChat routes', () => {
    expect(routes.map(([key]) => key)).toContain('wechat.getSnTicket');
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it.each(routes)('has %s with its method and path', (key, route) => {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[path]?.[route.method.toLowerCase()];
    expect(operation, `${route.method} ${path} is missing from the document`).toBeDefined();
    expect(operation.operationId).toBe(key);
  });

  it('has no operation that no router declares', () => {
    const declared = new Set(routes.map(([, route]) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`));
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item as object).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual([...declared].sort());
  });

  it('matches the committed openapi.json', () => {
    let committed: string | undefined;
    try {
      committed = readFileSync(OPENAPI_JSON_PATH, 'utf8');
    } catch {
      committed = undefined;
    }
    const hint = `packages/contracts/openapi.json is missing or out of date: run \`${OPENAPI_GENERATE_COMMAND}\` in packages/contracts and commit the result`;
    expect(committed, hint).toBeDefined();
    expect(committed === renderOpenApiDocument(), hint).toBe(true);
  });
});
