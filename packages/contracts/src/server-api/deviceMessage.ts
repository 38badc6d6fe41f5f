import { z } from 'zod';
import { Sn } from '../common/identifiers.js';
import { WechatOkBody, wechatResponse } from './wechatErrorBody.js';

const ModelIdValue = z.string({ invalid_type_error: 'modelId must be a string' }).min(1, 'modelId must not be empty');

/** `miniprogram_state` of a device message: which version of the mini program opens (D §4.4). */
export const DeviceMessageMiniprogramState = z.enum(['developer', 'trial', 'formal'], {
  errorMap: () => ({ message: "miniprogram_state must be 'developer', 'trial' or 'formal'" }),
});
/** `miniprogram_state` of a device message. */
export type DeviceMessageMiniprogramState = z.infer<typeof DeviceMessageMiniprogramState>;

/** `lang` of a device message (D §4.4). */
export const DeviceMessageLang = z.enum(['zh_CN', 'en_US', 'zh_HK', 'zh_TW'], {
  errorMap: () => ({ message: "lang must be one of 'zh_CN', 'en_US', 'zh_HK', 'zh_TW'" }),
});
/** `lang` of a device message. */
export type DeviceMessageLang = z.infer<typeof DeviceMessageLang>;

/**
 * Body of `POST /cgi-bin/message/device/subscribe/send` (sendHardwareDeviceMessage, D §4.4).
 *
 * The docs name the model field `modelId`, while callers report `model_id` works (D §9.9): both are accepted, at
 * least one is required and, when both are sent, they must be equal ([I], ADR 0006). `data` maps each template key
 * to `{ value }`. `miniprogram_state` defaults to `formal`.
 *
 * @example
 * SendHardwareDeviceMessageRequest.parse({
 *   template_id: 'TEMPLATE_ID', sn: 'SN_0001', modelId: 'model-abc', to_openid_list: ['o-alice'],
 *   data: { thing2: { value: '1' } }, lang: 'zh_CN',
 * });
 */
export const SendHardwareDeviceMessageRequest = z
  .object({
    template_id: z.string({ required_error: 'template_id is required' }).min(1, 'template_id must not be empty'),
    sn: Sn,
    page: z.string({ invalid_type_error: 'page must be a string (a page path with query)' }).optional(),
    to_openid_list: z
      .array(z.string().min(1, 'to_openid_list items must be non-empty openids'), {
        required_error: 'to_openid_list is required',
        invalid_type_error: 'to_openid_list must be an array of openids',
      })
      .min(1, 'to_openid_list must name at least one openid'),
    miniprogram_state: DeviceMessageMiniprogramState.default('formal'),
    modelId: ModelIdValue.optional(),
    model_id: ModelIdValue.optional(),
    data: z.record(
      z.string(),
      z.object({ value: z.string({ required_error: 'data.<key>.value is required', invalid_type_error: 'data.<key>.value must be a string' }) }),
      { required_error: 'data is required', invalid_type_error: 'data must be an object of { value } per template key' },
    ),
    lang: DeviceMessageLang,
  })
  .superRefine((body, ctx) => {
    if (body.modelId === undefined && body.model_id === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['modelId'],
        message: 'modelId is required: name the device model as modelId (documented) or model_id (also accepted)',
      });
    } else if (body.modelId !== undefined && body.model_id !== undefined && body.modelId !== body.model_id) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['model_id'],
        message: 'model_id must equal modelId when both are sent: they name the same device model; send only one',
      });
    }
  });
/** Body of `POST /cgi-bin/message/device/subscribe/send`, as parsed (defaults applied). */
export type SendHardwareDeviceMessageRequest = z.infer<typeof SendHardwareDeviceMessageRequest>;
/** Body of `POST /cgi-bin/message/device/subscribe/send`, as sent. */
export type SendHardwareDeviceMessageRequestInput = z.input<typeof SendHardwareDeviceMessageRequest>;

/** Success of `POST /cgi-bin/message/device/subscribe/send`: `{ errcode: 0, errmsg }` (D §4.4). */
export const SendHardwareDeviceMessageSuccess = WechatOkBody;
/** Success of `POST /cgi-bin/message/device/subscribe/send`. */
export type SendHardwareDeviceMessageSuccess = z.infer<typeof SendHardwareDeviceMessageSuccess>;

/** HTTP 200 body of `POST /cgi-bin/message/device/subscribe/send`. */
export const SendHardwareDeviceMessageResponse = wechatResponse(SendHardwareDeviceMessageSuccess);
/** HTTP 200 body of `POST /cgi-bin/message/device/subscribe/send`. */
export type SendHardwareDeviceMessageResponse = z.infer<typeof SendHardwareDeviceMessageResponse>;
