/** Characters of WeChat-style opaque tokens (snTicket is documented as 32 alphanumeric characters). */
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Prefix of room ids, from the documented example `wxf830863afde621ebWmpfVoip112343434123434` (the shape is [I]). */
export const ROOM_ID_PREFIX = 'wxf830863afde621ebWmpfVoip';

/**
 * Deterministic ids and tokens: the same seed gives the same sequence, so a test that replays the same
 * operations sees the same roomIds, tickets and tokens.
 *
 * @example
 * const ids = new IdSource('test-seed');
 * ids.token(32); // 32 alphanumeric characters, identical on every run with this seed
 */
export class IdSource {
  private state: number;
  private counter = 0;

  constructor(seed: string) {
    this.state = hashSeed(seed);
  }

  /** A random-looking alphanumeric token of `length` characters. */
  token(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ALNUM[this.nextUint32() % ALNUM.length];
    return out;
  }

  /** A room id in WeChat's observed shape: the plugin appId, `WmpfVoip`, then 15 digits. */
  roomId(): string {
    let digits = String(1 + (this.nextUint32() % 9));
    for (let i = 0; i < 14; i++) digits += String(this.nextUint32() % 10);
    return `${ROOM_ID_PREFIX}${digits}`;
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

  /** A uniformly distributed 32-bit unsigned integer (mulberry32). */
  nextUint32(): number {
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
