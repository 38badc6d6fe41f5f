import type { RoomSide } from '@wxvoip/contracts';
import { APP, type FlowEnv } from '../matrix/flowHost.js';

/** Fails the cell with the control API's answer when a state change did not succeed. */
function check(what: string, res: { status: number; body: unknown }): void {
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
}

/** The user switches off the device's authorization in the mini program's settings (D §5.2). */
export async function revokeAuthorization(env: FlowEnv, openId: string, sn: string): Promise<void> {
  check('revokeAuthorization', await env.control.revokeAuthorization({ params: { appId: APP.appId }, body: { openId, how: 'switchOff', sn } }));
}

/** The app's duration package is exhausted: it is in arrears (P §10.1, backend 15). */
export async function putInArrears(env: FlowEnv): Promise<void> {
  check('updateBilling', await env.control.updateBilling({ params: { appId: APP.appId }, body: { inArrears: true } }));
}

/** The app has no approved audio/video capability (backend 12). */
export async function removeVoipCapability(env: FlowEnv): Promise<void> {
  check('updateApp', await env.control.updateApp({ params: { appId: APP.appId }, body: { voipCapability: 'none' } }));
}

/** Sets a device's license to expire at `expireTime` (Unix seconds), or removes it with null (backend 23 / 24). */
export async function setLicense(env: FlowEnv, sn: string, expireTime: number | null): Promise<void> {
  check('setDeviceLicense', await env.control.setDeviceLicense({ params: { appId: APP.appId, sn }, body: { expireTime, activeNumbers: expireTime === null ? [] : [1005] } }));
}

/** One side's party loses its network during the call: the room aborts (P §9.6). */
export async function goOffline(env: FlowEnv, roomId: string, side: RoomSide): Promise<void> {
  check('simulateGoOffline', await env.control.simulateGoOffline({ params: { roomId }, body: { side } }));
}
