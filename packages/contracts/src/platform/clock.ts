import { z } from 'zod';
import { RoomId } from '../common/identifiers.js';

const instant = z.number().int('times are whole milliseconds since 1970').nonnegative('times are milliseconds since 1970 (0 or more)');

/** `real`: the platform clock follows the wall clock. `manual`: it stands still until advanced or set. */
export const ClockMode = z.enum(['real', 'manual'], {
  errorMap: () => ({ message: "mode must be 'real' (wall clock) or 'manual' (moves only when advanced or set)" }),
});
/** How the platform clock moves. */
export type ClockMode = z.infer<typeof ClockMode>;

/**
 * The platform timers (D §8, P §13.4): ring timeout 60 s, listener waiting for the caller 20 s, the 1 s `calling`
 * tick, a plugin caller that never joins (`callerJoinTimeout`, [I] 60 s), `timeLimit`, snTicket (5 min) / deviceToken (1 h) / pushToken expiry, callback retries, party heartbeats.
 */
export const TimerKind = z.enum([
  'ringTimeout',
  'waitOtherToJoin',
  'callerJoinTimeout',
  'callingTick',
  'timeLimit',
  'snTicketExpiry',
  'deviceTokenExpiry',
  'pushTokenExpiry',
  'accessTokenExpiry',
  'callbackRetry',
  'partyHeartbeat',
]);
/** A kind of platform timer. */
export type TimerKind = z.infer<typeof TimerKind>;

/** A pending or fired platform timer: what, when (platform ms), and the room it belongs to, if any. */
export const ClockTimer = z.object({
  kind: TimerKind,
  dueAt: instant,
  roomId: RoomId.nullable(),
  detail: z.string().optional(),
});
/** A platform timer. */
export type ClockTimer = z.infer<typeof ClockTimer>;

/** The namespace's clock: mode, current platform time and the timers still pending (soonest first). */
export const ClockState = z.object({
  mode: ClockMode,
  now: instant,
  pending: z.array(ClockTimer),
});
/** The namespace's clock. */
export type ClockState = z.infer<typeof ClockState>;

/**
 * Body of `setClock`: switch to `real`, or to `manual` at `now` (default: the current time, i.e. freeze).
 * Setting `now` earlier than the current time is allowed; timers already fired do not fire again.
 *
 * @example
 * SetClockBody.parse({ mode: 'manual', now: Date.UTC(2025, 0, 1) });
 */
export const SetClockBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('real') }),
  z.object({ mode: z.literal('manual'), now: instant.optional() }),
]);
/** Body of `setClock`. */
export type SetClockBody = z.infer<typeof SetClockBody>;

/** Longest single advance: one day. Larger jumps are usually a unit mistake (seconds vs ms). */
export const MAX_CLOCK_ADVANCE_MS = 86_400_000;

/**
 * Body of `advanceClock`: move a manual clock forward by `ms` (1 ms to one day), firing every timer due on the
 * way in order, as if the time had passed.
 *
 * @example
 * AdvanceClockBody.parse({ ms: 60_000 }); // past the 60 s ring timeout
 */
export const AdvanceClockBody = z.object({
  ms: z
    .number({ required_error: 'ms is required: how many milliseconds to advance' })
    .int('ms must be a whole number of milliseconds')
    .positive('ms must be greater than 0')
    .max(MAX_CLOCK_ADVANCE_MS, `ms must be at most ${MAX_CLOCK_ADVANCE_MS} (one day) per call: is it seconds instead of milliseconds?`),
});
/** Body of `advanceClock`. */
export type AdvanceClockBody = z.infer<typeof AdvanceClockBody>;

/** Result of `advanceClock`: the clock afterwards and the timers that fired, in firing order. */
export const AdvanceClockResult = ClockState.extend({ fired: z.array(ClockTimer) });
/** Result of `advanceClock`. */
export type AdvanceClockResult = z.infer<typeof AdvanceClockResult>;
