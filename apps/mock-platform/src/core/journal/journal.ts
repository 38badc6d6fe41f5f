import type { JournalEntry, JournalPage, JournalQuery } from '@wxvoip/contracts';

/** A journal entry as written by the core, before the journal stamps `seq` and `at`. */
export type JournalDraft = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'seq' | 'at'> : never) : never;

/** Default number of entries a journal keeps before dropping the oldest. */
export const DEFAULT_JOURNAL_CAPACITY = 10_000;

/**
 * Everything the platform did, in order: requests, refusals (with why), pushes, callbacks and events.
 * A ring buffer: appending is O(1) and the oldest entries go once `capacity` is reached.
 *
 * @example
 * journal.append({ kind: 'event', partyId: 'p1', roomId, side: 'caller', eventName: 'startVoip' });
 * journal.query({ kind: 'event', roomId, limit: 100 });
 */
export class Journal {
  private readonly entries: (JournalEntry | undefined)[];
  private start = 0;
  private length = 0;
  private nextSeq = 1;
  /** Called after each append (the platform core's change notification listens here). */
  onAppend: (() => void) | undefined;

  constructor(
    private readonly now: () => number,
    readonly capacity: number = DEFAULT_JOURNAL_CAPACITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`journal capacity must be a positive integer, got ${capacity}`);
    this.entries = new Array<JournalEntry | undefined>(capacity);
  }

  /** Number of entries held. */
  get size(): number {
    return this.length;
  }

  /** The seq the next entry will get. */
  get next(): number {
    return this.nextSeq;
  }

  /** Stamps and stores an entry; returns it. */
  append(draft: JournalDraft): JournalEntry {
    const entry = { ...draft, seq: this.nextSeq++, at: this.now() } as JournalEntry;
    const index = (this.start + this.length) % this.capacity;
    this.entries[index] = entry;
    if (this.length < this.capacity) this.length++;
    else this.start = (this.start + 1) % this.capacity;
    this.onAppend?.();
    return entry;
  }

  /** Entries matching a query, oldest first, after `since`, at most `limit`; `lastSeq` is the `since` of the next page. */
  query(query: JournalQuery): JournalPage {
    const items: JournalEntry[] = [];
    for (let i = 0; i < this.length && items.length < query.limit; i++) {
      const entry = this.entries[(this.start + i) % this.capacity]!;
      if (query.since !== undefined && entry.seq <= query.since) continue;
      if (matches(entry, query)) items.push(entry);
    }
    // A full page resumes after its last entry; otherwise everything up to the newest seq has been seen.
    const lastSeq = items.length === query.limit ? items.at(-1)!.seq : this.nextSeq - 1;
    return { entries: items, lastSeq };
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
  }
}

function matches(entry: JournalEntry, query: JournalQuery): boolean {
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.roomId !== undefined && (!('roomId' in entry) || entry.roomId !== query.roomId)) return false;
  if (query.party !== undefined && (!('partyId' in entry) || entry.partyId !== query.party)) return false;
  if (query.operation !== undefined && (!('operation' in entry) || entry.operation !== query.operation)) return false;
  return true;
}
