import { PROBLEM_TYPES, toWechatValidationError, wechatApiContract, type WechatErrorBody, type WechatRouteKey } from '@wxvoip/contracts';
import type { ZodIssue } from 'zod';
import { problem, validationProblem, type ProblemResponse } from '../facade/problems.js';

/**
 * How the HTTP adapters (fastify in `createServer`, msw in `src/msw`) read request bodies and answer requests that
 * fail validation, in one place so that both answer byte for byte alike. Pure functions: no fastify, no msw.
 */

/** Default largest request body: 1 MiB [I]. WeChat documents no limit except pushappmsg's 5 KB message. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Bodies past this never reach the parser (fastify answers 413): it only protects memory. */
export const HARD_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * Longest path parameter the routers match, in characters (find-my-way's default is 100) [I]. Longer parameters are
 * refused in the API's own shape (`badPath`), never with fastify's default 414 body; shorter ones reach the contract's
 * validation, which names the field.
 */
export const MAX_PARAM_LENGTH = 1024;

/** What a 413 answer says about a body past the hard limit (`limit`: the larger of the body limit and the hard one). */
export function hardBodyLimitDetail(limit: number): string {
  return `the body is larger than ${limit} bytes, the most the platform reads at all`;
}

/** Content type of a JSON answer, as fastify writes it. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Content type of an RFC 7807 problem answer, as fastify writes it. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A request body read as JSON, or why it could not be. */
export type ParsedBody = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly kind: 'malformedJson' | 'bodyTooLarge'; readonly detail: string };

/**
 * Reads a request body the way WeChat does: JSON whatever the content type, blank → `undefined`, over `bodyLimit`
 * bytes → `bodyTooLarge`, unparseable → `malformedJson`. `text` decodes the bytes (UTF-8, BOM kept) only when needed.
 *
 * @example
 * parseJsonBody(buffer.byteLength, () => buffer.toString('utf8'), DEFAULT_BODY_LIMIT);
 */
export function parseJsonBody(byteLength: number, text: () => string, bodyLimit: number): ParsedBody {
  if (byteLength > bodyLimit) return { ok: false, kind: 'bodyTooLarge', detail: `the body is ${byteLength} bytes; the limit is ${bodyLimit}` };
  const decoded = text();
  // Only a text that does not start with a printable ASCII character can be blank (trim() also strips Unicode white
  // space and a BOM): a JSON body starting with `{`, `[`, `"` or a digit skips the trimmed copy.
  const first = decoded.charCodeAt(0);
  if (decoded === '' || ((first <= 0x20 || first >= 0x7f) && decoded.trim() === '')) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(decoded) as unknown };
  } catch (error) {
    return { ok: false, kind: 'malformedJson', detail: `the body is not valid JSON: ${(error as Error).message}` };
  }
}

/** The per-part failures of a request validated against a ts-rest route (null where the part passed). */
export interface RequestPartIssues {
  /** Failures of the headers schema. */
  readonly headers: { readonly issues: readonly ZodIssue[] } | null;
  /** Failures of the path parameters schema. */
  readonly pathParams: { readonly issues: readonly ZodIssue[] } | null;
  /** Failures of the query schema. */
  readonly query: { readonly issues: readonly ZodIssue[] } | null;
  /** Failures of the body schema. */
  readonly body: { readonly issues: readonly ZodIssue[] } | null;
}

/** Every issue of a failed validation, in the order the answers name them: headers, path, query, body. */
export function issuesOf(parts: RequestPartIssues): ZodIssue[] {
  return [parts.headers, parts.pathParams, parts.query, parts.body].flatMap((part) => part?.issues ?? []);
}

/** The WeChat route registered at a path, if any. */
export function wechatRouteKeyOf(path: string | undefined): WechatRouteKey | undefined {
  return Object.entries(wechatApiContract).find(([, route]) => route.path === path)?.[0] as WechatRouteKey | undefined;
}

/**
 * The answer to an emulated WeChat request that failed validation: HTTP 200 with WeChat's errcode (44002 for an
 * empty POST body, the route's own rule for a field, 47001 otherwise).
 */
export function wechatValidationError(route: WechatRouteKey | undefined, method: string, body: unknown, parts: RequestPartIssues): { status: 200; body: WechatErrorBody } {
  if (route && body === undefined && method === 'POST' && (parts.body?.issues.length ?? 0) > 0) {
    return { status: 200, body: { errcode: 44002, errmsg: 'empty post data' } };
  }
  return { status: 200, body: route ? toWechatValidationError(route, issuesOf(parts)) : { errcode: 47001, errmsg: 'data format error' } };
}

/** One field issue of a transport 400 answer. */
export interface TransportFieldError {
  /** Dotted path of the field (`''` for the whole body). */
  readonly path: string;
  /** What is wrong with it. */
  readonly message: string;
}

/**
 * The answer to a transport request that failed validation: HTTP 401 / 41001 for a missing or malformed credential
 * (ADR 0007), otherwise HTTP 400 / 47001 with the field issues.
 */
export function transportValidationError(parts: RequestPartIssues): { status: 401; body: WechatErrorBody } | { status: 400; body: WechatErrorBody & { errors: TransportFieldError[] } } {
  const auth = parts.headers?.issues.find((issue) => issue.path[0] === 'authorization');
  if (auth) return { status: 401, body: { errcode: 41001, errmsg: `access_token missing: ${auth.message}` } };
  const issues = issuesOf(parts);
  return {
    status: 400,
    body: {
      errcode: 47001,
      errmsg: `data format error: ${issues[0]?.message ?? 'invalid request'}`,
      errors: issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    },
  };
}

/** The answer to a control request that failed validation: an RFC 7807 validation problem for the request path. */
export function controlValidationError(parts: RequestPartIssues, url: string): ProblemResponse<'validation'> {
  return validationProblem(issuesOf(parts), url.split('?')[0]);
}

const PROBLEM_TYPE_URIS = new Set<string>(Object.values(PROBLEM_TYPES).map((entry) => entry.type));

/** Whether a response body is one of the control API's RFC 7807 problems (its `type` is a `PROBLEM_TYPES` URN). */
export function isProblemBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'type' in body && typeof body.type === 'string' && PROBLEM_TYPE_URIS.has(body.type);
}

/** The answer to an unexpected exception inside the mock (a bug, never caused by input): a 500 `internal` problem. */
export function internalErrorProblem(error: Error, url: string): ProblemResponse<'internal'> {
  const path = url.split('?')[0] ?? url;
  return problem('internal', `${error.message}. This is a bug in wxvoip: please report it with the journal (GET /__admin/journal).`, { instance: path });
}
