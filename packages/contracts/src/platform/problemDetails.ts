import { z } from 'zod';
import { FieldIssue } from './fieldIssue.js';

/**
 * The problem types of the control API (RFC 7807 `type`), each with its title, HTTP status and when it occurs.
 * The `type` URIs are stable ids (URNs, not links): tests and tools may switch on them.
 */
export const PROBLEM_TYPES = {
  validation: {
    type: 'urn:wxvoip:problem:validation',
    title: 'Request does not match the control API contract',
    status: 400,
    when: 'A body, query, path parameter or header fails its schema (including Seed cross-references); `errors` lists each field issue.',
  },
  malformedJson: {
    type: 'urn:wxvoip:problem:malformed-json',
    title: 'Request body is not valid JSON',
    status: 400,
    when: 'The body could not be parsed as JSON at all, so no field can be named.',
  },
  notFound: {
    type: 'urn:wxvoip:problem:not-found',
    title: 'No such entity in this namespace',
    status: 404,
    when: 'The app, user, device, room, party, fault or callback delivery named in the path does not exist in the namespace.',
  },
  routeNotFound: {
    type: 'urn:wxvoip:problem:route-not-found',
    title: 'No such control route',
    status: 404,
    when: 'The method and path match no route of the control API.',
  },
  invalidState: {
    type: 'urn:wxvoip:problem:invalid-state',
    title: 'Action not possible in the current state',
    status: 409,
    when: 'A simulate action does not fit the room phase (e.g. answer an ended room), or a device is already offline/online.',
  },
  clockNotManual: {
    type: 'urn:wxvoip:problem:clock-not-manual',
    title: 'The clock is real, not manual',
    status: 409,
    when: 'Advancing the clock while it runs in `real` mode; freeze it or set `mode: manual` first.',
  },
  conflict: {
    type: 'urn:wxvoip:problem:conflict',
    title: 'Conflicts with existing data',
    status: 409,
    when: 'Creating something whose id already exists, or an update that would break a seed rule (e.g. a second group for a device).',
  },
  adminTokenRequired: {
    type: 'urn:wxvoip:problem:admin-token-required',
    title: 'The control API needs the admin token',
    status: 401,
    when: 'The platform listens on a non-loopback address (or was started with an admin token) and the request carries no valid `Authorization: Bearer <token>` (or Basic with the token as password).',
  },
  foreignOrigin: {
    type: 'urn:wxvoip:problem:foreign-origin',
    title: 'Request from another origin',
    status: 403,
    when: "The request's `Origin` is not the platform's own origin: a web page elsewhere may not drive the control API or the inspector.",
  },
  hostNotAllowed: {
    type: 'urn:wxvoip:problem:host-not-allowed',
    title: 'Host header is not a loopback name',
    status: 403,
    when: 'The platform listens on loopback and the `Host` header is not `localhost`, `*.localhost`, a 127.x address or `[::1]` (a DNS-rebinding page).',
  },
  unsupportedMediaType: {
    type: 'urn:wxvoip:problem:unsupported-media-type',
    title: 'State-changing control requests must be JSON',
    status: 415,
    when: 'A POST, PUT, PATCH or DELETE to the control API has a body whose `Content-Type` is not `application/json` (a cross-site form or `text/plain` post).',
  },
  payloadTooLarge: {
    type: 'urn:wxvoip:problem:payload-too-large',
    title: 'Request body is too large',
    status: 413,
    when: 'The body is larger than the platform reads at all (64 MiB); nothing of it was read.',
  },
  headersTooLarge: {
    type: 'urn:wxvoip:problem:headers-too-large',
    title: 'Request head is too large',
    status: 431,
    when: "The request line and headers together exceed Node's limit (16 KiB by default).",
  },
  badRequest: {
    type: 'urn:wxvoip:problem:bad-request',
    title: 'Request cannot be read as HTTP/1.1',
    status: 400,
    when: 'The request line or a header is not valid HTTP (raw non-ASCII bytes in the path, a broken header), or an upgrade other than the push channel WebSocket was asked for in a way that cannot be answered.',
  },
  internal: {
    type: 'urn:wxvoip:problem:internal',
    title: 'Mock platform bug',
    status: 500,
    when: 'An unexpected failure inside the mock; the detail says what broke. Never caused by input: please report it.',
  },
} as const;

/** The key of one problem type, e.g. `'notFound'`. */
export type ProblemTypeKey = keyof typeof PROBLEM_TYPES;

/** The `type` URI of one problem, e.g. `'urn:wxvoip:problem:not-found'`. */
export type ProblemTypeUri = (typeof PROBLEM_TYPES)[ProblemTypeKey]['type'];

const PROBLEM_TYPE_URIS = Object.values(PROBLEM_TYPES).map((problem) => problem.type) as [ProblemTypeUri, ...ProblemTypeUri[]];

/**
 * An RFC 7807 problem document (served as `application/problem+json`): a stable `type` from
 * {@link PROBLEM_TYPES}, its `title`, the HTTP `status`, a `detail` that says what to change, the `instance`
 * (request path) and, for validation problems, the field `errors`. `status` must be the one of its type.
 *
 * @example
 * ProblemDetails.parse({
 *   type: 'urn:wxvoip:problem:not-found', title: 'No such entity in this namespace', status: 404,
 *   detail: 'room "r-404" does not exist in namespace "default"', instance: '/__admin/rooms/r-404',
 * });
 */
export const ProblemDetails = z.object({
  type: z.enum(PROBLEM_TYPE_URIS, {
    errorMap: () => ({ message: `type must be one of the PROBLEM_TYPES URIs (${PROBLEM_TYPE_URIS.join(', ')})` }),
  }),
  title: z.string().min(1, 'title must not be empty'),
  status: z.number().int().min(400, 'status must be an HTTP error status (400–599)').max(599, 'status must be an HTTP error status (400–599)'),
  detail: z.string().min(1, 'detail must not be empty: say what is wrong and how to fix it'),
  instance: z.string().optional(),
  errors: z.array(FieldIssue).optional(),
}).superRefine((problem, ctx) => {
  const entry = Object.values(PROBLEM_TYPES).find((candidate) => candidate.type === problem.type);
  if (entry && entry.status !== problem.status) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['status'],
      message: `status must be ${entry.status} for type ${entry.type} (each problem type has one HTTP status); got ${problem.status}`,
    });
  }
});
/** An RFC 7807 problem document. */
export type ProblemDetails = z.infer<typeof ProblemDetails>;
