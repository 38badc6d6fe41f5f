import { z } from 'zod';
import { ClockMode } from './clock.js';
import { Namespace } from './headers.js';
import { CONTROL_API_VERSION, CONTROL_PREFIX, TRANSPORT_PREFIX, TRANSPORT_PROTOCOL_VERSION } from './prefixes.js';

/** What `GET /__admin/info` reports: versions and prefixes of the platform's own APIs, and the namespaces in use. */
export const PlatformInfo = z.object({
  name: z.literal('wxvoip-mock'),
  version: z.string().min(1),
  transportPrefix: z.literal(TRANSPORT_PREFIX),
  transportProtocol: z.literal(TRANSPORT_PROTOCOL_VERSION),
  controlPrefix: z.literal(CONTROL_PREFIX),
  controlApiVersion: z.literal(CONTROL_API_VERSION),
  namespaces: z.array(z.object({ namespace: Namespace, clockMode: ClockMode, parties: z.number().int().nonnegative() })),
});
/** What `GET /__admin/info` reports. */
export type PlatformInfo = z.infer<typeof PlatformInfo>;

/** What a loaded seed (or a reset) produced in the namespace: counts per entity and when. */
export const SeedSummary = z.object({
  namespace: Namespace,
  loadedAt: z.number().int().nonnegative(),
  counts: z.object({
    apps: z.number().int().nonnegative(),
    models: z.number().int().nonnegative(),
    devices: z.number().int().nonnegative(),
    users: z.number().int().nonnegative(),
    authorizations: z.number().int().nonnegative(),
    groups: z.number().int().nonnegative(),
    licenses: z.number().int().nonnegative(),
  }),
});
/** What a loaded seed produced in the namespace. */
export type SeedSummary = z.infer<typeof SeedSummary>;

/**
 * Body of `reset`: back to the last loaded seed (`seed`, the default) or to an empty namespace (`empty`).
 * Either way rooms, parties (they get `bye: reset`), faults, journal, callbacks and tokens are cleared, and the
 * clock returns to the seed's clock (or `real`).
 */
export const ResetBody = z.object({
  to: z.enum(['seed', 'empty'], { errorMap: () => ({ message: "to must be 'seed' (last loaded seed) or 'empty'" }) }).default('seed'),
});
/** Body of `reset`. */
export type ResetBody = z.infer<typeof ResetBody>;
/** `ResetBody` as written, before defaults are applied. */
export type ResetBodyInput = z.input<typeof ResetBody>;

/**
 * Body of `wipeState`: forget the saved state of the request's namespace (`namespace`, the default) or of every
 * namespace (`all`). A wiped namespace starts again from the platform's seed on its next use, its state file is
 * deleted, and what `reset` returns to is the platform's seed again.
 */
export const WipeStateBody = z.object({
  scope: z.enum(['namespace', 'all'], { errorMap: () => ({ message: "scope must be 'namespace' (this namespace) or 'all' (every namespace)" }) }).default('namespace'),
});
/** Body of `wipeState`. */
export type WipeStateBody = z.infer<typeof WipeStateBody>;
/** `WipeStateBody` as written, before defaults are applied. */
export type WipeStateBodyInput = z.input<typeof WipeStateBody>;

/** What `wipeState` did: the namespaces it wiped and the data directory their files were deleted from (null: in memory). */
export const WipeStateResult = z.object({
  scope: z.enum(['namespace', 'all']),
  namespaces: z.array(Namespace),
  dataDir: z.string().nullable(),
});
/** What `wipeState` did. */
export type WipeStateResult = z.infer<typeof WipeStateResult>;
