import { describe, expect, it } from 'vitest';
import {
  AddIotGroupDeviceRequest,
  AddIotGroupDeviceResponse,
  CreateIotGroupIdRequest,
  CreateIotGroupIdResponse,
  ExpandGroupRequest,
  ExpandGroupResponse,
  GetIotGroupInfoRequest,
  GetIotGroupInfoResponse,
  RemoveIotGroupDeviceRequest,
  RemoveIotGroupDeviceResponse,
} from './deviceGroup.js';
import { GROUP_EXPANDED_MAX_DEVICE_COUNT } from './serverApiLimits.js';

// Examples built from the field lists of D §4.5–§4.9.
const device = { model_id: 'model-abc', sn: 'SN_0001' };
const devices = (count: number) => Array.from({ length: count }, (_, i) => ({ model_id: 'model-abc', sn: `SN_${i}` }));
const issuesOf = (schema: { safeParse: (v: unknown) => { error?: { issues: unknown[] } } }, body: unknown) =>
  schema.safeParse(body).error?.issues ?? [];

describe('POST /wxa/business/group/createid (D §4.5)', () => {
  it('parses the documented request and success', () => {
    expect(CreateIotGroupIdRequest.parse({ model_id: 'model-abc', group_name: 'Class 3' })).toEqual({ model_id: 'model-abc', group_name: 'Class 3' });
    expect(CreateIotGroupIdResponse.parse({ errcode: 0, errmsg: 'ok', group_id: 'G1' })).toEqual({ errcode: 0, errmsg: 'ok', group_id: 'G1' });
  });

  it('counts group_name in UTF-8 bytes: 32 ASCII or 10 Chinese characters fit', () => {
    expect(CreateIotGroupIdRequest.safeParse({ ...device, group_name: 'x'.repeat(32) }).success).toBe(true);
    expect(CreateIotGroupIdRequest.safeParse({ ...device, group_name: '校'.repeat(10) }).success).toBe(true);
  });

  it.each([
    ['x'.repeat(33)],
    ['校'.repeat(11)],
    [''],
  ])('rejects group_name %j as not 1 to 32 bytes', (group_name) => {
    expect(issuesOf(CreateIotGroupIdRequest, { model_id: 'model-abc', group_name })).toContainEqual(
      expect.objectContaining({ path: ['group_name'], message: expect.stringContaining('group_name must be 1 to 32 bytes') }),
    );
  });

  it('rejects a missing model_id', () => {
    expect(issuesOf(CreateIotGroupIdRequest, { group_name: 'G' })).toContainEqual(
      expect.objectContaining({ path: ['model_id'], message: 'model_id is required' }),
    );
  });
});

describe('POST /wxa/business/group/getinfo (D §4.6)', () => {
  const info = { errcode: 0, errmsg: 'ok', group_name: 'Class 3', model_id: 'model-abc', model_type: '校园电话', device_list: [device] };

  it('parses the documented request and success, with or without max_device_count', () => {
    expect(GetIotGroupInfoRequest.parse({ group_id: 'G1' })).toEqual({ group_id: 'G1' });
    expect(GetIotGroupInfoResponse.parse(info)).toEqual(info);
    expect(GetIotGroupInfoResponse.parse({ ...info, max_device_count: 50 })).toEqual({ ...info, max_device_count: 50 });
  });

  it('rejects an empty group_id and a max_device_count other than 50 or 200', () => {
    expect(issuesOf(GetIotGroupInfoRequest, { group_id: '' })).toContainEqual(
      expect.objectContaining({ path: ['group_id'], message: expect.stringContaining('group_id must not be empty') }),
    );
    expect(GetIotGroupInfoResponse.safeParse({ ...info, max_device_count: 100 }).success).toBe(false);
  });
});

describe('POST /wxa/business/group/adddevice (D §4.7)', () => {
  it('parses the documented request with force_add and the per-device result', () => {
    const body = { group_id: 'G1', device_list: [device], force_add: true };
    expect(AddIotGroupDeviceRequest.parse(body)).toEqual(body);
    expect(AddIotGroupDeviceRequest.parse({ group_id: 'G1', device_list: [device] }).force_add).toBeUndefined();
    const result = { errcode: 0, errmsg: 'ok', device_list: [{ ...device, errcode: 9800018 }] };
    expect(AddIotGroupDeviceResponse.parse(result)).toEqual(result);
  });

  it('accepts up to 200 devices, the size of an expanded group', () => {
    expect(AddIotGroupDeviceRequest.safeParse({ group_id: 'G1', device_list: devices(GROUP_EXPANDED_MAX_DEVICE_COUNT) }).success).toBe(true);
  });

  it.each([
    ['201 devices', { group_id: 'G1', device_list: devices(201) }, ['device_list'], 'at most 200 devices'],
    ['no device', { group_id: 'G1', device_list: [] }, ['device_list'], 'at least one device'],
    ['a bad sn', { group_id: 'G1', device_list: [{ model_id: 'model-abc', sn: 'bad sn' }] }, ['device_list', 0, 'sn'], '[0-9A-Za-z_-]'],
    ['a device without model_id', { group_id: 'G1', device_list: [{ sn: 'SN_1' }] }, ['device_list', 0, 'model_id'], 'model_id is required'],
    ['a string force_add', { group_id: 'G1', device_list: [device], force_add: 'yes' }, ['force_add'], 'force_add must be a boolean'],
    ['no group_id', { device_list: [device] }, ['group_id'], 'group_id is required'],
  ])('rejects %s at %j', (_label, body, path, message) => {
    expect(issuesOf(AddIotGroupDeviceRequest, body)).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });

  it('rejects a per-device result without its errcode', () => {
    expect(AddIotGroupDeviceResponse.safeParse({ errcode: 0, errmsg: 'ok', device_list: [device] }).success).toBe(false);
  });
});

describe('POST /wxa/business/group/removedevice (D §4.8)', () => {
  it('parses the documented request and result', () => {
    expect(RemoveIotGroupDeviceRequest.parse({ group_id: 'G1', device_list: [device] })).toEqual({ group_id: 'G1', device_list: [device] });
    const result = { errcode: 0, errmsg: 'ok', device_list: [{ ...device, errcode: 9800017 }] };
    expect(RemoveIotGroupDeviceResponse.parse(result)).toEqual(result);
  });

  it('rejects more than 200 devices', () => {
    expect(issuesOf(RemoveIotGroupDeviceRequest, { group_id: 'G1', device_list: devices(201) })).toContainEqual(
      expect.objectContaining({ path: ['device_list'], message: expect.stringContaining('at most 200 devices') }),
    );
  });
});

describe('POST /wxa/business/group/expand (D §4.9)', () => {
  const body = { group_id: 'G1', max_device_count: 200, province_name: '广东省', city_name: '深圳市' };

  it('parses the documented request and success', () => {
    expect(ExpandGroupRequest.parse(body)).toEqual(body);
    expect(ExpandGroupResponse.parse({ errcode: 0, errmsg: 'ok', group_id: 'G1' })).toEqual({ errcode: 0, errmsg: 'ok', group_id: 'G1' });
  });

  it.each([
    [{ ...body, max_device_count: 100 }, ['max_device_count'], 'max_device_count must be 200'],
    [{ ...body, province_name: '' }, ['province_name'], 'province_name must not be empty'],
    [{ ...body, city_name: undefined }, ['city_name'], 'city_name is required'],
  ])('rejects %j at %j', (request, path, message) => {
    expect(issuesOf(ExpandGroupRequest, request)).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });
});
