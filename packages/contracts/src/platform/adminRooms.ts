import { z } from 'zod';
import { AppId, ModelId, OpenId, Sn } from '../common/identifiers.js';
import { WxHangupReason, WxVoipStatus } from '../device/index.js';
import { VoipEvent } from '../events/index.js';
import { CameraStatus, ChargeType } from '../plugin-api/index.js';
import { PartyId } from './party.js';
import { PushMessageType } from './pushMessage.js';
import { LocalEndOrigin } from './roomActions.js';
import { RoomOutcome, RoomSide, RoomState } from './roomState.js';
import { RoomSnapshot } from './roomView.js';

const at = z.number().int().nonnegative();

/** What moved a room: a transport request of a party, a control-API simulate action, or a platform timer. */
export const RoomCause = z.enum(['transport', 'wechatApi', 'simulate', 'timer', 'callback']);
/** What moved a room. */
export type RoomCause = z.infer<typeof RoomCause>;

/** The room changed phase (`from` is null for its creation). */
export const StateTimelineEntry = z.object({
  kind: z.literal('state'),
  at,
  from: RoomState.nullable(),
  to: RoomState,
  outcome: RoomOutcome.nullable(),
  cause: RoomCause,
  detail: z.string(),
});
/** The room changed phase. */
export type StateTimelineEntry = z.infer<typeof StateTimelineEntry>;

/** A side acted on the room (answer, reject, hang up, join, abort, …) through `cause`. */
export const ActionTimelineEntry = z.object({
  kind: z.literal('action'),
  at,
  side: RoomSide,
  partyId: PartyId.nullable(),
  action: z.string().min(1),
  cause: RoomCause,
});
/** A side acted on the room. */
export type ActionTimelineEntry = z.infer<typeof ActionTimelineEntry>;

/** An `onVoipEvent` event delivered to a plugin party of the room. */
export const EventTimelineEntry = z.object({
  kind: z.literal('event'),
  at,
  side: RoomSide,
  partyId: PartyId.nullable(),
  event: VoipEvent,
});
/** An event delivered to a plugin party. */
export type EventTimelineEntry = z.infer<typeof EventTimelineEntry>;

/** A listener status delivered to a Linux device or vendor-cloud session of the room. */
export const DeviceStatusTimelineEntry = z.object({
  kind: z.literal('deviceStatus'),
  at,
  side: RoomSide,
  partyId: PartyId.nullable(),
  status: WxVoipStatus,
  reason: WxHangupReason.nullable(),
});
/** A listener status delivered to a device. */
export type DeviceStatusTimelineEntry = z.infer<typeof DeviceStatusTimelineEntry>;

/** A push-channel message about the room (sent or dropped). */
export const PushTimelineEntry = z.object({
  kind: z.literal('push'),
  at,
  partyId: PartyId,
  messageType: PushMessageType,
  dropped: z.boolean(),
});
/** A push-channel message about the room. */
export type PushTimelineEntry = z.infer<typeof PushTimelineEntry>;

/** An `iot_voip_notify` delivery attempt for the room and its outcome. */
export const CallbackTimelineEntry = z.object({
  kind: z.literal('callback'),
  at,
  deliveryId: z.string().min(1),
  attempt: z.number().int().positive(),
  outcome: z.enum(['accepted', 'refused', 'noReply', 'error']),
});
/** A callback delivery attempt for the room. */
export type CallbackTimelineEntry = z.infer<typeof CallbackTimelineEntry>;

/** The room was billed: only talk seconds count (D §8); this value becomes `finishVoip.keepTime`. */
export const BillingTimelineEntry = z.object({
  kind: z.literal('billing'),
  at,
  chargeType: ChargeType,
  billedSec: z.number().int().nonnegative(),
});
/** The room was billed. */
export type BillingTimelineEntry = z.infer<typeof BillingTimelineEntry>;

/** One entry of a room's timeline, discriminated by `kind`. */
export const TimelineEntry = z.discriminatedUnion('kind', [
  StateTimelineEntry,
  ActionTimelineEntry,
  EventTimelineEntry,
  DeviceStatusTimelineEntry,
  PushTimelineEntry,
  CallbackTimelineEntry,
  BillingTimelineEntry,
]);
/** One entry of a room's timeline. */
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/**
 * A room with everything the control API may show: the snapshot, its app and device, the cloud-call secrets
 * (`sessionKey`, `serverToken`, `payload`), the billed seconds and the timeline in time order.
 */
