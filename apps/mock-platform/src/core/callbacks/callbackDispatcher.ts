import type { CallbackOutcome, CallbackTimelineEntry, IotVoipNotifyMessage, PushConfig } from '@wxvoip/contracts';
import type { TimerHandle } from '../clock/platformClock.js';
import type { RoomCallbacks } from '../rooms/roomEngine.js';
import type { Room } from '../rooms/room.js';
import type { TenantState } from '../tenant/tenantState.js';
import { CallbackLog } from './callbackLog.js';
import { notifyEventOf } from './notifyEvent.js';

/** One attempt to deliver `iot_voip_notify` to the developer's server, handed to the adapter's sender. */
export interface CallbackRequest {
  readonly deliveryId: string;
  readonly appId: string;
  readonly roomId: string;
  readonly attempt: number;
  /** The decrypted event; the sender signs, encrypts and formats it as the app's push configuration says. */
  readonly event: IotVoipNotifyMessage;
  /** The app's message-push configuration (URL, Token, EncodingAESKey, mode, format), if any. */
  readonly pushConfig: PushConfig | undefined;
}

/**
 * What the developer's server did with an attempt. `final` marks an error no retry can cure (the app's push
 * configuration cannot be delivered to): the call is cancelled at once instead of after the retries.
 */
export type CallbackReply = { readonly errcode: number } | { readonly outcome: 'noReply' | 'error'; readonly detail: string; readonly final?: boolean };

interface Delivery {
  readonly request: CallbackRequest;
  timer: TimerHandle | undefined;
}

/**
 * Delivers the cloud callback of a room (D §2.2, §2.3, §2.5) and turns the reply into the room's fate: errcode 0
 * rings the call, a non-zero errcode cancels it, and no reply (or a failed delivery) is retried
 * `config.callbackRetries` times, `config.callbackReplyTimeoutMs` apart, before the call is cancelled (D §9.5 [I]).
 * `RoomId` is the idempotency key of the retries.
 */
export class CallbackDispatcher implements RoomCallbacks {
  /** Set by the adapter that performs the HTTP POST; without one, attempts simply get no reply. */
  sender: ((request: CallbackRequest) => void) | undefined;
  /** Wired to the room engine: the final answer for a room. */
  onSettled: (roomId: string, accepted: boolean, detail: string) => void = () => undefined;
  /**
   * Whether an app may be configured with a push mode other than `secure` (control API). D §2.3: `iot_voip_notify`
   * requires secure mode, so the sender delivers nothing otherwise; `refuse` (default) makes such a configuration a
   * 400 at once. A sender attached with `modePolicy: 'asConfigured'` sets `allow`.
   */
  insecurePushModes: 'refuse' | 'allow' = 'refuse';
  /**
   * What the sender recorded of each attempt (URL, exact request, the developer server's HTTP reply), bounded; the
   * control API's `listCallbacks` reads it. The sender that performs the POST adds to it; it may set a log of its own.
   */
  log: CallbackLog = new CallbackLog();
  /** Wired to the room engine: each attempt's outcome goes on the room's timeline. */
  onRecorded: (roomId: string, entry: CallbackTimelineEntry) => void = () => undefined;
  private readonly byDelivery = new Map<string, Delivery>();
  private readonly byRoom = new Map<string, string>();

  constructor(private readonly state: TenantState) {}

  /** Starts delivering the callback of a room. */
  dispatch(room: Room): void {
    const app = this.state.app(room.appId);
    const event = notifyEventOf(app, room);
    this.attempt({ deliveryId: this.state.ids.sequential('cb_'), appId: room.appId, roomId: room.roomId, attempt: 1, event, pushConfig: app?.pushConfig });
  }

  /** The sender reports what happened to an attempt. Unknown or superseded deliveries are ignored. */
  reply(deliveryId: string, reply: CallbackReply): boolean {
    const delivery = this.byDelivery.get(deliveryId);
    if (!delivery || this.byRoom.get(delivery.request.roomId) !== deliveryId) return false;
    delivery.timer?.cancel();
    const { request } = delivery;
    if ('errcode' in reply) {
      const accepted = reply.errcode === 0;
      this.record(request, accepted ? 'accepted' : 'refused');
      this.finish(request.roomId);
      this.onSettled(request.roomId, accepted, accepted ? 'the developer server accepted the call (errcode 0)' : `the developer server refused the call (errcode ${reply.errcode})`);
      return true;
    }
    this.record(request, reply.outcome);
    this.retryOrGiveUp(request, reply.detail, reply.final === true);
    return true;
  }

  /** Attempts waiting for a reply (for tests and the inspector). */
  pending(): CallbackRequest[] {
    return [...this.byRoom.values()].map((id) => this.byDelivery.get(id)!.request);
  }

  /** Stops delivering for a room that ended. */
  cancel(roomId: string): void {
    const id = this.byRoom.get(roomId);
    if (id !== undefined) this.byDelivery.get(id)?.timer?.cancel();
    this.finish(roomId);
  }

  private attempt(request: CallbackRequest): void {
    const delivery: Delivery = { request, timer: undefined };
    this.byDelivery.set(request.deliveryId, delivery);
    this.byRoom.set(request.roomId, request.deliveryId);
    delivery.timer = this.state.clock.setTimer(this.state.config.callbackReplyTimeoutMs, `room:${request.roomId} callback attempt ${request.attempt}`, () => {
      delivery.timer = undefined;
      this.record(request, 'noReply');
      this.retryOrGiveUp(request, `no reply within ${this.state.config.callbackReplyTimeoutMs} ms`);
    });
    this.sender?.(request);
  }

  private retryOrGiveUp(request: CallbackRequest, detail: string, final = false): void {
    this.byDelivery.delete(request.deliveryId);
    if (final) {
      this.finish(request.roomId);
      this.onSettled(request.roomId, false, `the callback cannot be delivered, so no attempt was retried: ${detail}`);
      return;
    }
    if (request.attempt <= this.state.config.callbackRetries) {
      this.attempt({ ...request, deliveryId: this.state.ids.sequential('cb_'), attempt: request.attempt + 1 });
      return;
    }
    this.finish(request.roomId);
    this.onSettled(request.roomId, false, `the developer server never accepted the callback after ${request.attempt} attempts (${detail})`);
  }

  private record(request: CallbackRequest, outcome: CallbackOutcome): void {
    this.state.journal.append({ kind: 'callback', deliveryId: request.deliveryId, appId: request.appId, roomId: request.roomId, attempt: request.attempt, outcome });
    this.onRecorded(request.roomId, { kind: 'callback', at: this.state.now(), deliveryId: request.deliveryId, attempt: request.attempt, outcome });
  }

  private finish(roomId: string): void {
    const id = this.byRoom.get(roomId);
    if (id !== undefined) this.byDelivery.delete(id);
    this.byRoom.delete(roomId);
  }
}
