import { CALL_PAGE_PATH, WX_HANGUP_REASON } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { eventsOf, pluginRefusal, roomResult, type DirectionSpec, type Observation, type RunCell } from '../matrix/cell.js';
import { APP, type FlowEnv } from '../matrix/flowHost.js';
import { linuxParty, type LinuxParty } from '../parties/linuxParty.js';

const SN = 'SN-LINUX-0001';
const MODEL = 'model-linux-doorbell';

/** Alice's phone calls the doorbell: `callDevice`, then the call page; the backend relays the roomId to the device. */
async function placeCall(env: FlowEnv, extra: { timeLimit?: number } = {}): Promise<{ phone: SimulatedWmpfVoip; door: LinuxParty; roomId: string }> {
  const door = await linuxParty(env, SN, MODEL);
  const phone = await env.phone();
  const { roomId } = await phone.callDevice({ roomType: 'voice', sn: SN, modelId: MODEL, ...extra });
  await phone.simulator.callPage.navigate(CALL_PAGE_PATH);
  await env.settle();
  return { phone, door, roomId };
}

async function observe(env: FlowEnv, phone: SimulatedWmpfVoip, door: LinuxParty, roomId: string | null): Promise<Observation> {
  await env.settle();
  return { parties: { phone: eventsOf(phone), device: [...door.statuses] }, ...(await roomResult(env, roomId)) };
}

/** A call the platform refuses before any room: what `callDevice` throws, and that the device heard nothing. */
function refused(prepare: (env: FlowEnv) => Promise<void>, refusedWith: string): RunCell {
  return {
    kind: 'run',
    expect: { parties: { phone: [], device: [] }, outcome: null, billedSeconds: null, refusedWith },
    async run(env) {
      await prepare(env);
      const door = await linuxParty(env, SN, MODEL);
      const phone = await env.phone();
      const error = await phone.callDevice({ roomType: 'voice', sn: SN, modelId: MODEL }).then(
        () => 'placed',
        (e: unknown) => pluginRefusal(e),
      );
      return { ...(await observe(env, phone, door, null)), refusedWith: error };
    },
  };
}

async function revokeAlice(env: FlowEnv): Promise<void> {
  const res = await env.control.revokeAuthorization({ params: { appId: APP.appId }, body: { openId: 'openid-alice', how: 'switchOff', sn: SN } });
  if (res.status !== 200) throw new Error(`revokeAuthorization: HTTP ${res.status}`);
}

const talkThen = (end: (env: FlowEnv, call: { phone: SimulatedWmpfVoip; door: LinuxParty; roomId: string }) => Promise<void>) => async (env: FlowEnv) => {
  const call = await placeCall(env);
  await call.door.session.listenerJoin(call.roomId);
  await env.advance(3_000);
  await end(env, call);
  await env.until(() => call.phone.simulator.events.some((e) => e.eventName === 'finishVoip'), 'finishVoip on the phone');
  return observe(env, call.phone, call.door, call.roomId);
};