export const RoomDetail = RoomSnapshot.extend({
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  openId: OpenId,
  payload: z.string().nullable(),
  sessionKey: z.string().nullable(),
  serverToken: z.string().nullable(),
  billedSec: z.number().int().nonnegative().nullable(),
  timeline: z.array(TimelineEntry),
});
/** A room with everything the control API may show. */
export type RoomDetail = z.infer<typeof RoomDetail>;

/** Query of `listRooms`: filters (all optional) and a page size (default 100, at most 1000), newest first. */
export const RoomListQuery = z.object({
  state: RoomState.optional(),
  outcome: RoomOutcome.optional(),
  appId: AppId.optional(),
  sn: Sn.optional(),
  openId: OpenId.optional(),
  limit: z.coerce.number().int('limit must be a whole number').positive('limit must be at least 1').max(1000, 'limit must be at most 1000').default(100),
});
/** Query of `listRooms`. */
export type RoomListQuery = z.infer<typeof RoomListQuery>;
/** `RoomListQuery` as written, before defaults are applied. */
export type RoomListQueryInput = z.input<typeof RoomListQuery>;

/** Body of `simulateAnswer`: the listener answers and joins, as if its party (or the phone user) had tapped. */
export const SimulateAnswerBody = z.object({ cameraStatus: CameraStatus.optional() });
/** Body of `simulateAnswer`. */
export type SimulateAnswerBody = z.infer<typeof SimulateAnswerBody>;

/** Body of `simulateReject`: the listener refuses before connect, or is reported busy with `busy: true`. */
export const SimulateRejectBody = z.object({ busy: z.boolean().default(false) });
/** Body of `simulateReject`. */
export type SimulateRejectBody = z.infer<typeof SimulateRejectBody>;
/** `SimulateRejectBody` as written, before defaults are applied. */
export type SimulateRejectBodyInput = z.input<typeof SimulateRejectBody>;

/** Body of `simulateHangUp`: `side` ends the call (cancel, reject or hang-up by phase) with `origin`. */
export const SimulateHangUpBody = z.object({
  side: RoomSide,
  origin: LocalEndOrigin.default('manual'),
});
/** Body of `simulateHangUp`. */
export type SimulateHangUpBody = z.infer<typeof SimulateHangUpBody>;
/** `SimulateHangUpBody` as written, before defaults are applied. */
export type SimulateHangUpBodyInput = z.input<typeof SimulateHangUpBody>;

/**
 * Body of `simulateGoOffline`: the party on `side` loses its network; the room aborts and that side's party
 * becomes unreachable until it reconnects. `errMsg` is what its own `abortVoip` reports.
 */
export const SimulateGoOfflineBody = z.object({
  side: RoomSide,
  errMsg: z.string().min(1, 'errMsg must not be empty').default('call interrupted due to native reason'),
});
/** Body of `simulateGoOffline`. */
export type SimulateGoOfflineBody = z.infer<typeof SimulateGoOfflineBody>;
/** `SimulateGoOfflineBody` as written, before defaults are applied. */
export type SimulateGoOfflineBodyInput = z.input<typeof SimulateGoOfflineBody>;

/**
 * Body of `placePhoneCall`: a phone of the user in the path calls a device, as `callDevice` in the mini program would
 * (Linux; RTOS through the vendor cloud), with every check the plugin's call gets, then joins the room as the caller.
 * `modelId` defaults to the device's own model.
 */
export const PlacePhoneCallBody = z.object({
  sn: Sn,
  modelId: ModelId.optional(),
  roomType: z.enum(['voice', 'video'], { message: "roomType must be 'voice' or 'video'" }).default('voice'),
  nickName: z.string({ invalid_type_error: 'nickName must be a string' }).max(64, 'nickName must be at most 64 characters').optional(),
  payload: z.string({ invalid_type_error: 'payload must be a string' }).max(1024, 'payload must be at most 1024 characters').optional(),
});
/** Body of `placePhoneCall`. */
export type PlacePhoneCallBody = z.infer<typeof PlacePhoneCallBody>;
/** `PlacePhoneCallBody` as written, before defaults are applied. */
export type PlacePhoneCallBodyInput = z.input<typeof PlacePhoneCallBody>;
