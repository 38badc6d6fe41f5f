import { z } from 'zod';
import { RoomType, Sn } from '../common/identifiers.js';
import { WechatModelId } from './deviceRef.js';
import { WechatOkBody, wechatResponse } from './wechatErrorBody.js';

const cameraStatus = (field: string) =>
  z.union([z.literal(0), z.literal(1)], { errorMap: () => ({ message: `${field} must be 0 (camera on) or 1 (camera off)` }) });

/**
 * Body of `POST /wxa/business/iot/voip/call` (server-initiated cloud call, D §4.10). WeChat publishes no reference
 * page for it: the fields come from third-party code [T]. We require `model_id`, `sn`, `openid` and `room_type`
 * and leave the rest optional; `version_type` is read as 0 release / 1 develop / 2 trial like `wxa_flavor`
 * ([I], ADR 0006).
 *
 * @example
 * IotVoipCallRequest.parse({ model_id: 'model-abc', sn: 'SN_0001', openid: 'o-alice', room_type: 'voice', payload: 'call-42' });
 */
export const IotVoipCallRequest = z.object({
  model_id: WechatModelId,
  sn: Sn,
  openid: z
    .string({ required_error: 'openid is required', invalid_type_error: 'openid must be a string' })
    .min(1, "openid must not be empty: pass the user's openid under this mini program"),
  room_type: z.enum(RoomType.options, { errorMap: () => ({ message: "room_type must be 'voice' or 'video'" }) }),
  listener_name: z.string({ invalid_type_error: 'listener_name must be a string' }).optional(),
  version_type: z
    .union([z.literal(0), z.literal(1), z.literal(2)], {
      errorMap: () => ({ message: 'version_type must be 0 (release), 1 (develop) or 2 (trial)' }),
    })
    .optional(),
  query: z.string({ invalid_type_error: 'query must be a string (the plugin page query, a=1&b=2)' }).optional(),
  caller_camera_status: cameraStatus('caller_camera_status').optional(),
  listener_camera_status: cameraStatus('listener_camera_status').optional(),
  payload: z.string({ invalid_type_error: 'payload must be a string (echoed in iot_voip_notify)' }).optional(),
});
/** Body of `POST /wxa/business/iot/voip/call`. */
export type IotVoipCallRequest = z.infer<typeof IotVoipCallRequest>;

/** Success of `iot/voip/call`: `{ errcode: 0, errmsg }`; whether WeChat also returns a room id is unknown (D §9.1). */
export const IotVoipCallSuccess = WechatOkBody;
/** Success of `iot/voip/call`. */
export type IotVoipCallSuccess = z.infer<typeof IotVoipCallSuccess>;
/** HTTP 200 body of `POST /wxa/business/iot/voip/call`. */
export const IotVoipCallResponse = wechatResponse(IotVoipCallSuccess);
/** HTTP 200 body of `POST /wxa/business/iot/voip/call`. */
export type IotVoipCallResponse = z.infer<typeof IotVoipCallResponse>;
