import { z } from 'zod';
import { cString, deviceIdField, payloadField, wxaAppIdField } from './cFields.js';
import { WxHangupReason } from './wxHangupReason.js';
import { WxCloudVoipSessionType } from './wxSessionType.js';

/** `WX_CLOUDVOIP_LISTENER_TAG`: the tag of the server SDK's listener struct (D §2.4). */
export const WX_CLOUDVOIP_LISTENER_TAG = 0xf00001;

/**
 * The server SDK's `wx_init`: only the data directory (no appid or model id) (D §2.4). The server SDK is a
 * singleton: one call per process.
 */
export const WxCloudVoipServerInitConfig = z
  .object({ data_dir: cString('data_dir', 'the server SDK data directory') })
  .strict('the server SDK wx_init takes data_dir only');
/** The server SDK's `wx_init` configuration. */
export type WxCloudVoipServerInitConfig = z.infer<typeof WxCloudVoipServerInitConfig>;

const serverToken = () => cString('server_token', 'the ServerToken of the iot_voip_notify callback');

/**
 * Data arguments of `wx_cloudvoip_session_join(type, listener, user_data, wxa_appid, device_id, model_id,
 * server_token, payload, &session)`: the vendor cloud joins a call its device started with `client_call`
 * (D §2.2, §2.4). `listener` and `user_data` are not data.
 */
export const WxCloudVoipSessionJoinParams = z
  .object({
    type: WxCloudVoipSessionType,
    wxa_appid: wxaAppIdField(),
    device_id: deviceIdField(),
    model_id: cString('model_id', 'the calling device model'),
    server_token: serverToken(),
    payload: payloadField(),
  })
  .strict('wx_cloudvoip_session_join data is type, wxa_appid, device_id, model_id, server_token and payload');
/** Data arguments of `wx_cloudvoip_session_join`. */
export type WxCloudVoipSessionJoinParams = z.infer<typeof WxCloudVoipSessionJoinParams>;
/** Data arguments of `wx_cloudvoip_session_join`, as written. */
export type WxCloudVoipSessionJoinParamsInput = z.input<typeof WxCloudVoipSessionJoinParams>;

/**
 * Data arguments of `wx_cloudvoip_session_cloud_call_join(type, listener, user_data, wxa_appid, server_token,
 * roomid, session_key, payload, &session)`: answer a phone→RTOS call, or join a call started by the server API
 * `wxa/business/iot/voip/call` (D §2.4, §2.5). `roomid`, `session_key` and `server_token` come from `iot_voip_notify`.
 */
export const WxCloudVoipCloudCallJoinParams = z
  .object({
    type: WxCloudVoipSessionType,
    wxa_appid: wxaAppIdField(),
    server_token: serverToken(),
    roomid: cString('roomid', 'the RoomId of the iot_voip_notify callback'),
    session_key: cString('session_key', 'the SessionKey of the iot_voip_notify callback'),
    payload: payloadField(),
  })
  .strict('wx_cloudvoip_session_cloud_call_join data is type, wxa_appid, server_token, roomid, session_key and payload');
/** Data arguments of `wx_cloudvoip_session_cloud_call_join`. */
export type WxCloudVoipCloudCallJoinParams = z.infer<typeof WxCloudVoipCloudCallJoinParams>;
/** Data arguments of `wx_cloudvoip_session_cloud_call_join`, as written. */
export type WxCloudVoipCloudCallJoinParamsInput = z.input<typeof WxCloudVoipCloudCallJoinParams>;

/** The data argument of `wx_cloudvoip_session_hangup(session, reason)`: hang up after connect (D §2.4). */
export const WxCloudVoipSessionHangupParams = z.object({ reason: WxHangupReason }).strict('wx_cloudvoip_session_hangup data is reason only');
/** Data argument of `wx_cloudvoip_session_hangup`. */
export type WxCloudVoipSessionHangupParams = z.infer<typeof WxCloudVoipSessionHangupParams>;

/**
 * Arguments of `wx_cloudvoip_listener_hangup(wxa_appid, device_id, model_id, server_token, payload, reason)`: the
 * vendor cloud refuses or reports busy, as callee, before any session exists (phone→RTOS, D §2.4, §2.5).
 */
export const WxCloudVoipListenerHangupParams = z
  .object({
    wxa_appid: wxaAppIdField(),
    device_id: deviceIdField(),
    model_id: cString('model_id', 'the called device model'),
    server_token: serverToken(),
    payload: payloadField(),
    reason: WxHangupReason,
  })
  .strict('wx_cloudvoip_listener_hangup takes wxa_appid, device_id, model_id, server_token, payload and reason');
/** Arguments of `wx_cloudvoip_listener_hangup`. */
export type WxCloudVoipListenerHangupParams = z.infer<typeof WxCloudVoipListenerHangupParams>;
/** Arguments of `wx_cloudvoip_listener_hangup`, as written. */
export type WxCloudVoipListenerHangupParamsInput = z.input<typeof WxCloudVoipListenerHangupParams>;

/**
 * The data argument of `wx_cloudvoip_session_set_remote_bandwidth(session, kbps)` (D §2.4). The range is not
 * documented; we require a positive integer [I].
 */
export const WxCloudVoipRemoteBandwidthParams = z
  .object({
    kbps: z
      .number({ required_error: 'kbps is required', invalid_type_error: 'kbps must be a number' })
      .int('kbps must be a whole number of kilobits per second')
      .positive('kbps must be greater than 0'),
  })
  .strict('wx_cloudvoip_session_set_remote_bandwidth data is kbps only');
/** Data argument of `wx_cloudvoip_session_set_remote_bandwidth`. */
export type WxCloudVoipRemoteBandwidthParams = z.infer<typeof WxCloudVoipRemoteBandwidthParams>;
