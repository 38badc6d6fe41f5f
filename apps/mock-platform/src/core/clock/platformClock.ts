import { TimerQueue, type QueuedTimer } from './timerQueue.js';

/** A handle to cancel a scheduled callback. */
export interface TimerHandle {
  /** Cancels the timer; a no-op once it fired or was cancelled. */
  cancel(): void;
  /** Platform time (ms) at which it is (or was) due. */
  readonly dueAt: number;
  /** What it is for. */
  readonly label: string;
}

/** The only source of time and timers for the platform core. */
export interface Clock {
  /** Current platform time in ms since the Unix epoch. */
  now(): number;
  /** Runs `callback` once, `delayMs` after now. */
  setTimer(delayMs: number, label: string, callback: () => void): TimerHandle;
}

/**
 * How a real-time host drives the clock: its wall time and a one-shot scheduler. The server passes
 * `Date.now` and a `setTimeout` wrapper; nothing in the core touches either directly.
 */
export interface HostScheduler {
  /** Wall time in ms since the Unix epoch. */
  now(): number;
  /** Calls `fn` after about `delayMs`; returns a function that cancels it. */
  schedule(delayMs: number, fn: () => void): () => void;
}

/** Whether time follows the host's wall clock or moves only when told to. */
export type ClockMode = 'real' | 'manual';

/** A snapshot of the clock for the control API and the inspector. */
export interface ClockState {
  /** Current mode. */
  mode: ClockMode;
  /** Current platform time, ms since the Unix epoch. */
  now: number;
  /** Active timers, earliest first. */
  timers: { label: string; dueAt: number }[];
}

/** Options of {@link PlatformClock}. */
export interface PlatformClockOptions {
  /** Start at this time (ms). Default: the host's time in real mode, 2026-01-01T00:00:00Z in manual mode. */
  startAt?: number;
  /** A host scheduler enables real mode. Without one the clock is manual only. */
  host?: HostScheduler;
  /** Start in real mode (requires `host`). */
  mode?: ClockMode;
  /** Called when a timer callback throws; the clock keeps running. Default: rethrown after all due timers ran. */
  onTimerError?: (error: unknown, label: string) => void;
}

/** 2026-01-01T00:00:00Z, the default start of a manual clock, so timestamps in tests are stable. */
export const DEFAULT_MANUAL_START = Date.UTC(2026, 0, 1);

/**
 * The platform's clock: manual for tests (time moves only with {@link PlatformClock.advance}), real for
 * the standalone server (time follows the host), switchable at run time by the control API.
 *
 * Timers fire in due order; a timer set by a firing timer fires in the same `advance` if it falls
 * inside the advanced window.
 *
 * @example
 * const clock = new PlatformClock();
 * clock.setTimer(60_000, 'ring-timeout', () => console.log('timeout'));
 * clock.advance(60_000); // logs "timeout"
 */
export class PlatformClock implements Clock {
  private readonly queue = new TimerQueue();
  private readonly host: HostScheduler | undefined;
  private readonly onTimerError: ((error: unknown, label: string) => void) | undefined;
  private currentMode: ClockMode;
  /** Manual mode: the current time. Real mode: the offset added to the host's time. */
  private manualNow: number;
  private offset = 0;
  private seq = 0;
  private cancelHostTimer: (() => void) | undefined;
  private hostTimerDueAt: number | undefined;
  private firing = false;
  private turns = 0;

  constructor(options: PlatformClockOptions = {}) {
    this.host = options.host;
    this.onTimerError = options.onTimerError;
    // A clock that starts real follows the wall clock (devices compare their own clock with it, D §1.1); only a
    // manual clock starts at the fixed default.
    this.manualNow = options.startAt ?? (options.mode === 'real' && options.host ? options.host.now() : DEFAULT_MANUAL_START);
    this.currentMode = 'manual';
    if (options.mode === 'real') this.resume();
  }

  /** Current mode. */
  get mode(): ClockMode {
    return this.currentMode;
  }

  /**
   * How many times the clock has run due timers (each `advance`, `set`, or real-time wake-up is one turn). Timers of
   * one turn fire back to back, with no chance for a party to act between them: a manual jump of 60 s is instant
   * for the parties, so liveness checks must not count a ping of the same turn as unanswered.
   */
  get turn(): number {
    return this.turns;
  }

  /** Number of active timers (a room that ended must leave none behind). */
  get pendingTimers(): number {
    return this.queue.size;
  }

  /** Current platform time in ms. */
  now(): number {
    return this.currentMode === 'manual' ? this.manualNow : this.host!.now() + this.offset;
  }

