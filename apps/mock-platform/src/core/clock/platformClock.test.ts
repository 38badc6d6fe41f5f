import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MANUAL_START, PlatformClock, type HostScheduler } from './platformClock.js';

/** A host whose wall time and pending callbacks the test controls. */
function fakeHost(start = 1_000_000): HostScheduler & { wall: number; tick(ms: number): void; pending(): number } {
  let seq = 0;
  const scheduled = new Map<number, { at: number; fn: () => void }>();
  const host = {
    wall: start,
    now: () => host.wall,
    schedule(delayMs: number, fn: () => void) {
      const id = seq++;
      scheduled.set(id, { at: host.wall + delayMs, fn });
      return () => scheduled.delete(id);
    },
    tick(ms: number) {
      host.wall += ms;
      for (const [id, s] of [...scheduled].sort((a, b) => a[1].at - b[1].at)) {
        if (s.at <= host.wall && scheduled.delete(id)) s.fn();
      }
    },
    pending: () => scheduled.size,
  };
  return host;
}

describe('PlatformClock in manual mode', () => {
  it('counts one turn per advance, however many timers fall due in it', () => {
    const clock = new PlatformClock();
    const turns: number[] = [];
    for (let i = 1; i <= 6; i++) clock.setTimer(i * 10_000, `t${i}`, () => turns.push(clock.turn));
    const before = clock.turn;
    clock.advance(30_000);
    clock.advance(30_000);
    expect(turns).toEqual([before + 1, before + 1, before + 1, before + 2, before + 2, before + 2]);
  });

  it('starts at the documented default and only moves when advanced', () => {
    const clock = new PlatformClock();
    expect(clock.now()).toBe(DEFAULT_MANUAL_START);
    expect(clock.mode).toBe('manual');
    expect(clock.advance(1500)).toBe(0);
    expect(clock.now()).toBe(DEFAULT_MANUAL_START + 1500);
  });

  it('fires timers in due order, ties in insertion order, with now() at each due time', () => {
    const clock = new PlatformClock({ startAt: 0 });
    const fired: string[] = [];
    clock.setTimer(20_000, 'b', () => fired.push(`b@${clock.now()}`));
    clock.setTimer(10_000, 'a', () => fired.push(`a@${clock.now()}`));
    clock.setTimer(20_000, 'c', () => fired.push(`c@${clock.now()}`));
    expect(clock.advance(19_999)).toBe(1);
    expect(clock.advance(1)).toBe(2);
    expect(fired).toEqual(['a@10000', 'b@20000', 'c@20000']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('runs timers scheduled by firing timers when they fall inside the window (the 1 s calling tick)', () => {
    const clock = new PlatformClock({ startAt: 0 });
    const ticks: number[] = [];
    const tick = () => {
      ticks.push(clock.now());
      if (ticks.length < 5) clock.setTimer(1000, 'calling', tick);
    };
    clock.setTimer(1000, 'calling', tick);
    clock.advance(3500);
    expect(ticks).toEqual([1000, 2000, 3000]);
    clock.advance(10_000);
    expect(ticks).toEqual([1000, 2000, 3000, 4000, 5000]);
  });

  it('never fires a cancelled timer and forgets it', () => {
    const clock = new PlatformClock({ startAt: 0 });
    let fired = false;
    const handle = clock.setTimer(100, 'x', () => (fired = true));
    handle.cancel();
    handle.cancel();
    clock.advance(1000);
    expect(fired).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects negative advances and moving backwards with a clear error', () => {
    const clock = new PlatformClock({ startAt: 1000 });
    expect(() => clock.advance(-1)).toThrow(/finite ms >= 0/);
    expect(() => clock.set(999)).toThrow(/cannot move time backwards/);
  });

  it('keeps firing the remaining timers when one throws, then reports it', () => {
    const errors: string[] = [];
    const clock = new PlatformClock({ startAt: 0, onTimerError: (_e, label) => errors.push(label) });
    let after = false;
    clock.setTimer(1, 'boom', () => {
      throw new Error('boom');
    });
    clock.setTimer(2, 'after', () => (after = true));
    clock.advance(5);
    expect(errors).toEqual(['boom']);
    expect(after).toBe(true);
  });

  it('lists active timers for the inspector', () => {
    const clock = new PlatformClock({ startAt: 0 });
    clock.setTimer(5, 'second', () => undefined);
    clock.setTimer(1, 'first', () => undefined);
    expect(clock.state()).toEqual({ mode: 'manual', now: 0, timers: [{ label: 'first', dueAt: 1 }, { label: 'second', dueAt: 5 }] });
  });
});

describe('PlatformClock in real mode', () => {
  it('follows the host and fires through the host scheduler', () => {
    const host = fakeHost();
    const clock = new PlatformClock({ host, mode: 'real', startAt: 0 });
    expect(clock.now()).toBe(0);
    let fired = 0;
    clock.setTimer(1000, 'x', () => fired++);
    host.tick(999);
    expect(fired).toBe(0);
    host.tick(1);
    expect(fired).toBe(1);
    expect(clock.now()).toBe(1000);
    expect(host.pending()).toBe(0);
  });

  it('cancelling the earliest timer keeps the host timer armed (no clearTimeout/setTimeout per cancel); it still fires on time', () => {
    const host = fakeHost();
    const schedule = vi.spyOn(host, 'schedule');
    const clock = new PlatformClock({ host, mode: 'real', startAt: 0 });
    const fired: string[] = [];
    const early = Array.from({ length: 10 }, (_, i) => clock.setTimer(100 + i, `early ${i}`, () => fired.push(`early ${i}`)));
    clock.setTimer(1000, 'late', () => fired.push('late'));
    expect(schedule).toHaveBeenCalledTimes(1); // for 'early 0'; later timers never move the earliest due time
    for (const timer of early) timer.cancel();
    expect(schedule).toHaveBeenCalledTimes(1);
    host.tick(100); // the host timer armed for 100 wakes, runs nothing, and arms for 'late'
    expect(fired).toEqual([]);
    expect(schedule).toHaveBeenCalledTimes(2);
    host.tick(899);
    expect(fired).toEqual([]);
    host.tick(1);
    expect(fired).toEqual(['late']);
    expect(host.pending()).toBe(0);
  });

  it('a timer earlier than the armed host timer re-arms it', () => {
    const host = fakeHost();
    const clock = new PlatformClock({ host, mode: 'real', startAt: 0 });
    const fired: string[] = [];
    clock.setTimer(1000, 'late', () => fired.push('late'));
    clock.setTimer(10, 'early', () => fired.push('early'));
    host.tick(10);
    expect(fired).toEqual(['early']);
    host.tick(990);
    expect(fired).toEqual(['early', 'late']);
  });

  it('freezes and resumes without losing or double-firing timers', () => {
    const host = fakeHost();
    const clock = new PlatformClock({ host, mode: 'real', startAt: 0 });
    let fired = 0;
    clock.setTimer(1000, 'x', () => fired++);
    clock.freeze();
    host.tick(5000);
    expect(clock.now()).toBe(0);
    expect(fired).toBe(0);
    clock.advance(1000);
    expect(fired).toBe(1);
    clock.setTimer(500, 'y', () => fired++);
    clock.resume();
    expect(clock.now()).toBe(1000);
    host.tick(500);
    expect(fired).toBe(2);
  });

  it('advances in real mode by shifting time forward', () => {
    const host = fakeHost();
    const clock = new PlatformClock({ host, mode: 'real', startAt: 0 });
    let fired = 0;
    clock.setTimer(60_000, 'ring', () => fired++);
    clock.advance(60_000);
    expect(fired).toBe(1);
    expect(clock.now()).toBe(60_000);
    expect(host.pending()).toBe(0);
  });

  it('starts at the wall time when it starts real without a start time, so device clocks can be checked against it', () => {
    const host = fakeHost(1_800_000_000_000);
    const clock = new PlatformClock({ host, mode: 'real' });
    expect(clock.now()).toBe(1_800_000_000_000);
    host.tick(1_500);
    expect(clock.now()).toBe(1_800_000_001_500);
  });

  it('refuses real mode without a host scheduler', () => {
    expect(() => new PlatformClock({ mode: 'real' })).toThrow(/no host scheduler/);
  });
});
