import { ADMIN_TOKEN_HEADER, CONTROL_PREFIX } from '@wxvoip/contracts';
import { problem, type ProblemResponse } from '../facade/problems.js';
import { INSPECTOR_PATH } from './inspectorPath.js';

/**
 * The guards of the control API and the inspector, as pure functions over a request's method, path and headers, so
 * that the fastify hook (`adminGuard`) and the msw handlers decide alike. No fastify, no Node built-ins.
 */

/** Environment variable the CLI reads the admin token from (the `--admin-token` flag wins). */
export const ADMIN_TOKEN_ENV = 'WXVOIP_ADMIN_TOKEN';

/** Header that may carry the admin token, besides `Authorization: Bearer <token>` and Basic (the token as password). */
export { ADMIN_TOKEN_HEADER };

/** What the guards read of a request. */
export interface GuardedRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  /** A header's value (lower-case name), or undefined. */
  header(name: string): string | undefined;
  /** Whether a body was sent; by default read from Content-Length and Transfer-Encoding. */
  readonly hasBody?: boolean;
}

/** Options of {@link adminRefusal} (and of the `adminGuard` hook). */
export interface AdminGuardOptions {
  /**
   * The admin token every `/__admin` and `/__inspector` request must carry. Required when the platform listens on
   * anything but loopback; optional on loopback (then it is required as well).
   */
  readonly adminToken?: string | undefined;
  /**
   * Whether the server listens on loopback only: then the `Host` header of a guarded request must be a loopback name
   * or address (a DNS-rebinding page sends its own name). Default true.
   */
  readonly loopback?: boolean;
}

/** Methods that change state: their body must be JSON. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a path (no query) belongs to the guarded surface: the control API and the inspector page. */
export function isGuardedPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`) || path === INSPECTOR_PATH || path.startsWith(`${INSPECTOR_PATH}/`);
}

/**
 * Whether a host to bind (or the name in a `Host` header) is loopback: `localhost`, `*.localhost`, `127.0.0.0/8`,
 * `::1` (bracketed or not).
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (/^127(\.\d{1,3}){3}$/.test(name)) return name.split('.').every((part) => Number(part) <= 255);
  return name === '::1' || name === '0:0:0:0:0:0:0:1' || /^::ffff:127(\.\d{1,3}){3}$/.test(name);
}

/** The host name of a `Host` header value, without its port. */
function hostNameOf(header: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(header);
  if (bracketed) return bracketed[1]!;
  return header.replace(/:\d*$/, '');
}

/** Whether a content type is JSON (`application/json`, `application/*+json`, with or without parameters). */
function isJsonContentType(value: string | undefined): boolean {
  const type = (value ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Whether the request carries a body (a non-zero Content-Length, or Transfer-Encoding). */
function hasBody(request: GuardedRequest): boolean {
  if (request.hasBody !== undefined) return request.hasBody;
  const length = request.header('content-length');
  return request.header('transfer-encoding') !== undefined || (length !== undefined && length.trim() !== '0');
}

/** Compares two secrets in time that depends only on their lengths, not on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i % Math.max(1, given.length)) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/** The admin token a request carries: Bearer, Basic (any user, the token as password) or the admin-token header. */
function tokenOf(request: GuardedRequest): string | undefined {
  const header = request.header(ADMIN_TOKEN_HEADER);
  if (header !== undefined && header !== '') return header;
  const authorization = request.header('authorization') ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization);
  if (bearer) return bearer[1]!.trim();
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
  if (basic) {
    const decoded = decodeBase64(basic[1]!);
    const colon = decoded.indexOf(':');
    return colon < 0 ? decoded : decoded.slice(colon + 1);
  }
  return undefined;
}

/**
 * Why a request to the control API or the inspector is refused, or undefined when it may go on. In order:
 *
 * 1. **Host** (loopback only): not a loopback name or address → 403 `hostNotAllowed` (DNS rebinding).
 * 2. **Admin token** (when one is set): missing or wrong → 401 `adminTokenRequired`, with `WWW-Authenticate: Basic`
 *    so that a browser asks for it once and sends it with every later request of the page.
 * 3. **Origin**: present and not the platform's own (`http://` or `https://` + the Host header) → 403
 *    `foreignOrigin`. Browsers send it on every cross-origin request, so no other web page can drive the API.
 * 4. **Content-Type**: a POST, PUT, PATCH or DELETE with a body that is not `application/json` → 415
 *    `unsupportedMediaType` (a cross-site form or `text/plain` post needs no CORS preflight).
 */
export function adminRefusal(request: GuardedRequest, options: AdminGuardOptions): ProblemResponse<'hostNotAllowed' | 'adminTokenRequired' | 'foreignOrigin' | 'unsupportedMediaType'> | undefined {
  const { path } = request;
  const host = request.header('host');
  if (options.loopback !== false && (host === undefined || !isLoopbackHost(hostNameOf(host)))) {
    return problem(
      'hostNotAllowed',
      `the platform listens on loopback, so the control API and the inspector answer only requests addressed to a loopback name or address; Host is ${JSON.stringify(host ?? null)}. Use http://127.0.0.1 or http://localhost, or start it with --host and an admin token`,
      { instance: path },
    );
  }
  if (options.adminToken !== undefined) {
    const token = tokenOf(request);
    if (token === undefined || !sameSecret(token, options.adminToken)) {
      return problem(
        'adminTokenRequired',
        `${token === undefined ? 'this request carries no admin token' : 'the admin token is wrong'}: send Authorization: Bearer <token> (or Basic with the token as password, or ${ADMIN_TOKEN_HEADER}); the token is the one given with --admin-token or ${ADMIN_TOKEN_ENV}`,
        { instance: path },
      );
    }
  }
  const origin = request.header('origin');
  if (origin !== undefined && (host === undefined || (origin !== `http://${host}` && origin !== `https://${host}`))) {
    return problem('foreignOrigin', `Origin ${origin} is not this platform's origin (http://${host ?? '?'}): the control API and the inspector only answer pages they serve themselves`, { instance: path });
  }
  if (STATE_CHANGING.has(request.method) && hasBody(request) && !isJsonContentType(request.header('content-type'))) {
    return problem('unsupportedMediaType', `a ${request.method} to the control API must send its body as Content-Type: application/json (got ${JSON.stringify(request.header('content-type') ?? null)}), or no body at all`, { instance: path });
  }
  return undefined;
}

/** Decodes base64 to UTF-8 text without Node's Buffer (the msw adapter may run in a browser). */
function decodeBase64(value: string): string {
  try {
    const binary = atob(value);
    return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return '';
  }
}