  /** Schedules `callback` after `delayMs` (negative or NaN delays count as 0). */
  setTimer(delayMs: number, label: string, callback: () => void): TimerHandle {
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    // The queued entry is its own handle: no handle object or cancel closure per timer (issue 19).
    const timer = new ClockTimer(this.now() + delay, this.seq++, label, callback, this.cancelOne);
    this.queue.push(timer);
    this.armHost();
    return timer;
  }

  /**
   * Moves time forward by `ms` and runs every timer that falls due, in order. Works in both modes (in
   * real mode it shifts the offset). Returns how many timers ran.
   */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
    const target = this.now() + ms;
    return this.runUntil(target);
  }

  /** Jumps to an absolute time (not backwards), running due timers. */
  set(time: number): number {
    if (!Number.isFinite(time)) throw new RangeError(`set(time) needs a finite time in ms, got ${time}`);
    const now = this.now();
    if (time < now) throw new RangeError(`set(time) cannot move time backwards: ${new Date(time).toISOString()} is before ${new Date(now).toISOString()}`);
    return this.runUntil(time);
  }

  /** Stops following the host: time stands still until advanced. */
  freeze(): void {
    if (this.currentMode === 'manual') return;
    this.manualNow = this.now();
    this.currentMode = 'manual';
    this.disarmHost();
  }

  /** Follows the host again from the current platform time (requires a host scheduler). */
  resume(): void {
    if (!this.host) throw new Error('This clock has no host scheduler, so it can only run in manual mode. Pass `host` to use real time.');
    if (this.currentMode === 'real') return;
    this.offset = this.manualNow - this.host.now();
    this.currentMode = 'real';
    this.armHost();
  }

  /** Cancels every timer (used by reset and close). */
  cancelAll(): void {
    for (const t of this.queue.list()) this.queue.cancel(t);
    this.disarmHost();
  }

  /** A snapshot for the control API. */
  state(): ClockState {
    return { mode: this.currentMode, now: this.now(), timers: this.queue.list().map((t) => ({ label: t.label, dueAt: t.dueAt })) };
  }

  /** Cancels one timer (shared by every handle). */
  private readonly cancelOne = (timer: QueuedTimer): void => {
    if (this.queue.cancel(timer)) this.armHost();
  };

  private runUntil(target: number): number {
    this.turns++;
    let ran = 0;
    const errors: { error: unknown; label: string }[] = [];
    this.firing = true;
    try {
      for (let timer = this.queue.popDue(target); timer; timer = this.queue.popDue(target)) {
        if (this.currentMode === 'manual') this.manualNow = Math.max(this.manualNow, timer.dueAt);
        else this.offset = Math.max(this.offset, timer.dueAt - this.host!.now());
        ran++;
        try {
          timer.run();
        } catch (error) {
          if (this.onTimerError) this.onTimerError(error, timer.label);
          else errors.push({ error, label: timer.label });
        }
      }
      if (this.currentMode === 'manual') this.manualNow = Math.max(this.manualNow, target);
      else this.offset = Math.max(this.offset, target - this.host!.now());
    } finally {
      this.firing = false;
      this.armHost();
    }
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new AggregateError(errors.map((e) => e.error), `${errors.length} timer callback(s) threw; first: ${first.label}`);
    }
    return ran;
  }

  private armHost(): void {
    if (this.currentMode !== 'real' || this.firing) return;
    const next = this.queue.peek();
    if (!next) {
      this.disarmHost();
      return;
    }
    // A host timer due no later than the next platform timer stays armed: when it fires, what is due runs and the host
    // timer is armed for the next one. So cancelling the earliest timer (a call answered, a ping re-armed), which
    // busy rooms do all the time, costs no clearTimeout/setTimeout pair (issue 19).
    if (this.cancelHostTimer && this.hostTimerDueAt !== undefined && this.hostTimerDueAt <= next.dueAt) return;
    this.disarmHost();
    const delay = Math.max(0, next.dueAt - this.now());
    this.hostTimerDueAt = next.dueAt;
    this.cancelHostTimer = this.host!.schedule(delay, () => {
      this.cancelHostTimer = undefined;
      this.hostTimerDueAt = undefined;
      this.runUntil(this.now());
    });
  }

  private disarmHost(): void {
    this.cancelHostTimer?.();
    this.cancelHostTimer = undefined;
    this.hostTimerDueAt = undefined;
  }
}

/** A scheduled callback: the timer queue's entry and the handle {@link PlatformClock.setTimer} returns, in one object. */
class ClockTimer implements QueuedTimer, TimerHandle {
  active = true;

  constructor(
    readonly dueAt: number,
    readonly seq: number,
    readonly label: string,
    public run: () => void,
    private readonly cancelIn: (timer: QueuedTimer) => void,
  ) {}

  /** Cancels the timer; a no-op once it fired or was cancelled. */
  cancel(): void {
    this.cancelIn(this);
  }
}
