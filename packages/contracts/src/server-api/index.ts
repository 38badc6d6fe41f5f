/**
 * The emulated WeChat server APIs (`api.weixin.qq.com` hardware routes): request and response schemas, the ts-rest
 * router, each route's documented errcodes, and the mapping from validation issues to WeChat error bodies.
 */
export { WechatAccessTokenQuery } from './accessTokenQuery.js';
export {
  AccessTokenSuccess,
  GetAccessTokenQuery,
  GetAccessTokenResponse,
  GetStableAccessTokenRequest,
  GetStableAccessTokenResponse,
} from './accessToken.js';
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
} from './deviceGroup.js';
export {
  DeviceMessageLang,
  DeviceMessageMiniprogramState,
  SendHardwareDeviceMessageRequest,
  SendHardwareDeviceMessageResponse,
  SendHardwareDeviceMessageSuccess,
} from './deviceMessage.js';
export { WechatDeviceRef, WechatModelId, wechatDeviceList } from './deviceRef.js';
export { IotVoipCallRequest, IotVoipCallResponse, IotVoipCallSuccess } from './iotVoipCall.js';
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
} from './serverApiLimits.js';
export { GetSnTicketRequest, GetSnTicketResponse, GetSnTicketSuccess } from './snTicket.js';
export { utf8ByteLength } from './utf8ByteLength.js';
export { wechatApiContract } from './wechatApiContract.js';
export { WechatErrorBody, WechatOkBody, wechatResponse } from './wechatErrorBody.js';
export {
  WECHAT_POST_ERRCODES,
  WECHAT_TOKEN_ERRCODES,
  WECHAT_VOIP_BACKEND_ERRCODES,
  wechatRouteErrcodes,
} from './wechatRouteErrcodes.js';
export { toWechatValidationError, wechatValidationRules } from './wechatValidationError.js';
export {
  AddRuntimeDeviceRequest,
  AddRuntimeDeviceResponse,
  AddRuntimeDeviceSuccess,
  PushAppMsgRequest,
  PushAppMsgResponse,
  PushAppMsgSuccess,
} from './wmpfRuntime.js';

export type { GetStableAccessTokenRequestInput } from './accessToken.js';
export type { SendHardwareDeviceMessageRequestInput } from './deviceMessage.js';
export type { WechatApiContract, WechatRouteKey } from './wechatApiContract.js';
export type { WechatIssueRule, WechatValidationRules } from './wechatValidationError.js';
