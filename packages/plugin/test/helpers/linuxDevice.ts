import { describePartyFailure, PartyClient, type PartyResult } from '@wxvoip/party-client';
/**
 * A Linux device acting through the platform's transport routes (D §1.2), for the plugin's tests: it connects as a
 * party and answers, refuses or hangs up the calls a phone places with callDevice. WeChat sends a Linux device
 * nothing: the test relays the roomId, as the developer's own channel would.
 */
export interface TestLinuxDevice {
  readonly sn: string;
  /** `wx_voip_listener_join(session, roomId)`. */
  join(roomId: string): Promise<{ errcode: number }>;
  /** `wx_voip_listener_hangup(roomId, reason)`, optionally reporting busy. */
  refuse(roomId: string, options?: { busy?: boolean }): Promise<{ errcode: number }>;
  /** `wx_voip_session_hangup`: ends the call from the device. */
  hangUp(roomId: string): Promise<{ errcode: number }>;
  /** The device fails (network loss). */
  abort(roomId: string): Promise<{ errcode: number }>;
}

/** Connects a Linux device of the demo seed (default the front doorbell SN-LINUX-0001). */
export async function connectLinuxDevice(baseUrl: string, sn = 'SN-LINUX-0001', modelId = 'model-linux-doorbell'): Promise<TestLinuxDevice> {
  const party = new PartyClient({ baseUrl });
  const outcome = (result: PartyResult<unknown>): { errcode: number } => {
    if (result.ok) return { errcode: 0 };
    if (result.failure.kind === 'refused') return { errcode: result.failure.refusal.errcode };
    throw new Error(`linux device: ${describePartyFailure(result.failure)}`);
  };
  const connected = await party.connect({ kind: 'linuxDevice', appId: 'wx_demo_app', sn, modelId });
  if (!connected.ok) throw new Error(`linux device did not connect: ${describePartyFailure(connected.failure)}`);
  return {
    sn,
    join: async (roomId) => outcome(await party.request('linuxListenerJoin', { body: { roomId } })),
    refuse: async (roomId, options = {}) => outcome(await party.request('linuxListenerHangup', { body: { roomId, reason: 11, busy: options.busy ?? false } })),
    hangUp: async (roomId) => outcome(await party.request('hangUpRoom', { params: { roomId }, body: { origin: 'manual', reason: 1 } })),
    abort: async (roomId) => outcome(await party.request('abortRoom', { params: { roomId }, body: { errMsg: 'call interrupted due to native reason' } })),
  };
}
