import type { CALL_PAGE_PATH } from './callPagePath.js';
import type { CallDeviceRequestInput } from './callDeviceRequest.js';
import type { CallDeviceResult, CallWmpfResult } from './callResult.js';
import type { CallWmpfRequestInput } from './callWmpfRequest.js';
import type {
  BindVoipAdminContactRequest,
  DeleteVoipBindContactRequest,
  FacePayContactResult,
  GetBindContactPathRequest,
  GetBindContactPathResult,
  GetVoipBindContactListRequest,
  GetVoipBindContactListResult,
  TranserAdminRequest,
} from './facePayContacts.js';
import type { InitByCallerRequestInput } from './initByCallerRequest.js';
import type { InitByCallerResult } from './initByCallerResult.js';
import type { GetIotBindContactListRequest, GetIotBindContactListResult } from './iotBindContactList.js';
import type { PluginEnterOptions, PluginOnloadOptions } from './pluginEnterOptions.js';
import type { SetUIConfigRequestInput } from './setUiConfigRequest.js';
import type { SetVoipEndPagePathRequestInput } from './setVoipEndPagePathRequest.js';
import type { VoipEventListener, VoipEventUnsubscribe } from './voipEventListener.js';

/**
 * The type of `requirePlugin('wmpf-voip').default` at the latest plugin version (P §2): every documented
 * export and nothing else. `TEvent` is the `onVoipEvent` event type (`unknown` unless the events module's
 * type is given). Arguments are the caller-side (input) types; results the resolved shapes.
 */
export interface WmpfVoipPlugin<TEvent = unknown> {
  /** Starts a call and creates a room (P §3); argument errors throw, backend errors resolve `isSuccess: false`. */
  initByCaller(req: InitByCallerRequestInput): Promise<InitByCallerResult>;
  /** Phone calls an Android WMPF device (P §4.1, ≥ 2.4.0); throws on failure. */
  callWMPF(req: CallWmpfRequestInput): Promise<CallWmpfResult>;
  /** Phone calls a Linux or RTOS device (P §4.2, ≥ 2.4.0); throws on failure. */
  callDevice(req: CallDeviceRequestInput): Promise<CallDeviceResult>;
  /** Ends the current call, or only room `roomId` (P §5.1). */
  forceHangUpVoip(roomId?: string): void;
  /** Subscribes to call events; returns the unsubscribe function (P §5.2). */
  onVoipEvent(listener: VoipEventListener<TEvent>): VoipEventUnsubscribe;
  /** Configures the call page before the call starts (P §5.3). */
  setUIConfig(config: SetUIConfigRequestInput): void;
  /** Adds a custom button for a WeChat-client listener (P §5.4). */
  setCustomBtnText(btnText: string): void;
  /** Sets the page opened when a call or contact binding ends (P §5.5). */
  setVoipEndPagePath(req: SetVoipEndPagePathRequestInput): void;
  /** Enter options of a launch through the plugin page (P §5.6). */
  getPluginEnterOptions(): PluginEnterOptions;
  /** `onLoad` query of the call page (P §5.6, ≥ 2.2.3). */
  getPluginOnloadOptions(): PluginOnloadOptions;
  /** Which users authorized a device (P §5.7). */
  getIotBindContactList(req: GetIotBindContactListRequest): Promise<GetIotBindContactListResult>;
  /** Path of the call page (P §1, ≥ 2.3.9). */
  readonly CALL_PAGE_PATH: typeof CALL_PAGE_PATH;
  /** Campus face-pay: bind the current user as admin contact (P §5.8). */
  bindVoipAdminContact(req: BindVoipAdminContactRequest): Promise<FacePayContactResult>;
  /** Campus face-pay: share path for binding contacts (P §5.8). */
  getBindContactPath(req: GetBindContactPathRequest): Promise<GetBindContactPathResult>;
  /** Campus face-pay: list a user's contacts (P §5.8). */
  getVoipBindContactList(req: GetVoipBindContactListRequest): Promise<GetVoipBindContactListResult>;
  /** Campus face-pay: delete contacts; whether it returns a promise is undocumented (P §5.8, §12.17). */
  deleteVoipBindContact(req: DeleteVoipBindContactRequest): FacePayContactResult;
  /** Campus face-pay: hand over the admin role (WeChat's spelling); return undocumented (P §5.8, §12.17). */
  transerAdmin(req: TranserAdminRequest): FacePayContactResult;
}
