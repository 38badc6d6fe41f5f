import { z } from 'zod';
import { WechatDeviceRef, WechatModelId, wechatDeviceList } from './deviceRef.js';
import { GROUP_DEFAULT_MAX_DEVICE_COUNT, GROUP_EXPANDED_MAX_DEVICE_COUNT, GROUP_NAME_MAX_BYTES } from './serverApiLimits.js';
import { utf8ByteLength } from './utf8ByteLength.js';
import { WechatOkBody, wechatResponse } from './wechatErrorBody.js';

/** A device-group id returned by `createid` (D §0.3); not a call's roomId. */
export const WechatGroupId = z
  .string({ required_error: 'group_id is required', invalid_type_error: 'group_id must be a string' })
  .min(1, 'group_id must not be empty: pass the id createid returned');
/** A device-group id. */
export type WechatGroupId = z.infer<typeof WechatGroupId>;

const GroupDeviceList = wechatDeviceList(
  WechatDeviceRef,
  GROUP_EXPANDED_MAX_DEVICE_COUNT,
  `a group holds at most ${GROUP_DEFAULT_MAX_DEVICE_COUNT} devices, ${GROUP_EXPANDED_MAX_DEVICE_COUNT} after expand (D §8)`,
);

/** One device's outcome in an `adddevice`/`removedevice` answer: `{ model_id, sn, errcode }` (D §4.7, §4.8). */
export const WechatDeviceResult = WechatDeviceRef.extend({ errcode: z.number().int('errcode must be an integer') });
/** One device's outcome in a group membership answer. */
export type WechatDeviceResult = z.infer<typeof WechatDeviceResult>;

/**
 * Body of `POST /wxa/business/group/createid` (createIotGroupId, D §4.5): `group_name` is 1–32 UTF-8 bytes and can
 * never change.
 *
 * @example
 * CreateIotGroupIdRequest.parse({ model_id: 'model-abc', group_name: '一年级三班' });
 */
export const CreateIotGroupIdRequest = z.object({
  model_id: WechatModelId,
  group_name: z
    .string({ required_error: 'group_name is required', invalid_type_error: 'group_name must be a string' })
    .refine((name) => utf8ByteLength(name) >= 1 && utf8ByteLength(name) <= GROUP_NAME_MAX_BYTES, {
      message: `group_name must be 1 to ${GROUP_NAME_MAX_BYTES} bytes in UTF-8 (a Chinese character takes 3): shorten it`,
    }),
});
/** Body of `POST /wxa/business/group/createid`. */
export type CreateIotGroupIdRequest = z.infer<typeof CreateIotGroupIdRequest>;

/** Success of `createid`: the new `group_id`, which the developer must store (no list API exists). */
export const CreateIotGroupIdSuccess = WechatOkBody.extend({ group_id: WechatGroupId });
/** Success of `createid`. */
export type CreateIotGroupIdSuccess = z.infer<typeof CreateIotGroupIdSuccess>;
/** HTTP 200 body of `POST /wxa/business/group/createid`. */
export const CreateIotGroupIdResponse = wechatResponse(CreateIotGroupIdSuccess);
/** HTTP 200 body of `POST /wxa/business/group/createid`. */
export type CreateIotGroupIdResponse = z.infer<typeof CreateIotGroupIdResponse>;

/** Body of `POST /wxa/business/group/getinfo` (getIotGroupInfo, D §4.6). */
export const GetIotGroupInfoRequest = z.object({ group_id: WechatGroupId });
/** Body of `POST /wxa/business/group/getinfo`. */
export type GetIotGroupInfoRequest = z.infer<typeof GetIotGroupInfoRequest>;

/**
 * Success of `getinfo` (D §4.6). `max_device_count` (50, or 200 after expand) is seen in real answers but not in the
 * reference, so it is optional ([D-community], ADR 0006).
 */
export const GetIotGroupInfoSuccess = WechatOkBody.extend({
  group_name: z.string(),
  model_id: z.string(),
  model_type: z.string(),
  device_list: z.array(WechatDeviceRef),
  max_device_count: z
    .union([z.literal(GROUP_DEFAULT_MAX_DEVICE_COUNT), z.literal(GROUP_EXPANDED_MAX_DEVICE_COUNT)], {
      errorMap: () => ({ message: `max_device_count must be ${GROUP_DEFAULT_MAX_DEVICE_COUNT} or ${GROUP_EXPANDED_MAX_DEVICE_COUNT}` }),
    })
    .optional(),
});
/** Success of `getinfo`. */
export type GetIotGroupInfoSuccess = z.infer<typeof GetIotGroupInfoSuccess>;
/** HTTP 200 body of `POST /wxa/business/group/getinfo`. */
export const GetIotGroupInfoResponse = wechatResponse(GetIotGroupInfoSuccess);
/** HTTP 200 body of `POST /wxa/business/group/getinfo`. */
export type GetIotGroupInfoResponse = z.infer<typeof GetIotGroupInfoResponse>;

