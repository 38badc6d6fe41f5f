import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CATALOGUE } from './catalogue.js';
import type {
  AuthorizationErrCode,
  BackendErrCode,
  CatalogueEntry,
  DeviceSdkErrCode,
  ErrorEntryByKey,
  PluginErrCode,
  PluginEventErrMsg,
  VoipErrorKey,
  WmpfRegistrationErrCode,
} from './catalogue.js';
import { ErrorDomain } from './errorEntry.js';
import type { ErrorEntry } from './errorEntry.js';
import type { ErrorKey } from './errorKey.js';

describe('ERROR_CATALOGUE', () => {
  it('gives every entry a unique key', () => {
    const keys = ERROR_CATALOGUE.map((entry) => entry.key);
    const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(duplicates).toEqual([]);
  });

  it('gives every numbered entry a unique (domain, code) and every errMsg literal a unique message', () => {
    const ids = ERROR_CATALOGUE.map((entry) => `${entry.domain}:${entry.code === null ? entry.message : String(entry.code)}`);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
  });

  it('does give the same number to different domains (why codes are unique per domain only)', () => {
    const nines = ERROR_CATALOGUE.filter((entry) => entry.code === 9).map((entry) => entry.domain);
    expect(nines).toEqual(expect.arrayContaining(['backend', 'device-sdk']));
  });

  it.each(ERROR_CATALOGUE.map((entry) => [entry.key, entry] as const))('%s is well formed', (key, entry: ErrorEntry) => {
    expect(key).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
    expect(ErrorDomain.safeParse(entry.domain).success).toBe(true);
    expect(entry.message.trim()).not.toBe('');
    expect(entry.fix).toMatch(/^\S.*[.)]$/);
    expect(entry.source).toMatch(/^[PD] §\d+(\.\d+)*(; [PD] §\d+(\.\d+)*)*$/);
    expect(['D', 'C', 'T', 'I']).toContain(entry.tag);
    expect(['quoted', 'restated']).toContain(entry.wording);
    expect(entry.code === null).toBe(entry.domain === 'plugin-event');
    if (entry.code !== null) expect(Number.isInteger(entry.code)).toBe(true);
  });

  it('is frozen, array and entries', () => {
    expect(Object.isFrozen(ERROR_CATALOGUE)).toBe(true);
    for (const entry of ERROR_CATALOGUE) expect(Object.isFrozen(entry), entry.key).toBe(true);
    expect(() => (ERROR_CATALOGUE as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it('maps backend and plugin codes to the VoipError subclass of P §12.4', () => {
    for (const entry of ERROR_CATALOGUE) {
      if (entry.domain !== 'backend' && entry.domain !== 'plugin') continue;
      const expected =
        entry.domain === 'backend' || entry.code === 1002 || entry.code === 1003
          ? 'VoipCgiError'
          : entry.code >= 2000
            ? 'VoipJoinError'
            : 'VoipPluginError';
      expect(entry.errorClass, entry.key).toBe(expected);
    }
  });

  it('keeps the literal types of keys and codes', () => {
    expectTypeOf<ErrorKey>().toEqualTypeOf<CatalogueEntry['key']>();
    expectTypeOf<'DEVICE_NOT_AUTHORIZED'>().toExtend<ErrorKey>();
    expectTypeOf<'NOT_A_KEY'>().not.toExtend<ErrorKey>();
    expectTypeOf<ErrorEntryByKey<'DEVICE_NOT_AUTHORIZED'>['code']>().toEqualTypeOf<9>();
    expectTypeOf<ErrorEntryByKey<'ROOM_STATUS_IS_ABORT'>['code']>().toEqualTypeOf<null>();
    expectTypeOf<BackendErrCode>().toEqualTypeOf<
      1 | 2 | 3 | 4 | 5 | 7 | 8 | 9 | 12 | 13 | 14 | 15 | 17 | 19 | 20 | 22 | 23 | 24 | 10008 | 9800011 | 9800004
    >();
    expectTypeOf<1005>().toExtend<PluginErrCode>();
    expectTypeOf<1009>().not.toExtend<PluginErrCode>();
    expectTypeOf<DeviceSdkErrCode>().toEqualTypeOf<
      0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19
    >();
    expectTypeOf<AuthorizationErrCode>().toEqualTypeOf<10001 | 10021 | 10008 | 10025 | -12001 | 1001>();
    expectTypeOf<-8>().toExtend<WmpfRegistrationErrCode>();
    expectTypeOf<'in comming call'>().toExtend<PluginEventErrMsg>();
    expectTypeOf<'PLUGIN_BUSY'>().toExtend<VoipErrorKey>();
    expectTypeOf<'INVALID_CREDENTIAL'>().not.toExtend<VoipErrorKey>();
  });
});

describe('advice that matches WeChat today', () => {
  it('never tells users to buy or renew a duration package: they stopped being sold on 2023-11-30 (D §4.11, P §10.3)', () => {
    for (const entry of ERROR_CATALOGUE) {
      const advice = `${entry.fix} ${'note' in entry ? entry.note : ''}`;
      expect(advice, entry.key).not.toMatch(/(renew|buy|purchase|top up)[^.]*duration package/i);
    }
    expect(ERROR_CATALOGUE.find((entry) => entry.key === 'ACCOUNT_IN_ARREARS')?.fix).toMatch(/no longer sold \(since 2023-11-30\)/);
  });
});
