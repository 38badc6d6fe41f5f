import { describe, expect, it } from 'vitest';
import {
  BindVoipAdminContactRequest,
  DeleteVoipBindContactRequest,
  FacePayContactResult,
  GetBindContactPathRequest,
  GetBindContactPathResult,
  GetVoipBindContactListRequest,
  GetVoipBindContactListResult,
  TranserAdminRequest,
} from './facePayContacts.js';

describe('campus face-pay contact APIs (P §5.8)', () => {
  it('parse their documented arguments', () => {
    expect(BindVoipAdminContactRequest.parse({ userId: 'u1' })).toEqual({ userId: 'u1' });
    expect(GetBindContactPathRequest.parse({ userId: 'u1', userName: 'Kid', userAvatar: 'https://x/a.png' })).toMatchObject({ userName: 'Kid' });
    expect(GetBindContactPathRequest.parse({ userId: 'u1' })).toEqual({ userId: 'u1' });
    expect(GetVoipBindContactListRequest.parse({ userId: 'u1' })).toEqual({ userId: 'u1' });
    expect(DeleteVoipBindContactRequest.parse({ userId: 'u1', openidList: ['o1'] })).toEqual({ userId: 'u1', openidList: ['o1'] });
    expect(TranserAdminRequest.parse({ userId: 'u1', newAdminOpenid: 'o2' })).toEqual({ userId: 'u1', newAdminOpenid: 'o2' });
  });

  it.each([
    [BindVoipAdminContactRequest, {}, ['userId'], 'userId is required'],
    [GetVoipBindContactListRequest, { userId: '' }, ['userId'], 'userId must not be empty'],
    [DeleteVoipBindContactRequest, { userId: 'u1', openidList: 'o1' }, ['openidList'], 'openidList must be an array of openIds'],
    [TranserAdminRequest, { userId: 'u1', newAdminOpenid: '' }, ['newAdminOpenid'], 'openId must not be empty'],
    [GetBindContactPathRequest, { userId: 'u1', userName: 1 }, ['userName'], 'userName must be a string'],
  ])('rejects a bad argument (%#)', (schema, input, path, message) => {
    expect(schema.safeParse(input).error?.issues[0]).toMatchObject({ path, message: expect.stringContaining(message) });
  });

  it('parses results', () => {
    const list = [{ user_id: 'u1', is_ad: 1, openid_list: ['o1', 'o2'] }];
    expect(GetVoipBindContactListResult.parse(list)).toEqual(list);
    expect(GetVoipBindContactListResult.safeParse([{ ...list[0], is_ad: 2 }]).error?.issues[0]).toMatchObject({ path: [0, 'is_ad'], message: 'is_ad must be 1 (admin) or 0 (contact)' });
    expect(GetBindContactPathResult.safeParse('').success).toBe(false);
    expect(FacePayContactResult.parse({ anything: true })).toEqual({ anything: true });
  });
});
