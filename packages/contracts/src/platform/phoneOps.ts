import { z } from 'zod';
import { ModelId, Sn } from '../common/identifiers.js';

/** Longest `deviceName` the authorization dialog accepts, in characters (D §5.1). */
export const DEVICE_NAME_MAX_CHARS = 13;

/** Authorize one device: `wx.requestDeviceVoIP({ sn, snTicket, modelId, deviceName })` (D §5.1). */
export const RequestDeviceVoipDevice = z.object({
  isGroup: z.literal(false).optional(),
  sn: Sn,
  snTicket: z.string({ required_error: 'snTicket is required: the backend fetches it with getsnticket' }).min(1, 'snTicket must not be empty'),
  modelId: ModelId,
  deviceName: z
    .string({ required_error: 'deviceName is required: the dialog shows "deviceName + model type"' })
    .min(1, 'deviceName must not be empty')
    .refine((name) => [...name].length <= DEVICE_NAME_MAX_CHARS, `deviceName must be at most ${DEVICE_NAME_MAX_CHARS} characters (authorization dialog limit)`),
});
/** Authorize one device. */
export type RequestDeviceVoipDevice = z.infer<typeof RequestDeviceVoipDevice>;

/** Authorize a device group: `wx.requestDeviceVoIP({ isGroup: true, groupId })` (base library ≥ 2.30.4, D §5.1). */
export const RequestDeviceVoipGroup = z.object({
  isGroup: z.literal(true),
  groupId: z.string({ required_error: 'groupId is required when isGroup is true' }).min(1, 'groupId must not be empty'),
});
/** Authorize a device group. */
export type RequestDeviceVoipGroup = z.infer<typeof RequestDeviceVoipGroup>;

/**
 * Body of `wxRequestDeviceVoip`: the phone-side `wx.requestDeviceVoIP` of the plugin simulator's fake `wx`.
 * What the user answers in the dialog is set beforehand through the control API (user `dialogDecision`).
 * Failures come back as refusals with the documented codes: 10001 already authorized, 10021 rejected or
 * switched off, −12001 invalid scope, 1001 parameter error (D §5.1, §7.5).
 *
 * @example
 * RequestDeviceVoipArgs.parse({ sn: 'SN-LINUX-0001', snTicket: 't', modelId: 'model-linux-doorbell', deviceName: 'Front door' });
 */
export const RequestDeviceVoipArgs = z.discriminatedUnion('isGroup', [RequestDeviceVoipDevice, RequestDeviceVoipGroup], {
  errorMap: (issue, ctx) =>
    issue.code === z.ZodIssueCode.invalid_union_discriminator
      ? { message: 'isGroup must be true (authorize a group) or absent/false (authorize one device)' }
      : { message: ctx.defaultError },
});
/** Body of `wxRequestDeviceVoip`. */
export type RequestDeviceVoipArgs = z.infer<typeof RequestDeviceVoipArgs>;

/**
 * One entry of `wx.getDeviceVoIPList()` (D §5.3): a device (`sn`, `model_id`) or a group (`group_id`), with
 * `status` 1 authorized or 0 not.
 */
export const DeviceVoipListItem = z.object({
  sn: Sn.optional(),
  model_id: ModelId.optional(),
  group_id: z.string().min(1).optional(),
  status: z.union([z.literal(0), z.literal(1)]),
});
/** One entry of `wx.getDeviceVoIPList()`. */
export type DeviceVoipListItem = z.infer<typeof DeviceVoipListItem>;

/** Data of `wxGetDeviceVoipList`: `res.list` of `wx.getDeviceVoIPList()` for the party's user (D §5.3). */
export const DeviceVoipListData = z.object({ list: z.array(DeviceVoipListItem) });
/** Data of `wxGetDeviceVoipList`. */
export type DeviceVoipListData = z.infer<typeof DeviceVoipListData>;
