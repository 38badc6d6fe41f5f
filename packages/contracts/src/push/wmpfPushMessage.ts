import { z } from 'zod';
import { AppId } from '../common/identifiers.js';
import { WmpfAppType } from './wmpfAppType.js';
import { WmpfCallPagePath } from './wmpfCallPagePath.js';

/**
 * The push WeChat sends a WMPF device for `callWMPF` / `initByCaller({ businessType: 2 })`: a JSON string
 * `{ path, appType, appid }` (P §9.1, D §3.3). `path` is the plugin call page with the call's query (see
 * `buildWmpfCallPagePath`); the app launches it with `launchMiniProgram`, optionally adding `&isClickedHangOnBtn=1`.
 *
 * @example
 * WmpfPushMessage.parse(JSON.parse(pushMsg));
 */
export const WmpfPushMessage = z.object({
  path: z.string({ required_error: 'path is required (the plugin call page path)', invalid_type_error: 'path must be a string' }).superRefine((path, ctx) => {
    const result = WmpfCallPagePath.safeParse(path);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: z.ZodIssueCode.custom });
  }),
  appType: WmpfAppType,
  appid: AppId,
});
/** The WMPF call push message. */
export type WmpfPushMessage = z.infer<typeof WmpfPushMessage>;
