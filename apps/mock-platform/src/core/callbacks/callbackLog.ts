import { CallbackListQuery } from '@wxvoip/contracts';
import type { CallbackDelivery, CallbackListQueryInput } from '@wxvoip/contracts';

/** [I] How many deliveries a tenant's log keeps before it drops the oldest: 1000 (`listCallbacks` pages up to 1000). */
export const DEFAULT_CALLBACK_LOG_CAPACITY = 1000;

/**
 * The bounded log of `iot_voip_notify` delivery attempts of one tenant, as the control API's `listCallbacks` lists
 * them: newest first, filtered by appId, roomId and outcome. When full, the oldest entry is dropped.
 *
 * @example
 * const log = new CallbackLog(100);
 * log.add(delivery);
 * log.list({ roomId, limit: 10 });
 */
export class CallbackLog {
  private readonly entries: CallbackDelivery[] = [];

  constructor(readonly capacity: number = DEFAULT_CALLBACK_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`CallbackLog capacity must be a positive integer, got ${capacity}`);
  }

  /** Number of deliveries held. */
  get size(): number {
    return this.entries.length;
  }

  /** Appends a delivery, dropping the oldest when the log is full. */
  add(delivery: CallbackDelivery): void {
    this.entries.push(delivery);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Deliveries newest first, filtered and limited like `listCallbacks` (throws the ZodError of an invalid query). */
  list(query: CallbackListQueryInput = {}): CallbackDelivery[] {
    const { appId, roomId, outcome, limit } = CallbackListQuery.parse(query);
    const result: CallbackDelivery[] = [];
    for (let i = this.entries.length - 1; i >= 0 && result.length < limit; i -= 1) {
      const entry = this.entries[i]!;
      if (appId !== undefined && entry.appId !== appId) continue;
      if (roomId !== undefined && entry.roomId !== roomId) continue;
      if (outcome !== undefined && entry.outcome !== outcome) continue;
      result.push(entry);
    }
    return result;
  }

  /** The delivery with this id, if it is still held. */
  get(deliveryId: string): CallbackDelivery | undefined {
    return this.entries.find((entry) => entry.deliveryId === deliveryId);
  }

  /** Forgets every delivery (namespace reset). */
  clear(): void {
    this.entries.length = 0;
  }
}
