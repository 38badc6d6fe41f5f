import { z } from 'zod';
import { AppId, ModelId, RoomId, RoomType, Sn } from '../common/identifiers.js';
import { WxHangupReason } from '../device/index.js';
import { CallPayload } from './rtosOps.js';

const credential = (field: string, from: string) =>
  z.string({ required_error: `${field} is required: take it from ${from}` }).min(1, `${field} must not be empty: take it from ${from}`);

/**
 * Body of `cloudSessionJoin`: `wx_cloudvoip_session_join(type, …, wxa_appid, device_id, model_id, server_token,
 * payload)` (D §2.4): the vendor cloud joins a call its RTOS device started with `client_call`.
 */
export const CloudSessionJoinBody = z.object({
  roomType: RoomType,
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  serverToken: credential('serverToken', 'the iot_voip_notify callback (ServerToken)'),
  payload: CallPayload.optional(),
});
/** Body of `cloudSessionJoin`. */
export type CloudSessionJoinBody = z.infer<typeof CloudSessionJoinBody>;

/**
 * Body of `cloudCallJoin`: `wx_cloudvoip_session_cloud_call_join(type, …, wxa_appid, server_token, roomid,
 * session_key, payload)` (D §2.4, §2.5): answer a phone→RTOS call or a call started by `iot/voip/call`.
 */
export const CloudCallJoinBody = z.object({
  roomType: RoomType,
  appId: AppId,
  roomId: RoomId,
  serverToken: credential('serverToken', 'the iot_voip_notify callback (ServerToken)'),
  sessionKey: credential('sessionKey', 'the iot_voip_notify callback (SessionKey)'),
  payload: CallPayload.optional(),
});
/** Body of `cloudCallJoin`. */
export type CloudCallJoinBody = z.infer<typeof CloudCallJoinBody>;

/**
 * Body of `cloudListenerHangup`: `wx_cloudvoip_listener_hangup(wxa_appid, device_id, model_id, server_token,
 * payload, reason)` (D §2.4): reject, or report busy, as the callee before a session exists. The SDK names no
 * roomId: the serverToken identifies the call. [I] `busy` is a flag, as the reasons have no busy value.
 */
export const CloudListenerHangupBody = z.object({
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  serverToken: credential('serverToken', 'the iot_voip_notify callback (ServerToken)'),
  payload: CallPayload.optional(),
  reason: WxHangupReason,
  busy: z.boolean().default(false),
});
/** Body of `cloudListenerHangup`. */
export type CloudListenerHangupBody = z.infer<typeof CloudListenerHangupBody>;
/** `CloudListenerHangupBody` as written, before defaults are applied. */
export type CloudListenerHangupBodyInput = z.input<typeof CloudListenerHangupBody>;
