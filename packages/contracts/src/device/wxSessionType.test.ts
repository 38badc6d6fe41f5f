import { describe, expect, it } from 'vitest';
import {
  WX_CAMERA_STATUS,
  WX_CLOUDVOIP_SESSION_TYPE,
  WX_VOIP_SESSION_TYPE,
  WxCameraStatus,
  WxCloudVoipSessionType,
  WxVoipSessionType,
  roomTypeOf,
  sessionTypeOf,
} from './wxSessionType.js';

describe('session types', () => {
  it('numbers cloud sessions VIDEO 0, AUDIO 1 (D §2.1) and reuses them for Linux', () => {
    expect(WX_CLOUDVOIP_SESSION_TYPE).toEqual({ VIDEO: 0, AUDIO: 1 });
    expect(WX_VOIP_SESSION_TYPE).toEqual(WX_CLOUDVOIP_SESSION_TYPE);
  });

  it('rejects other numbers with the rule', () => {
    expect(WxCloudVoipSessionType.safeParse(2).error?.issues[0]?.message).toContain('0 (WX_CLOUDVOIP_SESSION_VIDEO) or 1');
    expect(WxVoipSessionType.safeParse(-1).error?.issues[0]?.message).toContain('session_type must be 0 (video) or 1 (audio only)');
  });

  it('maps plugin roomType both ways', () => {
    expect(sessionTypeOf('voice')).toBe(WX_CLOUDVOIP_SESSION_TYPE.AUDIO);
    expect(sessionTypeOf('video')).toBe(WX_CLOUDVOIP_SESSION_TYPE.VIDEO);
    expect(roomTypeOf(sessionTypeOf('voice'))).toBe('voice');
    expect(roomTypeOf(0)).toBe('video');
  });
});

describe('camera status', () => {
  it('is OPEN 0, CLOSE 1', () => {
    expect(WxCameraStatus.parse(WX_CAMERA_STATUS.CLOSE)).toBe(1);
    expect(WxCameraStatus.safeParse(2).error?.issues[0]?.message).toBe('camera_status must be 0 (OPEN) or 1 (CLOSE)');
  });
});
