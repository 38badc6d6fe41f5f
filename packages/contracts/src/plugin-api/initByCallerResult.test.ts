import { describe, expect, expectTypeOf, it } from 'vitest';
import { InitByCallerFailure, InitByCallerResult, InitByCallerSuccess, makeInitByCallerFailure } from './initByCallerResult.js';

const roomId = 'wxf830863afde621ebWmpfVoip112343434123434';
const success = { isSuccess: true, roomId, groupId: roomId, chargeType: 'license' } as const;

class FakeVoipCgiError extends Error {
  readonly errCode = 9;
  readonly errMsg = 'openId has not authorized the device';
}

describe('InitByCallerResult (P §3.2)', () => {
  it('parses a success with roomId, its groupId alias and chargeType', () => {
    expect(InitByCallerResult.parse(success)).toEqual(success);
    expect(InitByCallerSuccess.parse({ isSuccess: true, roomId, groupId: roomId })).not.toHaveProperty('chargeType');
  });

  it('rejects a groupId that differs from roomId', () => {
    for (const schema of [InitByCallerResult, InitByCallerSuccess]) {
      const issues = schema.safeParse({ ...success, groupId: 'other' }).error?.issues;
      expect(issues).toEqual([expect.objectContaining({ path: ['groupId'], message: expect.stringContaining('groupId must equal roomId') })]);
    }
  });

  it('rejects an unknown chargeType', () => {
    const issues = InitByCallerResult.safeParse({ ...success, chargeType: 'free' }).error?.issues;
    expect(issues?.[0]).toMatchObject({ path: ['chargeType'], message: expect.stringContaining("chargeType must be 'duration'") });
  });

  it('parses a failure and keeps the errObj instance', () => {
    const errObj = new FakeVoipCgiError('cgi');
    const parsed = InitByCallerResult.parse({ isSuccess: false, errCode: 9, errMsg: errObj.errMsg, errObj, error: { err_code: '9', errMsg: errObj.errMsg } });
    expect(parsed.isSuccess).toBe(false);
    if (!parsed.isSuccess) expect(parsed.errObj).toBe(errObj);
  });

  it.each([
    ['errObj', { errObj: { errCode: '9', errMsg: 'x' } }, 'errObj must be a VoipError'],
    ['error.err_code', { error: { err_code: 9, errMsg: 'x' } }, 'error.err_code must be a string'],
    ['error', { error: undefined }, 'error is required'],
    ['errCode', { errCode: 1.5 }, 'errCode must be an integer'],
  ])('rejects a failure with a bad %s', (path, patch, message) => {
    const failure = { isSuccess: false, errCode: 9, errMsg: 'x', errObj: { errCode: 9, errMsg: 'x' }, error: { err_code: '9', errMsg: 'x' }, ...patch };
    const issues = InitByCallerFailure.safeParse(failure).error?.issues;
    expect(issues?.[0]).toMatchObject({ path: path.split('.'), message: expect.stringContaining(message) });
  });

  it('rejects an isSuccess that is not a boolean', () => {
    expect(InitByCallerResult.safeParse({ ...success, isSuccess: 'yes' }).error?.issues[0]?.path).toEqual(['isSuccess']);
  });

  it('narrows on isSuccess', () => {
    expectTypeOf<Extract<InitByCallerResult, { isSuccess: true }>>().toEqualTypeOf<InitByCallerSuccess>();
    expectTypeOf<Extract<InitByCallerResult, { isSuccess: false }>>().toEqualTypeOf<InitByCallerFailure>();
    const narrow = (result: InitByCallerResult) => {
      if (result.isSuccess) {
        expectTypeOf(result.roomId).toEqualTypeOf<string>();
        expectTypeOf(result.chargeType).toEqualTypeOf<'duration' | 'license' | undefined>();
        expectTypeOf(result).not.toHaveProperty('errCode');
        return result.groupId;
      }
      expectTypeOf(result.errCode).toEqualTypeOf<number>();
      expectTypeOf(result.error.err_code).toEqualTypeOf<string>();
      expectTypeOf(result).not.toHaveProperty('roomId');
      return result.errMsg;
    };
    expect(narrow(InitByCallerResult.parse(success))).toBe(roomId);
  });
});

describe('makeInitByCallerFailure', () => {
  it('fills errCode, errMsg and the deprecated error object from the VoipError', () => {
    const errObj = new FakeVoipCgiError('cgi');
    const failure = makeInitByCallerFailure(errObj);
    expect(InitByCallerResult.parse(failure)).toEqual({
      isSuccess: false,
      errCode: 9,
      errMsg: 'openId has not authorized the device',
      errObj,
      error: { err_code: '9', errMsg: 'openId has not authorized the device' },
    });
  });
});
