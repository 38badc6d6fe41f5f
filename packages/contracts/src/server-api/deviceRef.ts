import { z } from 'zod';
import { Sn } from '../common/identifiers.js';

/** The snake_case `model_id` field of WeChat's server APIs: a non-empty model id (ADR 0002). */
export const WechatModelId = z
  .string({ required_error: 'model_id is required', invalid_type_error: 'model_id must be a string' })
  .min(1, 'model_id must not be empty: pass the model id from device onboarding');
/** The snake_case `model_id` field. */
export type WechatModelId = z.infer<typeof WechatModelId>;

/** One device as WeChat's group and license APIs name it: `{ model_id, sn }` (D §4.6–§4.11). */
export const WechatDeviceRef = z.object({ model_id: WechatModelId, sn: Sn });
/** One device as WeChat's group and license APIs name it. */
export type WechatDeviceRef = z.infer<typeof WechatDeviceRef>;

/**
 * A request's `device_list`: 1 to `max` items; the message says why the bound exists.
 *
 * @example
 * wechatDeviceList(WechatDeviceRef, 100, 'a license call names at most 100 devices (D §4.11)');
 */
export function wechatDeviceList<TItem extends z.ZodTypeAny>(item: TItem, max: number, why: string): z.ZodArray<TItem> {
  return z
    .array(item, { required_error: 'device_list is required', invalid_type_error: 'device_list must be an array of devices' })
    .min(1, 'device_list must name at least one device')
    .max(max, `device_list must name at most ${max} devices: ${why}`);
}
