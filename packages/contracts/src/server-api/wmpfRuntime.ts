import { z } from 'zod';
import { PUSH_APP_MSG_MAX_BYTES } from './serverApiLimits.js';
import { utf8ByteLength } from './utf8ByteLength.js';
import { WechatOkBody, wechatResponse } from './wechatErrorBody.js';

/**
 * Body of `POST /wxa/business/runtime/adddevice` (WMPF `addDevice`, D §3.1): registers Android device ids under a
 * WeCooper product, with the hostAppId's access_token. The reference sets no size limit on `device_id_list`.
 *
 * @example
 * AddRuntimeDeviceRequest.parse({ product_id: 1001, device_id_list: ['SN_0001'], model_name: 'door-phone' });
 */
export const AddRuntimeDeviceRequest = z.object({
  product_id: z
    .number({ required_error: 'product_id is required', invalid_type_error: 'product_id must be a number (the WeCooper productId)' })
    .int('product_id must be an integer (the WeCooper productId)'),
  device_id_list: z
    .array(z.string().min(1, 'device_id_list items must be non-empty device ids'), {
      required_error: 'device_id_list is required',
      invalid_type_error: 'device_id_list must be an array of device ids',
    })
    .min(1, 'device_id_list must name at least one device id'),
  model_name: z
    .string({ required_error: 'model_name is required', invalid_type_error: 'model_name must be a string' })
    .min(1, 'model_name must not be empty'),
});
/** Body of `POST /wxa/business/runtime/adddevice`. */
export type AddRuntimeDeviceRequest = z.infer<typeof AddRuntimeDeviceRequest>;

/** Success of `runtime/adddevice`: `{ errcode: 0, errmsg }` (D §3.1). */
export const AddRuntimeDeviceSuccess = WechatOkBody;
/** Success of `runtime/adddevice`. */
export type AddRuntimeDeviceSuccess = z.infer<typeof AddRuntimeDeviceSuccess>;
/** HTTP 200 body of `POST /wxa/business/runtime/adddevice`. */
export const AddRuntimeDeviceResponse = wechatResponse(AddRuntimeDeviceSuccess);
/** HTTP 200 body of `POST /wxa/business/runtime/adddevice`. */
export type AddRuntimeDeviceResponse = z.infer<typeof AddRuntimeDeviceResponse>;

/**
 * Body of `POST /wxa/business/runtime/pushappmsg` (pushAppMsg, D §3.4): `msg` (at most 5 KB in UTF-8) goes to the
 * WMPF device holding `push_token`, which receives `{ msg, appid }`.
 *
 * @example
 * PushAppMsgRequest.parse({ msg: '{"type":"ring"}', push_token: 'PUSH_TOKEN' });
 */
export const PushAppMsgRequest = z.object({
  msg: z
    .string({ required_error: 'msg is required', invalid_type_error: 'msg must be a string' })
    .min(1, 'msg must not be empty')
    .refine((msg) => utf8ByteLength(msg) <= PUSH_APP_MSG_MAX_BYTES, {
      message: `msg must be at most ${PUSH_APP_MSG_MAX_BYTES} bytes (5 KB) in UTF-8: send less, or a reference the device fetches`,
    }),
  push_token: z
    .string({ required_error: 'push_token is required', invalid_type_error: 'push_token must be a string' })
    .min(1, "push_token must not be empty: pass the device's current WMPF pushToken"),
});
/** Body of `POST /wxa/business/runtime/pushappmsg`. */
export type PushAppMsgRequest = z.infer<typeof PushAppMsgRequest>;

/** Success of `pushappmsg`: `{ errcode: 0, errmsg }` (D §3.4). */
export const PushAppMsgSuccess = WechatOkBody;
/** Success of `pushappmsg`. */
export type PushAppMsgSuccess = z.infer<typeof PushAppMsgSuccess>;
/** HTTP 200 body of `POST /wxa/business/runtime/pushappmsg`. */
export const PushAppMsgResponse = wechatResponse(PushAppMsgSuccess);
/** HTTP 200 body of `POST /wxa/business/runtime/pushappmsg`. */
export type PushAppMsgResponse = z.infer<typeof PushAppMsgResponse>;
