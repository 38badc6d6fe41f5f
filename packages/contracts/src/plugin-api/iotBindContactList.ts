import { z } from 'zod';
import { ModelId, OpenId, Sn } from '../common/identifiers.js';

/**
 * `getIotBindContactList(req)` argument (P §5.7): which of these users authorized this device?
 * Note the snake_case `model_id` and `openid_list`.
 *
 * @example
 * GetIotBindContactListRequest.parse({ sn: 'SN_0001', model_id: 'model-1', openid_list: ['o3x_openid'] });
 */
export const GetIotBindContactListRequest = z.object(
  {
    sn: Sn,
    model_id: ModelId,
    openid_list: z
      .array(OpenId, {
        required_error: 'openid_list is required: the openIds to check',
        invalid_type_error: 'openid_list must be an array of openIds',
      }),
  },
  {
    required_error: 'getIotBindContactList needs a request object',
    invalid_type_error: 'getIotBindContactList needs a request object like { sn, model_id, openid_list }',
  },
);
/** `getIotBindContactList` argument. */
export type GetIotBindContactListRequest = z.infer<typeof GetIotBindContactListRequest>;

/** Whether a user authorized the device: `1` authorized, `0` not (P §5.7). */
export const ContactStatus = z.union([z.literal(0), z.literal(1)], {
  errorMap: () => ({ message: 'status must be 1 (authorized) or 0 (not authorized)' }),
});
/** Whether a user authorized the device. */
export type ContactStatus = z.infer<typeof ContactStatus>;

/**
 * One entry of `contact_list`. [I] The item shape is ambiguous (P §12.10): the doc example shows
 * `{ sn, model_id, status }`, community code reads `openid`. Only `status` is required; the rest is optional.
 */
export const IotBindContact = z.object({
  status: ContactStatus,
  openid: OpenId.optional(),
  sn: Sn.optional(),
  model_id: ModelId.optional(),
});
/** One entry of `contact_list`. */
export type IotBindContact = z.infer<typeof IotBindContact>;

/** `getIotBindContactList` result (P §5.7). The meaning of non-zero `errcode` values is undocumented. */
export const GetIotBindContactListResult = z.object({
  errcode: z.number({ required_error: 'errcode is required' }).int('errcode must be an integer'),
  errmsg: z.string({ required_error: 'errmsg is required' }),
  contact_list: z.array(IotBindContact),
});
/** `getIotBindContactList` result. */
export type GetIotBindContactListResult = z.infer<typeof GetIotBindContactListResult>;
