import { z } from 'zod';
import { AppId } from '../common/identifiers.js';
import { LicenseApiMode, SeedBilling, SeedLicense, SeedLicensePackage } from './seedEntities.js';

/** An app's billing as the control API shows it: settings, device licenses, packages, and talk seconds billed so far. */
export const BillingView = z.object({
  appId: AppId,
  billing: SeedBilling,
  licenses: z.array(SeedLicense),
  licensePackages: z.array(SeedLicensePackage),
  billedDurationSec: z.number().int().nonnegative(),
});
/** An app's billing as the control API shows it. */
export type BillingView = z.infer<typeof BillingView>;
/** `BillingView` as written, before defaults are applied. */
export type BillingViewInput = z.input<typeof BillingView>;

/**
 * Body of `updateBilling`: set the remaining duration balance (`null` = unlimited), arrears (errcode 15), the
 * license API mode and whether calls check licenses. Omitted fields stay as they are.
 *
 * @example
 * BillingPatch.parse({ inArrears: true });
 */
export const BillingPatch = z
  .object({
    durationBalanceSec: z.number().int('durationBalanceSec must be whole seconds').nonnegative('durationBalanceSec must be 0 or more (null = unlimited)').nullable().optional(),
    inArrears: z.boolean().optional(),
    licenseApis: LicenseApiMode.optional(),
    enforceLicenseOnCall: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'a billing patch must change at least one of durationBalanceSec, inArrears, licenseApis, enforceLicenseOnCall',
  });
/** Body of `updateBilling`. */
export type BillingPatch = z.infer<typeof BillingPatch>;

/**
 * Body of `setDeviceLicense`: the device's license expiry in Unix seconds (past = expired, errcode 23) and its
 * activation numbers; `expireTime: null` removes the license (never activated, errcode 24).
 */
export const SetDeviceLicenseBody = z.object({
  expireTime: z.number().int('expireTime must be whole Unix seconds').nonnegative().nullable(),
  activeNumbers: SeedLicense.shape.activeNumbers,
});
/** Body of `setDeviceLicense`. */
export type SetDeviceLicenseBody = z.infer<typeof SetDeviceLicenseBody>;
/** `SetDeviceLicenseBody` as written, before defaults are applied. */
export type SetDeviceLicenseBodyInput = z.input<typeof SetDeviceLicenseBody>;
