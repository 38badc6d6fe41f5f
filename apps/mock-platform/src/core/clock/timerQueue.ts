/** One scheduled callback in a {@link TimerQueue}. */
export interface QueuedTimer {
  /** Platform time (ms) at which the timer is due. */
  readonly dueAt: number;
  /** Insertion order, so timers due at the same instant fire in the order they were set. */
  readonly seq: number;
  /** What the timer is for, shown in the inspector and in leak reports (for example `room:abc ring-timeout`). */
  readonly label: string;
  /** The callback (let go of once the timer is cancelled, so a dead timer holds nothing of its room). */
  run: () => void;
  /** False once fired or cancelled. */
  active: boolean;
}

/**
 * A binary min-heap of timers ordered by `(dueAt, seq)`.
 *
 * Insert and pop cost O(log n); cancelling is O(1) amortized (the entry is marked inactive and skipped when it
 * reaches the top), so cancelling a room's timers never scans other rooms' timers. Cancelled entries never outnumber
 * active ones for long: past that the heap is rebuilt without them (O(n), at most once per n cancellations), so a busy
 * platform that re-arms timers all the time (answered rings, heartbeats) keeps no backlog of dead ones (issue 19).
 */
export class TimerQueue {
  private readonly heap: QueuedTimer[] = [];
  private activeCount = 0;

  /** Number of timers that are neither fired nor cancelled. */
  get size(): number {
    return this.activeCount;
  }

  /** Adds a timer. */
  push(timer: QueuedTimer): void {
    this.heap.push(timer);
    this.activeCount++;
    this.siftUp(this.heap.length - 1);
  }

  /** Marks a timer cancelled; returns false if it had already fired or been cancelled. */
  cancel(timer: QueuedTimer): boolean {
    if (!timer.active) return false;
    timer.active = false;
    timer.run = cancelled;
    this.activeCount--;
    if (this.heap.length > COMPACT_FLOOR && this.heap.length > 2 * this.activeCount) this.compact();
    return true;
  }

  /** Number of entries held, cancelled ones not yet dropped included (for tests and leak reports). */
  get held(): number {
    return this.heap.length;
  }

  /** The earliest active timer, or undefined. */
  peek(): QueuedTimer | undefined {
    this.dropInactiveTop();
    return this.heap[0];
  }

  /** Removes and returns the earliest active timer if it is due at or before `time`. */
  popDue(time: number): QueuedTimer | undefined {
    const top = this.peek();
    if (!top || top.dueAt > time) return undefined;
    this.removeTop();
    top.active = false;
    this.activeCount--;
    return top;
  }

  /** Every active timer, earliest first (for inspection; O(n log n)). */
  list(): QueuedTimer[] {
    return this.heap.filter((t) => t.active).sort(compare);
  }

  /** Drops every cancelled entry and restores the heap order bottom-up. */
  private compact(): void {
    let kept = 0;
    for (const timer of this.heap) if (timer.active) this.heap[kept++] = timer;
    this.heap.length = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private dropInactiveTop(): void {
    while (this.heap.length > 0 && !this.heap[0]!.active) this.removeTop();
  }

  private removeTop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(this.heap[i]!, this.heap[parent]!) >= 0) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && compare(this.heap[left]!, this.heap[smallest]!) < 0) smallest = left;
      if (right < this.heap.length && compare(this.heap[right]!, this.heap[smallest]!) < 0) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const tmp = this.heap[a]!;
    this.heap[a] = this.heap[b]!;
    this.heap[b] = tmp;
  }
}

/** Below this many entries a heap is never compacted: dead entries cost nothing worth a rebuild. */
const COMPACT_FLOOR = 64;

/** What a cancelled timer runs (never: it is skipped), in place of its callback. */
function cancelled(): void {}

function compare(a: QueuedTimer, b: QueuedTimer): number {
  return a.dueAt - b.dueAt || a.seq - b.seq;
}
