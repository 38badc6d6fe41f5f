import { createHash } from 'node:crypto';
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
    expect(journal.query({ kind: 'refusal', limit: 10 })).toEqual({ entries: [], lastSeq: 4, dropped: 0 });
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new Journal(() => 0, 0)).toThrow(/positive integer/);
  });
});

describe('Journal budgets and safe bodies (issue 13, findings 2 and 3)', () => {
  const request = (requestBody: unknown) =>
    ({ kind: 'request', operation: 'wechat.getSnTicket', method: 'POST', path: '/wxa/getsnticket', status: 200, partyId: null, appId: null, roomId: null, durationMs: 0, requestBody, responseBody: { errcode: 0, errmsg: 'ok' } }) as const;

  it('keeps a 100,000-deep body as a depth digest, and the page serializes with JSON.stringify', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const journal = new Journal(() => 0);
    journal.append(request(deep));
    const page = journal.query({ limit: 100 });
    expect(page.entries[0]).toMatchObject({ requestDigest: { reason: 'depth', bytes: 200_002, preview: expect.stringMatching(/^\[\[\[/) } });
    expect(page.entries[0]).not.toHaveProperty('requestBody');
    expect(() => JSON.stringify(page)).not.toThrow();
  });

  it('keeps a 1 MB body as a size digest with its byte count and SHA-256, small bodies whole', () => {
    const journal = new Journal(() => 0);
    const body = { sn: 'SN-1', msg: 'a'.repeat(1_000_000) };
    journal.append(request(body));
    journal.append(request({ sn: 'SN-2' }));
    const [big, small] = journal.all();
    const text = JSON.stringify(body);
    expect(big).toMatchObject({ requestDigest: { reason: 'size', bytes: text.length, sha256: createHash('sha256').update(text).digest('hex'), preview: text.slice(0, 256) }, responseBody: { errcode: 0 } });
    expect(small).toMatchObject({ requestBody: { sn: 'SN-2' } });
  });

  it('drops the oldest entries past the byte budget and counts them', () => {
    const journal = new Journal(() => 0, 10_000, 10_000);
    for (let i = 0; i < 100; i++) journal.append(request({ sn: `SN-${i}`, pad: 'x'.repeat(1000) }));
    expect(journal.heldBytes).toBeLessThanOrEqual(10_000);
    expect(journal.size + journal.dropped).toBe(100);
    expect(journal.dropped).toBeGreaterThan(80);
    const page = journal.query({ limit: 100 });
    expect(page.dropped).toBe(journal.dropped);
    expect(page.entries.at(-1)?.seq).toBe(100);
  });

  it('drops the oldest past the entry budget and counts them; a page after since is found directly', () => {
    const journal = new Journal(() => 0, 50);
    for (let i = 0; i < 120; i++) journal.append(request({ i }));
    expect([journal.size, journal.dropped]).toEqual([50, 70]);
    const page = journal.query({ since: 110, limit: 100 });
    expect(page.entries.map((e) => e.seq)).toEqual([111, 112, 113, 114, 115, 116, 117, 118, 119, 120]);
    expect(journal.query({ since: 5, limit: 1 }).entries[0]?.seq).toBe(71);
  });
});
