import { contractVerdict, type CheckableSchema } from '@wxvoip/contracts';
import type { AppRoute } from '@ts-rest/core';

/**
 * How both adapters check a request part (path parameters, headers, query, body) against its route's zod schema: as
 * ts-rest checks it (its `checkZodSchema`), with the same data and the same issues, but through the contract's compiled
 * check (`contractVerdict`, ADR 0043) so that a part zod would accept unchanged is not parsed by zod at all (ADR 0046).
 *
 * Path parameters and headers keep their extra keys (ts-rest merges the parsed data over the part as sent). For them
 * the compiled check looks only at the keys the schema names: a request always carries headers the contract does not
 * name, and zod's output for those keys is what ts-rest would merge back anyway.
 */

/** A request part's check: the data a handler gets, or zod's error. */
export type RequestPartResult = { readonly success: true; readonly data: unknown } | { readonly success: false; readonly error: unknown };

/** The zod object definition fields read here (zod v3). */
interface ObjectDef {
  readonly typeName?: string;
  readonly unknownKeys?: string;
  readonly shape?: () => Record<string, unknown>;
}

/** A zod schema as ts-rest recognises one: anything with a `safeParse` function. */
function isSchema(schema: unknown): schema is CheckableSchema {
  return typeof schema === 'object' && schema !== null && typeof (schema as { safeParse?: unknown }).safeParse === 'function';
}

/** The keys a strip or passthrough `z.object` names (whose output for extra keys ts-rest merges back), else undefined. */
function namedKeysOf(schema: CheckableSchema): readonly string[] | undefined {
  const def = schema._def as ObjectDef;
  if (def.typeName !== 'ZodObject' || (def.unknownKeys !== 'strip' && def.unknownKeys !== 'passthrough') || def.shape === undefined) return undefined;
  return Object.keys(def.shape());
}

const namedKeys = new WeakMap<object, readonly string[] | null>();

/**
 * Checks one request part as ts-rest's `checkZodSchema` does: no schema accepts the part as is; a failure is zod's own
 * error; with `passThroughExtraKeys` the part's extra keys stay.
 *
 * @example
 * checkRequestPart({ sn: 'SN-1', model_id: 'm' }, route.body, false); // { success: true, data: { sn: 'SN-1', model_id: 'm' } }
 */
export function checkRequestPart(data: unknown, schema: unknown, passThroughExtraKeys: boolean): RequestPartResult {
  if (!isSchema(schema)) return { success: true, data };
  if (passThroughExtraKeys && typeof data === 'object' && data !== null) {
    let keys = namedKeys.get(schema);
    if (keys === undefined) {
      keys = namedKeysOf(schema) ?? null;
      namedKeys.set(schema, keys);
    }
    if (keys !== null) {
      // The named keys present in the part, as zod reads them: when the compiled check vouches for them, zod's output
      // would be exactly them, and ts-rest's merge of it over the part is the part itself.
      const named: Record<string, unknown> = {};
      for (const key of keys) if (key in data) named[key] = (data as Record<string, unknown>)[key];
      if (contractVerdict(schema, named) === 'exact') return { success: true, data };
    }
    const result = schema.safeParse(data);
    return result.success ? { success: true, data: { ...data, ...(result.data as object) } } : { success: false, error: result.error };
  }
  if (contractVerdict(schema, data) === 'exact') return { success: true, data };
  const result = schema.safeParse(data);
  return result.success ? { success: true, data: result.data } : { success: false, error: result.error };
}

/** What ts-rest reads of a route's request schemas. */
type RequestSchemas = Pick<AppRoute, 'pathParams' | 'headers' | 'query'> & { readonly body?: unknown };

/**
 * A route whose request schemas check through {@link checkRequestPart}: each schema is a view of the original (its
 * prototype) whose `safeParse` takes the compiled path, so ts-rest's fastify adapter, which calls `safeParse` on each
 * part, gets the same data and the same errors for less. The contract itself is not changed.
 */
export function withCompiledRequestChecks<R extends RequestSchemas>(route: R): R {
  const view = (schema: unknown, passThroughExtraKeys: boolean): unknown => {
    if (!isSchema(schema)) return schema;
    const safeParse = (data: unknown) => checkRequestPart(data, schema, passThroughExtraKeys);
    return Object.create(schema, { safeParse: { value: safeParse } }) as unknown;
  };
  return {
    ...route,
    ...(route.pathParams === undefined ? {} : { pathParams: view(route.pathParams, true) }),
    ...(route.headers === undefined ? {} : { headers: view(route.headers, true) }),
    ...(route.query === undefined ? {} : { query: view(route.query, false) }),
    ...('body' in route ? { body: view(route.body, false) } : {}),
  };
}
