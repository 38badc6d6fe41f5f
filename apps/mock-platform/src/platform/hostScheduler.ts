import type { HostScheduler } from '../core/clock/platformClock.js';

/** The wall clock and timers of Node, for a platform that follows real time. */
export const nodeHostScheduler: HostScheduler = {
  now: () => Date.now(),
  schedule(delayMs, fn) {
    const timer = setTimeout(fn, delayMs);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/** Waits `ms` of wall time (latency faults). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
