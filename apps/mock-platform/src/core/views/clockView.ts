import type { ClockState, ClockTimer, TimerKind } from '@wxvoip/contracts';
import type { PlatformClock } from '../clock/platformClock.js';

/** Room timer purposes (`room:<roomId> <purpose>`, RoomEngine) and the contract's timer kind of each. */
const ROOM_TIMER_KINDS: Readonly<Record<string, TimerKind>> = {
  ring: 'ringTimeout',
  listenerWait: 'waitOtherToJoin',
  callerJoin: 'callerJoinTimeout',
  calling: 'callingTick',
  timeLimit: 'timeLimit',
};

const ROOM_TIMER = /^room:(\S+) (\S+)$/;
const CALLBACK_TIMER = /^room:(\S+) callback attempt \d+$/;
const PARTY_PING = /^party:\S+ ping$/;

/**
 * The contract's view of one core timer, from its label: the room timers of the RoomEngine (`room:<id> ring`,
 * `listenerWait`, `calling`, `timeLimit`), the reply timeout of a callback attempt (`room:<id> callback attempt <n>`,
 * shown as `callbackRetry`: a retry follows when it fires) and a party's ping (`party:<id> ping`, `partyHeartbeat`).
 * `detail` is the core's label. Undefined for a label the core does not use (such timers are not listed [I]: the
 * contract has no kind for them). Token expiries are checked when a token is used, so they have no timers.
 */
export function clockTimer(label: string, dueAt: number): ClockTimer | undefined {
  const callback = CALLBACK_TIMER.exec(label);
  if (callback) return { kind: 'callbackRetry', dueAt, roomId: callback[1] ?? null, detail: label };
  const room = ROOM_TIMER.exec(label);
  const kind = room ? ROOM_TIMER_KINDS[room[2] ?? ''] : undefined;
  if (room && kind) return { kind, dueAt, roomId: room[1] ?? null, detail: label };
  if (PARTY_PING.test(label)) return { kind: 'partyHeartbeat', dueAt, roomId: null, detail: label };
  return undefined;
}

/** The namespace's clock as the control API shows it: mode, time and pending timers, soonest first. */
export function clockState(clock: PlatformClock): ClockState {
  const state = clock.state();
  return { mode: state.mode, now: state.now, pending: state.timers.flatMap((t) => clockTimer(t.label, t.dueAt) ?? []) };
}

/**
 * Advances a clock by `ms`, firing due timers in order, and returns the timers that fired.
 *
 * The clock reports only how many timers ran, so this moves from one due instant to the next: the timers due at an
 * instant that are gone afterwards fired, in firing order, at most as many as ran. [I] Two limits follow, both
 * within one millisecond: a timer cancelled by an earlier timer of the same instant is counted only while fewer
 * timers ran than disappeared (the later ones in firing order are taken as cancelled), and a zero-delay timer set
 * and fired inside that instant is not listed. Cost: one pass over the pending timers per distinct due instant.
 */
export function advanceRecording(clock: PlatformClock, ms: number): ClockTimer[] {
  const target = clock.now() + ms;
  const fired: ClockTimer[] = [];
  for (;;) {
    const pending = clock.state().timers;
    const next = pending[0];
    if (!next || next.dueAt > target) break;
    const due = pending.filter((t) => t.dueAt === next.dueAt);
    const ran = clock.set(next.dueAt);
    const left = new Map<string, number>();
    for (const t of clock.state().timers) if (t.dueAt === next.dueAt) left.set(t.label, (left.get(t.label) ?? 0) + 1);
    const gone = due.filter((t) => {
      const remaining = left.get(t.label) ?? 0;
      if (remaining === 0) return true;
      left.set(t.label, remaining - 1);
      return false;
    });
    for (const t of gone.slice(0, ran)) {
      const timer = clockTimer(t.label, t.dueAt);
      if (timer) fired.push(timer);
    }
  }
  clock.set(target);
  return fired;
}
