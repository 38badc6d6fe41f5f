import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DeviceRegistration, RegisterDeviceBody, RegisterDeviceData } from './deviceRegistration.js';
import { LinuxListenerHangupBody, LinuxListenerJoinBody, LinuxSessionCallBody } from './linuxOps.js';
import { RtosClientCallBody, RtosClientJoinBody } from './rtosOps.js';
import { CloudCallJoinBody, CloudListenerHangupBody, CloudSessionJoinBody } from './vendorCloudOps.js';
import { DEVICE_TOKEN_TTL_MS, DeviceTokenData, PushTokenData } from './wmpfOps.js';

function firstIssue(schema: z.ZodTypeAny, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('registration', () => {
  it('RegisterDeviceBody needs a non-empty snTicket', () => {
    expect(RegisterDeviceBody.parse({ snTicket: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' }).snTicket).toHaveLength(32);
    const missing = firstIssue(RegisterDeviceBody, {});
    expect(missing?.path).toEqual(['snTicket']);
    expect(missing?.message).toContain('getsnticket');
    expect(firstIssue(RegisterDeviceBody, { snTicket: '' })?.message).toContain('must not be empty');
  });

  it('RegisterDeviceData reports the binding and whether it existed', () => {
    const registration = { registered: true, appId: 'wx_demo_app', sn: 'SN-1', modelId: 'm', method: 'linuxSdk', registeredAt: 5 };
    expect(RegisterDeviceData.parse({ registration, alreadyRegistered: true }).alreadyRegistered).toBe(true);
    const issue = firstIssue(DeviceRegistration, { ...registration, method: 'usb' });
    expect(issue?.path).toEqual(['method']);
    expect(issue?.message).toContain("'linuxSdk', 'cloudSdk', 'wmpf' or 'deviceAuthSdk'");
  });
});

describe('Linux SDK bodies', () => {
  it('LinuxSessionCallBody fills camera defaults', () => {
    expect(LinuxSessionCallBody.parse({ roomType: 'voice', callee: { id: 'openid-alice' } })).toEqual({
      roomType: 'voice',
      callee: { id: 'openid-alice', cameraStatus: 0 },
      self: { cameraStatus: 0 },
    });
    const issue = firstIssue(LinuxSessionCallBody, { roomType: 'video', callee: { id: 'openid-alice', cameraStatus: 2 } });
    expect(issue?.path).toEqual(['callee', 'cameraStatus']);
    expect(issue?.message).toContain('cameraStatus must be 0');
    expect(firstIssue(LinuxSessionCallBody, { roomType: 'audio', callee: { id: 'o' } })?.message).toBe("roomType must be 'voice' or 'video'");
  });

  it('LinuxListenerJoinBody needs the relayed roomId', () => {
    expect(LinuxListenerJoinBody.parse({ roomId: 'r-1' })).toEqual({ roomId: 'r-1', cameraStatus: 0 });
    expect(firstIssue(LinuxListenerJoinBody, {})?.path).toEqual(['roomId']);
  });

  it('LinuxListenerHangupBody needs a documented hang-up reason', () => {
    expect(LinuxListenerHangupBody.parse({ roomId: 'r-1', reason: 11, busy: true })).toEqual({ roomId: 'r-1', reason: 11, busy: true });
    const issue = firstIssue(LinuxListenerHangupBody, { roomId: 'r-1', reason: 2 });
    expect(issue?.path).toEqual(['reason']);
    expect(issue?.message).toContain('11 REJECT');
  });
});

describe('RTOS SDK bodies', () => {
  it('RtosClientCallBody keeps payload and customQuery', () => {
    const body = RtosClientCallBody.parse({ roomType: 'voice', callee: { id: 'openid-alice', name: 'Alice' }, customQuery: 'a=1&b=2', payload: 'stream-42' });
    expect(body).toEqual({
      roomType: 'voice',
      caller: { cameraStatus: 0 },
      callee: { id: 'openid-alice', name: 'Alice', cameraStatus: 0 },
      customQuery: 'a=1&b=2',
      payload: 'stream-42',
    });
    const query = firstIssue(RtosClientCallBody, { roomType: 'voice', callee: { id: 'o' }, customQuery: '?a=1' });
    expect(query?.path).toEqual(['customQuery']);
    expect(query?.message).toContain('a=1&b=2');
    const payload = firstIssue(RtosClientCallBody, { roomType: 'voice', callee: { id: 'o' }, payload: 42 });
    expect(payload?.path).toEqual(['payload']);
    expect(payload?.message).toContain('iot_voip_notify');
  });

  it('RtosClientJoinBody needs a roomId', () => {
    expect(RtosClientJoinBody.parse({ roomId: 'r-9', payload: 'p' })).toEqual({ roomId: 'r-9', payload: 'p' });
    expect(firstIssue(RtosClientJoinBody, { payload: 'p' })?.path).toEqual(['roomId']);
  });
});

describe('vendor-cloud server SDK bodies', () => {
  const join = { roomType: 'video', appId: 'wx_demo_app', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', serverToken: 'st-1' };

  it('CloudSessionJoinBody needs the ServerToken of the callback', () => {
    expect(CloudSessionJoinBody.parse(join)).toEqual(join);
    const issue = firstIssue(CloudSessionJoinBody, { ...join, serverToken: '' });
    expect(issue?.path).toEqual(['serverToken']);
    expect(issue?.message).toContain('ServerToken');
  });

  it('CloudCallJoinBody needs roomId and SessionKey', () => {
    const body = { roomType: 'voice', appId: 'wx_demo_app', roomId: 'r-1', serverToken: 'st-1', sessionKey: 'sk-1' };
    expect(CloudCallJoinBody.parse(body)).toEqual(body);
    const issue = firstIssue(CloudCallJoinBody, { ...body, sessionKey: undefined });
    expect(issue?.path).toEqual(['sessionKey']);
    expect(issue?.message).toContain('sessionKey is required');
  });

  it('CloudListenerHangupBody names the call by device and ServerToken, with a reason', () => {
    const body = { appId: 'wx_demo_app', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', serverToken: 'st-1', reason: 11 };
    expect(CloudListenerHangupBody.parse(body)).toEqual({ ...body, busy: false });
    expect(firstIssue(CloudListenerHangupBody, { ...body, reason: undefined })?.path).toEqual(['reason']);
  });
});

describe('WMPF token data', () => {
  it('deviceToken lives about one hour', () => {
    expect(DEVICE_TOKEN_TTL_MS).toBe(60 * 60 * 1000);
    expect(DeviceTokenData.parse({ deviceToken: 'dt', expiresAt: DEVICE_TOKEN_TTL_MS }).expiresAt).toBe(3_600_000);
    expect(firstIssue(DeviceTokenData, { deviceToken: '', expiresAt: 1 })?.path).toEqual(['deviceToken']);
  });

  it('pushToken needs an expiry', () => {
    expect(PushTokenData.parse({ pushToken: 'pt', expiresAt: 2 }).pushToken).toBe('pt');
    expect(firstIssue(PushTokenData, { pushToken: 'pt' })?.path).toEqual(['expiresAt']);
  });
});
