import { AUTHORIZATION_ERRORS } from './authorizationErrors.js';
import { BACKEND_ERRORS } from './backendErrors.js';
import { DEVICE_SDK_ERRORS } from './deviceSdkErrors.js';
import type { ErrorDomain, ErrorEntry } from './errorEntry.js';
import { HARDWARE_API_ERRORS } from './hardwareApiErrors.js';
import { PLUGIN_ERRORS } from './pluginErrors.js';
import { PLUGIN_EVENT_ERRORS } from './pluginEventErrors.js';
import { SERVER_API_ERRORS } from './serverApiErrors.js';
import { WMPF_ERRORS } from './wmpfErrors.js';

/** Freezes every entry and the array itself, keeping the literal types. */
function freezeEntries<const T extends readonly ErrorEntry[]>(entries: T): T {
  for (const entry of entries) Object.freeze(entry);
  return Object.freeze(entries);
}

/**
 * The one error catalogue: every error code and errMsg literal of P §6 and D §4, §7, §10.3, frozen.
 * A key is unique in the whole catalogue; a code is unique per domain. docs/errors.md is generated from it.
 *
 * @example
 * ERROR_CATALOGUE.filter((e) => e.domain === 'backend').map((e) => e.code); // [1, 2, 3, 4, 5, 7, ...]
 */
export const ERROR_CATALOGUE = freezeEntries([
  ...BACKEND_ERRORS,
  ...PLUGIN_ERRORS,
  ...PLUGIN_EVENT_ERRORS,
  ...DEVICE_SDK_ERRORS,
  ...SERVER_API_ERRORS,
  ...HARDWARE_API_ERRORS,
  ...AUTHORIZATION_ERRORS,
  ...WMPF_ERRORS,
] as const satisfies readonly ErrorEntry[]);

/** One entry of the catalogue, with its literal types. */
export type CatalogueEntry = (typeof ERROR_CATALOGUE)[number];

/** The catalogue entry of one key. */
export type ErrorEntryByKey<K extends CatalogueEntry['key']> = Extract<CatalogueEntry, { key: K }>;

/** Every catalogue entry of one domain. */
export type ErrorEntryInDomain<D extends ErrorDomain> = Extract<CatalogueEntry, { domain: D }>;

/** The codes of one domain, as a union of number literals. */
export type ErrorCodeOf<D extends ErrorDomain> = ErrorEntryInDomain<D>['code'];

/** The keys of one domain. */
export type ErrorKeyOf<D extends ErrorDomain> = ErrorEntryInDomain<D>['key'];

/** VoIP backend errCode (P §6.2, D §7.1). */
export type BackendErrCode = ErrorCodeOf<'backend'>;
/** wmpf-voip plugin errCode (P §6.3, D §7.2). */
export type PluginErrCode = ErrorCodeOf<'plugin'>;
/** Device SDK `wx_error_t` value (D §7.3). */
export type DeviceSdkErrCode = ErrorCodeOf<'device-sdk'>;
/** api.weixin.qq.com errcode (D §4, §7.4). */
export type ServerApiErrCode = ErrorCodeOf<'server-api'>;
/** wx.requestDeviceVoIP failure code (D §7.5). */
export type AuthorizationErrCode = ErrorCodeOf<'authorization'>;
/** WMPF registration code (D §7.6). */
export type WmpfRegistrationErrCode = ErrorCodeOf<'wmpf-registration'>;
/** WMPF runtime code (P §9.8). */
export type WmpfRuntimeErrCode = ErrorCodeOf<'wmpf-runtime'>;
/** Plugin event errMsg literal (P §6.4). */
export type PluginEventErrMsg = ErrorEntryInDomain<'plugin-event'>['message'];
/** The keys that are raised as `VoipError`s: backend and plugin codes. */
export type VoipErrorKey = ErrorKeyOf<'backend' | 'plugin'>;
/** The keys whose code can appear as `errcode` in a `{ errcode, errmsg }` server body: server API and backend codes. */
export type WechatErrorKey = ErrorKeyOf<'server-api' | 'backend'>;
/** The keys of the device SDK `wx_error_t` names, e.g. `WXERROR_INVALID_ARGUMENT`. */
export type DeviceSdkErrorKey = ErrorKeyOf<'device-sdk'>;
