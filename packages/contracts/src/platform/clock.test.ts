import { describe, expect, it } from 'vitest';
import { AdvanceClockBody, AdvanceClockResult, ClockState, MAX_CLOCK_ADVANCE_MS, SetClockBody } from './clock.js';

describe('clock bodies', () => {
  it('SetClockBody switches to real, or to manual with an optional time', () => {
    expect(SetClockBody.parse({ mode: 'real' })).toEqual({ mode: 'real' });
    expect(SetClockBody.parse({ mode: 'manual' })).toEqual({ mode: 'manual' });
    expect(SetClockBody.parse({ mode: 'manual', now: 1_735_689_600_000 })).toEqual({ mode: 'manual', now: 1_735_689_600_000 });
    expect(SetClockBody.safeParse({ mode: 'fake' }).error?.issues[0]?.path).toEqual(['mode']);
    const issue = SetClockBody.safeParse({ mode: 'manual', now: 1.5 }).error?.issues[0];
    expect(issue?.path).toEqual(['now']);
    expect(issue?.message).toContain('whole milliseconds');
  });

  it('AdvanceClockBody takes 1 ms to one day', () => {
    expect(AdvanceClockBody.parse({ ms: 60_000 })).toEqual({ ms: 60_000 });
    expect(AdvanceClockBody.parse({ ms: MAX_CLOCK_ADVANCE_MS }).ms).toBe(86_400_000);
    expect(AdvanceClockBody.safeParse({ ms: 0 }).error?.issues[0]?.message).toContain('greater than 0');
    const tooFar = AdvanceClockBody.safeParse({ ms: MAX_CLOCK_ADVANCE_MS + 1 }).error?.issues[0];
    expect(tooFar?.path).toEqual(['ms']);
    expect(tooFar?.message).toContain('seconds instead of milliseconds');
    expect(AdvanceClockBody.safeParse({}).error?.issues[0]?.message).toContain('ms is required');
  });

  it('ClockState and AdvanceClockResult list timers', () => {
    const state = { mode: 'manual', now: 60_000, pending: [{ kind: 'waitOtherToJoin', dueAt: 80_000, roomId: 'r-1' }] };
    expect(ClockState.parse(state)).toEqual(state);
    const fired = [{ kind: 'ringTimeout', dueAt: 60_000, roomId: 'r-2' }];
    expect(AdvanceClockResult.parse({ ...state, fired }).fired).toEqual(fired);
    expect(ClockState.safeParse({ ...state, pending: [{ kind: 'alarm', dueAt: 1, roomId: null }] }).error?.issues[0]?.path).toEqual(['pending', 0, 'kind']);
  });
});
