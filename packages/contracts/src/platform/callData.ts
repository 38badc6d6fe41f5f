import { z } from 'zod';
import { RoomId } from '../common/identifiers.js';
import { ChargeType } from '../plugin-api/index.js';
import { RoomView } from './roomView.js';

/**
 * Data of a successful call creation on the transport (`callDevice`, `callWmpf`, `linuxSessionCall`,
 * `rtosClientCall`): the room id and the caller's view of the room. The simulators turn it into their own
 * result (`{ roomId }` for the plugin, `WXERROR_OK` for the SDKs).
 */
export const CallCreatedData = z.object({
  roomId: RoomId,
  room: RoomView,
});
/** Data of a successful call creation. */
export type CallCreatedData = z.infer<typeof CallCreatedData>;

/**
 * Data of a successful `initByCaller`: what the plugin simulator needs for its `isSuccess: true` result
 * (`roomId`, the legacy alias `groupId` = roomId, the `chargeType` the backend picked, P §3.2) plus the room.
 */
export const InitByCallerData = CallCreatedData.extend({
  groupId: RoomId,
  chargeType: ChargeType,
});
/** Data of a successful `initByCaller`. */
export type InitByCallerData = z.infer<typeof InitByCallerData>;

/** Data of every room action (join, answer, reject, hang up, abort, heartbeat): the party's view afterwards. */
export const RoomActionData = z.object({ room: RoomView });
/** Data of every room action. */
export type RoomActionData = z.infer<typeof RoomActionData>;
