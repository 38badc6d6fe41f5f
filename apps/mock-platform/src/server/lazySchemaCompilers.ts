import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type Factory = (...args: unknown[]) => (route: unknown) => unknown;

/**
 * fastify's own schema compilers (ajv for validation, fast-json-stringify for serialization), loaded the first time
 * a route asks for a JSON schema to be compiled instead of when the server is built. The mock platform's routes
 * declare none (ts-rest validates with zod), so a start no longer loads ajv (issue 19: cold start); a plugin route
 * that does declare a schema still gets fastify's compilers, unchanged.
 *
 * @example
 * Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
 */
export function lazySchemaCompilers(): CompilersFactory {
  // fastify's dependencies, resolved from fastify itself (pnpm does not hoist them next to this package).
  const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
  const lazy = (name: string): Factory => {
    return (...args) => {
      let compile: ((route: unknown) => unknown) | undefined;
      return (route) => {
        compile ??= (fromFastify(name) as () => Factory)()(...args);
        return compile(route);
      };
    };
  };
  return { buildValidator: lazy('@fastify/ajv-compiler') as unknown as CompilersFactory['buildValidator'], buildSerializer: lazy('@fastify/fast-json-stringify-compiler') as unknown as CompilersFactory['buildSerializer'] };
}
