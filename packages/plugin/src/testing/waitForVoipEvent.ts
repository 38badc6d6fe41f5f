import type { VoipEvent, VoipEventName } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';

/** Options of the testbed's `waitForEvent`. */
export interface WaitForEventOptions {
  /** Whose events (default: the first phone created since the last reset). */
  readonly on?: SimulatedWmpfVoip;
  /** Only an event of this room. */
  readonly roomId?: string;
  /** Real time to wait, in ms (default 2000). */
  readonly timeoutMs?: number;
}

/** What {@link waitForVoipEvent} needs besides the simulator and the event name. */
export interface WaitForVoipEventSettings {
  /** Index in `simulator.events` to search from. */
  readonly from: number;
  /** Real time to wait, in ms. */
  readonly timeoutMs: number;
  /** Who the simulator is, for the timeout message (e.g. `the phone of openid-alice`). */
  readonly label: string;
  /** Only an event of this room. */
  readonly roomId?: string;
  /** Runs between looks (the testbed's device pollers); may throw to end the wait. */
  readonly poll?: () => Promise<void>;
}

/** The wait ran out: `arrived` lists what came instead. */
export class WaitForEventTimeoutError extends Error {
  /** The class name. */
  override readonly name = 'WaitForEventTimeoutError';
  /** The events that arrived after `from` (what the wait saw instead). */
  readonly arrived: readonly VoipEvent[];

  /** Creates the error with its message. */
  constructor(message: string, arrived: readonly VoipEvent[]) {
    super(message);
    this.arrived = arrived;
  }
}

const describe = (event: VoipEvent): string => (event.data === undefined ? event.eventName : `${event.eventName} ${JSON.stringify(event.data)}`);

/**
 * Waits, in real time, for the first `eventName` event at or after index `from` of `plugin.simulator.events`.
 * Resolves with it and its index; rejects with a {@link WaitForEventTimeoutError} that names what did arrive.
 *
 * @example
 * const { event } = await waitForVoipEvent(phone, 'startVoip', { from: 0, timeoutMs: 2000, label: 'the phone' });
 */
export async function waitForVoipEvent(plugin: SimulatedWmpfVoip, eventName: VoipEventName, settings: WaitForVoipEventSettings): Promise<{ event: VoipEvent; index: number }> {
  const deadline = Date.now() + settings.timeoutMs;
  for (;;) {
    const events = plugin.simulator.events;
    for (let index = settings.from; index < events.length; index += 1) {
      const event = events[index];
      if (event !== undefined && event.eventName === eventName && (settings.roomId === undefined || event.roomId === settings.roomId)) return { event, index };
    }
    if (Date.now() >= deadline) {
      const arrived = events.slice(settings.from);
      const ticks = arrived.filter((e) => e.eventName === 'calling').length;
      const shown = arrived.filter((e) => e.eventName !== 'calling').map(describe);
      const what = `waitForEvent('${eventName}'${settings.roomId === undefined ? '' : `, room ${settings.roomId}`})`;
      const lines = [
        `[wxvoip] ${what} timed out after ${settings.timeoutMs} ms on ${settings.label}.`,
        arrived.length === 0
          ? 'No event arrived since the last wait.'
          : `What did arrive since the last wait: ${shown.join(', ')}${ticks > 0 ? `${shown.length > 0 ? ', ' : ''}${ticks} calling tick(s)` : ''}.`,
        'Timers (the 60 s ring, the 20 s listener wait, calling, timeLimit) run on the platform clock: move it with bed.advance(ms).',
      ];
      throw new WaitForEventTimeoutError(lines.join('\n'), arrived);
    }
    await settings.poll?.();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
