import type { DeviceVoipListItem } from '@wxvoip/contracts';

/** What every `wx` callback receives at least: `errMsg` such as `'requestDeviceVoIP:ok'` (the base library's `GeneralCallbackResult`). */
export interface WxGeneralCallbackResult {
  /** `'<api>:ok'` or `'<api>:fail <reason>'`. */
  errMsg: string;
}

/**
 * What the `fail` callback of `wx.requestDeviceVoIP` receives (D §5.1, §7.5): `errCode` 10001 (already authorized),
 * 10021 (rejected or switched off), 10008 (snTicket wrong), 10025 (group, undocumented) or −12001 (invalid scope);
 * a parameter error comes as `errno` 1001 instead.
 */
export interface RequestDeviceVoIPFailResult extends WxGeneralCallbackResult {
  /** The failure code, when the failure has one. */
  errCode?: number;
  /** Base-library errno (1001 = parameter error). */
  errno?: number;
}

/** The callbacks every callback-style `wx` API takes. */
export interface WxCallbacks<TSuccess, TFail = WxGeneralCallbackResult> {
  /** Called on success. */
  success?: (result: TSuccess) => void;
  /** Called on failure. */
  fail?: (result: TFail) => void;
  /** Called after success or fail. */
  complete?: (result: TSuccess | TFail) => void;
}

/**
 * `wx.requestDeviceVoIP(option)` for one device (D §5.1; base library ≥ 2.27.3): asks the user to authorize calls
 * with the device. `deviceName` is required (D §5.1; P §6.5, checked 2026-12 on the official API page) and at most 13
 * characters.
 */
export interface RequestDeviceVoIPDeviceOption extends WxCallbacks<WxGeneralCallbackResult, RequestDeviceVoIPFailResult> {
  /** Absent or false: one device. */
  isGroup?: false;
  /** Device SN. */
  sn: string;
  /** snTicket from the developer's server (`/wxa/getsnticket`, valid 5 minutes). */
  snTicket: string;
  /** Device modelId. */
  modelId: string;
  /** Name shown in the dialog (with the model type), at most 13 characters. */
  deviceName: string;
}

/** `wx.requestDeviceVoIP(option)` for a device group (D §5.1; base library ≥ 2.30.4). */
export interface RequestDeviceVoIPGroupOption extends WxCallbacks<WxGeneralCallbackResult, RequestDeviceVoIPFailResult> {
  /** A group. */
  isGroup: true;
  /** The group_id from `createIotGroupId`. */
  groupId: string;
}

/** The option of `wx.requestDeviceVoIP`: one device or a group. */
export type RequestDeviceVoIPOption = RequestDeviceVoIPDeviceOption | RequestDeviceVoIPGroupOption;

/** What the `success` callback of `wx.getDeviceVoIPList` receives (D §5.3). */
export interface GetDeviceVoIPListSuccessResult extends WxGeneralCallbackResult {
  /** One entry per device (`sn`, `model_id`) or group (`group_id`), with `status` 1 authorized or 0 not. */
  list: DeviceVoipListItem[];
}

/** The option of `wx.getDeviceVoIPList` (base library ≥ 2.30.3). */
export type GetDeviceVoIPListOption = WxCallbacks<GetDeviceVoIPListSuccessResult>;

/**
 * The VoIP members of `wx` on the phone (D §5.1, §5.3): callback style only, no Promise. Structurally compatible with
 * the same members of `miniprogram-api-typings` (`WechatMiniprogram.Wx`), so a fake can be merged into `global.wx`.
 */
export interface WxDeviceVoip {
  /** Asks the user to authorize VoIP calls with a device or group. */
  requestDeviceVoIP(option: RequestDeviceVoIPOption): void;
  /** Lists the devices and groups the current user authorized (or refused). */
  getDeviceVoIPList(option?: GetDeviceVoIPListOption): void;
}
