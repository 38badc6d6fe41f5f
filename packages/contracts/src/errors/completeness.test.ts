import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './catalogue.js';
import type { CodedErrorDomain } from './errorEntry.js';

/**
 * The reference tables, copied by hand from reference/plugin-api.md (P) and reference/devices-and-platform.md (D)
 * independently of the catalogue. Each row: section, domain the code must be catalogued in, codes.
 */
const REFERENCE_CODES: ReadonlyArray<readonly [section: string, domain: CodedErrorDomain, codes: readonly number[]]> = [
  ['P §6.2 backend errCode', 'backend', [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 17, 19, 20, 22, 23, 24]],
  ['P §6.2 SDK-only backend code', 'backend', [10008]],
  ['D §7.1 backend errCode', 'backend', [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 17, 19, 20, 22, 23, 24, 10008, 9800011, 9800004]],
  ['D §1.4 registration log codes', 'backend', [10008, 9800011, 9]],
  ['D §1.5 device/call log codes', 'backend', [9, 12, 13, 20]],
  ['P §6.3 plugin errCode', 'plugin', [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1011, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2100, 2102, 2103, 2104]],
  ['D §7.2 plugin errCode', 'plugin', [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1011, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2100, 2102, 2103, 2104]],
  ['D §7.3 wx_error_t', 'device-sdk', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]],
  ['P §6.5 getSnTicket', 'server-api', [-1, 9800001, 9800002, 9800003, 48001]],
  ['P §6.5 Linux register', 'backend', [9800011]],
  ['P §6.5 createIotGroupId', 'server-api', [9800012]],
  ['P §6.5 pushAppMsg', 'server-api', [40101, 45002, 48012]],
  ['P §6.5 wx.requestDeviceVoIP', 'authorization', [10001, 10021, 10008, 10025, -12001]],
  ['P §5.8 getvoipcontactlist', 'server-api', [0, 1]],
  ['P §9.8 WMPF transfer timeout', 'wmpf-runtime', [33]],
  ['D §4 general errcodes', 'server-api', [-1, 40001, 40002, 40013, 40014, 40125, 40164, 40243, 41001, 41002, 41004, 42001, 43002, 44002, 45009, 45011, 47001, 48001, 50004, 50007, 89503, 89506, 89507]],
  ['D §4 success', 'server-api', [0]],
  ['D §4.1 getAccessToken', 'server-api', [-1, 40001, 40002, 40013, 40125, 40164, 40243, 41004, 50004, 50007]],
  ['D §4.2 getStableAccessToken', 'server-api', [-1, 40002, 40013, 40125, 40164, 41002, 41004, 43002, 45009, 45011, 89503, 89506, 89507]],
  ['D §4.3 getSnTicket', 'server-api', [-1, 9800001, 9800002, 9800003, 48001]],
  ['D §4.4 sendHardwareDeviceMessage', 'server-api', [-1, 40037, 41030, 43101, 47003, 9800006, 40032]],
  ['D §4.5 createIotGroupId', 'server-api', [43002, 44002, 47001, 9800003, 9800012]],
  ['D §4.6 getIotGroupInfo', 'server-api', [43002, 44002, 47001, 9800013]],
  ['D §4.7 addIotGroupDevice', 'server-api', [43002, 44002, 47001, 9800013, 9800014, 9800015, 9800016, 9800018, 9800044]],
  ['D §4.8 removeIotGroupDevice', 'server-api', [43002, 44002, 47001, 9800013, 9800017]],
  ['D §4.10 iot/voip/call', 'backend', [9]],
  ['D §4.11 activeLicenseDevice', 'server-api', [9800020, 9800037, 9800038, 9800039, 9800040]],
  ['D §4.11 call-time license errors', 'backend', [22, 23, 24, 15]],
  ['D §3.1 runtime/adddevice', 'server-api', [48001, 50093]],
  ['D §3.4 pushappmsg', 'server-api', [0, 40101, 45002, 48012]],
  ['D §7.4 hardware server errcodes', 'server-api', [9800001, 9800002, 9800003, 9800006, 9800012, 9800013, 9800014, 9800015, 9800016, 9800017, 9800018, 9800020, 9800037, 9800038, 9800039, 9800040, 9800044, 40037, 41030, 43101, 47003, 40101, 45002, 48012, 48001, 50093]],
  ['D §7.5 wx.requestDeviceVoIP', 'authorization', [10001, 10021, -12001, 1001]],
  ['D §7.6 registerMiniProgramDevice', 'wmpf-registration', [0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11]],
  ['D §10.3 getAccessToken', 'server-api', [40001, 40125, 40013, 40002, 41002, 41004, 40164, 40243]],
  ['D §10.3 stable_token', 'server-api', [43002, 45009, 45011]],
  ['D §10.3 token-protected APIs', 'server-api', [41001, 40001, 40014, 42001, 48001]],
  ['D §10.3 getsnticket', 'server-api', [9800001, 9800002, 9800003, 48001, -1]],
  ['D §10.3 runtime/adddevice', 'server-api', [48001, 50093, 47001]],
  ['D §10.3 device register', 'backend', [10008, 9800011, 9]],
  ['D §10.3 device register wx_error_t', 'device-sdk', [6, 7, 19]],
  ['D §10.3 device to phone call', 'backend', [9, 7, 19, 20, 12, 13, 15, 17, 22, 23, 24]],
  ['D §10.3 phone to device call', 'plugin', [1004, 1007, 1005]],
  ['D §10.3 phone to device call backend', 'backend', [2, 14, 12, 15, 22, 23, 24]],
  ['D §10.3 requestDeviceVoIP', 'authorization', [10001, 10021, -12001, 1001]],
];

