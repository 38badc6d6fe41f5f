import type { CallbackDelivery, CallbackEntry, CallbackListQuery, IotVoipNotifyMessage } from '@wxvoip/contracts';
import { notifyEventOf } from './notifyEvent.js';
import type { PlatformTenant } from '../platformTenant.js';
import type { Room } from '../rooms/room.js';

/**
 * The `iot_voip_notify` delivery attempts of a namespace, newest first, filtered and capped by the query.
 *
 * The core journals each attempt when it ends (`callback` entries: deliveryId, app, room, attempt, outcome, time);
 * the rest is derived: `event` is rebuilt from the room exactly as `CallbackDispatcher.dispatch` built it (it is
 * sent at the room's creation, and retries resend it unchanged); `sentAt` is the room's creation for attempt 1 and
 * the end of the previous attempt for a retry (retries leave at once); `durationMs` runs to the journalled end.
 *
 * Where it went, the exact request and the HTTP reply come from the tenant's callback log (`tenant.callbacks.log`),
 * where the sender that performs the POST records each attempt. Without a record: `url`, `mode` and
 * `format` are the app's current push configuration (`''`, `secure`, `json` when it has none) [I], `request` is
 * `{ query: {}, body: '' }` and `reply` is null [I]. Attempts still waiting for a reply are not listed (the
 * contract's outcomes are final ones), nor are attempts of rooms the engine no longer holds (their event is gone).
 */
export function listCallbackDeliveries(tenant: PlatformTenant, query: CallbackListQuery): CallbackDelivery[] {
  const entries = tenant.state.journal.all().filter((entry): entry is CallbackEntry => entry.kind === 'callback');
  const previousEnd = new Map<string, number>();
  const deliveries: CallbackDelivery[] = [];
  for (const entry of entries) {
    const endOfPrevious = previousEnd.get(entry.roomId);
    previousEnd.set(entry.roomId, entry.at);
    const room = tenant.rooms.get(entry.roomId);
    if (!room || !matches(entry, query)) continue;
    const sentAt = entry.attempt === 1 ? room.createdAt : (endOfPrevious ?? entry.at);
    deliveries.push(delivery(tenant, room, entry, sentAt, tenant.callbacks.log.get(entry.deliveryId)));
  }
  return deliveries.reverse().slice(0, query.limit);
}

/** The `iot_voip_notify` message of a cloud room, exactly as the dispatcher sent it. */
export function notifyEventFor(tenant: PlatformTenant, room: Room): IotVoipNotifyMessage {
  return notifyEventOf(tenant.state.app(room.appId), room);
}

function delivery(tenant: PlatformTenant, room: Room, entry: CallbackEntry, sentAt: number, known: CallbackDelivery | undefined): CallbackDelivery {
  const pushConfig = tenant.state.app(entry.appId)?.pushConfig;
  return {
    deliveryId: entry.deliveryId,
    appId: entry.appId,
    roomId: entry.roomId,
    attempt: entry.attempt,
    url: known?.url ?? pushConfig?.url ?? '',
    mode: known?.mode ?? pushConfig?.mode ?? 'secure',
    format: known?.format ?? pushConfig?.format ?? 'json',
    sentAt,
    request: known ? { query: { ...known.request.query }, body: known.request.body } : { query: {}, body: '' },
    event: notifyEventFor(tenant, room),
    reply: known?.reply ? { ...known.reply } : null,
    outcome: entry.outcome,
    durationMs: Math.max(0, entry.at - sentAt),
  };
}

function matches(entry: CallbackEntry, query: CallbackListQuery): boolean {
  return (
    (query.appId === undefined || entry.appId === query.appId) &&
    (query.roomId === undefined || entry.roomId === query.roomId) &&
    (query.outcome === undefined || entry.outcome === query.outcome)
  );
}
