import type { WechatRouteKey } from './wechatApiContract.js';

/**
 * Errcodes any POST route may answer: -1 system busy (D §4 general table), 43002 POST required, 44002 empty body,
 * 47001 malformed body or missing field. D lists the last three for the group routes only; we apply them to every
 * JSON route, since every one can get a bad body ([I], ADR 0006).
 */
export const WECHAT_POST_ERRCODES = [-1, 43002, 44002, 47001] as const;

/** Errcodes of any token-protected route: 40001/40014 invalid, 41001 missing, 42001 expired, 48001 api unauthorized (D §10.3). */
export const WECHAT_TOKEN_ERRCODES = [40001, 40014, 41001, 42001, 48001] as const;

/** VoIP backend codes 1–24 of D §7.1, assumed for `iot/voip/call` (D §4.10 documents only 9; [I]). */
export const WECHAT_VOIP_BACKEND_ERRCODES = [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 17, 19, 20, 22, 23, 24] as const;

const tokenProtected = (...specific: readonly number[]): readonly number[] => [
  ...WECHAT_POST_ERRCODES,
  ...WECHAT_TOKEN_ERRCODES,
  ...specific,
];

/**
 * Every non-zero errcode each emulated route may answer, from D §4.x, §3.1, §3.4 and §10.3, so that the mock can
 * check it answers only documented codes. Per-device `errcode`s inside `device_list` come from the same list.
 *
 * @example
 * wechatRouteErrcodes.getSnTicket.includes(9800002); // true: illegal character in sn
 */
export const wechatRouteErrcodes: Readonly<Record<WechatRouteKey, readonly number[]>> = {
  // D §4.1, plus 41002 from D §10.3, and 43002 for a method other than GET [I].
  getAccessToken: [-1, 40001, 40002, 40013, 40125, 40164, 40243, 41002, 41004, 43002, 50004, 50007],
  // D §4.2, plus the getAccessToken codes per D §10.3; 44002/47001 for a bad body [I].
  getStableAccessToken: [
    -1, 40001, 40002, 40013, 40125, 40164, 40243, 41002, 41004, 43002, 44002, 45009, 45011, 47001, 50004, 50007, 89503,
    89506, 89507,
  ],
  // D §4.3 (48001 is in the token codes).
  getSnTicket: tokenProtected(9800001, 9800002, 9800003),
  // D §4.4, including the community-reported 40032 and 9800006.
  sendHardwareDeviceMessage: tokenProtected(40032, 40037, 41030, 43101, 47003, 9800006),
  // D §4.5.
  createIotGroupId: tokenProtected(9800003, 9800012),
  // D §4.6.
  getIotGroupInfo: tokenProtected(9800013),
  // D §4.7; per device also 9800003 (model not an approved model of the app) and 9800004 (SN not a device of the app) [I].
  addIotGroupDevice: tokenProtected(9800003, 9800004, 9800013, 9800014, 9800015, 9800016, 9800018, 9800044),
  // D §4.8.
  removeIotGroupDevice: tokenProtected(9800013, 9800017),
  // D §4.9 "createid errors"; 9800013 unknown group and 9800044 already expanded are [I].
  expandGroup: tokenProtected(9800003, 9800012, 9800013, 9800044),
  // D §4.11 documents no code of its own.
  getLicensePkgList: tokenProtected(),
  // D §4.11.
  activeLicenseDevice: tokenProtected(9800020, 9800037, 9800038, 9800039, 9800040),
  // D §4.11; 9800020 for more than 100 devices is [I], borrowed from activedevice.
  getLicenseDeviceInfo: tokenProtected(9800020),
  // D §3.1 (48001, 47001 are in the shared lists).
  addRuntimeDevice: tokenProtected(50093),
  // D §3.4.
  pushAppMsg: tokenProtected(40101, 45002, 48012),
  // D §4.10 (9) and the VoIP backend table of D §7.1 [I].
  iotVoipCall: tokenProtected(...WECHAT_VOIP_BACKEND_ERRCODES),
};