/**
 * Body of `POST /wxa/business/group/adddevice` (addIotGroupDevice, D §4.7). `force_add: true` moves a device out
 * of its current group (which withdraws that group's authorizations for it); left out, it means false.
 *
 * @example
 * AddIotGroupDeviceRequest.parse({ group_id: 'G1', device_list: [{ model_id: 'model-abc', sn: 'SN_0001' }], force_add: true });
 */
export const AddIotGroupDeviceRequest = z.object({
  group_id: WechatGroupId,
  device_list: GroupDeviceList,
  force_add: z.boolean({ invalid_type_error: 'force_add must be a boolean' }).optional(),
});
/** Body of `POST /wxa/business/group/adddevice`. */
export type AddIotGroupDeviceRequest = z.infer<typeof AddIotGroupDeviceRequest>;

/** Success of `adddevice` and `removedevice`: one `{ model_id, sn, errcode }` per device sent. */
export const GroupDeviceResultSuccess = WechatOkBody.extend({ device_list: z.array(WechatDeviceResult) });
/** Success of `adddevice` and `removedevice`. */
export type GroupDeviceResultSuccess = z.infer<typeof GroupDeviceResultSuccess>;

/** Success of `adddevice` (D §4.7). */
export const AddIotGroupDeviceSuccess = GroupDeviceResultSuccess;
/** Success of `adddevice`. */
export type AddIotGroupDeviceSuccess = z.infer<typeof AddIotGroupDeviceSuccess>;
/** HTTP 200 body of `POST /wxa/business/group/adddevice`. */
export const AddIotGroupDeviceResponse = wechatResponse(AddIotGroupDeviceSuccess);
/** HTTP 200 body of `POST /wxa/business/group/adddevice`. */
export type AddIotGroupDeviceResponse = z.infer<typeof AddIotGroupDeviceResponse>;

/** Body of `POST /wxa/business/group/removedevice` (removeIotGroupDevice, D §4.8). */
export const RemoveIotGroupDeviceRequest = z.object({ group_id: WechatGroupId, device_list: GroupDeviceList });
/** Body of `POST /wxa/business/group/removedevice`. */
export type RemoveIotGroupDeviceRequest = z.infer<typeof RemoveIotGroupDeviceRequest>;

/** Success of `removedevice` (D §4.8). */
export const RemoveIotGroupDeviceSuccess = GroupDeviceResultSuccess;
/** Success of `removedevice`. */
export type RemoveIotGroupDeviceSuccess = z.infer<typeof RemoveIotGroupDeviceSuccess>;
/** HTTP 200 body of `POST /wxa/business/group/removedevice`. */
export const RemoveIotGroupDeviceResponse = wechatResponse(RemoveIotGroupDeviceSuccess);
/** HTTP 200 body of `POST /wxa/business/group/removedevice`. */
export type RemoveIotGroupDeviceResponse = z.infer<typeof RemoveIotGroupDeviceResponse>;

const placeName = (field: string): z.ZodString =>
  z
    .string({ required_error: `${field} is required`, invalid_type_error: `${field} must be a string` })
    .min(1, `${field} must not be empty: WeChat expands only groups tied to a concrete place`);

/**
 * Body of `POST /wxa/business/group/expand` (expandGroup, D §4.9): `max_device_count` must be 200, the only size a
 * group can grow to; `province_name`/`city_name` locate the place the group serves.
 *
 * @example
 * ExpandGroupRequest.parse({ group_id: 'G1', max_device_count: 200, province_name: '广东省', city_name: '深圳市' });
 */
export const ExpandGroupRequest = z.object({
  group_id: WechatGroupId,
  max_device_count: z.literal(GROUP_EXPANDED_MAX_DEVICE_COUNT, {
    errorMap: () => ({ message: `max_device_count must be ${GROUP_EXPANDED_MAX_DEVICE_COUNT}: it is the only size a group can expand to` }),
  }),
  province_name: placeName('province_name'),
  city_name: placeName('city_name'),
});
/** Body of `POST /wxa/business/group/expand`. */
export type ExpandGroupRequest = z.infer<typeof ExpandGroupRequest>;

/** Success of `expand`: `{ errcode: 0, errmsg, group_id }` (D §4.9). */
export const ExpandGroupSuccess = WechatOkBody.extend({ group_id: WechatGroupId });
/** Success of `expand`. */
export type ExpandGroupSuccess = z.infer<typeof ExpandGroupSuccess>;
/** HTTP 200 body of `POST /wxa/business/group/expand`. */
export const ExpandGroupResponse = wechatResponse(ExpandGroupSuccess);
/** HTTP 200 body of `POST /wxa/business/group/expand`. */
export type ExpandGroupResponse = z.infer<typeof ExpandGroupResponse>;
