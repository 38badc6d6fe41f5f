/**
 * The `wmpf-voip` plugin API (P §2–§5, §11): zod schemas, inferred types and defaults for the arguments
 * and results of every plugin export, the businessType rules, and the plugin version table.
 */
export { ENV_VERSION_BY_MINIPROGRAM_STATE, EnvVersion, MiniprogramState, WMPF_APP_TYPE_BY_ENV_VERSION } from './buildVersion.js';
export { BUSINESS_TYPES, BusinessType } from './businessType.js';
export { CallDeviceRequest } from './callDeviceRequest.js';
export { CALL_PAGE_PATH, CAMERA_DEVICE_COMPONENT_PATH } from './callPagePath.js';
export { CallParty, CameraStatus } from './callParty.js';
export { CallDeviceResult, CallWmpfResult } from './callResult.js';
export { CallWmpfRequest } from './callWmpfRequest.js';
export { ChargeType } from './chargeType.js';
export { CustomBtnText } from './customBtnText.js';
export { CustomQuery, queryStringField } from './customQuery.js';
export { EncodeVideoFixedLength, EncodeVideoMaxFPS, EncodeVideoRatio, EncodeVideoRotation, encodeVideoFields } from './encodeVideo.js';
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
} from './facePayContacts.js';
export { ForceHangUpVoipRequest } from './forceHangUpVoipRequest.js';
export {
  checkInitByCallerContext,
  checkVoipTokenForRegistration,
  InitByCallerContext,
  initByCallerRequestFor,
  RegistrationMode,
} from './initByCallerContext.js';
export { checkInitByCallerRequest, InitByCallerRequest } from './initByCallerRequest.js';
export { InitByCallerFailure, InitByCallerResult, InitByCallerSuccess, makeInitByCallerFailure } from './initByCallerResult.js';
export { INIT_BY_CALLER_RULES } from './initByCallerRules.js';
export { ContactStatus, GetIotBindContactListRequest, GetIotBindContactListResult, IotBindContact } from './iotBindContactList.js';
export { PageQuery, PluginEnterOptions, PluginOnloadOptions } from './pluginEnterOptions.js';
export { isAvailableIn, PLUGIN_FEATURES, unavailableFeaturesIn } from './pluginFeatures.js';
export { PluginHost } from './pluginHost.js';
export { pluginInterfaces, undocumentedPluginNames } from './pluginInterfaces.js';
export { assertPluginVersion, compareVersions, LATEST_PLUGIN_VERSION, OLDEST_CHANGELOG_VERSION, PluginVersion } from './pluginVersion.js';
export { CustomBoxHeight, SetUIConfigRequest } from './setUiConfigRequest.js';
export { EndPageKey, RouteType, SetVoipEndPagePathRequest } from './setVoipEndPagePathRequest.js';
export { TimeLimit } from './timeLimit.js';
export { CameraRotation, ObjectFit, UIConfig } from './uiConfig.js';
export { VoipErrorLike } from './voipErrorLike.js';

export type { BusinessTypeInfo, PartyIdKind, VoipTokenKind } from './businessType.js';
export type { CallDeviceRequestInput } from './callDeviceRequest.js';
export type { CallPartyInput } from './callParty.js';
export type { CallWmpfRequestInput } from './callWmpfRequest.js';
export type { InitByCallerRequestInput } from './initByCallerRequest.js';
export type { InitByCallerRule, InitByCallerRuleIssue } from './initByCallerRules.js';
export type { OlderPluginBehaviour, PluginFeature, PluginFeatureKey, PluginFeatureKind, SinceBasis } from './pluginFeatures.js';
export type { PluginInterfaceName, UndocumentedPluginName } from './pluginInterfaces.js';
export type { SetUIConfigRequestInput } from './setUiConfigRequest.js';
export type { SetVoipEndPagePathRequestInput } from './setVoipEndPagePathRequest.js';
export type { UIConfigInput } from './uiConfig.js';
export type { OnVoipEvent, VoipEventListener, VoipEventUnsubscribe } from './voipEventListener.js';
export type { WmpfVoipPlugin } from './wmpfVoipPlugin.js';
