import { describe, expect, it } from 'vitest';
import { JOURNAL_PAGE_MAX, JournalEntry, JournalPage, JournalQuery } from './journal.js';

const request = {
  kind: 'request',
  seq: 1,
  at: 1000,
  operation: 'transport.callDevice',
  method: 'POST',
  path: '/__wxvoip/v1/plugin/call-device',
  status: 200,
  partyId: 'p-1',
  appId: 'wx_demo_app',
  roomId: 'r-1',
  durationMs: 3,
};

describe('JournalEntry', () => {
  it('parses each kind', () => {
    const entries = [
      request,
      { ...request, kind: 'refusal', seq: 2, roomId: null, why: { stage: 'authorization', errcode: 9, rule: 'openid-bob rejected SN-LINUX-0001' } },
      { kind: 'push', seq: 3, at: 1001, partyId: 'p-2', messageType: 'incomingCall', messageSeq: 4, roomId: 'r-1', dropped: true, faultId: 'f-1', acknowledged: false },
      { kind: 'callback', seq: 4, at: 1002, deliveryId: 'd-1', appId: 'wx_demo_app', roomId: 'r-1', attempt: 1, outcome: 'accepted' },
      { kind: 'event', seq: 5, at: 1003, partyId: 'p-1', roomId: 'r-1', side: 'caller', eventName: 'startVoip' },
      { kind: 'platform', seq: 6, at: 1004, event: 'roomAborted', roomId: 'r-1', detail: 'the platform stopped while the room was talking' },
    ];
    for (const entry of entries) expect(JournalEntry.parse(entry)).toEqual(entry);
    expect(JournalPage.parse({ entries, lastSeq: 6, dropped: 0 }).entries).toHaveLength(6);
  });

  it('requires why on a refusal, with a check stage and the rule', () => {
    expect(JournalEntry.safeParse({ ...request, kind: 'refusal' }).error?.issues[0]?.path).toEqual(['why']);
    const stage = JournalEntry.safeParse({ ...request, kind: 'refusal', why: { stage: 'mood', errcode: 9, rule: 'x' } }).error?.issues[0];
    expect(stage?.path).toEqual(['why', 'stage']);
    const rule = JournalEntry.safeParse({ ...request, kind: 'refusal', why: { stage: 'billing', errcode: 15, rule: '' } }).error?.issues[0];
    expect(rule?.message).toContain('which rule failed');
  });

  it('knows only documented event names', () => {
    const issue = JournalEntry.safeParse({ kind: 'event', seq: 5, at: 1, partyId: null, roomId: 'r', side: 'caller', eventName: 'ringing' }).error?.issues[0];
    expect(issue?.path).toEqual(['eventName']);
  });
});

describe('JournalQuery', () => {
  it('coerces query strings and defaults the limit', () => {
    expect(JournalQuery.parse({ kind: 'refusal', roomId: 'r-1', since: '12', limit: '50' })).toEqual({ kind: 'refusal', roomId: 'r-1', since: 12, limit: 50 });
    expect(JournalQuery.parse({})).toEqual({ limit: 100 });
  });

  it('bounds limit and since', () => {
    const limit = JournalQuery.safeParse({ limit: String(JOURNAL_PAGE_MAX + 1) }).error?.issues[0];
    expect(limit?.path).toEqual(['limit']);
    expect(limit?.message).toContain('at most 1000');
    expect(JournalQuery.safeParse({ since: '-1' }).error?.issues[0]?.message).toContain('since must be 0 or more');
    expect(JournalQuery.safeParse({ kind: 'pushes' }).error?.issues[0]?.message).toContain("'request', 'refusal', 'push', 'callback', 'event' or 'platform'");
    expect(JournalQuery.safeParse({ operation: 'wechat.nope' }).error?.issues[0]?.path).toEqual(['operation']);
  });
});
