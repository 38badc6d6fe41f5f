import { z } from 'zod';
import { OpenId, RoomId, RoomType } from '../common/identifiers.js';
import { CameraStatus, CustomQuery } from '../plugin-api/index.js';

/** The opaque developer `payload` copied into the `iot_voip_notify` callback (D §0.3). */
export const CallPayload = z.string({ invalid_type_error: 'payload must be a string (it is copied verbatim into iot_voip_notify)' });
/** The opaque developer `payload`. */
export type CallPayload = z.infer<typeof CallPayload>;

/**
 * Body of `rtosClientCall`: `wx_cloudvoip_client_call(room_type, caller, callee, custom_query, payload)` (D §2.1).
 * `roomType` replaces the SDK's numeric room type (VIDEO 0 / AUDIO 1); the caller is the device itself
 * (`caller.id` = its SN, name ignored); `callee.id` is an openId and `callee.name` the nickname shown.
 * The platform then POSTs `iot_voip_notify` to the developer server before the phone rings (D §2.2).
 *
 * @example
 * RtosClientCallBody.parse({ roomType: 'voice', callee: { id: 'openid-alice', name: 'Alice' }, payload: 'stream-42' });
 */
export const RtosClientCallBody = z.object({
  roomType: RoomType,
  caller: z.object({ cameraStatus: CameraStatus.default(0) }).default({}),
  callee: z.object({
    id: OpenId,
    name: z.string().default(''),
    cameraStatus: CameraStatus.default(0),
  }),
  customQuery: CustomQuery.optional(),
  payload: CallPayload.optional(),
});
/** Body of `rtosClientCall`. */
export type RtosClientCallBody = z.infer<typeof RtosClientCallBody>;
/** Body of `rtosClientCall` before defaults. */
export type RtosClientCallBodyInput = z.input<typeof RtosClientCallBody>;

/**
 * Body of `rtosClientJoin`: `wx_cloudvoip_client_join(roomid, payload)` (D §2.1), the device accepting a
 * phone-initiated call. [I] The platform keeps it although newer pages answer through the server SDK (D §9.2).
 */
export const RtosClientJoinBody = z.object({
  roomId: RoomId,
  payload: CallPayload.optional(),
});
/** Body of `rtosClientJoin`. */
export type RtosClientJoinBody = z.infer<typeof RtosClientJoinBody>;
