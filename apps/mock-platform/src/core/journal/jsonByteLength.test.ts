import { describe, expect, it } from 'vitest';
import { jsonByteLength } from './jsonByteLength.js';

const truth = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');

/** A small deterministic generator (mulberry32), so a failure is reproducible from its seed. */
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', 'é', 'ß', '中', '\u2028', '\ud83d\udcde', '\ud800', '\udc00', '\uffff'];

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 0 ? 10 : 6));
  switch (pick) {
    case 0:
      return Array.from({ length: Math.floor(next() * 8) }, () => CHARS[Math.floor(next() * CHARS.length)]).join('');
    case 1:
      return [0, -0, 1.5, -42, 1e21, 1e-7, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 123456789.125][Math.floor(next() * 10)];
    case 2:
      return next() < 0.5;
    case 3:
      return null;
    case 4:
      return undefined;
    case 5:
      return Math.floor(next() * 1000);
    case 6:
    case 7:
      return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth - 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--) out[String(randomValue(next, 0))] = randomValue(next, depth - 1);
      return out;
    }
  }
}

describe('jsonByteLength', () => {
  it('equals the UTF-8 length of JSON.stringify for 5,000 random JSON values (escapes, surrogates, numbers, holes)', () => {
    for (let seed = 1; seed <= 5000; seed++) {
      const value = randomValue(rng(seed), 4);
      expect([seed, jsonByteLength(value, 32, 1_000_000)]).toEqual([seed, truth(value)]);
    }
  });

  it('counts integers around every power of ten, negatives and the edge where it hands over to String()', () => {
    const integers: number[] = [0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, 1e21 - 65536, 1765432109876];
    for (let power = 1; power <= 1e16; power *= 10) integers.push(power - 1, power, power + 1, -power + 1, -power, -power - 1);
    for (const n of integers) expect([n, jsonByteLength({ n }, 32, 10_000)]).toEqual([n, truth({ n })]);
  });

  it('counts what JSON.stringify leaves out or writes as null: undefined members, functions, holes, NaN', () => {
    const value = { a: undefined, f: () => 1, s: Symbol('x'), list: [undefined, () => 1, Number.NaN, , 1], ok: 'y' }; // eslint-disable-line no-sparse-arrays
    expect(jsonByteLength(value, 32, 10_000)).toBe(truth(value));
  });

  it('gives up (undefined) past the depth or byte limit, and for values that are not plain data', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : [nest(levels - 1)]);
    expect(jsonByteLength(nest(32), 32, 10_000)).toBe(truth(nest(32)));
    expect(jsonByteLength(nest(33), 32, 10_000)).toBeUndefined();
    expect(jsonByteLength({ s: 'x'.repeat(100) }, 32, 50)).toBeUndefined();
    expect(jsonByteLength({ s: 'x'.repeat(100) }, 32, 108)).toBe(108);
    expect(jsonByteLength({ at: new Date(0) }, 32, 10_000)).toBeUndefined();
    expect(jsonByteLength(new Map(), 32, 10_000)).toBeUndefined();
    expect(jsonByteLength({ n: 10n }, 32, 10_000)).toBeUndefined();
  });
});
