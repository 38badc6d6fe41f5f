import { z } from 'zod';

/**
 * Where the plugin runs (P §1): `'wechat'` = the WeChat client on the phone, `'wmpf'` = WMPF on an Android
 * device (detected there by `typeof wmpf !== 'undefined'`).
 */
export const PluginHost = z.enum(['wechat', 'wmpf'], {
  errorMap: () => ({ message: "host must be 'wechat' (WeChat client on the phone) or 'wmpf' (WMPF on an Android device)" }),
});
/** Where the plugin runs. */
export type PluginHost = z.infer<typeof PluginHost>;
