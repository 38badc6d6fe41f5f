import { z } from 'zod';
import { OpenId, RoomId, RoomType } from '../common/identifiers.js';
import { WxHangupReason, WxVoipStatus } from '../device/index.js';
import { VoipEvent } from '../events/index.js';
import { EnvVersion } from '../plugin-api/index.js';
import { WmpfPushMessage } from '../push/index.js';
import { Namespace } from './headers.js';
import { TRANSPORT_PROTOCOL_VERSION } from './prefixes.js';
import { PartyId, PartyKind } from './party.js';

/**
 * Fields of every server → party message: `seq` counts the channel's messages from 1 without gaps (a party
 * sees a lost message as a gap), `at` is the platform clock in ms when the message was sent (the fake clock
 * in tests).
 */
const envelope = {
  seq: z.number().int('seq must be an integer').positive('seq starts at 1 and grows by 1 per message'),
  at: z.number().int('at must be whole milliseconds').nonnegative('at must be platform milliseconds (0 or more)'),
};

/** First message on a channel: who the party is, the protocol version and the ping interval. */
export const HelloMessage = z.object({
  type: z.literal('hello'),
  ...envelope,
  partyId: PartyId,
  kind: PartyKind,
  namespace: Namespace,
  protocolVersion: z.literal(TRANSPORT_PROTOCOL_VERSION),
  pingIntervalMs: z.number().int().positive(),
});
/** First message on a channel. */
export type HelloMessage = z.infer<typeof HelloMessage>;

/**
 * An `onVoipEvent` event for a plugin party (WeChat or WMPF), exactly as the plugin delivers it to its
 * listeners (P §7). `roomId` repeats the event's room for routing (null for roomless events).
 */
export const VoipEventMessage = z.object({
  type: z.literal('voipEvent'),
  ...envelope,
  roomId: RoomId.nullable(),
  event: VoipEvent,
});
/** An `onVoipEvent` event for a plugin party. */
export type VoipEventMessage = z.infer<typeof VoipEventMessage>;

/**
 * The phone's strong incoming-call reminder (P §9.1), for a `wechatPlugin` party whose user is called by a
 * device: tapping it opens the plugin call page of the `envVersion` build with the room and `customQuery`.
 */
export const WechatReminderNotice = z.object({
  via: z.literal('wechatReminder'),
  roomType: RoomType,
  caller: z.object({ kind: z.enum(['device', 'user']), id: z.string().min(1), name: z.string() }),
  listenerOpenId: OpenId,
  businessType: z.number().int().nonnegative().nullable(),
  envVersion: EnvVersion,
  customQuery: z.string().nullable(),
});
/** The phone's incoming-call reminder. */
export type WechatReminderNotice = z.infer<typeof WechatReminderNotice>;

/**
 * The WMPF push WeChat sends to a `wmpfPlugin` party for `callWMPF` / `initByCaller({ businessType: 2 })`
 * (D §3.3): the push message addressed to the device's `pushToken`.
 */
export const WmpfPushNotice = z.object({
  via: z.literal('wmpfPush'),
  pushToken: z.string().min(1),
  message: WmpfPushMessage,
});
/** The WMPF push for an incoming call. */
export type WmpfPushNotice = z.infer<typeof WmpfPushNotice>;

/**
 * An incoming call for the party, as WeChat itself announces it. Linux devices get **no** such message: WeChat
 * sends nothing to them (D §0.2, P §4.2); the developer relays the roomId over its own channel, which tests
 * simulate outside this protocol. RTOS calls are announced by the `iot_voip_notify` callback to the developer
 * server, not here.
 */
export const IncomingCallMessage = z.object({
  type: z.literal('incomingCall'),
  ...envelope,
  roomId: RoomId,
  notice: z.discriminatedUnion('via', [WechatReminderNotice, WmpfPushNotice]),
});
/** An incoming call for the party. */
export type IncomingCallMessage = z.infer<typeof IncomingCallMessage>;

/**
 * A listener status for a Linux device or a vendor-cloud server-SDK session (D §1.5, §2.4): the numeric
 * `wx_voip_status` and, for ends caused by a hang-up, the peer's hang-up reason when it is known.
 */
