import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { formatEvent } from '../matrix/cell.js';

/** A plugin's events of one room, formatted, without the periodic `calling` (for a party that is also in another call). */
export function eventsIn(plugin: SimulatedWmpfVoip, roomId: string): string[] {
  return plugin.simulator.events.filter((e) => e.eventName !== 'calling' && e.roomId === roomId).map(formatEvent);
}

/** The `text` of the alerts (pushes, reminders) of one room, or of every room when `roomId` is null (no room was made). */
export function alertsIn(alerts: readonly { readonly roomId: string; readonly text: string }[], roomId: string | null): string[] {
  return alerts.filter((a) => roomId === null || a.roomId === roomId).map((a) => a.text);
}
