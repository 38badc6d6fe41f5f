import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CATALOGUE } from './catalogue.js';
import { errorByKey } from './findError.js';
import { VoipCgiError, VoipError, VoipJoinError, VoipPluginError } from './voipError.js';
import { voipErrorFromCatalogue } from './voipErrorFromCatalogue.js';

const CLASSES = { VoipCgiError, VoipJoinError, VoipPluginError } as const;

describe('voipErrorFromCatalogue', () => {
  it('raises every backend and plugin key as the subclass its entry names, with its errCode and errMsg', () => {
    for (const entry of ERROR_CATALOGUE) {
      if (entry.domain !== 'backend' && entry.domain !== 'plugin') continue;
      const error = voipErrorFromCatalogue(entry.key);
      expect(error, entry.key).toBeInstanceOf(CLASSES[entry.errorClass]);
      expect(error).toBeInstanceOf(VoipError);
      expect(error).toMatchObject({ name: entry.errorClass, errCode: entry.code, errMsg: entry.message, key: entry.key, errno: 0 });
    }
  });

  it("starts message with WeChat's errMsg, as the real plugin's errors read, and keeps the fix in its own property", () => {
    const error = voipErrorFromCatalogue('DEVICE_NOT_AUTHORIZED', { context: 'initByCaller', errMsg: 'initByCaller:fail openId has not authorized the device' });
    const [first, second, ...more] = error.message.split('\n');
    expect(first).toBe(error.errMsg);
    expect(first).toBe('initByCaller:fail openId has not authorized the device');
    expect(second).toBe('[wxvoip] errCode 9 (DEVICE_NOT_AUTHORIZED) in initByCaller: how to fix it is in error.fix and docs/errors.md (P §6.2; D §7.1).');
    expect(more).toEqual([]);
    expect(error.fix).toBe(errorByKey('DEVICE_NOT_AUTHORIZED').fix);
    expect(error.fix).toContain('Have the user authorize the device');
    expect(error.message).not.toContain(error.fix ?? '');
    expect(voipErrorFromCatalogue('PLUGIN_BUSY').message).toBe(
      `${errorByKey('PLUGIN_BUSY').message}\n[wxvoip] errCode 1005 (PLUGIN_BUSY): how to fix it is in error.fix and docs/errors.md (${errorByKey('PLUGIN_BUSY').source}).`,
    );
  });

  it("keeps WeChat's own errMsg when given, else the catalogue message", () => {
    const error = voipErrorFromCatalogue('CALL_INTERRUPTED', { errMsg: 'interrupted by system call', context: 'callDevice' });
    expect(error.errMsg).toBe('interrupted by system call');
    expect(error.message.split('\n')[0]).toBe('interrupted by system call');
    expect(voipErrorFromCatalogue('CALL_INTERRUPTED').errMsg).toBe(errorByKey('CALL_INTERRUPTED').message);
  });

  it('passes errno, cause and the join details through', () => {
    const cause = new Error('joinVoipChat:fail');
    const error = voipErrorFromCatalogue('JOIN_SDK_JOIN_FAILED', { errno: 1, cause, extErrMsg: 'ext', errType: 4 });
    expect(error).toMatchObject({ errno: 1, extErrMsg: 'ext', errType: 4, errCode: 2004 });
    expect(error.cause).toBe(cause);
    const plain = voipErrorFromCatalogue('JOIN_FAILED');
    expect(plain).toMatchObject({ extErrMsg: '', errType: 0 });
  });

  it('returns the subclass type of the key, and accepts backend and plugin keys only', () => {
    expectTypeOf(voipErrorFromCatalogue('JOIN_FAILED')).toEqualTypeOf<VoipJoinError>();
    expectTypeOf(voipErrorFromCatalogue('DEVICE_NOT_AUTHORIZED')).toEqualTypeOf<VoipCgiError>();
    expectTypeOf(voipErrorFromCatalogue('CGI_REQUEST_FAILED')).toEqualTypeOf<VoipCgiError>();
    expectTypeOf(voipErrorFromCatalogue('INVALID_CALL_ARGUMENTS')).toEqualTypeOf<VoipPluginError>();
    // @ts-expect-error server API codes are not plugin errors: use wechatError
    expect(() => voipErrorFromCatalogue('INVALID_CREDENTIAL')).toThrow(/only backend and plugin codes are raised as VoipError; use wechatError/);
  });
});
