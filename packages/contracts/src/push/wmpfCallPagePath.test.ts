import { CALL_PAGE_PATH } from '../plugin-api/callPagePath.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ZodError } from 'zod';
import {
  WmpfCallPagePath,
  WmpfCallPageQuery,
  buildWmpfCallPagePath,
  parseWmpfCallPagePath,
} from './wmpfCallPagePath.js';
import type { WmpfCallPageQueryInput } from './wmpfCallPagePath.js';

const query: WmpfCallPageQueryInput = { roomType: 'video', groupId: 'wxf830863afde621ebWmpfVoip1', listenerId: 'SN_0001', callerName: 'Mum' };

function pathIssue(path: string) {
  const result = WmpfCallPagePath.safeParse(path);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('CALL_PAGE_PATH', () => {
  it('is the documented literal', () => {
    expect(CALL_PAGE_PATH).toBe('plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin');
  });
});

describe('buildWmpfCallPagePath', () => {
  it('writes the documented key order, then the custom query, then the auto-answer flag', () => {
    expect(buildWmpfCallPagePath({ ...query, customQuery: 'a=1&b=2', isClickedHangOnBtn: true })).toBe(
      `${CALL_PAGE_PATH}?roomType=video&groupId=wxf830863afde621ebWmpfVoip1&listenerId=SN_0001&callerName=Mum&a=1&b=2&isClickedHangOnBtn=1`,
    );
    expect(buildWmpfCallPagePath(query)).toBe(
      `${CALL_PAGE_PATH}?roomType=video&groupId=wxf830863afde621ebWmpfVoip1&listenerId=SN_0001&callerName=Mum`,
    );
  });

  it('encodes values with encodeURIComponent', () => {
    expect(buildWmpfCallPagePath({ ...query, callerName: '妈妈 & co=1' })).toContain(`callerName=${encodeURIComponent('妈妈 & co=1')}`);
  });

  it.each([
    [{ ...query, roomType: 'audio' }, ['roomType'], "'voice' or 'video'"],
    [{ ...query, groupId: '' }, ['groupId'], 'groupId must not be empty (it is the roomId'],
    [{ ...query, listenerId: 'SN 1' }, ['listenerId'], 'listenerId (the SN) may only contain'],
    [{ ...query, customQuery: '?a=1' }, ['customQuery'], "without a leading '?'"],
    [{ ...query, customQuery: 'a=1&roomType=voice' }, ['customQuery'], 'customQuery must not set roomType'],
  ])('throws for %j at %j', (value, path, message) => {
    try {
      buildWmpfCallPagePath(value as WmpfCallPageQueryInput);
      expect.unreachable('buildWmpfCallPagePath should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual(path);
      expect((error as ZodError).issues[0]?.message).toContain(message);
    }
  });
});

describe('parseWmpfCallPagePath', () => {
  it.each([
    { ...query },
    { ...query, callerName: '', roomType: 'voice' as const },
    { ...query, callerName: '张三 & 李四 =?#%', customQuery: 'callId=42&ratio=16%3A9&flag' },
    { ...query, isClickedHangOnBtn: true },
  ])('round-trips %j', (input) => {
    const path = buildWmpfCallPagePath(input);
    const parsed = parseWmpfCallPagePath(path);
    expect(parsed).toEqual(WmpfCallPageQuery.parse(input));
    expect(buildWmpfCallPagePath(parsed)).toBe(path);
  });

  it('reads the flag a device appends, and keeps custom keys in order wherever they are', () => {
    const path = `${CALL_PAGE_PATH}?x=1&roomType=voice&groupId=r1&listenerId=SN_1&callerName=Bob&y=2&isClickedHangOnBtn=1`;
    expect(parseWmpfCallPagePath(path)).toEqual({
      roomType: 'voice',
      groupId: 'r1',
      listenerId: 'SN_1',
      callerName: 'Bob',
      customQuery: 'x=1&y=2',
      isClickedHangOnBtn: true,
    });
    expect(parseWmpfCallPagePath(path.replace('isClickedHangOnBtn=1', 'isClickedHangOnBtn=0')).isClickedHangOnBtn).toBe(false);
  });

  it.each([
    ['pages/index/index?roomType=video', [], "path must start with 'plugin-private://wxf830863afde621eb/"],
    [`${CALL_PAGE_PATH}?roomType=video&groupId=r1&listenerId=SN_1&callerName=%E4%ZZ`, [], 'malformed percent-encoding'],
    [`${CALL_PAGE_PATH}?roomType=video&roomType=voice&groupId=r1&listenerId=SN_1&callerName=a`, ['roomType'], 'roomType appears twice'],
    [`${CALL_PAGE_PATH}?roomType=video&groupId=r1&callerName=a`, ['listenerId'], 'listenerId is required'],
    [`${CALL_PAGE_PATH}?roomType=video&groupId=r1&listenerId=SN_1&callerName=a&isClickedHangOnBtn=yes`, ['isClickedHangOnBtn'], 'must be 1 (answer at once)'],
    [`${CALL_PAGE_PATH}?roomType=audio&groupId=r1&listenerId=SN_1&callerName=a`, ['roomType'], "'voice' or 'video'"],
  ])('rejects %s at %j', (path, issuePath, message) => {
    const issue = pathIssue(path);
    expect(issue?.path).toEqual(issuePath);
    expect(issue?.message).toContain(message);
    expect(() => parseWmpfCallPagePath(path)).toThrow(ZodError);
  });

  it('types the parsed query with defaults applied', () => {
    expectTypeOf(parseWmpfCallPagePath).returns.toEqualTypeOf<WmpfCallPageQuery>();
    expectTypeOf<WmpfCallPageQuery['isClickedHangOnBtn']>().toBeBoolean();
    expectTypeOf<WmpfCallPageQueryInput['isClickedHangOnBtn']>().toEqualTypeOf<boolean | undefined>();
  });
});
