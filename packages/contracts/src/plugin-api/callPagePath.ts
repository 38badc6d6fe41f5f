import { PLUGIN_APPID } from '../common/identifiers.js';

/**
 * Path of the plugin's call page, exported by the plugin as `CALL_PAGE_PATH` from 2.3.9 on (P §1).
 * Older plugins do not export it; use this literal value with them.
 *
 * @example
 * wx.redirectTo({ url: CALL_PAGE_PATH });
 */
export const CALL_PAGE_PATH = `plugin-private://${PLUGIN_APPID}/pages/call-page-plugin/call-page-plugin` as const;

/** Path of the `camera-device` component (plugin ≥ 2.4.6), used in `usingComponents` (P §2, §5.9). */
export const CAMERA_DEVICE_COMPONENT_PATH = `plugin-private://${PLUGIN_APPID}/publicComponents/camera-device/camera-device` as const;
