import { z } from 'zod';
import { customQueryField } from '../push/customQuery.js';
import { cString, payloadField } from './cFields.js';
import { WxDeviceMember, WxUserMember } from './wxMember.js';
import { WxCloudVoipSessionType } from './wxSessionType.js';

/**
 * Arguments of `wx_cloudvoip_client_call(room_type, caller, callee, custom_query, payload)`, the RTOS
 * device→phone call (D §2.1). Success means the phone rings; errors are `wx_error_t` values or negated backend
 * codes (`toRtosCode`). `payload` is copied into the `iot_voip_notify` callback so the vendor cloud can match it.
 *
 * @example
 * WxCloudVoipClientCallParams.parse({ room_type: 1, caller: { id: 'SN_0001' }, callee: { name: 'Mum', id: 'o_abc' }, payload: 'stream-7' });
 */
export const WxCloudVoipClientCallParams = z
  .object({
    room_type: WxCloudVoipSessionType,
    caller: WxDeviceMember,
    callee: WxUserMember,
    custom_query: customQueryField('custom_query').nullable().default(null),
    payload: payloadField(),
  })
  .strict('wx_cloudvoip_client_call takes room_type, caller, callee, custom_query and payload only');
/** Arguments of `wx_cloudvoip_client_call`. */
export type WxCloudVoipClientCallParams = z.infer<typeof WxCloudVoipClientCallParams>;
/** Arguments of `wx_cloudvoip_client_call`, as written. */
export type WxCloudVoipClientCallParamsInput = z.input<typeof WxCloudVoipClientCallParams>;

/**
 * Arguments of `wx_cloudvoip_client_join(roomid, payload)`: the RTOS device accepts a phone-initiated call
 * (D §2.1). One official page lists this function while the newer text joins through the server SDK's
 * `cloud_call_join` instead (D §9.2); both are kept, see ADR 0004.
 */
export const WxCloudVoipClientJoinParams = z
  .object({ roomid: cString('roomid', 'the room of the phone-initiated call'), payload: payloadField() })
  .strict('wx_cloudvoip_client_join takes roomid and payload only');
/** Arguments of `wx_cloudvoip_client_join`. */
export type WxCloudVoipClientJoinParams = z.infer<typeof WxCloudVoipClientJoinParams>;
/** Arguments of `wx_cloudvoip_client_join`, as written. */
export type WxCloudVoipClientJoinParamsInput = z.input<typeof WxCloudVoipClientJoinParams>;