export const DeviceStatusMessage = z.object({
  type: z.literal('deviceStatus'),
  ...envelope,
  roomId: RoomId,
  status: WxVoipStatus,
  reason: WxHangupReason.nullable(),
});
/** A device listener status. */
export type DeviceStatusMessage = z.infer<typeof DeviceStatusMessage>;

/** Liveness probe; the party answers with a `pong` naming this message's `seq`. */
export const PingMessage = z.object({ type: z.literal('ping'), ...envelope });
/** Liveness probe. */
export type PingMessage = z.infer<typeof PingMessage>;

/**
 * Why the platform closes a channel: the party disconnected, the namespace was reset or reseeded, the
 * credential expired, the same identity connected again, the control API disconnected it or took the device
 * offline, missed pongs, or the platform is shutting down.
 */
export const ByeReason = z.enum(['disconnected', 'reset', 'credentialExpired', 'replaced', 'kicked', 'offline', 'missedPongs', 'shutdown']);
/** Why the platform closes a channel. */
export type ByeReason = z.infer<typeof ByeReason>;

/** Last message on a channel before the platform closes it. */
export const ByeMessage = z.object({ type: z.literal('bye'), ...envelope, reason: ByeReason });
/** Last message on a channel. */
export type ByeMessage = z.infer<typeof ByeMessage>;

/**
 * A developer push to a WMPF device through `POST /wxa/business/runtime/pushappmsg` (D §3.4): the device
 * receives `{ msg, appid }`.
 */
export const AppMessage = z.object({
  type: z.literal('appMsg'),
  ...envelope,
  pushToken: z.string().min(1),
  msg: z.string(),
  appid: z.string().min(1),
});
/** A developer push to a WMPF device. */
export type AppMessage = z.infer<typeof AppMessage>;

/**
 * A server → party message on the push channel, discriminated by `type`.
 *
 * @example
 * const message = PushMessage.parse(JSON.parse(frame));
 * if (message.type === 'voipEvent') listener(message.event);
 */
export const PushMessage = z.discriminatedUnion('type', [
  HelloMessage,
  VoipEventMessage,
  IncomingCallMessage,
  DeviceStatusMessage,
  PingMessage,
  ByeMessage,
  AppMessage,
]);
/** A server → party message on the push channel. */
export type PushMessage = z.infer<typeof PushMessage>;

/** The `type` of a server → party message. */
export const PushMessageType = z.enum(['hello', 'voipEvent', 'incomingCall', 'deviceStatus', 'ping', 'bye', 'appMsg']);
/** The `type` of a server → party message. */
export type PushMessageType = z.infer<typeof PushMessageType>;

/** Answer to a `ping`: `seq` is the ping's seq. */
export const PongMessage = z.object({ type: z.literal('pong'), seq: envelope.seq });
/** Answer to a `ping`. */
export type PongMessage = z.infer<typeof PongMessage>;

/** Receipt of every server message up to and including `seq`; unacknowledged messages are journaled as such. */
export const AckMessage = z.object({ type: z.literal('ack'), seq: envelope.seq });
/** Receipt of server messages. */
export type AckMessage = z.infer<typeof AckMessage>;

/**
 * A party → server message on the push channel, discriminated by `type`. Actions (answer, hang up, …) go
 * through the transport routes, not the channel.
 *
 * @example
 * socket.send(JSON.stringify(PartyMessage.parse({ type: 'pong', seq: ping.seq })));
 */
export const PartyMessage = z.discriminatedUnion('type', [PongMessage, AckMessage]);
/** A party → server message on the push channel. */
export type PartyMessage = z.infer<typeof PartyMessage>;

/**
 * Largest party → server frame the push channel accepts, in bytes. A legal {@link PartyMessage} is a `pong` or `ack`
 * of about 40 bytes (`{"type":"pong","seq":9007199254740991}`); 1 KiB leaves room for whitespace [I]. A larger frame
 * closes the channel with WebSocket code 1009 (message too big).
 */
export const MAX_PARTY_FRAME_BYTES = 1024;

/**
 * Largest server → party frame a client accepts, in bytes of UTF-8. The largest legal {@link PushMessage} is an
 * `appMsg` (its `msg` is at most 5 KiB, D §3.4) or an `incomingCall` with a WMPF push; 64 KiB leaves ample room [I].
 * A client discards a larger frame without parsing it and reports it as a malformed push.
 */
export const MAX_PUSH_FRAME_BYTES = 64 * 1024;