/** phone → Linux (`callDevice`): the phone calls, the device joins the room its backend relays (D §1.5, P §9). */
export const phoneToLinux: DirectionSpec = {
  direction: 'phoneToLinux',
  cells: {
    callerHangsUp: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip(endByCaller,manual)', 'endVoip', 'finishVoip'], device: ['TALKING', 'HANGUP_BY_CALLER'] },
        outcome: 'hungUpByCaller',
        billedSeconds: 3,
      },
      run: talkThen((_env, { phone }) => phone.simulator.callPage.hangUp()),
    },
    listenerHangsUp: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip(endByListener,other)', 'endVoip', 'finishVoip'], device: ['TALKING', 'HANGUP_BY_CALLEE/1'] },
        outcome: 'hungUpByListener',
        billedSeconds: 3,
      },
      run: talkThen(async (_env, { door }) => void (await door.session.hangup(WX_HANGUP_REASON.MANUAL))),
    },
    timeLimit: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip(endByCaller,timeLimit)', 'endVoip', 'finishVoip'], device: ['TALKING', 'HANGUP_BY_CALLER'] },
        outcome: 'timeLimit',
        billedSeconds: 5,
      },
      async run(env) {
        const { phone, door, roomId } = await placeCall(env, { timeLimit: 5 });
        await door.session.listenerJoin(roomId);
        await env.advance(6_000);
        return observe(env, phone, door, roomId);
      },
    },
    rejected: {
      kind: 'run',
      expect: { parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'rejectVoip(other)', 'endVoip', 'finishVoip'], device: [] }, outcome: 'rejected', billedSeconds: 0 },
      async run(env) {
        const { phone, door, roomId } = await placeCall(env);
        await door.device.listenerHangup(roomId, WX_HANGUP_REASON.REJECT);
        await env.until(() => phone.simulator.events.some((e) => e.eventName === 'finishVoip'), 'finishVoip on the phone');
        return observe(env, phone, door, roomId);
      },
    },
    cancelled: {
      kind: 'run',
      expect: { parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'cancelVoip(manual)', 'endVoip', 'finishVoip'], device: [] }, outcome: 'cancelled', billedSeconds: 0 },
      async run(env) {
        const { phone, door, roomId } = await placeCall(env);
        await env.advance(2_000);
        await phone.simulator.callPage.hangUp();
        await env.until(() => phone.simulator.events.some((e) => e.eventName === 'finishVoip'), 'finishVoip on the phone');
        return observe(env, phone, door, roomId);
      },
    },
    timeout: {
      kind: 'run',
      expect: { parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip'], device: [] }, outcome: 'timeout', billedSeconds: 0 },
      async run(env) {
        const { phone, door, roomId } = await placeCall(env);
        await env.advance(60_000);
        return observe(env, phone, door, roomId);
      },
    },
    busy: {
      kind: 'run',
      expect: { parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip'], device: [] }, outcome: 'busy', billedSeconds: 0 },
      async run(env) {
        const { phone, door, roomId } = await placeCall(env);
        // The device is in another call: its program answers the relay with "busy" (wx_voip_listener_hangup, D §1.5).
        await door.device.listenerHangup(roomId, WX_HANGUP_REASON.REJECT, { busy: true });
        await env.until(() => phone.simulator.events.some((e) => e.eventName === 'finishVoip'), 'finishVoip on the phone');
        return observe(env, phone, door, roomId);
      },
    },
    listenerWait: {
      kind: 'run',
      // P §13 (WaitingCaller, 20 s): the listener gives up; the caller, who never joined, is told the room aborted.
      expect: { parties: { phone: ['abortVoip(unknown)', 'endVoip', 'finishVoip'], device: ['ABORTED'] }, outcome: 'aborted', billedSeconds: 0 },
      async run(env) {
        // The phone places the call but its page never opens, so it never joins; the device joins and waits 20 s.
        const door = await linuxParty(env, SN, MODEL);
        const phone = await env.phone();
        const { roomId } = await phone.callDevice({ roomType: 'voice', sn: SN, modelId: MODEL });
        await door.session.listenerJoin(roomId);
        await env.advance(21_000);
        return observe(env, phone, door, roomId);
      },
    },
    connectionDrop: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'abortVoip(unknown)', 'endVoip', 'finishVoip'], device: ['TALKING', 'ABORTED'] },
        outcome: 'aborted',
        billedSeconds: 3,
      },
      // The doorbell loses its network mid-call: its push channel dies without a goodbye.
      run: talkThen((env, { door }) => env.dropConnection(door.device.partyId!)),
    },
    // Since plugin 2.4.1 callDevice needs no authorization (P §8.2): the call goes through.
    notAuthorized: {
      kind: 'run',
      note: 'allowed: no authorization needed since plugin 2.4.1, P §8.2',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip(endByCaller,manual)', 'endVoip', 'finishVoip'], device: ['TALKING', 'HANGUP_BY_CALLER'] },
        outcome: 'hungUpByCaller',
        billedSeconds: 3,
      },
      run: async (env) => {
        await revokeAlice(env);
        return talkThen((_env, { phone }) => phone.simulator.callPage.hangUp())(env);
      },
    },
    licenseMissing: refused(async (env) => void (await env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: null, activeNumbers: [] } })), 'VoipCgiError 24'),
    licenseExpired: refused(async (env) => void (await env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: 1_700_000_000, activeNumbers: [1001] } })), 'VoipCgiError 23'),
    arrears: { kind: 'notApplicable', why: 'model-linux-doorbell bills by license, not by duration: arrears do not stop its calls (D §8)' },
    capabilityMissing: refused(async (env) => void (await env.control.updateApp({ params: { appId: APP.appId }, body: { voipCapability: 'none' } })), 'VoipCgiError 12'),
  },
};
