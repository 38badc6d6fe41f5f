import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import type { FlowEnv } from '../matrix/flowHost.js';

/** A user's phone: the plugin simulator on the WeChat host, and the incoming-call reminders WeChat showed on it. */
export interface PhoneParty {
  readonly openId: string;
  /** The plugin simulator on the WeChat host. */
  readonly plugin: SimulatedWmpfVoip;
  /** `reminder(<callerName>)` for every incoming-call reminder WeChat showed (P §9.1), with the reminder's roomId. */
  readonly reminders: { readonly roomId: string; readonly text: string }[];
}

/** Starts a phone of the demo seed (`openid-alice` by default) that records its incoming-call reminders. */
export async function phoneParty(env: FlowEnv, openId = 'openid-alice'): Promise<PhoneParty> {
  const plugin = await env.phone(openId);
  const reminders: { roomId: string; text: string }[] = [];
  plugin.simulator.onReminder((reminder) => void reminders.push({ roomId: reminder.roomId, text: `reminder(${reminder.notice.caller.name})` }));
  return { openId, plugin, reminders };
}
