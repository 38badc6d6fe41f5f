import { createRequire } from 'node:module';
import type SwaggerPlugin from '@fastify/swagger';
import type SwaggerUiPlugin from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import { lazyObject } from './lazyObject.js';
import { openApiDocument } from './openApiDocument.js';
import { lazySchemaCompilers } from './lazySchemaCompilers.js';

/** Where the OpenAPI document (`/docs/json`, `/docs/yaml`) and Swagger UI are served. */
export const DOCS_PATH = '/docs';

/** Response headers of the docs server that the outer reply sets itself (framing, connection, date). */
const HOP_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/**
 * The docs server: @fastify/swagger and @fastify/swagger-ui (with @fastify/static) in a fastify of their own. Both
 * packages are CommonJS and loaded with `require`, so the lazy-load test can see them arrive in `require.cache`.
 */
async function docsServer(): Promise<FastifyInstance> {
  const require = createRequire(import.meta.url);
  const swagger = require('@fastify/swagger') as typeof SwaggerPlugin;
  const swaggerUi = require('@fastify/swagger-ui') as typeof SwaggerUiPlugin;
  const docs = Fastify({ logger: false, schemaController: { compilersFactory: lazySchemaCompilers() } });
  await docs.register(swagger, { mode: 'static', specification: { document: lazyObject(openApiDocument) } });
  await docs.register(swaggerUi, { routePrefix: DOCS_PATH });
  await docs.ready();
  return docs;
}

/**
 * Serves `/docs` (Swagger UI), `/docs/json` and `/docs/yaml` (the OpenAPI document) and the UI's static files, exactly
 * as @fastify/swagger-ui does, but loads it on the first request under `/docs`: the swagger plugins, @fastify/static,
 * yaml and their ~130 modules cost a start about a tenth of its CPU, and few runs ever open the docs (issue 19,
 * ADR 0036). The first request builds a small fastify app with both plugins and every request is answered by it
 * (`inject`, request headers included, so conditional and range requests behave as before); what it does not serve
 * (404) goes to this server's not-found handler, as it did when the plugins were registered here.
 *
 * @example
 * lazyDocs(app); // before app.ready(); GET /docs/json loads the plugins, once
 */
export function lazyDocs(app: FastifyInstance): void {
  let docs: Promise<FastifyInstance> | undefined;
  const load = (): Promise<FastifyInstance> => {
    docs ??= docsServer().catch((error: unknown) => {
      docs = undefined; // the next request tries again
      throw error;
    });
    return docs;
  };
  app.addHook('onClose', async () => {
    if (docs) await (await docs.catch(() => undefined))?.close();
  });
  const serve = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const server = await load();
    // HEAD is answered from GET by this server (fastify's head routes), so the docs server always sees a GET.
    const answer = await server.inject({ method: 'GET', url: request.url, headers: request.headers });
    if (answer.statusCode === 404) {
      reply.callNotFound();
      return reply;
    }
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name, value]) => value !== undefined && !HOP_HEADERS.has(name.toLowerCase())));
    // An empty answer (a redirect, a 304) stays without a body, so fastify adds no content-type to it.
    return reply.status(answer.statusCode).headers(headers).send(answer.rawPayload.byteLength === 0 ? undefined : answer.rawPayload);
  };
  app.get(DOCS_PATH, serve);
  app.get(`${DOCS_PATH}/*`, serve);
}
