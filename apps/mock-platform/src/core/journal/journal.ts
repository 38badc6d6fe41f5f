import type { JournalEntry, JournalPage, JournalQuery } from '@wxvoip/contracts';
import { summarizeBody } from './summarizeBody.js';

/** A journal entry as written by the core, before the journal stamps `seq` and `at`. */
export type JournalDraft = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'seq' | 'at'> : never) : never;

/** Default number of entries a journal keeps before dropping the oldest. */
export const DEFAULT_JOURNAL_CAPACITY = 10_000;

/** Default bytes of entries (an estimate of their JSON) a journal keeps before dropping the oldest: 4 MiB. */
export const DEFAULT_JOURNAL_BYTE_BUDGET = 4 * 1024 * 1024;

/** What an entry costs the byte budget besides its bodies: its other fields as JSON, about. */
const ENTRY_OVERHEAD_BYTES = 320;

/**
 * Everything the platform did, in order: requests, refusals (with why), pushes, callbacks and events.
 *
 * - **Safe**: request and response bodies are never kept raw. A small, shallow body is kept whole; anything else as
 *   a digest (byte count, SHA-256, preview; `summarizeBody`), so no body can make reading the journal overflow a
 *   stack or hold megabytes.
 * - **Bounded**: at most `capacity` entries and about `byteBudget` bytes; the oldest go first, and `dropped` (in
 *   every page) counts them.
 * - **Fast**: a ring buffer; appending is O(1) and a page after `since` is found by binary search on `seq`, so
 *   reading the newest 100 entries costs the same whatever was journalled.
 *
 * @example
 * journal.append({ kind: 'event', partyId: 'p1', roomId, side: 'caller', eventName: 'startVoip' });
 * journal.query({ kind: 'event', roomId, limit: 100 });
 */
export class Journal {
  private readonly entries: (JournalEntry | undefined)[];
  private readonly costs: Float64Array;
  private start = 0;
  private length = 0;
  private nextSeq = 1;
  private bytes = 0;
  private droppedCount = 0;
  /** Called after each append (the platform core's change notification listens here). */
  onAppend: (() => void) | undefined;

  constructor(
    private readonly now: () => number,
    readonly capacity: number = DEFAULT_JOURNAL_CAPACITY,
    readonly byteBudget: number = DEFAULT_JOURNAL_BYTE_BUDGET,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`journal capacity must be a positive integer, got ${capacity}`);
    if (!(byteBudget > 0)) throw new RangeError(`journal byte budget must be positive, got ${byteBudget}`);
    this.entries = new Array<JournalEntry | undefined>(capacity);
    this.costs = new Float64Array(capacity);
  }

  /** Entries dropped (oldest first) to stay within the budgets since the journal was created or cleared. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Estimated bytes held (the byte budget's measure). */
  get heldBytes(): number {
    return this.bytes;
  }

  /** Number of entries held. */
  get size(): number {
    return this.length;
  }

  /** The seq the next entry will get. */
  get next(): number {
    return this.nextSeq;
  }

  /**
   * Stamps and stores an entry; returns it. The journal takes the draft over: an entry without bodies (push, event,
   * callback, platform) is stamped in place, so pass a fresh object and do not change it afterwards. A draft may
   * already carry `seq` and `at` (any value; both are overwritten): a caller on a hot path writes them in its literal
   * so that V8 keeps them inside the object rather than adding a property array to every entry (issue 19).
   */
  append(draft: JournalDraft | JournalEntry): JournalEntry {
    const { entry, cost } = safeEntry(draft, this.nextSeq++, this.now());
    if (this.length === this.capacity) this.dropOldest();
    const index = (this.start + this.length) % this.capacity;
    this.entries[index] = entry;
    this.costs[index] = cost;
    this.length++;
    this.bytes += cost;
    while (this.bytes > this.byteBudget && this.length > 1) this.dropOldest();
    this.onAppend?.();
    return entry;
  }

  /** Entries matching a query, oldest first, after `since`, at most `limit`; `lastSeq` is the `since` of the next page. */
  query(query: JournalQuery): JournalPage {
    const items: JournalEntry[] = [];
    for (let i = query.since === undefined ? 0 : this.firstAfter(query.since); i < this.length && items.length < query.limit; i++) {
      const entry = this.entries[(this.start + i) % this.capacity]!;
      if (matches(entry, query)) items.push(entry);
    }
    // A full page resumes after its last entry; otherwise everything up to the newest seq has been seen.
    const lastSeq = items.length === query.limit ? items.at(-1)!.seq : this.nextSeq - 1;
    return { entries: items, lastSeq, dropped: this.droppedCount };
  }

  /** Position (0 = oldest held) of the first entry with a seq above `since`: a binary search, seqs only grow. */
  private firstAfter(since: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[(this.start + middle) % this.capacity]!.seq <= since) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private dropOldest(): void {
    this.bytes -= this.costs[this.start]!;
    this.entries[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.length--;
    this.droppedCount++;
  }

  /** Every entry held, oldest first. */
  all(): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.entries[(this.start + i) % this.capacity]!);
    return out;
  }

  /** Forgets everything; seq keeps growing so a reader's `since` stays meaningful. */
  clear(): void {
    this.entries.fill(undefined);
    this.start = 0;
    this.length = 0;
    this.bytes = 0;
    this.droppedCount = 0;
  }
}

/**
 * The stored form of a draft: request and response bodies summarized (never raw), and what it costs the budget.
 * Request and refusal entries (one per HTTP request) are built as one literal of a fixed shape, with their bodies
 * summarized; other kinds carry no body and are the draft itself, stamped (no copy per push or event; issue 19).
 */
function safeEntry(draft: JournalDraft | JournalEntry, seq: number, at: number): { entry: JournalEntry; cost: number } {
  if (draft.kind !== 'request' && draft.kind !== 'refusal') {
    const stamped = draft as Record<string, unknown>;
    stamped['seq'] = seq;
    stamped['at'] = at;
    return { entry: stamped as JournalEntry, cost: ENTRY_OVERHEAD_BYTES };
  }
  const out: Record<string, unknown> = {
    kind: draft.kind,
    operation: draft.operation,
    method: draft.method,
    path: draft.path,
    status: draft.status,
    partyId: draft.partyId,
    appId: draft.appId,
    roomId: draft.roomId,
    durationMs: draft.durationMs,
  };
  if (draft.kind === 'refusal') out['why'] = draft.why;
  out['seq'] = seq;
  out['at'] = at;
  let cost = ENTRY_OVERHEAD_BYTES + (draft.kind === 'refusal' ? draft.why.rule.length : 0);
  const { requestBody, responseBody } = draft;
  if (requestBody !== undefined) {
    const summary = summarizeBody(requestBody);
    cost += summary.bytes;
    if (summary.kind === 'whole') out['requestBody'] = summary.value;
    else out['requestDigest'] = summary.digest;
  }
  if (responseBody !== undefined) {
    const summary = summarizeBody(responseBody);
    cost += summary.bytes;
    if (summary.kind === 'whole') out['responseBody'] = summary.value;
    else out['responseDigest'] = summary.digest;
  }
  return { entry: out as JournalEntry, cost };
}

function matches(entry: JournalEntry, query: JournalQuery): boolean {
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.roomId !== undefined && (!('roomId' in entry) || entry.roomId !== query.roomId)) return false;
  if (query.party !== undefined && (!('partyId' in entry) || entry.partyId !== query.party)) return false;
  if (query.operation !== undefined && (!('operation' in entry) || entry.operation !== query.operation)) return false;
  return true;
}
