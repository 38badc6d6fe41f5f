import { describe, expect, expectTypeOf, it } from 'vitest';
import { ForceHangUpVoipRequest } from './forceHangUpVoipRequest.js';

describe('ForceHangUpVoipRequest (P §5.1)', () => {
  it('accepts no roomId or a roomId', () => {
    expect(ForceHangUpVoipRequest.parse(undefined)).toBeUndefined();
    expect(ForceHangUpVoipRequest.parse('room-1')).toBe('room-1');
    expectTypeOf<ForceHangUpVoipRequest>().toEqualTypeOf<string | undefined>();
  });

  it('rejects an empty roomId', () => {
    expect(ForceHangUpVoipRequest.safeParse('').error?.issues[0]?.message).toBe('roomId must not be empty');
  });
});
