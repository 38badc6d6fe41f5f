import { describe, expect, it } from 'vitest';
import { IdSource, ROOM_ID_PREFIX } from './idSource.js';

describe('IdSource', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new IdSource('seed-1');
    const b = new IdSource('seed-1');
    const c = new IdSource('seed-2');
    const seqA = [a.token(32), a.roomId(), a.token(8)];
    expect([b.token(32), b.roomId(), b.token(8)]).toEqual(seqA);
    expect(c.token(32)).not.toBe(seqA[0]);
  });

  it('makes snTicket-shaped tokens: 32 alphanumeric characters', () => {
    const ids = new IdSource('x');
    for (let i = 0; i < 50; i++) expect(ids.token(32)).toMatch(/^[0-9A-Za-z]{32}$/);
  });

  it('makes room ids in the documented example shape, without repeats in a long run', () => {
    const ids = new IdSource('rooms');
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const id = ids.roomId();
      expect(id.startsWith(ROOM_ID_PREFIX)).toBe(true);
      expect(id.slice(ROOM_ID_PREFIX.length)).toMatch(/^[1-9]\d{14}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(5000);
  });

  it('makes increasing readable sequential ids', () => {
    const ids = new IdSource('s');
    expect([ids.sequential('grp_'), ids.sequential('grp_')]).toEqual(['grp_000001', 'grp_000002']);
  });

  it('in random mode draws from the CSPRNG: two sources with the same seed never agree, every character is used', () => {
    const a = new IdSource('seed-1', 'random');
    const b = new IdSource('seed-1', 'random');
    expect(a.token(136)).not.toBe(b.token(136));
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const char of a.token(32)) seen.add(char);
    expect(seen.size).toBe(62);
    expect(a.roomId().slice(ROOM_ID_PREFIX.length)).toMatch(/^[1-9]\d{14}$/);
  });
});
