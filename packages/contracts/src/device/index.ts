/**
 * Device SDK vocabulary: the Linux SDK's `wx_init_config_t`, session types, listener statuses, hang-up reasons,
 * `wx_error_t`, the RTOS client calls with their negated backend codes, and the cloud server SDK's arguments
 * (D §1, §2, §7.3). Field and constant names follow the C headers so they stay searchable.
 */
export { WX_ERROR, WxErrorCode, wxErrorCName, wxErrorName } from './wxError.js';
export { RTOS_SN_TICKET_INVALID, RtosReturnCode, fromRtosCode, toRtosCode } from './rtosCode.js';
export { WX_VOIP_STATUS, WX_VOIP_TERMINAL_STATUSES, WxVoipStatus, wxVoipStatusName } from './wxVoipStatus.js';
export { WX_HANGUP_REASON, WxHangupReason } from './wxHangupReason.js';
export {
  WX_CAMERA_STATUS,
  WX_CLOUDVOIP_SESSION_TYPE,
  WX_VOIP_SESSION_SCENE_IOT,
  WX_VOIP_SESSION_TYPE,
  WxCameraStatus,
  WxCloudVoipSessionType,
  WxVoipSessionType,
  roomTypeOf,
  sessionTypeOf,
} from './wxSessionType.js';
export { WX_WXA_FLAVOR, WxWxaFlavor } from './wxaFlavor.js';
export {
  SUBSCRIBE_VIDEO_FPS_RANGE,
  SUBSCRIBE_VIDEO_LENGTHS,
  WX_INIT_CONFIG_TAG,
  WxInitConfig,
  subscribesUprightVideo,
} from './wxInitConfig.js';
export { WX_LOG_LEVEL, WxCloudVoipConfig, WxLogLevel } from './wxCloudvoipConfig.js';
export { WxDeviceMember, WxUserMember } from './wxMember.js';
export { WxCloudVoipClientCallParams, WxCloudVoipClientJoinParams } from './wxCloudvoipClient.js';
export {
  WxVoipListenerHangupParams,
  WxVoipListenerJoinParams,
  WxVoipSessionCallParams,
  WxVoipSessionNewParams,
} from './wxVoipSession.js';
export {
  WX_CLOUDVOIP_LISTENER_TAG,
  WxCloudVoipCloudCallJoinParams,
  WxCloudVoipListenerHangupParams,
  WxCloudVoipRemoteBandwidthParams,
  WxCloudVoipServerInitConfig,
  WxCloudVoipSessionHangupParams,
  WxCloudVoipSessionJoinParams,
} from './wxCloudvoipServer.js';

export type { WxErrorName } from './wxError.js';
export type { WxVoipStatusName } from './wxVoipStatus.js';
export type { WxHangupReasonName } from './wxHangupReason.js';
export type { WxInitConfigInput } from './wxInitConfig.js';
export type { WxCloudVoipConfigInput } from './wxCloudvoipConfig.js';
export type { WxDeviceMemberInput, WxUserMemberInput } from './wxMember.js';
export type { WxCloudVoipClientCallParamsInput, WxCloudVoipClientJoinParamsInput } from './wxCloudvoipClient.js';
export type { WxVoipSessionCallParamsInput, WxVoipSessionNewParamsInput } from './wxVoipSession.js';
export type {
  WxCloudVoipCloudCallJoinParamsInput,
  WxCloudVoipListenerHangupParamsInput,
  WxCloudVoipSessionJoinParamsInput,
} from './wxCloudvoipServer.js';
