import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AbortRoomBody, AnswerRoomBody, ForceHangUpBody, HangUpRoomBody, RejectRoomBody } from './roomActions.js';

function firstIssue(schema: z.ZodTypeAny, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('room action bodies', () => {
  it('AnswerRoomBody defaults autoAnswered and checks the camera', () => {
    expect(AnswerRoomBody.parse({})).toEqual({ autoAnswered: false });
    expect(AnswerRoomBody.parse({ cameraStatus: 1, autoAnswered: true })).toEqual({ cameraStatus: 1, autoAnswered: true });
    const issue = firstIssue(AnswerRoomBody, { cameraStatus: 2 });
    expect(issue?.path).toEqual(['cameraStatus']);
    expect(issue?.message).toContain('0 (camera on) or 1 (camera off)');
  });

  it('RejectRoomBody takes a local origin, busy and an SDK reason', () => {
    expect(RejectRoomBody.parse({})).toEqual({ origin: 'manual', busy: false });
    expect(RejectRoomBody.parse({ busy: true, reason: 11 })).toEqual({ origin: 'manual', busy: true, reason: 11 });
    const origin = firstIssue(RejectRoomBody, { origin: 'other' });
    expect(origin?.path).toEqual(['origin']);
    expect(origin?.message).toContain("the other side is told 'other'");
    const reason = firstIssue(RejectRoomBody, { reason: 3 });
    expect(reason?.path).toEqual(['reason']);
    expect(reason?.message).toContain('wx_voip_hangup_reason_t');
  });

  it('HangUpRoomBody does not accept timeLimit, which only the platform sets', () => {
    expect(HangUpRoomBody.parse({ origin: 'forceFromApp' })).toEqual({ origin: 'forceFromApp' });
    expect(firstIssue(HangUpRoomBody, { origin: 'timeLimit' })?.path).toEqual(['origin']);
  });

  it('ForceHangUpBody takes an optional roomId guard', () => {
    expect(ForceHangUpBody.parse({})).toEqual({});
    expect(ForceHangUpBody.parse({ roomId: 'r-1' })).toEqual({ roomId: 'r-1' });
    const issue = firstIssue(ForceHangUpBody, { roomId: '' });
    expect(issue?.path).toEqual(['roomId']);
    expect(issue?.message).toContain('roomId must not be empty');
  });

  it('AbortRoomBody needs an errMsg', () => {
    expect(AbortRoomBody.parse({ errMsg: 'call interrupted due to native reason' })).toEqual({
      errMsg: 'call interrupted due to native reason',
      joinFailed: false,
    });
    const issue = firstIssue(AbortRoomBody, {});
    expect(issue?.path).toEqual(['errMsg']);
    expect(issue?.message).toContain('errMsg is required');
  });
});
