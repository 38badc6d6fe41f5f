import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  SendHardwareDeviceMessageRequest,
  SendHardwareDeviceMessageResponse,
  type SendHardwareDeviceMessageRequestInput,
} from './deviceMessage.js';

// Example built from the field list of D §4.4.
const request = {
  template_id: 'TEMPLATE_ID',
  sn: 'SN_0001',
  page: 'pages/index/index?from=device',
  to_openid_list: ['o-alice', 'o-bob'],
  miniprogram_state: 'trial',
  modelId: 'model-abc',
  data: { thing2: { value: 'front door' }, time3: { value: '2' } },
  lang: 'zh_CN',
} as const;

const issuesOf = (body: unknown) => SendHardwareDeviceMessageRequest.safeParse(body).error?.issues ?? [];

describe('POST /cgi-bin/message/device/subscribe/send (D §4.4)', () => {
  it('parses the documented request and the plain success', () => {
    expect(SendHardwareDeviceMessageRequest.parse(request)).toEqual(request);
    expect(SendHardwareDeviceMessageResponse.parse({ errcode: 0, errmsg: 'ok' })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(SendHardwareDeviceMessageResponse.parse({ errcode: 43101, errmsg: 'user refuse to accept the msg' }).errcode).toBe(43101);
  });

  it('defaults miniprogram_state to formal and leaves page optional', () => {
    const { page: _page, miniprogram_state: _state, ...minimal } = request;
    expect(SendHardwareDeviceMessageRequest.parse(minimal).miniprogram_state).toBe('formal');
    expectTypeOf<SendHardwareDeviceMessageRequestInput['miniprogram_state']>().toEqualTypeOf<
      'developer' | 'trial' | 'formal' | undefined
    >();
    expectTypeOf<SendHardwareDeviceMessageRequest['miniprogram_state']>().toEqualTypeOf<'developer' | 'trial' | 'formal'>();
  });

  it('accepts model_id in place of modelId, or both when they agree (D §9.9)', () => {
    const { modelId: _modelId, ...withoutModel } = request;
    expect(SendHardwareDeviceMessageRequest.safeParse({ ...withoutModel, model_id: 'model-abc' }).success).toBe(true);
    expect(SendHardwareDeviceMessageRequest.safeParse({ ...request, model_id: 'model-abc' }).success).toBe(true);
  });

  it('requires one of modelId and model_id', () => {
    const { modelId: _modelId, ...withoutModel } = request;
    expect(issuesOf(withoutModel)).toContainEqual(expect.objectContaining({ path: ['modelId'], message: expect.stringContaining('modelId is required') }));
  });

  it('rejects modelId and model_id that disagree', () => {
    expect(issuesOf({ ...request, model_id: 'model-xyz' })).toContainEqual(
      expect.objectContaining({ path: ['model_id'], message: expect.stringContaining('must equal modelId') }),
    );
  });

  it.each([
    [{ ...request, to_openid_list: [] }, ['to_openid_list'], 'at least one openid'],
    [{ ...request, to_openid_list: [''] }, ['to_openid_list', 0], 'non-empty openids'],
    [{ ...request, template_id: '' }, ['template_id'], 'template_id must not be empty'],
    [{ ...request, sn: 'bad sn' }, ['sn'], '[0-9A-Za-z_-]'],
    [{ ...request, lang: 'fr_FR' }, ['lang'], "lang must be one of 'zh_CN'"],
    [{ ...request, miniprogram_state: 'release' }, ['miniprogram_state'], "miniprogram_state must be 'developer', 'trial' or 'formal'"],
    [{ ...request, data: { thing2: { value: 1 } } }, ['data', 'thing2', 'value'], 'data.<key>.value must be a string'],
    [{ ...request, data: undefined }, ['data'], 'data is required'],
  ])('rejects %j at %j', (body, path, message) => {
    expect(issuesOf(body)).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });
});
