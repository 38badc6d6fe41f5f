import { describe, expect, it } from 'vitest';
import { VoipErrorLike } from './voipErrorLike.js';

describe('VoipErrorLike (P §6.1)', () => {
  it('accepts an error instance with errCode and errMsg and returns the same instance', () => {
    const error = Object.assign(new Error('join failed'), { errCode: 2000, errMsg: 'join failed', errno: 1, cause: 'x' });
    expect(VoipErrorLike.parse(error)).toBe(error);
  });

  it('accepts a plain object without errno', () => {
    expect(VoipErrorLike.parse({ errCode: 1004, errMsg: 'bad args' })).toEqual({ errCode: 1004, errMsg: 'bad args' });
  });

  it.each([{ errCode: '1004', errMsg: 'x' }, { errCode: 1004 }, { errCode: 1, errMsg: 'x', errno: '2' }, null, 'error'])('rejects %j', (value) => {
    expect(VoipErrorLike.safeParse(value).error?.issues[0]?.message).toContain('errObj must be a VoipError');
  });
});
