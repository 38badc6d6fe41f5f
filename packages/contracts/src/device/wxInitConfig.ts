import { z } from 'zod';
import { cNullableString, cString, deviceIdField, wxaAppIdField } from './cFields.js';
import { WX_WXA_FLAVOR, WxWxaFlavor } from './wxaFlavor.js';

/** `WX_INIT_CONFIG_TAG`: the `common.tag` of a `wx_init_config_t` (D §1.3). */
export const WX_INIT_CONFIG_TAG = 0x00001;

/** Long edges `subscribe_video_length` accepts: 0 = adaptive, 320, 480, 640 (D §1.3, §1.8). */
export const SUBSCRIBE_VIDEO_LENGTHS = [0, 320, 480, 640] as const;

/** Lowest and highest `subscribe_video_maxfps` per the SDK header (D §1.3; the plugin says 8–15, D §9.10). */
export const SUBSCRIBE_VIDEO_FPS_RANGE = { min: 5, max: 15 } as const;

const integer = (field: string) =>
  z.number({ invalid_type_error: `${field} must be an integer` }).int(`${field} must be an integer`);

/**
 * `wx_init_config_t`, the Linux SDK's `wx_init` configuration (D §1.3), with the C field names. `common` (the
 * struct header, tag `WX_INIT_CONFIG_TAG`) is not data and is left out. Omitted fields take the value of a
 * zeroed struct, as the SDK asks the struct to be zeroed: 0, false, NULL (`null`). Unknown keys are rejected
 * so that a misspelled field does not silently fall back to zero.
 *
 * @example
 * WxInitConfig.parse({ data_dir: '/data/wx', device_id: 'SN_0001', model_id: 'm1', wxa_appid: 'wx0123456789abcdef', wxa_flavor: 1 });
 */
export const WxInitConfig = z
  .object(
    {
      log_dir: cNullableString('log_dir', 'log directory; null disables logging').default(null),
      data_dir: cString('data_dir', 'persistent directory holding the registration; it must survive firmware updates'),
      product_id: z.literal(0, { errorMap: () => ({ message: 'product_id must be 0 (the Linux SDK requires it)' }) }).default(0),
      host_appid: z.null({ message: 'host_appid must be NULL (null): the Linux SDK requires it' }).default(null),
      device_id: deviceIdField(),
      device_signature: z.null({ message: 'device_signature must be NULL (null): the Linux SDK requires it' }).default(null),
      device_signature_version: z
        .literal(0, { errorMap: () => ({ message: 'device_signature_version must be 0 (the Linux SDK requires it)' }) })
        .default(0),
      model_id: cString('model_id', 'the model id from device onboarding'),
      wxa_appid: wxaAppIdField(),
      wxa_flavor: WxWxaFlavor.default(WX_WXA_FLAVOR.RELEASE),
      rpmb_device: cNullableString('rpmb_device', 'RPMB device path for EMMC devices, or null').default(null),
      h265_only: z.boolean({ invalid_type_error: 'h265_only must be a boolean' }).default(false),
      video_landscape: z.boolean({ invalid_type_error: 'video_landscape must be a boolean' }).default(false),
      subscribe_video_length: integer('subscribe_video_length')
        .refine((n) => (SUBSCRIBE_VIDEO_LENGTHS as readonly number[]).includes(n), {
          message: 'subscribe_video_length must be 0 (adaptive), 320, 480 or 640 (long edge of the incoming video)',
        })
        .default(0),
      subscribe_video_rotation: integer('subscribe_video_rotation').default(0),
      subscribe_video_ratio: integer('subscribe_video_ratio')
        .nonnegative('subscribe_video_ratio must be 0 (unset) or width/height×100, e.g. 75 for 240x320')
        .default(0),
      subscribe_video_maxfps: integer('subscribe_video_maxfps')
        .refine((n) => n === 0 || (n >= SUBSCRIBE_VIDEO_FPS_RANGE.min && n <= SUBSCRIBE_VIDEO_FPS_RANGE.max), {
          message: 'subscribe_video_maxfps must be 0 (unset) or an integer from 5 to 15',
        })
        .default(0),
    },
    { required_error: 'wx_init needs a wx_init_config_t', invalid_type_error: 'wx_init_config_t must be an object' },
  )
  .strict('wx_init_config_t has no such field: use the C field names (data_dir, device_id, model_id, wxa_appid, wxa_flavor, …)')
  .superRefine((config, ctx) => {
    if (config.subscribe_video_length === 640 && config.video_landscape) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['subscribe_video_length'],
        message: 'subscribe_video_length 640 only works with video_landscape=false (it gives 480x640): use 320, or set video_landscape to false',
      });
    }
  });
/** A parsed `wx_init_config_t`: every field present. */
export type WxInitConfig = z.infer<typeof WxInitConfig>;
/** A `wx_init_config_t` as written: zero-valued fields may be omitted. */
export type WxInitConfigInput = z.input<typeof WxInitConfig>;

/** Whether a parsed config asks for an upright incoming stream (`subscribe_video_rotation === 1`). */
export function subscribesUprightVideo(config: Pick<WxInitConfig, 'subscribe_video_rotation'>): boolean {
  return config.subscribe_video_rotation === 1;
}
