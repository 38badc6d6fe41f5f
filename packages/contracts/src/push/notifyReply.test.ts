import { describe, expect, it } from 'vitest';
import { NOTIFY_REPLY_OK, NotifyReply, notifyReplyOutcome } from './notifyReply.js';

describe('NotifyReply (D §2.3)', () => {
  it('errcode 0 rings, anything else cancels', () => {
    expect(notifyReplyOutcome(NotifyReply.parse(NOTIFY_REPLY_OK))).toBe('ring');
    expect(notifyReplyOutcome(NotifyReply.parse({ errcode: 0 }))).toBe('ring');
    expect(notifyReplyOutcome(NotifyReply.parse({ errcode: 1, errmsg: 'busy' }))).toBe('cancel');
    expect(notifyReplyOutcome(NotifyReply.parse({ errcode: -1 }))).toBe('cancel');
  });

  it('requires errcode with a message saying what it does', () => {
    const issue = NotifyReply.safeParse({ errmsg: 'ok' }).error?.issues[0];
    expect(issue?.path).toEqual(['errcode']);
    expect(issue?.message).toContain('0 lets the phone ring, anything else cancels the call');
  });

  it('rejects a non-integer errcode', () => {
    const issue = NotifyReply.safeParse({ errcode: 0.5 }).error?.issues[0];
    expect(issue?.path).toEqual(['errcode']);
    expect(issue?.message).toBe('errcode must be an integer');
  });
});
