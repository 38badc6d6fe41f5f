/**
 * Request routing for the msw adapter, written to find the same route, path parameters and query object as the
 * fastify adapter (fastify 5 routes with find-my-way and parses queries with fast-querystring):
 *
 * - paths are case-sensitive and a trailing slash is significant (msw's own matching ignores both);
 * - the path is percent-decoded before matching, except the reserved characters `#$&+,/:;=?@`, which stay encoded
 *   for matching and are decoded in parameter values; an invalid escape makes the path unroutable (`badUrl`);
 * - a parameter may be empty; one longer than MAX_PARAM_LENGTH characters does not match, and when nothing else
 *   matches the path is unroutable (`maxParamLength`); both answer the API's `badPath` error;
 * - a static segment wins over a parameter at the same place;
 * - HEAD requests use the GET routes;
 * - repeated query parameters become arrays, `+` is a space, an undecodable value is kept as written.
 */
import { MAX_PARAM_LENGTH } from '../http/requestErrors.js';

/** The longest path parameter the fastify adapter matches (its `maxParamLength`). */
export { MAX_PARAM_LENGTH };

/** One segment of a route path: literal text, or a `:name` parameter. */
type Segment = { readonly kind: 'static'; readonly text: string } | { readonly kind: 'param'; readonly name: string };

/** A route the table can find: its method, its ts-rest style path and what the caller attaches to it. */
export interface RoutableEntry {
  /** HTTP method in upper case. */
  readonly method: string;
  /** Path in ts-rest / msw syntax, e.g. `/__admin/rooms/:roomId`. */
  readonly path: string;
}

/** What a request path found. */
export type RouteMatch<E extends RoutableEntry> =
  | { readonly kind: 'route'; readonly entry: E; readonly params: Record<string, string> }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'badUrl' }
  | { readonly kind: 'maxParamLength'; readonly path: string };

/** The reserved characters whose escapes `decodeURI` keeps, as find-my-way lists them (hex pair → character). */
const RESERVED_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['23', '#'], ['24', '$'], ['25', '%'], ['26', '&'], ['2B', '+'], ['2b', '+'], ['2C', ','], ['2c', ','], ['2F', '/'], ['2f', '/'],
  ['3A', ':'], ['3a', ':'], ['3B', ';'], ['3b', ';'], ['3D', '='], ['3d', '='], ['3F', '?'], ['3f', '?'], ['40', '@'],
]);

/** The path decoded for matching, and whether parameter values still hold reserved escapes; null for a bad URL. */
function sanitizePath(raw: string): { path: string; decodeParams: boolean } | null {
  if (raw.indexOf('%', 1) === -1) return { path: raw, decodeParams: false };
  let shouldDecode = false;
  let decodeParams = false;
  let rebuilt = '';
  let last = 0;
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] !== '%') continue;
    const reserved = RESERVED_ESCAPES.get(raw.slice(i + 1, i + 3));
    if (reserved === undefined) {
      shouldDecode = true;
      continue;
    }
    decodeParams = true;
    if (reserved === '%') {
      // `%25` must survive decodeURI as `%25`, so that the parameter decoding below turns it into `%`.
      shouldDecode = true;
      rebuilt += `${raw.slice(last, i)}%2525`;
      last = i + 3;
    }
    i += 2;
  }
  rebuilt += raw.slice(last);
  if (!shouldDecode) return { path: rebuilt, decodeParams };
  try {
    return { path: decodeURI(rebuilt), decodeParams };
  } catch {
    return null;
  }
}

/** Decodes the reserved escapes left in a parameter value. */
function decodeReserved(value: string): string {
  return value.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => RESERVED_ESCAPES.get(hex) ?? escape);
}

function segmentsOf(path: string): Segment[] {
  return path.split('/').map((text) => (text.startsWith(':') ? { kind: 'param', name: text.slice(1) } : { kind: 'static', text }));
}

/** How one route fits a path: its parameters, or why not (too long a parameter is reported for the 414). */
function fit(segments: readonly Segment[], parts: readonly string[], decodeParams: boolean): { params: Record<string, string> } | { tooLong: boolean } {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i];
    if (part === undefined) return { tooLong: false };
    if (segment.kind === 'static') {
      if (segment.text !== part) return { tooLong: false };
      continue;
    }
    const value = decodeParams ? decodeReserved(part) : part;
    if (value.length > MAX_PARAM_LENGTH) return { tooLong: true };
    params[segment.name] = value;
  }
  return parts.length === segments.length ? { params } : { tooLong: false };
}

/** Static-first order of two routes: the first segment where they differ decides. */
function compareSpecificity(a: readonly Segment[], b: readonly Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const ka = a[i]!.kind;
    const kb = b[i]!.kind;
    if (ka !== kb) return ka === 'static' ? -1 : 1;
  }
  return 0;
}

