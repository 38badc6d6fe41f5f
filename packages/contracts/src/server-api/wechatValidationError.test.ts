import { describe, expect, it } from 'vitest';
import type { ZodTypeAny } from 'zod';
import { wechatApiContract, type WechatRouteKey } from './wechatApiContract.js';
import { wechatRouteErrcodes } from './wechatRouteErrcodes.js';
import { toWechatValidationError, wechatValidationRules } from './wechatValidationError.js';

const routeKeys = Object.keys(wechatApiContract) as WechatRouteKey[];
const device = { model_id: 'model-abc', sn: 'SN_0001' };

/** The schema ts-rest validates for a route: the query of the GET route, the body of the others. */
const requestSchema = (key: WechatRouteKey): ZodTypeAny => {
  const route = wechatApiContract[key];
  return (route.method === 'GET' ? route.query : route.body) as ZodTypeAny;
};
const answer = (key: WechatRouteKey, input: unknown) => {
  const result = requestSchema(key).safeParse(input);
  expect(result.success).toBe(false);
  return toWechatValidationError(key, result.error?.issues ?? []);
};

describe('wechatValidationRules', () => {
  it('covers every route of the contract', () => {
    expect(Object.keys(wechatValidationRules).sort()).toEqual([...routeKeys].sort());
  });

  it.each(routeKeys)('%s answers only errcodes the route documents', (key) => {
    const { fallback, rules } = wechatValidationRules[key];
    expect(wechatRouteErrcodes[key]).toContain(fallback);
    for (const rule of rules) expect(wechatRouteErrcodes[key]).toContain(rule.errcode);
  });
});

describe('toWechatValidationError', () => {
  it.each([
    ['getAccessToken', 40002, 'grant_type', { grant_type: 'password', appid: 'wx1', secret: 's' }],
    ['getAccessToken', 41002, 'appid is required', { grant_type: 'client_credential', secret: 's' }],
    ['getAccessToken', 41004, 'secret is required', { grant_type: 'client_credential', appid: 'wx1' }],
    ['getStableAccessToken', 41004, 'secret is required', { grant_type: 'client_credential', appid: 'wx1' }],
    ['getStableAccessToken', 47001, 'force_refresh', { grant_type: 'client_credential', appid: 'wx1', secret: 's', force_refresh: 1 }],
    // WeChat's documented wire literals (D §4.3, getsnticket page), not our zod text.
    ['getSnTicket', 9800001, 'sn长度不能超过128字节', { sn: 'x'.repeat(129), model_id: 'm' }],
    ['getSnTicket', 9800002, 'sn包含非法字符,请参考文档', { sn: 'bad sn', model_id: 'm' }],
    ['getSnTicket', 9800003, 'model_id检查不通过', { sn: 'SN_1', model_id: '' }],
    ['getSnTicket', 47001, 'model_id is required', { sn: 'SN_1' }],
    ['sendHardwareDeviceMessage', 40032, 'to_openid_list', { template_id: 'T', sn: 'SN_1', modelId: 'm', to_openid_list: [], data: {}, lang: 'zh_CN' }],
    ['sendHardwareDeviceMessage', 47003, 'lang', { template_id: 'T', sn: 'SN_1', modelId: 'm', to_openid_list: ['o'], data: {}, lang: 'xx' }],
    ['createIotGroupId', 9800012, 'group_name must be 1 to 32 bytes', { model_id: 'm', group_name: 'x'.repeat(33) }],
    ['getIotGroupInfo', 9800013, 'group_id must not be empty', { group_id: '' }],
    ['addIotGroupDevice', 9800016, 'at most 200 devices', { group_id: 'G1', device_list: Array.from({ length: 201 }, () => device) }],
    ['addIotGroupDevice', 47001, '(at device_list.0.sn)', { group_id: 'G1', device_list: [{ model_id: 'm', sn: 'bad sn' }] }],
    ['expandGroup', 47001, 'max_device_count must be 200', { group_id: 'G1', max_device_count: 100, province_name: 'p', city_name: 'c' }],
    ['activeLicenseDevice', 9800020, 'at most 100', { pkg_type: 1, device_list: Array.from({ length: 101 }, () => ({ ...device, active_number: 1 })) }],
    ['getLicenseDeviceInfo', 9800020, 'at most 100', { device_list: Array.from({ length: 101 }, () => device) }],
    // A list's size rule does not answer for its items: a too-long item field is a data format error.
    ['addIotGroupDevice', 47001, '(at device_list.0.sn)', { group_id: 'G1', device_list: [{ model_id: 'm', sn: 'x'.repeat(129) }] }],
    ['activeLicenseDevice', 47001, '(at device_list.0.active_number)', { pkg_type: 1, device_list: [{ ...device, active_number: 1e12 }] }],
    ['getLicenseDeviceInfo', 47001, '(at device_list.0.sn)', { device_list: [{ model_id: 'm', sn: 'x'.repeat(129) }] }],
    ['pushAppMsg', 45002, '5120 bytes', { msg: 'x'.repeat(5121), push_token: 'T' }],
    ['pushAppMsg', 40101, 'push_token is required', { msg: 'hi' }],
    ['iotVoipCall', 47001, 'room_type', { model_id: 'm', sn: 'SN_1', openid: 'o', room_type: 'audio' }],
  ] as const)('%s answers %i with an errmsg containing %j', (key, errcode, fragment, input) => {
    const body = answer(key, input);
    expect(body.errcode).toBe(errcode);
    expect(body.errmsg).toContain(fragment);
  });

  it.each([
    [9800001, 'sn长度不能超过128字节', { sn: 'x'.repeat(129), model_id: 'm' }],
    [9800002, 'sn包含非法字符,请参考文档', { sn: 'bad sn', model_id: 'm' }],
    [9800003, 'model_id检查不通过', { sn: 'SN_1', model_id: '' }],
  ] as const)('getSnTicket answers %i with exactly WeChat\'s errmsg %j (D §4.3)', (errcode, errmsg, input) => {
    expect(answer('getSnTicket', input)).toEqual({ errcode, errmsg });
  });

  it('answers the route fallback when there is no issue to report', () => {
    expect(toWechatValidationError('pushAppMsg', [])).toEqual({ errcode: 40101, errmsg: 'invalid request' });
  });
});
