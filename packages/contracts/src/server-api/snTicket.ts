import { z } from 'zod';
import { Sn } from '../common/identifiers.js';
import { WechatModelId } from './deviceRef.js';
import { WechatOkBody, wechatResponse } from './wechatErrorBody.js';

/**
 * Body of `POST /wxa/getsnticket` (getSnTicket, D §4.3): the device's `sn` (1–128 bytes of `[0-9A-Za-z_-]`) and
 * its `model_id`.
 *
 * @example
 * GetSnTicketRequest.parse({ sn: 'SN_0001', model_id: 'model-abc' });
 */
export const GetSnTicketRequest = z.object({ sn: Sn, model_id: WechatModelId });
/** Body of `POST /wxa/getsnticket`. */
export type GetSnTicketRequest = z.infer<typeof GetSnTicketRequest>;

/**
 * Success of `POST /wxa/getsnticket`: the `sn_ticket`, valid for 5 minutes (D §4.3). Tickets have been observed
 * as 32 alphanumeric characters (D §0.3, FAQ); the schema only requires a non-empty string.
 *
 * @example
 * GetSnTicketSuccess.parse({ errcode: 0, errmsg: 'ok', sn_ticket: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' });
 */
export const GetSnTicketSuccess = WechatOkBody.extend({ sn_ticket: z.string().min(1, 'sn_ticket must not be empty') });
/** Success of `POST /wxa/getsnticket`. */
export type GetSnTicketSuccess = z.infer<typeof GetSnTicketSuccess>;

/** HTTP 200 body of `POST /wxa/getsnticket`: the ticket or a WeChat error. */
export const GetSnTicketResponse = wechatResponse(GetSnTicketSuccess);
/** HTTP 200 body of `POST /wxa/getsnticket`. */
export type GetSnTicketResponse = z.infer<typeof GetSnTicketResponse>;
