/**
 * Device SDK vocabulary: the Linux SDK's `wx_init_config_t`, session types, listener statuses, hang-up reasons,
 * `wx_error_t`, the RTOS client calls with their negated backend codes, and the cloud server SDK's arguments
 * (D §1, §2, §7.3). Field and constant names follow the C headers so they stay searchable.
 */
export { WX_ERROR, WxErrorCode, wxErrorCName, wxErrorName } from './wx-error.js';
export { RTOS_SN_TICKET_INVALID, RtosReturnCode, fromRtosCode, toRtosCode } from './rtos-code.js';
export { WX_VOIP_STATUS, WX_VOIP_TERMINAL_STATUSES, WxVoipStatus, wxVoipStatusName } from './wx-voip-status.js';
export { WX_HANGUP_REASON, WxHangupReason } from './wx-hangup-reason.js';
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
} from './wx-session-type.js';
export { WX_WXA_FLAVOR, WxWxaFlavor } from './wxa-flavor.js';
export {
  SUBSCRIBE_VIDEO_FPS_RANGE,
  SUBSCRIBE_VIDEO_LENGTHS,
  WX_INIT_CONFIG_TAG,
  WxInitConfig,
  subscribesUprightVideo,
} from './wx-init-config.js';
export { WX_LOG_LEVEL, WxCloudVoipConfig, WxLogLevel } from './wx-cloudvoip-config.js';
export { WxDeviceMember, WxUserMember } from './wx-member.js';
export { WxCloudVoipClientCallParams, WxCloudVoipClientJoinParams } from './wx-cloudvoip-client.js';
export {
  WxVoipListenerHangupParams,
  WxVoipListenerJoinParams,
  WxVoipSessionCallParams,
  WxVoipSessionNewParams,
} from './wx-voip-session.js';
export {
  WX_CLOUDVOIP_LISTENER_TAG,
  WxCloudVoipCloudCallJoinParams,
  WxCloudVoipListenerHangupParams,
  WxCloudVoipRemoteBandwidthParams,
  WxCloudVoipServerInitConfig,
  WxCloudVoipSessionHangupParams,
  WxCloudVoipSessionJoinParams,
} from './wx-cloudvoip-server.js';

export type { WxErrorName } from './wx-error.js';
export type { WxVoipStatusName } from './wx-voip-status.js';
export type { WxHangupReasonName } from './wx-hangup-reason.js';
export type { WxInitConfigInput } from './wx-init-config.js';
export type { WxCloudVoipConfigInput } from './wx-cloudvoip-config.js';
export type { WxDeviceMemberInput, WxUserMemberInput } from './wx-member.js';
export type { WxCloudVoipClientCallParamsInput, WxCloudVoipClientJoinParamsInput } from './wx-cloudvoip-client.js';
export type { WxVoipSessionCallParamsInput, WxVoipSessionNewParamsInput } from './wx-voip-session.js';
export type {
  WxCloudVoipCloudCallJoinParamsInput,
  WxCloudVoipListenerHangupParamsInput,
  WxCloudVoipSessionJoinParamsInput,
} from './wx-cloudvoip-server.js';
