import { describe, expect, it } from 'vitest';
import { GetIotBindContactListRequest, GetIotBindContactListResult, IotBindContact } from './iotBindContactList.js';

describe('getIotBindContactList (P §5.7)', () => {
  const request = { sn: 'SN_0001', model_id: 'model-1', openid_list: ['o3x_a', 'o3x_b'] };

  it('parses the snake_case request', () => {
    expect(GetIotBindContactListRequest.parse(request)).toEqual(request);
  });

  it.each([
    [{ openid_list: 'o3x' }, ['openid_list'], 'openid_list must be an array of openIds'],
    [{ openid_list: undefined }, ['openid_list'], 'openid_list is required'],
    [{ openid_list: [''] }, ['openid_list', 0], 'openId must not be empty'],
    [{ sn: 'a b' }, ['sn'], '[0-9A-Za-z_-]'],
    [{ model_id: '' }, ['model_id'], 'modelId must not be empty'],
  ])('rejects %j', (patch, path, message) => {
    expect(GetIotBindContactListRequest.safeParse({ ...request, ...patch }).error?.issues[0]).toMatchObject({ path, message: expect.stringContaining(message) });
  });

  it('parses results in both item shapes the sources show (P §12.10)', () => {
    const result = {
      errcode: 0,
      errmsg: 'ok',
      contact_list: [
        { openid: 'o3x_a', status: 1 },
        { sn: 'SN_0001', model_id: 'model-1', status: 0 },
      ],
    };
    expect(GetIotBindContactListResult.parse(result)).toEqual(result);
  });

  it('rejects a status other than 0 or 1', () => {
    expect(IotBindContact.safeParse({ openid: 'o3x', status: 2 }).error?.issues[0]).toMatchObject({
      path: ['status'],
      message: 'status must be 1 (authorized) or 0 (not authorized)',
    });
  });
});
