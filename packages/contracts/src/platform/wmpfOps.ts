import { z } from 'zod';

/** About one hour: the lifetime of a WMPF deviceToken (voipToken), reusable within it (D §0.3, §8). */
export const DEVICE_TOKEN_TTL_MS = 3_600_000;

/**
 * Data of `wmpfGetDeviceToken`: the device-auth SDK's `getDeviceToken()` (D §3.1), also what WMPF prefetches
 * for itself. Pass it as `voipToken` to `initByCaller({ businessType: 1 })` for device-auth-SDK devices.
 * `expiresAt` is platform ms (issued + {@link DEVICE_TOKEN_TTL_MS}).
 */
export const DeviceTokenData = z.object({
  deviceToken: z.string().min(1, 'deviceToken must not be empty'),
  expiresAt: z.number().int().nonnegative(),
});
/** Data of `wmpfGetDeviceToken`. */
export type DeviceTokenData = z.infer<typeof DeviceTokenData>;

/**
 * Data of `wmpfGetPushToken`: `WMPFDeviceApi.getPushToken` / `wmpf.getWmpfPushToken` (D §0.3). The
 * developer stores sn → pushToken and refreshes it before `expiresAt`. [I] WeChat's `expireTimestamp` unit is
 * undocumented; the transport reports platform ms, and the lifetime is configurable in the platform.
 */
export const PushTokenData = z.object({
  pushToken: z.string().min(1, 'pushToken must not be empty'),
  expiresAt: z.number().int().nonnegative(),
});
/** Data of `wmpfGetPushToken`. */
export type PushTokenData = z.infer<typeof PushTokenData>;
