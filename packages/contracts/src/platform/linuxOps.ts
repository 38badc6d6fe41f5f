import { z } from 'zod';
import { OpenId, RoomId, RoomType } from '../common/identifiers.js';
import { WxHangupReason } from '../device/index.js';
import { CameraStatus } from '../plugin-api/index.js';

/**
 * Body of `linuxSessionCall`: `wx_voip_session_new` + `wx_voip_session_call` (D §1.5). `roomType` is the
 * session type (audio only → `voice`, audio+video → `video`); `callee.id` is the user's openId under the appId
 * the device registered with; `callee.name` is the name the device shows; `self.cameraStatus` is the device's
 * `self_member.camera_status`.
 *
 * @example
 * LinuxSessionCallBody.parse({ roomType: 'video', callee: { id: 'openid-alice', cameraStatus: 0 }, self: { cameraStatus: 0 } });
 */
export const LinuxSessionCallBody = z.object({
  roomType: RoomType,
  callee: z.object({
    id: OpenId,
    name: z.string().optional(),
    cameraStatus: CameraStatus.default(0),
  }),
  self: z.object({ cameraStatus: CameraStatus.default(0) }).default({}),
});
/** Body of `linuxSessionCall`. */
export type LinuxSessionCallBody = z.infer<typeof LinuxSessionCallBody>;
/** Body of `linuxSessionCall` before defaults. */
export type LinuxSessionCallBodyInput = z.input<typeof LinuxSessionCallBody>;

/**
 * Body of `linuxListenerJoin`: `wx_voip_listener_join(session, roomId)` (D §1.2), the Linux device answering a
 * phone's `callDevice` after the developer relayed `roomId` over its own channel.
 */
export const LinuxListenerJoinBody = z.object({
  roomId: RoomId,
  cameraStatus: CameraStatus.default(0),
});
/** Body of `linuxListenerJoin`. */
export type LinuxListenerJoinBody = z.infer<typeof LinuxListenerJoinBody>;
/** `LinuxListenerJoinBody` as written, before defaults are applied. */
export type LinuxListenerJoinBodyInput = z.input<typeof LinuxListenerJoinBody>;

/**
 * Body of `linuxListenerHangup`: `wx_voip_listener_hangup(roomId, reason)` (D §1.2): refuse, or report busy,
 * before a session exists. [I] `busy` is a flag because the SDK's hang-up reasons have no busy value.
 */
export const LinuxListenerHangupBody = z.object({
  roomId: RoomId,
  reason: WxHangupReason,
  busy: z.boolean().default(false),
});
/** Body of `linuxListenerHangup`. */
export type LinuxListenerHangupBody = z.infer<typeof LinuxListenerHangupBody>;
/** `LinuxListenerHangupBody` as written, before defaults are applied. */
export type LinuxListenerHangupBodyInput = z.input<typeof LinuxListenerHangupBody>;
