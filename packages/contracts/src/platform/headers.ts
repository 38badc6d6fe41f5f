import { z } from 'zod';

/**
 * A tenant namespace: 1–64 characters of `[a-z0-9._-]`, starting with a letter or digit. Each namespace has
 * its own apps, devices, rooms, clock, faults and journal, so tests running in parallel cannot see each other.
 *
 * @example
 * Namespace.parse('test-42.worker-3'); // ok
 */
export const Namespace = z
  .string({ invalid_type_error: 'x-wxvoip-namespace must be a string' })
  .min(1, 'x-wxvoip-namespace must not be empty: omit the header to use the default namespace')
  .max(64, 'x-wxvoip-namespace must be at most 64 characters')
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'x-wxvoip-namespace may only contain [a-z0-9._-] and must start with a letter or digit (e.g. "test-42")',
  );
/** A tenant namespace. */
export type Namespace = z.infer<typeof Namespace>;

/**
 * A party credential as sent in the `authorization` header: `Bearer <token>`, the token being the one
 * `connectParty` returned.
 *
 * @example
 * BearerCredential.parse('Bearer pt_5f2c0e9b7a1d4c3e'); // ok
 */
export const BearerCredential = z
  .string({ required_error: 'authorization header is required: send "Bearer <token>" from connectParty' })
  .regex(
    /^Bearer [A-Za-z0-9._~+/-]+=*$/,
    'authorization must be "Bearer <token>" with the token returned by connectParty',
  );
/** A party credential header value. */
export type BearerCredential = z.infer<typeof BearerCredential>;

/**
 * Query parameter that names the tenant namespace on the push channel's URL. A WHATWG WebSocket cannot send the
 * `x-wxvoip-namespace` header, so the channel reads the namespace from the query string when the header is absent.
 *
 * @example
 * url.searchParams.set(PUSH_CHANNEL_NAMESPACE_PARAM, 'test-42');
 */
export const PUSH_CHANNEL_NAMESPACE_PARAM = 'namespace';

/** Headers every platform route accepts: the optional tenant namespace. */
export const NamespaceHeaders = z.object({
  'x-wxvoip-namespace': Namespace.optional(),
});
/** Headers every platform route accepts. */
export type NamespaceHeaders = z.infer<typeof NamespaceHeaders>;

/**
 * Headers of a transport route that acts as a connected party: the credential plus the optional namespace.
 * The adapters answer a failure at path `authorization` with HTTP 401, not 400 (ADR 0007).
 */
export const PartyHeaders = NamespaceHeaders.extend({
  authorization: BearerCredential,
});
/** Headers of a transport route that acts as a connected party. */
export type PartyHeaders = z.infer<typeof PartyHeaders>;
