import type {
  CallPartyInput,
  CustomQuery,
  InitByCallerResult,
  MiniprogramState,
  RegistrationMode,
  RoomType,
  TimeLimit,
  VoipEvent,
  WmpfVoipPlugin,
} from '@wxvoip/contracts';

/** The fields every `initByCaller` request has, whatever its businessType (P §3.1). */
export interface InitByCallerCommonFields {
  /** Call kind: `'voice'` or `'video'`. */
  roomType: RoomType;
  /** The calling party; what `id` holds depends on `businessType` (P §3.3). */
  caller: CallPartyInput;
  /** The called party; what `id` holds depends on `businessType` (P §3.3). */
  listener: CallPartyInput;
  /** Build the listener opens from the reminder; ignored for release callers since plugin 2.1.8. Default `'formal'`. */
  miniprogramState?: MiniprogramState;
  /** `a=1&b=2`, appended to the listener's call page path (read it with `getPluginOnloadOptions`). */
  customQuery?: CustomQuery;
  /** Maximum talk time in seconds, > 0 (plugin ≥ 2.3.8). */
  timeLimit?: TimeLimit;
}

/**
 * `initByCaller` for businessType 1 (Android WMPF device calls phone WeChat) on a device registered with WMPF
 * `registerMiniProgramDevice`: `voipToken` must be absent, WMPF fetches the deviceToken itself (P §3.3, plugin ≥ 2.3.0).
 */
export interface InitByCallerWmpfRegisteredDevice extends InitByCallerCommonFields {
  /** Device calls phone. */
  businessType: 1;
  /** Must not be passed for a WMPF-registered device. */
  voipToken?: never;
}

/**
 * `initByCaller` for businessType 1 on a device registered with the device-auth SDK: `voipToken` is its
 * deviceToken from `getDeviceToken()` (P §3.3).
 */
export interface InitByCallerDeviceAuthSdkDevice extends InitByCallerCommonFields {
  /** Device calls phone. */
  businessType: 1;
  /** The device's deviceToken. */
  voipToken: string;
}

/** `initByCaller` for businessType 2 (phone WeChat calls an Android WMPF device): `voipToken` is its pushToken (P §3.3). */
export interface InitByCallerPhoneCallsWmpf extends InitByCallerCommonFields {
  /** Phone calls device. */
  businessType: 2;
  /** The called device's WMPF pushToken. */
  voipToken: string;
}

/**
 * `initByCaller` for the campus face-pay modes (P §3.3): businessType 0 (the default!, duration billing) or 3
 * (license billing, plugin ≥ 2.3.8); `voipToken` is the face-pay flow's voip_token.
 */
export interface InitByCallerFacePay extends InitByCallerCommonFields {
  /** 0 (default) or 3. */
  businessType?: 0 | 3;
  /** The voip_token of the WeChat Pay face-pay flow. */
  voipToken: string;
}

/**
 * How the calling device was registered, as far as the types know it: `'wmpf'`, `'deviceAuthSdk'`, or `'unknown'`
 * (both businessType 1 shapes are accepted).
 */
export type DeviceRegistrationKnowledge = RegistrationMode | 'unknown';

/**
 * The `initByCaller` request, one shape per businessType (P §3.3), narrowed by what is known about the calling
 * device's registration: with `'wmpf'` a businessType 1 call must not carry `voipToken`; with `'deviceAuthSdk'`
 * it must.
 *
 * @example
 * const req: InitByCallerRequestFor<'wmpf'> = { roomType: 'video', businessType: 1, caller: { id: 'SN-WMPF-0001' }, listener: { id: 'openid-alice' } };
 */
export type InitByCallerRequestFor<R extends DeviceRegistrationKnowledge = 'unknown'> =
  | InitByCallerFacePay
  | InitByCallerPhoneCallsWmpf
  | (R extends 'wmpf' ? InitByCallerWmpfRegisteredDevice : R extends 'deviceAuthSdk' ? InitByCallerDeviceAuthSdkDevice : InitByCallerWmpfRegisteredDevice | InitByCallerDeviceAuthSdkDevice);

/**
 * The type of `requirePlugin('wmpf-voip').default`, the real plugin at its latest version 2.4.6 (P §2): every
 * documented export, with the contract's argument and result types and the typed `onVoipEvent` events. Use it with
 * `import type` in a mini program. `R` narrows the businessType 1 `voipToken` rule to the device's registration.
 *
 * @example
 * import type { WmpfVoip } from '@wxvoip/plugin';
 * const wmpfVoip: WmpfVoip = requirePlugin('wmpf-voip').default;
 * const { roomId } = await wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
 */
export interface WmpfVoip<R extends DeviceRegistrationKnowledge = 'unknown'> extends Omit<WmpfVoipPlugin<VoipEvent>, 'initByCaller'> {
  /** Starts a call and creates its room (P §3): argument errors throw, backend errors resolve `isSuccess: false`. */
  initByCaller(req: InitByCallerRequestFor<R>): Promise<InitByCallerResult>;
}

/**
 * What `requirePlugin('wmpf-voip')` returns: the plugin is its `default` export (P §1).
 *
 * @example
 * const wmpfVoip = (requirePlugin('wmpf-voip') as WmpfVoipModule).default;
 */
export interface WmpfVoipModule<R extends DeviceRegistrationKnowledge = 'unknown'> {
  /** The plugin. */
  readonly default: WmpfVoip<R>;
}
