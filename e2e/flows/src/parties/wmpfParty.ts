import { parseWmpfCallPagePath, type RegistrationMode } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip, WmpfHostControl } from '@wxvoip/plugin';
import type { FlowEnv } from '../matrix/flowHost.js';

/** The demo seed's WMPF door-panel model (duration-billed). */
export const WMPF_MODEL = 'model-wmpf-panel';

/** A WMPF door panel: the plugin inside WMPF on an Android device, and the Android app around it. */
export interface WmpfParty {
  readonly sn: string;
  /** How the device registered (P §8.3): decides the voipToken of its businessType 1 calls. */
  readonly registrationMode: RegistrationMode;
  /** The plugin simulator on the WMPF host. */
  readonly plugin: SimulatedWmpfVoip;
  /** The Android app around WMPF (push messages, launch, tokens). */
  readonly host: WmpfHostControl;
  /** `push(<callerName>)` for every incoming-call push the app received, with the push's roomId. */
  readonly pushes: { readonly roomId: string; readonly text: string }[];
  /** The device's WMPF pushToken: what `callWMPF` and `initByCaller` businessType 2 address it with. */
  pushToken(): Promise<string>;
  /** The device-auth SDK's deviceToken: the `voipToken` of a businessType 1 call of an SDK-registered device. */
  deviceToken(): Promise<string>;
}

/**
 * Starts a WMPF panel of the demo seed (`SN-WMPF-0001`, WMPF-registered, by default) whose Android app does what
 * P §9.1 says: on each incoming-call push it launches the push's path, so the call page opens ringing and the
 * person can answer or reject it there.
 */
export async function wmpfParty(env: FlowEnv, options: { sn?: string; registrationMode?: RegistrationMode } = {}): Promise<WmpfParty> {
  const sn = options.sn ?? 'SN-WMPF-0001';
  const registrationMode = options.registrationMode ?? 'wmpf';
  const plugin = await env.wmpfDevice({ sn, modelId: WMPF_MODEL, registrationMode });
  const host = plugin.simulator.wmpf;
  if (!host) throw new Error(`the simulator of ${sn} has no WMPF host controls`);
  const pushes: { roomId: string; text: string }[] = [];
  host.onPush((push) => {
    pushes.push({ roomId: push.roomId, text: `push(${parseWmpfCallPagePath(push.message.path).callerName})` });
    void host.launch(push.message.path);
  });
  return {
    sn,
    registrationMode,
    plugin,
    host,
    pushes,
    pushToken: async () => (await host.getPushToken()).pushToken,
    deviceToken: async () => (await host.getDeviceToken()).deviceToken,
  };
}
