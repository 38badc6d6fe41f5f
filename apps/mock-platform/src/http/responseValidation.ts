import { isAppRouteOtherResponse, validateResponse, type AppRoute } from '@ts-rest/core';
import { contractVerdict, type CheckableSchema } from '@wxvoip/contracts';

/**
 * How the adapters check each answer against the contract before sending it (ADRs 0023, 0046):
 *
 * - `every`: every response body is parsed with its zod schema (what ts-rest's `responseValidation: true` does). The
 *   repository's own test suite runs this way (`WXVOIP_RESPONSE_VALIDATION=every`, set in vitest.shared.ts).
 * - `compiled` (default): every response body is checked, first by the contract's compiled check (`contractVerdict`
 *   of `@wxvoip/contracts`, ADR 0043), which vouches for a body zod would accept unchanged; such a body is sent as it
 *   is, without a zod parse. A body it cannot vouch for is handled as `firstOfShape` handles it, so a drift still
 *   throws zod's own error.
 * - `firstOfShape`: the first response of each route, status and *shape* (the body's keys and JSON value types,
 *   recursively) is parsed in full; later responses of a shape already seen, whose parse gave back exactly the body it
 *   was given, are sent as they are. A new key, a missing key or a changed type is a new shape and is parsed; so is
 *   every body whose parse strips, defaults or transforms anything. Cheap, but a value that breaks a rule without
 *   changing the shape (an empty string where one is required) goes out unchecked: `compiled` catches it.
 */
export type ResponseValidation = 'every' | 'compiled' | 'firstOfShape';

/** Environment variable that sets the default {@link ResponseValidation} of every adapter in the process. */
export const RESPONSE_VALIDATION_ENV = 'WXVOIP_RESPONSE_VALIDATION';

/** Distinct shapes remembered per route; past this, new shapes are parsed every time (bodies keyed by ids). */
const MAX_SHAPES_PER_ROUTE = 256;

/** The mode an adapter uses when its options name none: the environment's, else `compiled`. */
export function defaultResponseValidation(): ResponseValidation {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[RESPONSE_VALIDATION_ENV];
  return env === 'every' || env === 'firstOfShape' ? env : 'compiled';
}

/**
 * The shape of a JSON value: its keys (in order) and value types, recursively; an array lists the shapes of its
 * elements, each run of equal shapes once (so a page of 3 or 300 alike entries has one shape).
 *
 * @example
 * shapeOf({ errcode: 0, errmsg: 'ok', list: [{ a: 1 }, { a: 2 }] }); // '{errcode:d,errmsg:s,list:[{a:d,},],}'
 */
export function shapeOf(value: unknown): string {
  if (value === null) return 'n';
  switch (typeof value) {
    case 'string':
      return 's';
    case 'number':
      return 'd';
    case 'boolean':
      return 'b';
    case 'undefined':
      return 'u';
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        let last = '';
        for (const item of value) {
          const shape = shapeOf(item);
          if (shape !== last) out += `${shape},`;
          last = shape;
        }
        return `${out}]`;
      }
      let out = '{';
      for (const key in value) out += `${key}:${shapeOf((value as Record<string, unknown>)[key])},`;
      return `${out}}`;
    }
    default:
      return '?';
  }
}

/** Whether two JSON values are equal, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameJson(item, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Counts of what a {@link ResponseValidator} did (tests and the bench read them). */
export interface ResponseValidationCounts {
  /** Responses parsed with their zod schema. */
  parsed: number;
  /** Responses sent as they were without a zod parse: vouched for by the compiled check, or their shape already checked. */
  skipped: number;
}

/**
 * Checks handler responses against their routes' contracts in one of the {@link ResponseValidation} modes. A drift
 * throws ts-rest's `ResponseValidationError` (the adapters answer it with a 500 `internal` problem).
 *
 * @example
 * const validator = new ResponseValidator('compiled');
 * const { status, body } = validator.check(route, handlerResult);
 */
export class ResponseValidator {
  /** What this validator did so far. */
  readonly counts: ResponseValidationCounts = { parsed: 0, skipped: 0 };
  private readonly clean = new WeakMap<AppRoute, Set<string>>();

  constructor(readonly mode: ResponseValidation = defaultResponseValidation()) {}

  /** The response to send: the parsed body (`every`, or a shape not seen yet), or the body as given. */
  check(route: AppRoute, response: { status: number; body: unknown }): { status: number; body: unknown } {
    if (this.mode === 'every') return this.parse(route, response);
    if (this.mode === 'compiled' && this.vouches(route, response)) {
      this.counts.skipped++;
      return { status: response.status, body: response.body };
    }
    const shapes = this.clean.get(route);
    const shape = `${response.status}|${shapeOf(response.body)}`;
    if (shapes?.has(shape)) {
      this.counts.skipped++;
      return { status: response.status, body: response.body };
    }
    const parsed = this.parse(route, response);
    // Remember the shape only when the parse changed nothing (zod's key order aside): then skipping it later sends
    // what parsing would have sent. The body goes out as the handler wrote it, first time or not.
    if (parsed.status !== response.status || !sameJson(parsed.body, response.body)) return parsed;
    const known = shapes ?? new Set<string>();
    if (known.size < MAX_SHAPES_PER_ROUTE) known.add(shape);
    if (!shapes) this.clean.set(route, known);
    return { status: response.status, body: response.body };
  }

  /** Whether the compiled check vouches for the body: zod would accept it, unchanged, under the route's status schema. */
  private vouches(route: AppRoute, response: { status: number; body: unknown }): boolean {
    // The schema ts-rest's validateResponse would parse with (a status without one is not this fast path's to judge).
    const declared = route.responses[response.status];
    const schema: unknown = declared !== undefined && isAppRouteOtherResponse(declared) ? declared.body : declared;
    if (typeof schema !== 'object' || schema === null || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') return false;
    return contractVerdict(schema as CheckableSchema, response.body) === 'exact';
  }

  private parse(route: AppRoute, response: { status: number; body: unknown }): { status: number; body: unknown } {
    this.counts.parsed++;
    const parsed = validateResponse({ appRoute: route, response });
    return { status: parsed.status, body: parsed.body };
  }
}
