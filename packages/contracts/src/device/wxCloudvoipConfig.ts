import { z } from 'zod';
import { cString, deviceIdField, wxaAppIdField } from './cFields.js';
import { WX_WXA_FLAVOR, WxWxaFlavor } from './wxaFlavor.js';

/** RTOS SDK log level (`log_level`): `0` ERROR, `1` INFO (D §2.1). */
export const WX_LOG_LEVEL = {
  /** Errors only. */
  ERROR: 0,
  /** Errors and information. */
  INFO: 1,
} as const;

/** An RTOS log level number. */
export const WxLogLevel = z.nativeEnum(WX_LOG_LEVEL, { errorMap: () => ({ message: 'log_level must be 0 (ERROR) or 1 (INFO)' }) });
/** An RTOS log level number. */
export type WxLogLevel = z.infer<typeof WxLogLevel>;

/**
 * `wx_cloudvoip_config_t`, the RTOS device SDK's synchronous `wx_init` configuration (D §2.1). Omitted
 * `wxa_flavor` and `log_level` default to 0 (a zeroed struct). Unknown keys are rejected.
 */
export const WxCloudVoipConfig = z
  .object({
    data_dir: cString('data_dir', 'persistent storage for the registration'),
    device_id: deviceIdField(),
    model_id: cString('model_id', 'the model id from device onboarding'),
    wxa_appid: wxaAppIdField(),
    wxa_flavor: WxWxaFlavor.default(WX_WXA_FLAVOR.RELEASE),
    log_level: WxLogLevel.default(WX_LOG_LEVEL.ERROR),
  })
  .strict('wx_cloudvoip_config_t has no such field: its fields are data_dir, device_id, model_id, wxa_appid, wxa_flavor, log_level');
/** A parsed `wx_cloudvoip_config_t`. */
export type WxCloudVoipConfig = z.infer<typeof WxCloudVoipConfig>;
/** A `wx_cloudvoip_config_t` as written. */
export type WxCloudVoipConfigInput = z.input<typeof WxCloudVoipConfig>;
