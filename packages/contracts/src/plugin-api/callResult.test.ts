import { describe, expect, expectTypeOf, it } from 'vitest';
import { CallDeviceResult, CallWmpfResult } from './callResult.js';

describe('callDevice / callWMPF results (P §4)', () => {
  it.each([CallDeviceResult, CallWmpfResult])('parse { roomId } and drop anything else', (schema) => {
    expect(schema.parse({ roomId: 'r1', isSuccess: true })).toEqual({ roomId: 'r1' });
  });

  it.each([CallDeviceResult, CallWmpfResult])('reject an empty roomId', (schema) => {
    expect(schema.safeParse({ roomId: '' }).error?.issues[0]).toMatchObject({ path: ['roomId'], message: 'roomId must not be empty' });
  });

  it('types: only roomId, no isSuccess', () => {
    expectTypeOf<CallDeviceResult>().toEqualTypeOf<{ roomId: string }>();
    expectTypeOf<CallWmpfResult>().toEqualTypeOf<{ roomId: string }>();
  });
});
