import { createRequire } from 'node:module';
import type { StaticDocumentSpec } from '@fastify/swagger';

/** The contracts' OpenAPI document (generated from the routers and committed as `@wxvoip/contracts/openapi.json`). */
export function openApiDocument(): NonNullable<StaticDocumentSpec['document']> {
  const require = createRequire(import.meta.url);
  return require('@wxvoip/contracts/openapi.json') as NonNullable<StaticDocumentSpec['document']>;
}
