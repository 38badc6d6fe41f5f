import { describe, expect, it } from 'vitest';
import { wechatApiContract, type WechatRouteKey } from './wechatApiContract.js';
import { findError } from '../errors/index.js';
import { WECHAT_TOKEN_ERRCODES, wechatRouteErrcodes } from './wechatRouteErrcodes.js';

const routeKeys = Object.keys(wechatApiContract) as WechatRouteKey[];

describe('wechatRouteErrcodes', () => {
  it('lists every route of the contract, and only those', () => {
    expect(Object.keys(wechatRouteErrcodes).sort()).toEqual([...routeKeys].sort());
  });

  it.each(routeKeys)('%s lists distinct non-zero integer codes', (key) => {
    const codes = wechatRouteErrcodes[key];
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(Number.isInteger(code)).toBe(true);
      expect(code).not.toBe(0);
    }
  });

  it.each(routeKeys.filter((key) => key !== 'getAccessToken' && key !== 'getStableAccessToken'))(
    '%s lists the access_token errcodes (D §10.3)',
    (key) => {
      expect(wechatRouteErrcodes[key]).toEqual(expect.arrayContaining([...WECHAT_TOKEN_ERRCODES]));
    },
  );

  it.each([
    ['getAccessToken', [-1, 40001, 40002, 40013, 40125, 40164, 40243, 41002, 41004, 50004, 50007]],
    ['getStableAccessToken', [-1, 40002, 40013, 40125, 40164, 41002, 41004, 43002, 45009, 45011, 89503, 89506, 89507]],
    ['getSnTicket', [-1, 9800001, 9800002, 9800003, 48001]],
    ['sendHardwareDeviceMessage', [-1, 40037, 41030, 43101, 47003, 9800006]],
    ['createIotGroupId', [43002, 44002, 47001, 9800003, 9800012]],
    ['getIotGroupInfo', [43002, 44002, 47001, 9800013]],
    ['addIotGroupDevice', [43002, 44002, 47001, 9800013, 9800014, 9800015, 9800016, 9800018, 9800044]],
    ['removeIotGroupDevice', [43002, 44002, 47001, 9800013, 9800017]],
    ['expandGroup', [43002, 44002, 47001, 9800003, 9800012]],
    ['activeLicenseDevice', [9800020, 9800037, 9800038, 9800039, 9800040]],
    ['addRuntimeDevice', [48001, 50093, 47001]],
    ['pushAppMsg', [40101, 45002, 48012]],
    ['iotVoipCall', [9]],
  ] as const)('%s includes the codes D documents for it', (key, documented) => {
    expect(wechatRouteErrcodes[key]).toEqual(expect.arrayContaining([...documented]));
  });

  it('keeps each route to its own codes: hardware group codes stay off unrelated routes', () => {
    expect(wechatRouteErrcodes.getSnTicket).not.toContain(9800013);
    expect(wechatRouteErrcodes.removeIotGroupDevice).not.toContain(9800015);
    expect(wechatRouteErrcodes.getAccessToken).not.toContain(41001);
    expect(wechatRouteErrcodes.pushAppMsg).not.toContain(9);
  });
});

describe('wechatRouteErrcodes and the error catalogue', () => {
  it.each(routeKeys)('every errcode %s may answer is a catalogued server-api or backend error', (key) => {
    const missing = wechatRouteErrcodes[key].filter(
      (code) => findError('server-api', code) === undefined && findError('backend', code) === undefined,
    );
    expect(missing).toEqual([]);
  });
});
