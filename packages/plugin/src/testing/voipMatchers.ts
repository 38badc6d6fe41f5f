import type { VoipEvent } from '@wxvoip/contracts';
// Types only, erased from the JavaScript: brings vitest's declarations into the build for the augmentation below. A
// consumer without vitest (jest) loses nothing at run time; with skipLibCheck its compiler ignores the augmentation.
import type {} from 'vitest';

/** One expected event: its name, or its name with the `data` fields that must match (others are ignored). */
export type VoipSequenceItem = string | { readonly eventName: string; readonly data?: Readonly<Record<string, unknown>>; readonly roomId?: string };

/** Options of `toMatchVoipSequence`. */
export interface VoipSequenceOptions {
  /** Compare `calling` ticks too. Default: only when the expected sequence names `calling`. */
  readonly calling?: boolean;
}

/** What `expect.extend` gives a matcher (the part these matchers use), in vitest and jest alike. */
export interface MatcherContext {
  /** Whether the assertion is negated with `.not`. */
  readonly isNot?: boolean;
  /** Deep equality that understands asymmetric matchers such as `expect.any(Number)`. */
  equals(a: unknown, b: unknown): boolean;
}

/** A matcher's verdict. */
export interface MatcherResult {
  /** Whether it matched. */
  readonly pass: boolean;
  /** The failure message. */
  readonly message: () => string;
}

/** The events a value holds: an event list, or a simulator (its `simulator.events`). */
function eventsOf(received: unknown): readonly VoipEvent[] | undefined {
  if (Array.isArray(received)) return received as VoipEvent[];
  const simulator = (received as { simulator?: { events?: unknown } } | null | undefined)?.simulator;
  return Array.isArray(simulator?.events) ? (simulator.events as VoipEvent[]) : undefined;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'object' && v !== null && 'asymmetricMatch' in v ? String(v) : v));
  return json === undefined ? String(value) : json;
}

function describeExpected(item: VoipSequenceItem | undefined): string {
  if (item === undefined) return '—';
  if (typeof item === 'string') return item;
  return [item.eventName, item.roomId === undefined ? '' : `@${item.roomId}`, show(item.data)].filter((s) => s !== '').join(' ');
}

function describeReceived(event: VoipEvent | undefined): string {
  if (event === undefined) return '—';
  return event.data === undefined ? event.eventName : `${event.eventName} ${show(event.data)}`;
}

function matches(ctx: MatcherContext, event: VoipEvent | undefined, item: VoipSequenceItem | undefined): boolean {
  if (event === undefined || item === undefined) return false;
  if (typeof item === 'string') return event.eventName === item;
  if (event.eventName !== item.eventName) return false;
  if (item.roomId !== undefined && event.roomId !== item.roomId) return false;
  if (item.data === undefined) return true;
  const data = (event.data ?? {}) as Record<string, unknown>;
  return Object.entries(item.data).every(([key, value]) => ctx.equals(data[key], value));
}

/** One row of the side-by-side diff. */
interface AlignedRow {
  /** `same`: both sides match; `missing`: expected, did not arrive; `unexpected`: arrived, not expected. */
  readonly kind: 'same' | 'missing' | 'unexpected';
  /** The expected item of the row. */
  readonly expected?: VoipSequenceItem;
  /** The received event of the row. */
  readonly received?: VoipEvent;
}

/** Aligns the two sequences on their longest common subsequence, so one missing event shows as one line. */
function alignSequences(ctx: MatcherContext, expected: readonly VoipSequenceItem[], events: readonly VoipEvent[]): AlignedRow[] {
  const n = expected.length;
  const m = events.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => lcs[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    const row = lcs[i];
    if (row === undefined) continue;
    for (let j = m - 1; j >= 0; j -= 1) row[j] = matches(ctx, events[j], expected[i]) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  }
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && matches(ctx, events[j], expected[i])) {
      rows.push({ kind: 'same', expected: expected[i], received: events[j] });
      i += 1;
      j += 1;
    } else if (i < n && (j >= m || at(i + 1, j) >= at(i, j + 1))) {
      rows.push({ kind: 'missing', expected: expected[i] });
      i += 1;
    } else {
      rows.push({ kind: 'unexpected', received: events[j] });
      j += 1;
    }
  }
  return rows;
}

/**
 * `expect(events).toMatchVoipSequence(expected, options?)`: the `onVoipEvent` events (an array, or a simulator)
 * are exactly `expected`, in order; an object item also checks the `data` fields it names. `calling` ticks are
 * skipped unless `expected` names them. A failure prints both sequences side by side, aligned on what they share:
 * `-` marks an expected event that did not arrive, `+` one that arrived unexpected.
 */
function toMatchVoipSequence(this: MatcherContext, received: unknown, expected: readonly VoipSequenceItem[], options: VoipSequenceOptions = {}): MatcherResult {
  const all = eventsOf(received);
  if (all === undefined) {
    return { pass: false, message: () => `toMatchVoipSequence expects an array of VoIP events or a plugin simulator, got ${show(received) || String(received)}` };
  }
  const calling = options.calling ?? expected.some((item) => (typeof item === 'string' ? item : item.eventName) === 'calling');
  const events = calling ? all : all.filter((event) => event.eventName !== 'calling');
  const pass = events.length === expected.length && events.every((event, i) => matches(this, event, expected[i]));
  const message = () => {
    const rows = alignSequences(this, expected, events);
    const width = Math.max('expected'.length, ...rows.map((row) => describeExpected(row.expected).length));
    const mark = { same: ' ', missing: '-', unexpected: '+' } as const;
    const lines = [
      `expected the VoIP events ${this.isNot === true ? 'not ' : ''}to match this sequence${calling ? '' : ' (calling ticks skipped)'}:`,
      `    ${'expected'.padEnd(width)}   received`,
      ...rows.map((row) => `  ${mark[row.kind]} ${(row.kind === 'unexpected' ? '' : describeExpected(row.expected)).padEnd(width)}   ${row.kind === 'missing' ? '' : describeReceived(row.received)}`.trimEnd()),
    ];
    if (!pass) lines.push('(- expected but did not arrive, + arrived but not expected)');
    return lines.join('\n');
  };
  return { pass, message };
}

/**
 * Matchers for `expect.extend` (vitest or jest). `useWmpfVoipTesting({ ..., expect })` registers them for you.
 *
 * @example
 * expect.extend(voipMatchers);
 * expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip']);
 */
export const voipMatchers = { toMatchVoipSequence };

/** The matchers' signatures on an assertion (`expect(x).toMatchVoipSequence(...)`). */
export interface VoipMatchers<R = unknown> {
  /** The events (an array, or a simulator's) are exactly `expected`, in order; see {@link VoipSequenceItem}. */
  toMatchVoipSequence(expected: readonly VoipSequenceItem[], options?: VoipSequenceOptions): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type -- vitest's own declaration of Matchers reads `T = any`
  interface Matchers<T = any> extends VoipMatchers<T> {}
}
