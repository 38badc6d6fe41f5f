import { describe, expect, it } from 'vitest';
import { WxDeviceMember, WxUserMember } from './wxMember.js';

describe('WxDeviceMember', () => {
  it('defaults name to "" and the camera to open', () => {
    expect(WxDeviceMember.parse({ id: 'SN_0001' })).toEqual({ name: '', id: 'SN_0001', camera_status: 0 });
  });

  it('rejects a display name: WeChat shows the authorized device name', () => {
    const issue = WxDeviceMember.safeParse({ name: 'Front door', id: 'SN_0001' }).error?.issues[0];
    expect(issue?.path).toEqual(['name']);
    expect(issue?.message).toContain('name must be "" for the device member');
  });

  it('requires the SN as id', () => {
    const issue = WxDeviceMember.safeParse({ id: 'SN 1' }).error?.issues[0];
    expect(issue?.path).toEqual(['id']);
    expect(issue?.message).toContain('(the SN) may only contain');
  });
});

describe('WxUserMember', () => {
  it('takes a nickname, an openId and a camera status', () => {
    expect(WxUserMember.parse({ name: 'Mum', id: 'o_abc', camera_status: 1 })).toEqual({ name: 'Mum', id: 'o_abc', camera_status: 1 });
    expect(WxUserMember.parse({ id: 'o_abc' }).name).toBe('');
  });

  it('requires the openId', () => {
    const issue = WxUserMember.safeParse({ name: 'Mum' }).error?.issues[0];
    expect(issue?.path).toEqual(['id']);
    expect(issue?.message).toContain("id is required (the user's openId");
  });

  it('rejects a camera status outside 0/1', () => {
    expect(WxUserMember.safeParse({ id: 'o_abc', camera_status: 2 }).error?.issues[0]?.path).toEqual(['camera_status']);
  });
});
