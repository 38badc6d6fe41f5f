/** Characters of WeChat-style opaque tokens (snTicket is documented as 32 alphanumeric characters). */
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM_CODES = Array.from(ALNUM, (c) => c.charCodeAt(0));

/** Prefix of room ids, from the documented example `wxf830863afde621ebWmpfVoip112343434123434` (the shape is [I]). */
export const ROOM_ID_PREFIX = 'wxf830863afde621ebWmpfVoip';
const ROOM_ID_PREFIX_CODES = Array.from(ROOM_ID_PREFIX, (c) => c.charCodeAt(0));

/**
 * Where the random part of ids and tokens comes from:
 *
 * - `deterministic`: a PRNG (mulberry32) seeded from the namespace, so a test that replays the same operations sees
 *   the same roomIds, tickets and tokens. The default on a manual clock. Anyone who knows the seed can predict every
 *   token, and a reset starts the sequence again: never on a platform others can reach.
 * - `random`: Web Crypto's `crypto.getRandomValues` (a CSPRNG; the same as `node:crypto` in Node), so tokens are
 *   unguessable and never repeat across restarts or resets. The default on the real clock.
 */
export type IdMode = 'deterministic' | 'random';

/** Uint32s drawn from the CSPRNG at a time, so that one call of getRandomValues serves many characters. */
const RANDOM_BATCH = 2048;

/** Largest multiple of the alphabet size below 2^32: draws at or above it are redrawn (no modulo bias). */
const UNBIASED_LIMIT = Math.floor(0x1_0000_0000 / ALNUM.length) * ALNUM.length;

/**
 * Ids and tokens of one namespace: opaque tokens, room ids and readable sequential ids. Tokens and room ids come
 * from a seeded PRNG (`deterministic`: reproducible) or from the CSPRNG (`random`: unguessable); see {@link IdMode}.
 * Sequential ids (`party_000001`, `fault_000001`) are counters either way: they name things, they grant nothing.
 *
 * @example
 * const ids = new IdSource('test-seed');
 * ids.token(32); // 32 alphanumeric characters, identical on every run with this seed
 * new IdSource('x', 'random').token(32); // unguessable
 */
export class IdSource {
  private state: number;
  private counter = 0;
  /** CSPRNG draws not used yet; allocated on the first random draw (a deterministic source never needs it). */
  private batch: Uint32Array | undefined;
  private batchIndex = RANDOM_BATCH;

  constructor(
    seed: string,
    /** Where the random part comes from. Default `deterministic`. */
    readonly mode: IdMode = 'deterministic',
  ) {
    this.state = hashSeed(seed);
  }

  /**
   * A random-looking alphanumeric token of `length` characters. Built from character codes in one step: a string
   * grown one character at a time is a chain of `length` rope nodes, which a stored token (a ticket, a session key)
   * would keep for its whole life (about 1 KB instead of 60 bytes; issue 19).
   */
  token(length: number): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; ) {
      const draw = this.nextUint32();
      if (draw < UNBIASED_LIMIT) codes[i++] = ALNUM_CODES[draw % ALNUM_CODES.length]!;
    }
    return String.fromCharCode(...codes);
  }

  /** A room id in WeChat's observed shape: the plugin appId, `WmpfVoip`, then 15 digits (built flat, like tokens). */
  roomId(): string {
    const codes = ROOM_ID_PREFIX_CODES.slice();
    codes.push(0x31 + (this.nextUint32() % 9));
    for (let i = 0; i < 14; i++) codes.push(0x30 + (this.nextUint32() % 10));
    return String.fromCharCode(...codes);
  }

  /** A readable, strictly increasing id with a prefix (for journal entries, parties, groups). */
  sequential(prefix: string): string {
    this.counter++;
    return `${prefix}${this.counter.toString().padStart(6, '0')}`;
  }

  /** Where the sequence stands (the state file keeps it, so ids issued after a restart never repeat earlier ones). */
  snapshot(): { state: number; counter: number } {
    return { state: this.state, counter: this.counter };
  }

  /** Continues a sequence from a {@link IdSource.snapshot}. */
  restore(saved: { state: number; counter: number }): void {
    this.state = saved.state | 0;
    this.counter = saved.counter;
  }

  /** A uniformly distributed 32-bit unsigned integer: mulberry32, or the CSPRNG in `random` mode. */
  nextUint32(): number {
    if (this.mode === 'random') {
      if (this.batch === undefined || this.batchIndex >= RANDOM_BATCH) {
        this.batch ??= new Uint32Array(RANDOM_BATCH);
        globalThis.crypto.getRandomValues(this.batch);
        this.batchIndex = 0;
      }
      return this.batch[this.batchIndex++]!;
    }
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}

/** FNV-1a over the seed's UTF-16 code units. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
