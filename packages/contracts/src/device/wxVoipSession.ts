import { z } from 'zod';
import { cString } from './cFields.js';
import { WxHangupReason } from './wxHangupReason.js';
import { WxDeviceMember, WxUserMember } from './wxMember.js';
import { WxVoipSessionType } from './wxSessionType.js';

/**
 * The data arguments of Linux `wx_voip_session_new(session_type, scene, listener, user_data, self_member, config,
 * &session)` (D §1.5). `scene` is always `WX_VOIP_SESSION_SCENE_IOT`; `listener`, `user_data` and the camera
 * `config` (unpublished struct, `{0,0,0}` for audio only) are not data and are left out.
 */
export const WxVoipSessionNewParams = z
  .object({ session_type: WxVoipSessionType, self_member: WxDeviceMember })
  .strict('wx_voip_session_new data is session_type and self_member only');
/** Data arguments of `wx_voip_session_new`. */
export type WxVoipSessionNewParams = z.infer<typeof WxVoipSessionNewParams>;
/** Data arguments of `wx_voip_session_new`, as written. */
export type WxVoipSessionNewParamsInput = z.input<typeof WxVoipSessionNewParams>;

/** The data argument of Linux `wx_voip_session_call(session, callee)`: the WeChat user to ring (D §1.5). */
export const WxVoipSessionCallParams = z.object({ callee: WxUserMember }).strict('wx_voip_session_call data is callee only');
/** Data argument of `wx_voip_session_call`. */
export type WxVoipSessionCallParams = z.infer<typeof WxVoipSessionCallParams>;
/** Data argument of `wx_voip_session_call`, as written. */
export type WxVoipSessionCallParamsInput = z.input<typeof WxVoipSessionCallParams>;

/** The data argument of Linux `wx_voip_listener_join(session, roomid)`: join a phone-initiated call (D §1.2). */
export const WxVoipListenerJoinParams = z
  .object({ roomid: cString('roomid', 'the roomId relayed by the developer backend after callDevice') })
  .strict('wx_voip_listener_join data is roomid only');
/** Data argument of `wx_voip_listener_join`. */
export type WxVoipListenerJoinParams = z.infer<typeof WxVoipListenerJoinParams>;

/**
 * Arguments of Linux `wx_voip_listener_hangup(roomid, reason)`: refuse or report busy **before** a session exists
 * (D §1.2); after that, `wx_voip_session_hangup(session, reason)` is the way.
 */
export const WxVoipListenerHangupParams = z
  .object({ roomid: cString('roomid', 'the roomId of the call to refuse'), reason: WxHangupReason })
  .strict('wx_voip_listener_hangup takes roomid and reason only');
/** Arguments of `wx_voip_listener_hangup`. */
export type WxVoipListenerHangupParams = z.infer<typeof WxVoipListenerHangupParams>;
