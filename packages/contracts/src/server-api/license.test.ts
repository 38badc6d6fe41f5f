import { describe, expect, it } from 'vitest';
import {
  ActiveLicenseDeviceRequest,
  ActiveLicenseDeviceResponse,
  GetLicenseDeviceInfoRequest,
  GetLicenseDeviceInfoResponse,
  GetLicensePkgListRequest,
  GetLicensePkgListResponse,
} from './license.js';
import { LICENSE_ACTIVE_NUMBER_MAX, LICENSE_STUB_EXPIRE_TIME } from './serverApiLimits.js';

// Examples built from the field lists of D §4.11; expire_time is the documented post-2024 stub value.
const device = { model_id: 'model-abc', sn: 'SN_0001' };
const devices = (count: number) => Array.from({ length: count }, (_, i) => ({ model_id: 'model-abc', sn: `SN_${i}`, active_number: i }));
const issuesOf = (schema: { safeParse: (v: unknown) => { error?: { issues: unknown[] } } }, body: unknown) =>
  schema.safeParse(body).error?.issues ?? [];

describe('POST /wxa/business/license/getpkglist (D §4.11)', () => {
  it('parses pkg_type 0 to 5 and the documented package list', () => {
    for (const pkg_type of [0, 1, 2, 3, 4, 5]) expect(GetLicensePkgListRequest.parse({ pkg_type })).toEqual({ pkg_type });
    const list = {
      errcode: 0,
      errmsg: 'ok',
      pkg_list: [{ pkg_id: 'PKG1', pkg_type: 1, start_time: 1700000000, end_time: 1731536000, pkg_status: 1, used: 3, all: 100 }],
      max_active_number: 3,
    };
    expect(GetLicensePkgListResponse.parse(list)).toEqual(list);
  });

  it.each([[6], [-1], [1.5]])('rejects pkg_type %j', (pkg_type) => {
    expect(issuesOf(GetLicensePkgListRequest, { pkg_type })).toContainEqual(expect.objectContaining({ path: ['pkg_type'], message: expect.stringContaining('pkg_type must be') }));
  });

  it('rejects a pkg_status other than 1, 2 or 3', () => {
    const pkg = { pkg_id: 'PKG1', pkg_type: 1, start_time: 0, end_time: 0, pkg_status: 4, used: 0, all: 0 };
    expect(GetLicensePkgListResponse.safeParse({ errcode: 0, errmsg: 'ok', pkg_list: [pkg] }).success).toBe(false);
  });
});

describe('POST /wxa/business/license/activedevice (D §4.11)', () => {
  it('parses the documented request and the stub answer', () => {
    const body = { pkg_type: 1, device_list: [{ ...device, active_number: 1 }] };
    expect(ActiveLicenseDeviceRequest.parse(body)).toEqual(body);
    const result = { errcode: 0, errmsg: 'ok', device_list: [{ ...device, expire_time: LICENSE_STUB_EXPIRE_TIME, errcode: 0 }] };
    expect(ActiveLicenseDeviceResponse.parse(result)).toEqual(result);
  });

  it('accepts 100 devices and active_number up to the uint32 maximum', () => {
    expect(ActiveLicenseDeviceRequest.safeParse({ pkg_type: 1, device_list: devices(100) }).success).toBe(true);
    expect(ActiveLicenseDeviceRequest.safeParse({ pkg_type: 1, device_list: [{ ...device, active_number: LICENSE_ACTIVE_NUMBER_MAX }] }).success).toBe(true);
  });

  it.each([
    ['101 devices', { pkg_type: 1, device_list: devices(101) }, ['device_list'], 'at most 100 devices'],
    ['active_number 2^32', { pkg_type: 1, device_list: [{ ...device, active_number: LICENSE_ACTIVE_NUMBER_MAX + 1 }] }, ['device_list', 0, 'active_number'], 'uint32'],
    ['active_number -1', { pkg_type: 1, device_list: [{ ...device, active_number: -1 }] }, ['device_list', 0, 'active_number'], 'uint32'],
    ['no active_number', { pkg_type: 1, device_list: [device] }, ['device_list', 0, 'active_number'], 'active_number is required'],
    ['no pkg_type', { device_list: devices(1) }, ['pkg_type'], 'pkg_type is required'],
  ])('rejects %s at %j', (_label, body, path, message) => {
    expect(issuesOf(ActiveLicenseDeviceRequest, body)).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });
});

describe('POST /wxa/business/license/getdeviceinfo (D §4.11)', () => {
  it('parses the documented request and the stub answer', () => {
    expect(GetLicenseDeviceInfoRequest.parse({ device_list: [device] })).toEqual({ device_list: [device] });
    const result = { errcode: 0, errmsg: 'ok', device_list: [{ ...device, expire_time: LICENSE_STUB_EXPIRE_TIME }] };
    expect(GetLicenseDeviceInfoResponse.parse(result)).toEqual(result);
  });

  it('rejects more than 100 devices', () => {
    const body = { device_list: devices(101).map(({ model_id, sn }) => ({ model_id, sn })) };
    expect(issuesOf(GetLicenseDeviceInfoRequest, body)).toContainEqual(
      expect.objectContaining({ path: ['device_list'], message: expect.stringContaining('at most 100 devices') }),
    );
  });
});
