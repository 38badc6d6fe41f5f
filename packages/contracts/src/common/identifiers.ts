import { z } from 'zod';

/** The wmpf-voip plugin's provider appId, as declared in `app.json` (`provider: "wxf830863afde621eb"`). */
export const PLUGIN_APPID = 'wxf830863afde621eb';

/** Largest documented SN length, in bytes (D §0.3). */
export const SN_MAX_BYTES = 128;

/**
 * A device serial number (`sn` / `device_id`): 1–128 bytes of `[0-9A-Za-z_-]` (D §0.3).
 *
 * @example
 * Sn.parse('SN_0001-kitchen'); // ok
 * Sn.parse('sn with spaces');   // ZodError: "sn may only contain [0-9A-Za-z_-] …"
 */
export const Sn = z
  .string({ required_error: 'sn is required' })
  .min(1, 'sn must not be empty')
  .max(SN_MAX_BYTES, `sn must be at most ${SN_MAX_BYTES} bytes (WeChat's SN rule)`)
  .regex(/^[0-9A-Za-z_-]+$/, 'sn may only contain [0-9A-Za-z_-] (WeChat\'s SN rule)');
/** A device serial number. */
export type Sn = z.infer<typeof Sn>;

/**
 * A mini program AppID. WeChat AppIDs are `wx` followed by 16 hex digits; the mock accepts any non-empty
 * id of letters and digits so that tests may use readable ids, and documents that choice (ADR 0002).
 */
export const AppId = z.string().min(1, 'appId must not be empty').regex(/^[0-9A-Za-z_-]+$/, 'appId may only contain [0-9A-Za-z_-]');
/** A mini program AppID. */
export type AppId = z.infer<typeof AppId>;

/** A user's openid for one mini program (it differs per mini program). */
export const OpenId = z.string().min(1, 'openId must not be empty');
/** A user's openid for one mini program. */
export type OpenId = z.infer<typeof OpenId>;

/** A device model id assigned after onboarding; one model id covers many SNs. */
export const ModelId = z.string().min(1, 'modelId must not be empty');
/** A device model id. */
export type ModelId = z.infer<typeof ModelId>;

/** The id of one call room (legacy alias `groupId`; not the device-group `group_id`). */
export const RoomId = z.string().min(1, 'roomId must not be empty');
/** The id of one call room. */
export type RoomId = z.infer<typeof RoomId>;

/** The kind of call: audio only or audio and video. */
export const RoomType = z.enum(['voice', 'video'], {
  errorMap: () => ({ message: "roomType must be 'voice' or 'video'" }),
});
/** The kind of call. */
export type RoomType = z.infer<typeof RoomType>;
