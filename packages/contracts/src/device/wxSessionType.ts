import { z } from 'zod';
import type { RoomType } from '../common/identifiers.js';

/**
 * Cloud session / room type (`WX_CLOUDVOIP_SESSION_VIDEO = 0`, `WX_CLOUDVOIP_SESSION_AUDIO = 1`), used by
 * `wx_cloudvoip_client_call` and the server SDK joins (D §2.1, §2.4).
 */
export const WX_CLOUDVOIP_SESSION_TYPE = {
  /** `WX_CLOUDVOIP_SESSION_VIDEO`: audio and video. */
  VIDEO: 0,
  /** `WX_CLOUDVOIP_SESSION_AUDIO`: audio only. */
  AUDIO: 1,
} as const;

/** A cloud session type number: 0 video, 1 audio. */
export const WxCloudVoipSessionType = z.nativeEnum(WX_CLOUDVOIP_SESSION_TYPE, {
  errorMap: () => ({ message: 'room_type must be 0 (WX_CLOUDVOIP_SESSION_VIDEO) or 1 (WX_CLOUDVOIP_SESSION_AUDIO)' }),
});
/** A cloud session type number. */
export type WxCloudVoipSessionType = z.infer<typeof WxCloudVoipSessionType>;

/**
 * Linux `wx_voip_session_type_t`: audio only, or audio and video (D §1.5). The Linux header is unpublished
 * (D §9.3); we reuse the cloud numbering [I] (`WX_VOIP_SESSION_VIDEO = 0`, `WX_VOIP_SESSION_AUDIO = 1`).
 */
export const WX_VOIP_SESSION_TYPE = {
  /** `WX_VOIP_SESSION_VIDEO` [I name and value]: audio and video. */
  VIDEO: 0,
  /** `WX_VOIP_SESSION_AUDIO` [I name and value]: audio only. */
  AUDIO: 1,
} as const;

/** A Linux session type number: 0 video, 1 audio [I]. */
export const WxVoipSessionType = z.nativeEnum(WX_VOIP_SESSION_TYPE, {
  errorMap: () => ({ message: 'session_type must be 0 (video) or 1 (audio only)' }),
});
/** A Linux session type number. */
export type WxVoipSessionType = z.infer<typeof WxVoipSessionType>;

/** The only documented session scene: `wx_voip_session_new` must be given `WX_VOIP_SESSION_SCENE_IOT` (D §1.5). */
export const WX_VOIP_SESSION_SCENE_IOT = 'WX_VOIP_SESSION_SCENE_IOT';

/**
 * Whether a member's camera is on at call start: `OPEN = 0`, `CLOSE = 1` (RTOS header, D §2.1; the same
 * numbers as the plugin's `cameraStatus`). C names: `WX_VOIP_MEMBER_CAMERA_STATUS_<NAME>` [I prefix].
 */
export const WX_CAMERA_STATUS = {
  /** Camera on at call start. */
  OPEN: 0,
  /** Camera off at call start. */
  CLOSE: 1,
} as const;

/** A camera status number: 0 open, 1 closed. */
export const WxCameraStatus = z.nativeEnum(WX_CAMERA_STATUS, {
  errorMap: () => ({ message: 'camera_status must be 0 (OPEN) or 1 (CLOSE)' }),
});
/** A camera status number. */
export type WxCameraStatus = z.infer<typeof WxCameraStatus>;

/**
 * The session type for a plugin `roomType`: `'video'` → `VIDEO`, `'voice'` → `AUDIO`. The numbering is the same
 * for Linux and cloud sessions here, so one helper serves both.
 *
 * @example
 * sessionTypeOf('voice'); // 1
 */
export function sessionTypeOf(roomType: RoomType): WxCloudVoipSessionType {
  return roomType === 'video' ? WX_CLOUDVOIP_SESSION_TYPE.VIDEO : WX_CLOUDVOIP_SESSION_TYPE.AUDIO;
}

/** The plugin `roomType` of a session type number. @example roomTypeOf(0); // 'video' */
export function roomTypeOf(sessionType: WxCloudVoipSessionType): RoomType {
  return sessionType === WX_CLOUDVOIP_SESSION_TYPE.VIDEO ? 'video' : 'voice';
}
