import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import type { Observation } from '../matrix/cell.js';
import type { FlowEnv } from '../matrix/flowHost.js';
import type { VendorCloudParty } from './vendorCloudParty.js';

/** A cloud call to Alice's phone in progress: the phone, the vendor cloud that joins it, and the room. */
export interface CloudCallToPhone {
  readonly phone: SimulatedWmpfVoip;
  readonly cloud: VendorCloudParty;
  readonly roomId: string;
}

/** Alice taps the incoming-call reminder and answers. */
export async function answerFromReminder(env: FlowEnv, { phone }: { phone: SimulatedWmpfVoip }): Promise<void> {
  await phone.simulator.callPage.openReminder();
  await phone.simulator.callPage.answer();
  await env.settle();
}

/** Whether the vendor cloud's session has ended (any end status). */
export const cloudSessionEnded = (cloud: VendorCloudParty) => (): boolean => cloud.session?.ended === true;

/**
 * The answered-call script of the cloud → phone directions: place the call, Alice answers, the vendor cloud's session
 * is TALKING, 3 s of talk, then `end`; observed once the cloud's session has ended.
 */
export function cloudTalkThen<C extends CloudCallToPhone>(
  placeCall: (env: FlowEnv) => Promise<C>,
  observe: (env: FlowEnv, call: C, roomId: string) => Promise<Observation>,
): (end: (env: FlowEnv, call: C) => Promise<unknown>) => (env: FlowEnv) => Promise<Observation> {
  return (end) => async (env) => {
    const call = await placeCall(env);
    await answerFromReminder(env, call);
    await env.until(() => call.cloud.log.includes('TALKING'), 'TALKING on the vendor cloud session');
    await env.advance(3_000);
    await end(env, call);
    await env.until(cloudSessionEnded(call.cloud), 'the end status on the vendor cloud session');
    return observe(env, call, call.roomId);
  };
}
