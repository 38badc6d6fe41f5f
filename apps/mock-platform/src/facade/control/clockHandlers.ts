import { MAX_CLOCK_ADVANCE_MS } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import { problem, validationProblem } from '../problems.js';
import { advanceRecording, clockState } from '../../core/views/clockView.js';
import { withTenant, type ControlHandlers } from './controlContext.js';

/**
 * The clock routes of a namespace: read it, switch it to real or manual time, freeze it, advance it.
 *
 * - `setClock { mode: 'real' }` needs the host scheduler the server passes to `PlatformCore`; an in-process platform
 *   without one only has manual time, and the request is a 400 `validation` problem at `mode` saying so (the contract
 *   declares no other status for this route).
 * - `setClock { mode: 'manual', now }` freezes the clock and jumps to `now`, firing the timers due on the way. [I] A
 *   `now` earlier than the current time is a 400 `validation` problem at `now`: the core's clock never moves
 *   backwards (timers and expiries rely on it), although `SetClockBody` says it is allowed.
 * - `advanceClock` is a 409 `clock-not-manual` problem while the clock is real; otherwise it moves `ms` (at most
 *   `MAX_CLOCK_ADVANCE_MS`) forward and lists the timers that fired.
 */
export function clockHandlers(core: PlatformCore): Pick<ControlHandlers, 'getClock' | 'setClock' | 'freezeClock' | 'advanceClock'> {
  return {
    getClock: (request) => withTenant(core, 'getClock', request, ({ tenant }) => ({ status: 200, body: clockState(tenant.state.clock) })),

    setClock: (request) =>
      withTenant(core, 'setClock', request, (context) => {
        const clock = context.tenant.state.clock;
        const body = request.body;
        if (body.mode === 'real') {
          if (clock.mode === 'manual') {
            try {
              clock.resume();
            } catch {
              return validationProblem(
                [{ path: ['mode'], message: "mode 'real' needs a host scheduler: this platform runs in-process with manual time only (advance it with POST /__admin/clock/advance, or start the server to follow the wall clock)" }],
                context.instance,
              );
            }
          }
          return { status: 200, body: clockState(clock) };
        }
        const current = clock.now();
        if (body.now !== undefined && body.now < current) {
          const message = `now (${new Date(body.now).toISOString()}) is before the platform time (${new Date(current).toISOString()}): the platform clock only moves forward; reset the namespace to start again from an earlier time`;
          return validationProblem([{ path: ['now'], message }], context.instance);
        }
        clock.freeze();
        if (body.now !== undefined) clock.set(body.now);
        return { status: 200, body: clockState(clock) };
      }),

    freezeClock: (request) =>
      withTenant(core, 'freezeClock', request, ({ tenant }) => {
        tenant.state.clock.freeze();
        return { status: 200, body: clockState(tenant.state.clock) };
      }),

    advanceClock: (request) =>
      withTenant(core, 'advanceClock', request, (context) => {
        const clock = context.tenant.state.clock;
        if (clock.mode === 'real') {
          return problem('clockNotManual', 'the clock of this namespace follows real time; freeze it (POST /__admin/clock/freeze) or set mode manual before advancing', { instance: context.instance });
        }
        const { ms } = request.body;
        if (!Number.isInteger(ms) || ms <= 0 || ms > MAX_CLOCK_ADVANCE_MS) {
          return validationProblem([{ path: ['ms'], message: `ms must be a whole number of milliseconds from 1 to ${MAX_CLOCK_ADVANCE_MS} (one day)` }], context.instance);
        }
        const fired = advanceRecording(clock, ms);
        return { status: 200, body: { ...clockState(clock), fired } };
      }),
  };
}
