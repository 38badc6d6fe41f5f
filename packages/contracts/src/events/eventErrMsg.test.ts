import { describe, expect, it } from 'vitest';
import { ABORT_ERR_MSG_STATUS, ABORT_VOIP_ERR_MSG, JOIN_FAIL_ERR_MSG, KnownAbortVoipErrMsg, KnownJoinFailErrMsg } from './eventErrMsg.js';

describe('known event errMsg strings (P §6.4)', () => {
  it('keeps the five abortVoip literals verbatim, typo included', () => {
    expect(KnownAbortVoipErrMsg.options).toEqual([
      'room status is abort',
      'listener waitOtherToJoin timeout',
      'call interrupted due to close passive float ball',
      'in comming call',
      'call interrupted due to native reason',
    ]);
    expect(KnownAbortVoipErrMsg.safeParse('in coming call').success).toBe(false);
  });

  it('keeps the joinFailCaller literal', () => {
    expect(KnownJoinFailErrMsg.parse(JOIN_FAIL_ERR_MSG.alreadyInRoom)).toBe('Already in room or joining');
  });

  it('pairs the two errMsgs that P §6.4 ties to a status', () => {
    expect(ABORT_ERR_MSG_STATUS[ABORT_VOIP_ERR_MSG.roomStatusIsAbort]).toBe('unknown');
    expect(ABORT_ERR_MSG_STATUS[ABORT_VOIP_ERR_MSG.listenerWaitTimeout]).toBe('abortByListener');
    expect(ABORT_ERR_MSG_STATUS[ABORT_VOIP_ERR_MSG.incomingCall]).toBeUndefined();
  });
});
