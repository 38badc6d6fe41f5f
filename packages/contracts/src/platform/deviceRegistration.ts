import { z } from 'zod';
import { AppId, ModelId, Sn } from '../common/identifiers.js';

/**
 * How a device got registered (D §10.1): the Linux SDK, the RTOS cloudvoip SDK, WMPF
 * `registerMiniProgramDevice`, or the Android device-auth SDK.
 */
export const RegistrationMethod = z.enum(['linuxSdk', 'cloudSdk', 'wmpf', 'deviceAuthSdk'], {
  errorMap: () => ({ message: "registrationMethod must be 'linuxSdk', 'cloudSdk', 'wmpf' or 'deviceAuthSdk'" }),
});
/** How a device got registered. */
export type RegistrationMethod = z.infer<typeof RegistrationMethod>;

/**
 * Body of `registerDevice`: the snTicket the developer's backend fetched with `getsnticket` (D §1.4, §2.1, §3.1).
 * The party (Linux, RTOS or WMPF) supplies appId, SN and model. The schema only requires a non-empty string:
 * a malformed ticket is a platform answer (errcode 9800011), an expired one errcode 10008.
 *
 * @example
 * RegisterDeviceBody.parse({ snTicket: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' });
 */
export const RegisterDeviceBody = z.object({
  snTicket: z
    .string({ required_error: 'snTicket is required: fetch it with POST /wxa/getsnticket on the backend' })
    .min(1, 'snTicket must not be empty: fetch it with POST /wxa/getsnticket on the backend'),
});
/** Body of `registerDevice`. */
export type RegisterDeviceBody = z.infer<typeof RegisterDeviceBody>;

/**
 * A device's registration as the platform stores it: the (appId, modelId, SN) binding is permanent (D §1.4).
 * `registered: false` leaves the other fields null.
 */
export const DeviceRegistration = z.object({
  registered: z.boolean(),
  appId: AppId.nullable(),
  sn: Sn,
  modelId: ModelId.nullable(),
  method: RegistrationMethod.nullable(),
  registeredAt: z.number().int().nonnegative().nullable(),
});
/** A device's registration. */
export type DeviceRegistration = z.infer<typeof DeviceRegistration>;

/**
 * Data of a successful `registerDevice`. `alreadyRegistered` is true when the same device was registered
 * before: the Linux simulator turns it into `WXERROR_ALREADY_EXISTS`, the RTOS one into `OK` (idempotent, D §2.1).
 */
export const RegisterDeviceData = z.object({
  registration: DeviceRegistration,
  alreadyRegistered: z.boolean(),
});
/** Data of a successful `registerDevice`. */
export type RegisterDeviceData = z.infer<typeof RegisterDeviceData>;
