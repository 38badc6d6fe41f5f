import type {
  CALL_PAGE_PATH,
  BindVoipAdminContactRequest,
  CallDeviceRequestInput,
  CallDeviceResult,
  CallPartyInput,
  CallWmpfRequestInput,
  CallWmpfResult,
  CustomQuery,
  DeleteVoipBindContactRequest,
  FacePayContactResult,
  GetBindContactPathRequest,
  GetBindContactPathResult,
  GetIotBindContactListRequest,
  GetIotBindContactListResult,
  GetVoipBindContactListRequest,
  GetVoipBindContactListResult,
  InitByCallerResult,
  MiniprogramState,
  PluginEnterOptions,
  PluginOnloadOptions,
  RegistrationMode,
  RoomType,
  SetUIConfigRequestInput,
  SetVoipEndPagePathRequestInput,
  TimeLimit,
  TranserAdminRequest,
  VoipEvent,
  VoipEventListener,
  VoipEventUnsubscribe,
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
export interface WmpfVoip<R extends DeviceRegistrationKnowledge = 'unknown'> {
  /** Starts a call and creates its room (P §3): argument errors throw, backend errors resolve `isSuccess: false`. */
  initByCaller(req: InitByCallerRequestFor<R>): Promise<InitByCallerResult>;
  /** Phone calls an Android WMPF device (P §4.1, ≥ 2.4.0, WeChat client only); throws a `VoipError` on failure. */
  callWMPF(req: CallWmpfRequestInput): Promise<CallWmpfResult>;
  /** Phone calls a Linux or RTOS device (P §4.2, ≥ 2.4.0, WeChat client only); throws a `VoipError` on failure. */
  callDevice(req: CallDeviceRequestInput): Promise<CallDeviceResult>;
  /** Ends the current call, or only room `roomId` (≥ 2.3.2); a non-matching roomId is ignored (P §5.1). */
  forceHangUpVoip(roomId?: string): void;
  /** Subscribes to call events (P §5.2, §7); returns the function that removes the listener (works from 2.3.10). */
  onVoipEvent(listener: VoipEventListener<VoipEvent>): VoipEventUnsubscribe;
  /** Configures the call page; set it before the call starts (P §5.3). */
  setUIConfig(config: SetUIConfigRequestInput): void;
  /** Label of the custom button a WeChat-client listener sees once the call started (P §5.4). */
  setCustomBtnText(btnText: string): void;
  /** Page opened when a call (`'Call'`) or contact binding (`'BindContact'`) ends (P §5.5). */
  setVoipEndPagePath(req: SetVoipEndPagePathRequestInput): void;
  /** Enter options when the mini program was entered through the plugin page (P §5.6). */
  getPluginEnterOptions(): PluginEnterOptions;
  /** `onLoad` query of the call page (P §5.6, ≥ 2.2.3); read it after `callPageOnShow`. */
  getPluginOnloadOptions(): PluginOnloadOptions;
  /** Which of these users authorized the device (P §5.7). */
  getIotBindContactList(req: GetIotBindContactListRequest): Promise<GetIotBindContactListResult>;
  /** Path of the call page (P §1, ≥ 2.3.9): `wx.redirectTo({ url: wmpfVoip.CALL_PAGE_PATH })`. */
  readonly CALL_PAGE_PATH: typeof CALL_PAGE_PATH;
  /** Campus face-pay: bind the current user as admin contact of `userId` (P §5.8). */
  bindVoipAdminContact(req: BindVoipAdminContactRequest): Promise<FacePayContactResult>;
  /** Campus face-pay: the share path for binding contacts (P §5.8). */
  getBindContactPath(req: GetBindContactPathRequest): Promise<GetBindContactPathResult>;
  /** Campus face-pay: the contacts of `userId` (P §5.8). */
  getVoipBindContactList(req: GetVoipBindContactListRequest): Promise<GetVoipBindContactListResult>;
  /** Campus face-pay: delete contacts (admin only); the return value is undocumented (P §5.8, §12.17). */
  deleteVoipBindContact(req: DeleteVoipBindContactRequest): FacePayContactResult;
  /** Campus face-pay: hand the admin role over (WeChat's spelling); the return value is undocumented (P §5.8, §12.17). */
  transerAdmin(req: TranserAdminRequest): FacePayContactResult;
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
