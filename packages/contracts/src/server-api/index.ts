/**
 * The emulated WeChat server APIs (`api.weixin.qq.com` hardware routes): request and response schemas, the ts-rest
 * router, each route's documented errcodes, and the mapping from validation issues to WeChat error bodies.
 */
export { WechatAccessTokenQuery } from './access-token-query.js';
export {
  AccessTokenSuccess,
  GetAccessTokenQuery,
  GetAccessTokenResponse,
  GetStableAccessTokenRequest,
  GetStableAccessTokenResponse,
} from './access-token.js';
export {
  AddIotGroupDeviceRequest,
  AddIotGroupDeviceResponse,
  AddIotGroupDeviceSuccess,
  CreateIotGroupIdRequest,
  CreateIotGroupIdResponse,
  CreateIotGroupIdSuccess,
  ExpandGroupRequest,
  ExpandGroupResponse,
  ExpandGroupSuccess,
  GetIotGroupInfoRequest,
  GetIotGroupInfoResponse,
  GetIotGroupInfoSuccess,
  GroupDeviceResultSuccess,
  RemoveIotGroupDeviceRequest,
  RemoveIotGroupDeviceResponse,
  RemoveIotGroupDeviceSuccess,
  WechatDeviceResult,
  WechatGroupId,
} from './device-group.js';
export {
  DeviceMessageLang,
  DeviceMessageMiniprogramState,
  SendHardwareDeviceMessageRequest,
  SendHardwareDeviceMessageResponse,
  SendHardwareDeviceMessageSuccess,
} from './device-message.js';
export { WechatDeviceRef, WechatModelId, wechatDeviceList } from './device-ref.js';
export { IotVoipCallRequest, IotVoipCallResponse, IotVoipCallSuccess } from './iot-voip-call.js';
export {
  ActiveLicenseDeviceRequest,
  ActiveLicenseDeviceResponse,
  ActiveLicenseDeviceSuccess,
  GetLicenseDeviceInfoRequest,
  GetLicenseDeviceInfoResponse,
  GetLicenseDeviceInfoSuccess,
  GetLicensePkgListRequest,
  GetLicensePkgListResponse,
  GetLicensePkgListSuccess,
  LicenseActivation,
  LicensePkg,
  LicensePkgType,
} from './license.js';
export {
  ACCESS_TOKEN_EXPIRES_IN,
  GROUP_DEFAULT_MAX_DEVICE_COUNT,
  GROUP_EXPANDED_MAX_DEVICE_COUNT,
  GROUP_NAME_MAX_BYTES,
  LICENSE_ACTIVE_NUMBER_MAX,
  LICENSE_MAX_DEVICES_PER_CALL,
  LICENSE_PKG_TYPE_MAX,
  LICENSE_STUB_EXPIRE_TIME,
  PUSH_APP_MSG_MAX_BYTES,
  SN_TICKET_TTL_SECONDS,
} from './server-api-limits.js';
export { GetSnTicketRequest, GetSnTicketResponse, GetSnTicketSuccess } from './sn-ticket.js';
export { utf8ByteLength } from './utf8-byte-length.js';
export { wechatApiContract } from './wechat-api-contract.js';
export { WechatErrorBody, WechatOkBody, wechatResponse } from './wechat-error-body.js';
export {
  WECHAT_POST_ERRCODES,
  WECHAT_TOKEN_ERRCODES,
  WECHAT_VOIP_BACKEND_ERRCODES,
  wechatRouteErrcodes,
} from './wechat-route-errcodes.js';
export { toWechatValidationError, wechatValidationRules } from './wechat-validation-error.js';
export {
  AddRuntimeDeviceRequest,
  AddRuntimeDeviceResponse,
  AddRuntimeDeviceSuccess,
  PushAppMsgRequest,
  PushAppMsgResponse,
  PushAppMsgSuccess,
} from './wmpf-runtime.js';

export type { GetStableAccessTokenRequestInput } from './access-token.js';
export type { SendHardwareDeviceMessageRequestInput } from './device-message.js';
export type { WechatApiContract, WechatRouteKey } from './wechat-api-contract.js';
export type { WechatIssueRule, WechatValidationRules } from './wechat-validation-error.js';
