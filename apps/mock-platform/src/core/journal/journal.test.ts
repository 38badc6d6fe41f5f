import { describe, expect, it } from 'vitest';
import { Journal } from './journal.js';

function eventEntry(roomId: string, partyId = 'p1') {
  return { kind: 'event' as const, partyId, roomId, side: 'caller' as const, eventName: 'startVoip' as const };
}

describe('Journal', () => {
  it('stamps increasing seqs and the clock time', () => {
    let now = 100;
    const journal = new Journal(() => now);
    const first = journal.append(eventEntry('r1'));
    now = 250;
    const second = journal.append(eventEntry('r2'));
    expect([first.seq, first.at, second.seq, second.at]).toEqual([1, 100, 2, 250]);
  });

  it('drops the oldest entries past its capacity while seqs keep growing', () => {
    const journal = new Journal(() => 0, 3);
    for (let i = 1; i <= 5; i++) journal.append(eventEntry(`r${i}`));
    expect(journal.size).toBe(3);
    expect(journal.all().map((e) => e.seq)).toEqual([3, 4, 5]);
    journal.clear();
    expect(journal.append(eventEntry('r6')).seq).toBe(6);
  });

  it('filters by kind, room, party and since, and pages with lastSeq', () => {
    const journal = new Journal(() => 0);
    journal.append(eventEntry('r1', 'p1'));
    journal.append({ kind: 'callback', deliveryId: 'cb1', appId: 'a', roomId: 'r1', attempt: 1, outcome: 'accepted' });
    journal.append(eventEntry('r2', 'p2'));
    journal.append(eventEntry('r1', 'p2'));
    expect(journal.query({ kind: 'event', roomId: 'r1', limit: 100 }).entries.map((e) => e.seq)).toEqual([1, 4]);
    expect(journal.query({ party: 'p2', limit: 100 }).entries.map((e) => e.seq)).toEqual([3, 4]);
    const page = journal.query({ limit: 2 });
    expect(page).toMatchObject({ lastSeq: 2 });
    expect(journal.query({ since: page.lastSeq, limit: 2 }).entries.map((e) => e.seq)).toEqual([3, 4]);
    expect(journal.query({ kind: 'refusal', limit: 10 })).toEqual({ entries: [], lastSeq: 4 });
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new Journal(() => 0, 0)).toThrow(/positive integer/);
  });
});