/** The errMsg literals of P §6.4, copied from the reference. */
const REFERENCE_ERR_MSGS = [
  'room status is abort',
  'listener waitOtherToJoin timeout',
  'call interrupted due to close passive float ball',
  'in comming call',
  'call interrupted due to native reason',
  'Already in room or joining',
] as const;

/** The wx_error_t names of D §7.3, in value order. */
const REFERENCE_WX_ERROR_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'TIMEOUT', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE',
  'DATA_LOSS', 'UNAUTHENTICATED', 'IO', 'RESPONSE', 'INVALID_DEVICEID',
] as const;

const catalogued = new Set(ERROR_CATALOGUE.map((entry) => `${entry.domain}:${String(entry.code)}`));

describe('catalogue completeness against the reference tables', () => {
  it.each(REFERENCE_CODES)('%s: every code is catalogued in domain %s', (_section, domain, codes) => {
    const missing = codes.filter((code) => !catalogued.has(`${domain}:${String(code)}`));
    expect(missing, `codes missing from domain '${domain}'`).toEqual([]);
  });

  it('has no numbered entry that the reference lists above do not mention', () => {
    const listed = new Set(REFERENCE_CODES.flatMap(([, domain, codes]) => codes.map((code) => `${domain}:${String(code)}`)));
    const extra = ERROR_CATALOGUE.filter((entry) => entry.code !== null && !listed.has(`${entry.domain}:${String(entry.code)}`));
    expect(extra.map((entry) => entry.key)).toEqual([]);
  });

  it('catalogues every P §6.4 errMsg literal, and nothing else, in the plugin-event domain', () => {
    const literals = ERROR_CATALOGUE.filter((entry) => entry.domain === 'plugin-event').map((entry) => entry.message);
    expect([...literals].sort()).toEqual([...REFERENCE_ERR_MSGS].sort());
  });

  it('names every wx_error_t value WXERROR_<name> with the D §7.3 number', () => {
    REFERENCE_WX_ERROR_NAMES.forEach((name, value) => {
      const entry = ERROR_CATALOGUE.find((e) => e.key === `WXERROR_${name}`);
      expect(entry, `WXERROR_${name}`).toMatchObject({ domain: 'device-sdk', code: value });
    });
  });

  it('leaves the undocumented gaps of P §6.2 and §6.3 out', () => {
    const gaps: ReadonlyArray<readonly [CodedErrorDomain, number]> = [
      ['backend', 6], ['backend', 10], ['backend', 11], ['backend', 16], ['backend', 18], ['backend', 21],
      ['plugin', 1009], ['plugin', 1010], ['plugin', 2011], ['plugin', 2099], ['plugin', 2101],
    ];
    for (const [domain, code] of gaps) expect(catalogued.has(`${domain}:${String(code)}`), `${domain} ${String(code)}`).toBe(false);
  });
});
