import { z } from 'zod';

/**
 * Billing mode of a call (P §10.1): `'duration'` consumes the mini program's minute quota,
 * `'license'` uses the device's activated license.
 */
export const ChargeType = z.enum(['duration', 'license'], {
  errorMap: () => ({ message: "chargeType must be 'duration' (minute quota) or 'license' (device license)" }),
});
/** Billing mode of a call. */
export type ChargeType = z.infer<typeof ChargeType>;
