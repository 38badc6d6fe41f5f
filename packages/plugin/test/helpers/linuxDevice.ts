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
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}/__wxvoip/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return (await res.json()) as { errcode: number; credential?: { token: string } };
  };
  const connected = await post('/parties', { kind: 'linuxDevice', appId: 'wx_demo_app', sn, modelId });
  if (connected.errcode !== 0 || !connected.credential) throw new Error(`linux device did not connect: ${JSON.stringify(connected)}`);
  const auth = { authorization: `Bearer ${connected.credential.token}` };
  return {
    sn,
    join: (roomId) => post('/linux/listener/join', { roomId }, auth),
    refuse: (roomId, options = {}) => post('/linux/listener/hangup', { roomId, reason: 11, busy: options.busy ?? false }, auth),
    hangUp: (roomId) => post(`/rooms/${roomId}/hang-up`, { origin: 'manual', reason: 1 }, auth),
    abort: (roomId) => post(`/rooms/${roomId}/abort`, { errMsg: 'call interrupted due to native reason' }, auth),
  };
}
