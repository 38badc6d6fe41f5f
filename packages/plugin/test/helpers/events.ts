import type { VoipEvent } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '../../src/index.js';

/** An event as the tests compare it: its name, and its data when it has some. */
export type Seen = [string] | [string, unknown];

/** Records every event `onVoipEvent` delivers to a listener of `plugin`. */
export function listen(plugin: SimulatedWmpfVoip): { readonly all: VoipEvent[]; seen(options?: { calling?: boolean }): Seen[] } {
  const all: VoipEvent[] = [];
  plugin.onVoipEvent((event) => all.push(event));
  return {
    all,
    seen: ({ calling = true } = {}) =>
      all.filter((e) => calling || e.eventName !== 'calling').map((e): Seen => (e.data === undefined ? [e.eventName] : [e.eventName, e.data])),
  };
}

/** `endVoip.data` of a call. */
export function endData(isCaller: boolean, keepTime: number, names: { callerName: string; listenerName: string; businessType: number; roomType?: 'voice' | 'video' }) {
  return { keepTime, callerName: names.callerName, listenerName: names.listenerName, roomType: names.roomType ?? 'video', isCaller, businessType: names.businessType };
}
