import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CATALOGUE } from './catalogue.js';
import { VoipCgiError, VoipError, VoipJoinError, VoipPluginError } from './voip-error.js';
import { voipErrorFromCatalogue } from './voip-error-from-catalogue.js';

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

  it('writes an actionable message: what failed, why, how to fix it, where it is documented', () => {
    const error = voipErrorFromCatalogue('DEVICE_NOT_AUTHORIZED', { context: 'initByCaller' });
    expect(error.message).toMatch(/^\[wxvoip\] initByCaller failed with errCode 9 \(DEVICE_NOT_AUTHORIZED\): /);
    expect(error.message).toContain('openId has not authorized the device');
    expect(error.message).toContain('How to fix: Have the user authorize the device');
    expect(error.message).toContain('wx.requestDeviceVoIP');
    expect(error.message).toContain('See P §6.2; D §7.1 and docs/errors.md.');
    expect(voipErrorFromCatalogue('PLUGIN_BUSY').message).toMatch(/^\[wxvoip\] The plugin call failed with errCode 1005 \(PLUGIN_BUSY\)/);
  });

  it('keeps WeChat\'s own errMsg when given and quotes it in the message', () => {
    const error = voipErrorFromCatalogue('CALL_INTERRUPTED', { errMsg: 'interrupted by system call', context: 'callDevice' });
    expect(error.errMsg).toBe('interrupted by system call');
    expect(error.message).toContain('WeChat said: "interrupted by system call".');
    expect(voipErrorFromCatalogue('CALL_INTERRUPTED').message).not.toContain('WeChat said');
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
