import { z } from 'zod';
import { WechatDeviceRef, wechatDeviceList } from './deviceRef.js';
import { LICENSE_ACTIVE_NUMBER_MAX, LICENSE_MAX_DEVICES_PER_CALL, LICENSE_PKG_TYPE_MAX } from './serverApiLimits.js';
import { WechatOkBody, wechatResponse } from './wechatErrorBody.js';

const UnixSeconds = z.number().int('time fields are whole Unix seconds').nonnegative('time fields are Unix seconds, never negative');
const Count = z.number().int('counts are whole numbers').nonnegative('counts are never negative');

/** A license package type: 0 test/trial, 1 A, 2 B, 3 C, 4 D, 5 E (D §4.11). */
export const LicensePkgType = z
  .number({ required_error: 'pkg_type is required', invalid_type_error: 'pkg_type must be a number' })
  .int('pkg_type must be an integer')
  .min(0, `pkg_type must be 0 (test/trial) to ${LICENSE_PKG_TYPE_MAX} (E)`)
  .max(LICENSE_PKG_TYPE_MAX, `pkg_type must be 0 (test/trial) to ${LICENSE_PKG_TYPE_MAX} (E)`);
/** A license package type. */
export type LicensePkgType = z.infer<typeof LicensePkgType>;

const LicenseDeviceList = wechatDeviceList(
  WechatDeviceRef,
  LICENSE_MAX_DEVICES_PER_CALL,
  `a license call names at most ${LICENSE_MAX_DEVICES_PER_CALL} devices (D §4.11); split the request`,
);

/** Body of `POST /wxa/business/license/getpkglist` (getLicensePkgList, deprecated, D §4.11). */
export const GetLicensePkgListRequest = z.object({ pkg_type: LicensePkgType });
/** Body of `POST /wxa/business/license/getpkglist`. */
export type GetLicensePkgListRequest = z.infer<typeof GetLicensePkgListRequest>;

/**
 * One license package (D §4.11). `pkg_id` is a string and the times are Unix seconds: the reference does not give
 * their types ([I], ADR 0006). `pkg_status`: 1 active, 2 not yet active, 3 expired.
 */
export const LicensePkg = z.object({
  pkg_id: z.string(),
  pkg_type: LicensePkgType,
  start_time: UnixSeconds,
  end_time: UnixSeconds,
  pkg_status: z.union([z.literal(1), z.literal(2), z.literal(3)], {
    errorMap: () => ({ message: 'pkg_status must be 1 (active), 2 (not yet active) or 3 (expired)' }),
  }),
  used: Count,
  all: Count,
});
/** One license package. */
export type LicensePkg = z.infer<typeof LicensePkg>;

/** Success of `getpkglist`; `max_active_number` is deprecated and optional (D §4.11). */
export const GetLicensePkgListSuccess = WechatOkBody.extend({
  pkg_list: z.array(LicensePkg),
  max_active_number: Count.optional(),
});
/** Success of `getpkglist`. */
export type GetLicensePkgListSuccess = z.infer<typeof GetLicensePkgListSuccess>;
/** HTTP 200 body of `POST /wxa/business/license/getpkglist`. */
export const GetLicensePkgListResponse = wechatResponse(GetLicensePkgListSuccess);
/** HTTP 200 body of `POST /wxa/business/license/getpkglist`. */
export type GetLicensePkgListResponse = z.infer<typeof GetLicensePkgListResponse>;

/** A device to activate: `{ model_id, sn, active_number }`; `active_number` is a uint32, unique per app (D §4.11). */
export const LicenseActivation = WechatDeviceRef.extend({
  active_number: z
    .number({ required_error: 'active_number is required', invalid_type_error: 'active_number must be a number' })
    .int('active_number must be an integer (a uint32)')
    .min(0, 'active_number must be a uint32 (0 to 4294967295)')
    .max(LICENSE_ACTIVE_NUMBER_MAX, 'active_number must be a uint32 (0 to 4294967295)'),
});
/** A device to activate. */
export type LicenseActivation = z.infer<typeof LicenseActivation>;

/**
 * Body of `POST /wxa/business/license/activedevice` (activeLicenseDevice, deprecated, D §4.11): 1 to 100 devices of
 * one package type.
 *
 * @example
 * ActiveLicenseDeviceRequest.parse({ pkg_type: 1, device_list: [{ model_id: 'model-abc', sn: 'SN_0001', active_number: 1 }] });
 */
export const ActiveLicenseDeviceRequest = z.object({
  pkg_type: LicensePkgType,
  device_list: wechatDeviceList(
    LicenseActivation,
    LICENSE_MAX_DEVICES_PER_CALL,
    `a license call names at most ${LICENSE_MAX_DEVICES_PER_CALL} devices (D §4.11); split the request`,
  ),
});
/** Body of `POST /wxa/business/license/activedevice`. */
export type ActiveLicenseDeviceRequest = z.infer<typeof ActiveLicenseDeviceRequest>;

/** Success of `activedevice`: `{ model_id, sn, expire_time, errcode }` per device (D §4.11). */
export const ActiveLicenseDeviceSuccess = WechatOkBody.extend({
  device_list: z.array(WechatDeviceRef.extend({ expire_time: UnixSeconds, errcode: z.number().int('errcode must be an integer') })),
});
/** Success of `activedevice`. */
export type ActiveLicenseDeviceSuccess = z.infer<typeof ActiveLicenseDeviceSuccess>;
/** HTTP 200 body of `POST /wxa/business/license/activedevice`. */
export const ActiveLicenseDeviceResponse = wechatResponse(ActiveLicenseDeviceSuccess);
/** HTTP 200 body of `POST /wxa/business/license/activedevice`. */
export type ActiveLicenseDeviceResponse = z.infer<typeof ActiveLicenseDeviceResponse>;

/** Body of `POST /wxa/business/license/getdeviceinfo` (getLicenseDeviceInfo, deprecated, D §4.11): 1 to 100 devices. */
export const GetLicenseDeviceInfoRequest = z.object({ device_list: LicenseDeviceList });
/** Body of `POST /wxa/business/license/getdeviceinfo`. */
export type GetLicenseDeviceInfoRequest = z.infer<typeof GetLicenseDeviceInfoRequest>;

/** Success of `getdeviceinfo`: `{ model_id, sn, expire_time }` per device (D §4.11). */
export const GetLicenseDeviceInfoSuccess = WechatOkBody.extend({
  device_list: z.array(WechatDeviceRef.extend({ expire_time: UnixSeconds })),
});
/** Success of `getdeviceinfo`. */
export type GetLicenseDeviceInfoSuccess = z.infer<typeof GetLicenseDeviceInfoSuccess>;
/** HTTP 200 body of `POST /wxa/business/license/getdeviceinfo`. */
export const GetLicenseDeviceInfoResponse = wechatResponse(GetLicenseDeviceInfoSuccess);
/** HTTP 200 body of `POST /wxa/business/license/getdeviceinfo`. */
export type GetLicenseDeviceInfoResponse = z.infer<typeof GetLicenseDeviceInfoResponse>;
