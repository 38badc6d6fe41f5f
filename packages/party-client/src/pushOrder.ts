/** Something the push channel hands over in order: a push, or the channel's end. */
export interface Sequenced {
  /** The platform's seq (a channel end without `bye` uses {@link LAST_SEQ}). */
  readonly seq: number;
}

/** The seq of an item that comes after every push: the socket dropping without a `bye`. */
export const LAST_SEQ = Number.MAX_SAFE_INTEGER;

/**
 * The ordering rule of ADR 0026 between a party's HTTP answers and its pushes, on the client side.
 *
 * 1. While a request is in flight (sent, its answer not yet adopted), no push is handed over: arrivals are held.
 * 2. Each answer states `pushSeq`, the seq of the last push the platform had sent the party when it made the answer.
 *    Before the answer is adopted, the client waits until the channel has received that push (or the channel closes).
 * 3. The answer is adopted (the SDK's `adopt` hook runs, then the request resolves); once no request is in flight, the
 *    held pushes are handed over in seq order.
 *
 * So an SDK always knows an answer (the room it names) before any push that came with or after it, and when a request
 * resolves with none other in flight, every push produced before its answer has been handed over. No buffer keyed by
 * room, no bound to guess: the held pushes are exactly those that arrived while a request was in flight.
 *
 * @example
 * const order = new PushOrder((message) => handle(message));
 * order.begin(); const answer = await send(); await order.catchUp(answer.pushSeq); adopt(answer); order.end();
 */
export class PushOrder<T extends Sequenced> {
  private inFlight = 0;
  private readonly held: T[] = [];
  private highestSeq = 0;
  private channelOpen = false;
  private readonly waiters = new Set<{ readonly seq: number; readonly wake: () => void }>();

  constructor(private readonly deliver: (item: T) => void) {}

  /** Requests sent whose answers are not adopted yet. */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Pushes held until the requests in flight are adopted. */
  get heldCount(): number {
    return this.held.length;
  }

  /** The highest seq received on the channel so far (0 before any). */
  get receivedSeq(): number {
    return this.highestSeq;
  }

  /** The channel opened (`hello` received) or closed: only an open channel is waited for. */
  setChannelOpen(open: boolean): void {
    this.channelOpen = open;
    if (!open) this.wake(() => true);
  }

  /** A frame with a seq was received (pings and `hello` too): it moves {@link receivedSeq}, nothing else. */
  received(seq: number): void {
    if (seq !== LAST_SEQ && seq > this.highestSeq) this.highestSeq = seq;
    this.wake((waiter) => waiter.seq <= this.highestSeq);
  }

  /** An item for the SDK arrived: handed over now, or held while a request is in flight. */
  arrive(item: T): void {
    this.received(item.seq);
    if (this.inFlight > 0) {
      let at = this.held.length;
      while (at > 0 && (this.held[at - 1] as T).seq > item.seq) at--;
      this.held.splice(at, 0, item);
      return;
    }
    this.hand(item);
  }

  /** A request is about to be sent. */
  begin(): void {
    this.inFlight++;
  }

  /** Resolves once the channel has received the push at `pushSeq`, at once when it has, when it is closed, or when `pushSeq` is null. */
  catchUp(pushSeq: number | null): Promise<void> {
    if (pushSeq === null || !this.channelOpen || this.highestSeq >= pushSeq) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.add({ seq: pushSeq, wake: resolve });
    });
  }

  /** A request's answer was adopted, or the request failed: when none is left in flight, the held items are handed over in seq order. */
  end(): void {
    if (this.inFlight > 0) this.inFlight--;
    // A handler may send a request (begin) while we hand over: the rest waits for that one.
    while (this.inFlight === 0 && this.held.length > 0) this.hand(this.held.shift() as T);
  }

  private hand(item: T): void {
    try {
      this.deliver(item);
    } catch (error) {
      // A bug in the SDK's handler: surface it as an EventTarget would, without stopping the channel.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  private wake(when: (waiter: { readonly seq: number }) => boolean): void {
    for (const waiter of [...this.waiters]) {
      if (!when(waiter)) continue;
      this.waiters.delete(waiter);
      waiter.wake();
    }
  }
}
