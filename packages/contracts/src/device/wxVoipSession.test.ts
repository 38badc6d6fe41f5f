import { describe, expect, it } from 'vitest';
import { WX_HANGUP_REASON } from './wxHangupReason.js';
import { WxVoipListenerHangupParams, WxVoipListenerJoinParams, WxVoipSessionCallParams, WxVoipSessionNewParams } from './wxVoipSession.js';

describe('Linux session arguments (D §1.2, §1.5)', () => {
  it('wx_voip_session_new takes a session type and the device member', () => {
    expect(WxVoipSessionNewParams.parse({ session_type: 0, self_member: { id: 'SN_0001', camera_status: 1 } })).toEqual({
      session_type: 0,
      self_member: { name: '', id: 'SN_0001', camera_status: 1 },
    });
    const issue = WxVoipSessionNewParams.safeParse({ session_type: 0 }).error?.issues[0];
    expect(issue?.path).toEqual(['self_member']);
    expect(issue?.message).toContain('device member');
  });

  it('wx_voip_session_call takes the callee', () => {
    expect(WxVoipSessionCallParams.parse({ callee: { id: 'o_abc' } }).callee.id).toBe('o_abc');
    expect(WxVoipSessionCallParams.safeParse({ callee: { id: '' } }).error?.issues[0]?.path).toEqual(['callee', 'id']);
  });

  it('wx_voip_listener_join takes the relayed roomid', () => {
    expect(WxVoipListenerJoinParams.parse({ roomid: 'r1' })).toEqual({ roomid: 'r1' });
    expect(WxVoipListenerJoinParams.safeParse({ roomid: '' }).error?.issues[0]?.message).toContain('roomid must not be empty');
  });

  it('wx_voip_listener_hangup takes roomid and a documented reason', () => {
    expect(WxVoipListenerHangupParams.parse({ roomid: 'r1', reason: WX_HANGUP_REASON.REJECT })).toEqual({ roomid: 'r1', reason: 11 });
    const issue = WxVoipListenerHangupParams.safeParse({ roomid: 'r1', reason: 3 }).error?.issues[0];
    expect(issue?.path).toEqual(['reason']);
    expect(issue?.message).toContain('documented wx_voip_hangup_reason_t');
  });
});
