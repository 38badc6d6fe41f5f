/**
 * The `wmpf-voip` plugin API (P §2–§5, §11): zod schemas, inferred types and defaults for the arguments
 * and results of every plugin export, the businessType rules, and the plugin version table.
 */
export { ENV_VERSION_BY_MINIPROGRAM_STATE, EnvVersion, MiniprogramState, WMPF_APP_TYPE_BY_ENV_VERSION } from './build-version.js';
export { BUSINESS_TYPES, BusinessType } from './business-type.js';
export { CallDeviceRequest } from './call-device-request.js';
export { CALL_PAGE_PATH, CAMERA_DEVICE_COMPONENT_PATH } from './call-page-path.js';
export { CallParty, CameraStatus } from './call-party.js';
export { CallDeviceResult, CallWmpfResult } from './call-result.js';
export { CallWmpfRequest } from './call-wmpf-request.js';
export { ChargeType } from './charge-type.js';
export { CustomBtnText } from './custom-btn-text.js';
export { CustomQuery, queryStringField } from './custom-query.js';
export { EncodeVideoFixedLength, EncodeVideoMaxFPS, EncodeVideoRatio, EncodeVideoRotation, encodeVideoFields } from './encode-video.js';
export {
  BindVoipAdminContactRequest,
  DeleteVoipBindContactRequest,
  FacePayContactResult,
  FacePayUserId,
  GetBindContactPathRequest,
  GetBindContactPathResult,
  GetVoipBindContactListRequest,
  GetVoipBindContactListResult,
  TranserAdminRequest,
  VoipBindContact,
} from './face-pay-contacts.js';
export { ForceHangUpVoipRequest } from './force-hang-up-voip-request.js';
export {
  checkInitByCallerContext,
  checkVoipTokenForRegistration,
  InitByCallerContext,
  initByCallerRequestFor,
  RegistrationMode,
} from './init-by-caller-context.js';
export { checkInitByCallerRequest, InitByCallerRequest } from './init-by-caller-request.js';
export { InitByCallerFailure, InitByCallerResult, InitByCallerSuccess, makeInitByCallerFailure } from './init-by-caller-result.js';
export { INIT_BY_CALLER_RULES } from './init-by-caller-rules.js';
export { ContactStatus, GetIotBindContactListRequest, GetIotBindContactListResult, IotBindContact } from './iot-bind-contact-list.js';
export { PageQuery, PluginEnterOptions, PluginOnloadOptions } from './plugin-enter-options.js';
export { isAvailableIn, PLUGIN_FEATURES, unavailableFeaturesIn } from './plugin-features.js';
export { PluginHost } from './plugin-host.js';
export { pluginInterfaces, undocumentedPluginNames } from './plugin-interfaces.js';
export { assertPluginVersion, compareVersions, LATEST_PLUGIN_VERSION, OLDEST_CHANGELOG_VERSION, PluginVersion } from './plugin-version.js';
export { CustomBoxHeight, SetUIConfigRequest } from './set-ui-config-request.js';
export { EndPageKey, RouteType, SetVoipEndPagePathRequest } from './set-voip-end-page-path-request.js';
export { TimeLimit } from './time-limit.js';
export { CameraRotation, ObjectFit, UIConfig } from './ui-config.js';
export { VoipErrorLike } from './voip-error-like.js';

export type { BusinessTypeInfo, PartyIdKind, VoipTokenKind } from './business-type.js';
export type { CallDeviceRequestInput } from './call-device-request.js';
export type { CallPartyInput } from './call-party.js';
export type { CallWmpfRequestInput } from './call-wmpf-request.js';
export type { InitByCallerRequestInput } from './init-by-caller-request.js';
export type { InitByCallerRule, InitByCallerRuleIssue } from './init-by-caller-rules.js';
export type { OlderPluginBehaviour, PluginFeature, PluginFeatureKey, PluginFeatureKind, SinceBasis } from './plugin-features.js';
export type { PluginInterfaceName, UndocumentedPluginName } from './plugin-interfaces.js';
export type { SetUIConfigRequestInput } from './set-ui-config-request.js';
export type { SetVoipEndPagePathRequestInput } from './set-voip-end-page-path-request.js';
export type { UIConfigInput } from './ui-config.js';
export type { OnVoipEvent, VoipEventListener, VoipEventUnsubscribe } from './voip-event-listener.js';
export type { WmpfVoipPlugin } from './wmpf-voip-plugin.js';
