import { z } from 'zod';
import { AppId } from '../common/identifiers.js';
import { PushConfig } from './pushConfig.js';
import {
  SeedAuthorization,
  SeedBilling,
  SeedDevice,
  SeedGroup,
  SeedLicense,
  SeedLicensePackage,
  SeedModel,
  SeedUser,
  VoipCapability,
} from './seedEntities.js';
import { checkAppReferences, checkSeedUniqueness } from './seedRules.js';

/**
 * One mini program of the seed (D §10.1) with everything that belongs to it: credentials, message push
 * configuration, capability, billing, models, devices, users, authorizations, groups and licenses. The
 * cross-reference rules of `SEED_RULES` are checked inside the app (a device's model must be one of this app's
 * models, an authorization's openId one of its users, …).
 */
export const SeedApp = z
  .object({
    appId: AppId,
    secret: z
      .string({ required_error: 'secret is required: the AppSecret that /cgi-bin/token checks' })
      .regex(/^\S+$/, 'secret must be a non-empty string without spaces (the AppSecret)'),
    /** The `gh_…` original id, sent as `ToUserName` in callbacks. [I] Absent: the platform derives `gh_<appId>`. */
    originalId: z.string().regex(/^gh_[0-9A-Za-z_]+$/, 'originalId must look like gh_xxxxxxxx (the original id of the mini program)').optional(),
    name: z.string().optional(),
    voipCapability: VoipCapability.default('approved'),
    pushConfig: PushConfig.optional(),
    billing: SeedBilling.default({}),
    models: z.array(SeedModel).default([]),
    devices: z.array(SeedDevice).default([]),
    users: z.array(SeedUser).default([]),
    authorizations: z.array(SeedAuthorization).default([]),
    groups: z.array(SeedGroup).default([]),
    licenses: z.array(SeedLicense).default([]),
    licensePackages: z.array(SeedLicensePackage).default([]),
  })
  .superRefine(checkAppReferences);
/** One mini program of the seed. */
export type SeedApp = z.infer<typeof SeedApp>;
/** One mini program of the seed, before defaults. */
export type SeedAppInput = z.input<typeof SeedApp>;

/**
 * How the platform clock starts after this seed is loaded: `real` follows the wall clock; `manual` stands still
 * at `now` (platform ms) until the control API advances it.
 */
export const SeedClock = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('real') }),
  z.object({ mode: z.literal('manual'), now: z.number().int().nonnegative('now must be milliseconds since 1970 (0 or more)') }),
]);
/** How the platform clock starts after a seed is loaded. */
export type SeedClock = z.infer<typeof SeedClock>;

/**
 * The seed file of the mock platform (`wxvoip-mock --seed <file>`, `PUT /__admin/seed`): the initial state of
 * one namespace. Loading a seed replaces the namespace's state; `POST /__admin/reset` returns to it.
 *
 * @example
 * Seed.parse({ apps: [{ appId: 'wx_app', secret: 's3cret', models: [], devices: [] }] });
 */
export const Seed = z
  .object({
    version: z.literal(1, { errorMap: () => ({ message: 'version must be 1 (the only seed format so far)' }) }).default(1),
    description: z.string().optional(),
    clock: SeedClock.optional(),
    apps: z.array(SeedApp, { required_error: 'apps is required: list at least the mini programs under test (may be empty)' }),
  })
  .superRefine(checkSeedUniqueness);
/** The seed file of the mock platform. */
export type Seed = z.infer<typeof Seed>;
/** The seed file as written, before defaults. */
export type SeedInput = z.input<typeof Seed>;