/** A route of the table: its entry and its path split into segments. */
interface TableRoute<E> {
  readonly entry: E;
  readonly segments: Segment[];
}

/**
 * The routes of the platform, found the way fastify finds them. A route can only fit a path with as many segments,
 * so a path is compared with the fully static route written exactly like it (one map lookup), then with the
 * parametrised routes of its method and segment count, static-first; only a path that nothing matches is compared
 * with every route of its method, to tell an over-long parameter from a missing route.
 *
 * @example
 * const table = new RouteTable([{ method: 'GET', path: '/__admin/rooms/:roomId' }]);
 * table.match('GET', '/__admin/rooms/r-1'); // { kind: 'route', params: { roomId: 'r-1' }, … }
 */
export class RouteTable<E extends RoutableEntry> {
  /** Fully static routes by `METHOD path` (the first registered wins, as in a scan). */
  private readonly exact = new Map<string, E>();
  /** Routes with a parameter by `METHOD segmentCount`, static-first. */
  private readonly parametrised = new Map<string, TableRoute<E>[]>();
  /** Every route by method, static-first (the slow path of an unmatched path). */
  private readonly byMethod = new Map<string, TableRoute<E>[]>();
  private tried = 0;

  constructor(entries: readonly E[]) {
    const routes = entries.map((entry) => ({ entry, segments: segmentsOf(entry.path) }));
    for (const route of routes) {
      const { method } = route.entry;
      push(this.byMethod, method, route);
      if (route.segments.every((segment) => segment.kind === 'static')) {
        const key = `${method} ${route.entry.path}`;
        if (!this.exact.has(key)) this.exact.set(key, route.entry);
      } else push(this.parametrised, `${method} ${route.segments.length}`, route);
    }
    for (const list of [...this.parametrised.values(), ...this.byMethod.values()]) list.sort((a, b) => compareSpecificity(a.segments, b.segments));
  }

  /** Routes compared with a path so far (an exact lookup counts one): the per-request cost a regression guard reads. */
  get routesTried(): number {
    return this.tried;
  }

  /** The route a method and raw (still percent-encoded) path reach. */
  match(method: string, rawPath: string): RouteMatch<E> {
    const sanitized = sanitizePath(rawPath);
    if (sanitized === null) return { kind: 'badUrl' };
    const routeMethod = method === 'HEAD' ? 'GET' : method;
    this.tried++;
    const exact = this.exact.get(`${routeMethod} ${sanitized.path}`);
    if (exact !== undefined) return { kind: 'route', entry: exact, params: {} };
    const parts = sanitized.path.split('/');
    for (const route of this.parametrised.get(`${routeMethod} ${parts.length}`) ?? []) {
      this.tried++;
      const result = fit(route.segments, parts, sanitized.decodeParams);
      if ('params' in result) return { kind: 'route', entry: route.entry, params: result.params };
    }
    let tooLong = false;
    for (const route of this.byMethod.get(routeMethod) ?? []) {
      this.tried++;
      const result = fit(route.segments, parts, sanitized.decodeParams);
      tooLong ||= 'tooLong' in result && result.tooLong;
    }
    return tooLong ? { kind: 'maxParamLength', path: sanitized.path } : { kind: 'notFound' };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function decodeQueryPart(text: string): string {
  const spaced = text.includes('+') ? text.replaceAll('+', ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * A query string (without `?`) as fastify's default parser reads it: repeated names become arrays, `+` is a space,
 * a name without `=` has the value `''`, an undecodable escape is kept as written.
 *
 * @example
 * parseQueryString('a=1&a=2&b'); // { a: ['1', '2'], b: '' }
 */
export function parseQueryString(input: string): Record<string, string | string[]> {
  const result = Object.create(null) as Record<string, string | string[]>;
  for (const pair of input.split('&')) {
    const equals = pair.indexOf('=');
    if (equals === -1 && pair === '') continue;
    const key = decodeQueryPart(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeQueryPart(pair.slice(equals + 1));
    const current = result[key];
    if (current === undefined) result[key] = value;
    else if (Array.isArray(current)) current.push(value);
    else result[key] = [current, value];
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The URL pattern msw matches a route with: a RegExp without capture groups, because msw percent-decodes captured
 * parameters itself and would throw on an escape fastify answers (400), and because its string patterns ignore case
 * and trailing slashes. `path` undefined matches everything under the base.
 *
 * @example
 * mswUrlPattern('http://wxvoip.mock', '/__admin/rooms/:roomId'); // /^http:\/\/wxvoip\.mock\/__admin\/rooms\/[^/]*$/
 */
export function mswUrlPattern(base: string, path?: string): RegExp {
  if (path === undefined) return new RegExp(`^${escapeRegExp(base)}/.*$`);
  const segments = path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]*' : escapeRegExp(segment)));
  return new RegExp(`^${escapeRegExp(base)}${segments.join('/')}$`);
}
