import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOpenApi } from '@ts-rest/open-api';
import { openApiRouters } from './routers.js';

/** The OpenAPI document's type, as `@ts-rest/open-api` builds it. */
export type OpenApiDocument = ReturnType<typeof generateOpenApi>;

/** Where the committed document lives: `packages/contracts/openapi.json`. */
export const OPENAPI_JSON_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** The command that rewrites {@link OPENAPI_JSON_PATH}, run from `packages/contracts`. */
export const OPENAPI_GENERATE_COMMAND = 'pnpm exec tsx openapi/generate.ts';

/**
 * The OpenAPI 3.0 document of every router in `routers.ts`. `info.version` is the document's own version, not the
 * package's, so that a release bump does not make the committed file stale.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  return generateOpenApi(
    openApiRouters,
    {
      info: {
        title: '@wxvoip/contracts',
        version: '1.0.0',
        description:
          "HTTP routes of the wxvoip mock platform. `wechat`: the emulated api.weixin.qq.com hardware routes, with WeChat's paths, " +
          'query-string access_token and HTTP 200 `{ errcode, errmsg }` bodies. `transport`: how the plugin and device simulators ' +
          'talk to the platform (under /__wxvoip/v1). `control`: the mock\'s own control API (under /__admin), with RFC 7807 problems.',
      },
      tags: Object.keys(openApiRouters).map((name) => ({ name })),
    },
    { setOperationId: 'concatenated-path' },
  );
}

/** {@link buildOpenApiDocument} as the exact text committed to `openapi.json` (2-space JSON, final newline). */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  writeFileSync(OPENAPI_JSON_PATH, renderOpenApiDocument());
  console.log(`wrote ${OPENAPI_JSON_PATH}`);
}
