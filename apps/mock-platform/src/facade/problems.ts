import { PROBLEM_TYPES, type FieldIssue, type ProblemDetails, type ProblemTypeKey } from '@wxvoip/contracts';
import type { Refusal } from '../core/refusal.js';

/** The HTTP status of a problem type, e.g. `404` for `notFound`. */
export type ProblemStatus<K extends ProblemTypeKey> = (typeof PROBLEM_TYPES)[K]['status'];

/** A control-API error response: the status of its problem type and the RFC 7807 body. */
export interface ProblemResponse<K extends ProblemTypeKey> {
  readonly status: ProblemStatus<K>;
  readonly body: ProblemDetails;
}

/** One field issue as validators report it: a path (segments, or already dotted) and a message. */
export interface IssueLike {
  readonly path: readonly (string | number)[] | string;
  readonly message: string;
}

/**
 * An RFC 7807 problem of one of the contract's `PROBLEM_TYPES`: its stable `type`, title and status, the `detail`
 * (what is wrong and how to fix it), the request path as `instance` and, for validation problems, the field issues.
 *
 * @example
 * problem('notFound', 'room "r-404" does not exist in namespace "default"', { instance: '/__admin/rooms/r-404' });
 */
export function problem<K extends ProblemTypeKey>(key: K, detail: string, options: { instance?: string; errors?: readonly FieldIssue[] } = {}): ProblemResponse<K> {
  const entry = PROBLEM_TYPES[key];
  const body: ProblemDetails = {
    type: entry.type,
    title: entry.title,
    status: entry.status,
    detail: detail === '' ? entry.when : detail,
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...(options.errors === undefined ? {} : { errors: [...options.errors] }),
  };
  return { status: entry.status as ProblemStatus<K>, body };
}

/**
 * The 400 problem of a request that fails the contract (body, query, path parameters or headers), for the adapters
 * that validate before calling the facade: one `errors` entry per issue, with the dotted path (`apps.0.models.1.kind`;
 * empty for the whole body).
 *
 * @example
 * const parsed = Seed.safeParse(body);
 * if (!parsed.success) return validationProblem(parsed.error.issues, '/__admin/seed');
 */
export function validationProblem(issues: readonly IssueLike[], instance?: string): ProblemResponse<'validation'> {
  const errors = issues.map((issue): FieldIssue => ({ path: dottedPath(issue.path), message: issue.message || 'invalid value' }));
  const first = errors[0];
  const detail =
    first === undefined
      ? 'the request does not match the control API contract'
      : `${errors.length} field issue(s); first: ${first.path === '' ? '(body)' : first.path}: ${first.message}`;
  return problem('validation', detail, { ...(instance === undefined ? {} : { instance }), errors });
}

/** A 404 problem: the named entity does not exist in the namespace. */
export function notFoundProblem(what: string, id: string, namespace: string, instance: string): ProblemResponse<'notFound'> {
  return problem('notFound', `${what} "${id}" does not exist in namespace "${namespace}"`, { instance });
}

/**
 * A problem carrying a core refusal: the refusal's rule, then its catalogue key, code and check stage, so a test can
 * see exactly which platform rule said no.
 */
export function refusalProblem<K extends 'invalidState' | 'conflict' | 'notFound' | 'internal'>(key: K, refusal: Refusal, instance: string): ProblemResponse<K> {
  return problem(key, refusalDetail(refusal), { instance });
}

/** The detail text of a core refusal: `<rule> (core refusal <KEY>, code <n>, stage <stage>)`. */
export function refusalDetail(refusal: Refusal): string {
  return `${refusal.rule} (core refusal ${refusal.key ?? 'forced'}, code ${String(refusal.code)}, stage ${refusal.stage})`;
}

function dottedPath(path: IssueLike['path']): string {
  return typeof path === 'string' ? path : path.map(String).join('.');
}
