import { z } from 'zod';
import { cString, deviceIdField } from './cFields.js';
import { WX_CAMERA_STATUS, WxCameraStatus } from './wxSessionType.js';

/**
 * The device itself as a call member (`self_member` on Linux, `caller` in RTOS `wx_cloudvoip_client_call`):
 * `name` must be `""` because WeChat shows the user-authorized device name instead, `id` is the SN from init
 * (D §1.5, §2.1). `camera_status` defaults to open.
 */
export const WxDeviceMember = z.object(
  {
    name: z
      .literal('', { errorMap: () => ({ message: 'name must be "" for the device member: WeChat shows the authorized device name instead' }) })
      .default(''),
    id: deviceIdField('id'),
    camera_status: WxCameraStatus.default(WX_CAMERA_STATUS.OPEN),
  },
  { required_error: 'the device member { name: "", id: <SN>, camera_status } is required' },
);
/** The device as a call member. */
export type WxDeviceMember = z.infer<typeof WxDeviceMember>;
/** The device as a call member, as written. */
export type WxDeviceMemberInput = z.input<typeof WxDeviceMember>;

/**
 * The WeChat user as a call member (`callee` of `wx_voip_session_call` / `wx_cloudvoip_client_call`): `name` is
 * the nickname shown on the device (may be empty), `id` the user's openId under the appId the device registered
 * with (D §1.5, §2.1). `camera_status` says whether the phone camera starts on; defaults to open.
 */
export const WxUserMember = z.object(
  {
    name: z.string({ invalid_type_error: 'name must be a string (the nickname shown on the device)' }).default(''),
    id: cString('id', "the user's openId under the device's appId"),
    camera_status: WxCameraStatus.default(WX_CAMERA_STATUS.OPEN),
  },
  { required_error: 'the callee { name, id: <openId>, camera_status } is required' },
);
/** The WeChat user as a call member. */
export type WxUserMember = z.infer<typeof WxUserMember>;
/** The WeChat user as a call member, as written. */
export type WxUserMemberInput = z.input<typeof WxUserMember>;
