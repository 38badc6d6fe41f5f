import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { eventsOf, pluginRefusal, roomResult, type DirectionSpec, type Observation, type RunCell } from '../matrix/cell.js';
import { APP, type FlowEnv } from '../matrix/flowHost.js';
import { rtosCameraParty, type RtosCameraParty } from '../parties/rtosCameraParty.js';
import { TRICKY_PAYLOAD, vendorCloudParty, type VendorCloudParty } from '../parties/vendorCloudParty.js';

const SN = 'SN-RTOS-0001';
const MODEL = 'model-rtos-camera';
const PAYLOAD = TRICKY_PAYLOAD;

interface Call {
  readonly phone: SimulatedWmpfVoip;
  readonly cloud: VendorCloudParty;
  readonly camera: RtosCameraParty;
  readonly roomId: string;
}

/** The vendor cloud and its camera, up before anyone calls. */
async function vendorSide(env: FlowEnv): Promise<{ cloud: VendorCloudParty; camera: RtosCameraParty }> {
  const cloud = await vendorCloudParty(env);
  const camera = await rtosCameraParty(env, cloud, SN, MODEL);
  return { cloud, camera };
}

/**
 * Alice's phone calls the camera (`callDevice` with `isCloud` and a payload, D §2.5 step 1); WeChat notifies the
 * vendor cloud, which accepts and relays the call to the camera (steps 2–3). With `openPage`, the phone opens the call
 * page and joins as the caller.
 */
async function placeCall(env: FlowEnv, { openPage = true, timeLimit }: { openPage?: boolean; timeLimit?: number } = {}): Promise<Call> {
  const { cloud, camera } = await vendorSide(env);
  const phone = await env.phone();
  const { roomId } = await phone.callDevice({ roomType: 'voice', sn: SN, modelId: MODEL, isCloud: true, payload: PAYLOAD, ...(timeLimit === undefined ? {} : { timeLimit }) });
  if (openPage) await phone.simulator.callPage.navigate(CALL_PAGE_PATH);
  await env.until(() => camera.screen.length > 0, 'the call relayed to the camera');
  const notify = cloud.lastNotify();
  if (notify.RoomId !== roomId || notify.Sn !== SN || notify.FromUserName !== 'openid-alice') throw new Error(`the notify does not describe the call: ${JSON.stringify(notify)}`);
  await env.settle();
  return { phone, cloud, camera, roomId };
}

/** The camera's user answers: the vendor cloud answers with `cloud_call_join` (D §2.5 step 4). */
async function answer(env: FlowEnv, { cloud }: Call): Promise<void> {
  await cloud.cloudCallJoin();
  await env.until(() => cloud.log.includes('TALKING'), 'TALKING on the vendor cloud session');
}

async function observe(env: FlowEnv, call: Pick<Call, 'phone' | 'cloud' | 'camera'>, roomId: string | null): Promise<Observation> {
  await env.settle();
  const { phone, cloud, camera } = call;
  return {
    parties: { phone: eventsOf(phone), cloud: [...cloud.log], camera: [...camera.screen], callbacks: [...cloud.callbacks], payloads: cloud.notifies.map((n) => n.Payload) },
    ...(await roomResult(env, roomId)),
  };
}

const finished = (phone: SimulatedWmpfVoip) => () => phone.simulator.events.some((e) => e.eventName === 'finishVoip');

/** The call as far as the callback: the cloud was told once, with the payload unchanged. */
const NOTIFIED = { callbacks: ['iot_voip_notify(join_voip_room)'], payloads: [PAYLOAD] };

function talkThen(end: (env: FlowEnv, call: Call) => Promise<unknown>): (env: FlowEnv) => Promise<Observation> {
  return async (env) => {
    const call = await placeCall(env);
    await answer(env, call);
    await env.advance(3_000);
    await end(env, call);
    await env.until(finished(call.phone), 'finishVoip on the phone');
    return observe(env, call, call.roomId);
  };
}

/** A call the platform refuses before any room: what `callDevice` throws; the cloud and camera heard nothing. */
function refused(prepare: (env: FlowEnv) => Promise<unknown>, refusedWith: string): RunCell {
  return {
    kind: 'run',
    expect: { parties: { phone: [], cloud: [], camera: [], callbacks: [], payloads: [] }, outcome: null, billedSeconds: null, refusedWith },
    async run(env) {
      await prepare(env);
      const { cloud, camera } = await vendorSide(env);
      const phone = await env.phone();
      const error = await phone.callDevice({ roomType: 'voice', sn: SN, modelId: MODEL, isCloud: true, payload: PAYLOAD }).then(
        () => 'placed',
        (e: unknown) => pluginRefusal(e),
      );
      return { ...(await observe(env, { phone, cloud, camera }, null)), refusedWith: error };
    },
  };
}

const CALLER_HANGS_UP: Observation = {
  parties: {
    phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip(endByCaller,manual)', 'endVoip', 'finishVoip'],
    cloud: ['cloud_call_join:0', 'TALKING', 'HANGUP_BY_CALLER'],
    camera: ['ringing(openid-alice)', 'talking', 'ended(HANGUP_BY_CALLER)'],
    ...NOTIFIED,
  },
  outcome: 'hungUpByCaller',
  billedSeconds: 3,
};

/**
 * phone → RTOS (`callDevice` with `isCloud`): WeChat notifies the vendor cloud (`iot_voip_notify`), which relays the
 * call to the camera and answers with the server SDK (`cloud_call_join`) or refuses (`listener_hangup`) (D §2.5).
 */
export const phoneToRtos: DirectionSpec = {
  direction: 'phoneToRtos',
  cells: {
    callerHangsUp: { kind: 'run', expect: CALLER_HANGS_UP, run: talkThen((_env, { phone }) => phone.simulator.callPage.hangUp()) },
    listenerHangsUp: {
      kind: 'run',
      // The camera has no hang-up of its own: its cloud hangs up the session for it (D §2.1).
      expect: {
        parties: {
          phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip(endByListener,other)', 'endVoip', 'finishVoip'],
          cloud: ['cloud_call_join:0', 'TALKING', 'session_hangup:0', 'HANGUP_BY_CALLEE/1'],
          camera: ['ringing(openid-alice)', 'talking', 'ended(HANGUP_BY_CALLEE)'],
          ...NOTIFIED,
        },
        outcome: 'hungUpByListener',
        billedSeconds: 3,
      },
      run: talkThen((_env, { cloud }) => cloud.hangUp()),
    },
    timeLimit: {
      kind: 'run',
      expect: {
        parties: {
          phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip(endByCaller,timeLimit)', 'endVoip', 'finishVoip'],
          cloud: ['cloud_call_join:0', 'TALKING', 'HANGUP_BY_CALLER'],
          camera: ['ringing(openid-alice)', 'talking', 'ended(HANGUP_BY_CALLER)'],
          ...NOTIFIED,
        },
        outcome: 'timeLimit',
        billedSeconds: 5,
      },
      async run(env) {
        const call = await placeCall(env, { timeLimit: 5 });
        await answer(env, call);
        await env.advance(6_000);
        return observe(env, call, call.roomId);
      },
    },
    rejected: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'rejectVoip(other)', 'endVoip', 'finishVoip'], cloud: ['listener_hangup:0'], camera: ['ringing(openid-alice)'], ...NOTIFIED },
        outcome: 'rejected',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await placeCall(env);
        await call.cloud.listenerHangup();
        await env.until(finished(call.phone), 'finishVoip on the phone');
        return observe(env, call, call.roomId);
      },
    },
    cancelled: {
      kind: 'run',
      // WeChat tells a cloud that has not joined nothing more (D §2.3–§2.5): the camera keeps showing the ring.
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'cancelVoip(manual)', 'endVoip', 'finishVoip'], cloud: [], camera: ['ringing(openid-alice)'], ...NOTIFIED },
        outcome: 'cancelled',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await placeCall(env);
        await env.advance(2_000);
        await call.phone.simulator.callPage.hangUp();
        await env.until(finished(call.phone), 'finishVoip on the phone');
        return observe(env, call, call.roomId);
      },
    },
    timeout: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip'], cloud: [], camera: ['ringing(openid-alice)'], ...NOTIFIED },
        outcome: 'timeout',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await placeCall(env);
        await env.advance(60_000);
        return observe(env, call, call.roomId);
      },
    },
    busy: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip'], cloud: ['listener_hangup(busy):0'], camera: ['ringing(openid-alice)'], ...NOTIFIED },
        outcome: 'busy',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await placeCall(env);
        // The camera is in another call: its cloud reports busy with listener_hangup (D §2.5 step 5).
        await call.cloud.listenerHangup({ busy: true });
        await env.until(finished(call.phone), 'finishVoip on the phone');
        return observe(env, call, call.roomId);
      },
    },
    listenerWait: {
      kind: 'run',
      // P §13.3 (WaitingCaller, 20 s): the answering side gives up; the caller, who never joined, is told the room aborted.
      expect: {
        parties: { phone: ['abortVoip(unknown)', 'endVoip', 'finishVoip'], cloud: ['cloud_call_join:0', 'ABORTED'], camera: ['ringing(openid-alice)', 'ended(ABORTED)'], ...NOTIFIED },
        outcome: 'aborted',
        billedSeconds: 0,
      },
      async run(env) {
        // The phone places the call but its page never opens, so it never joins; the camera answers and waits 20 s.
        const call = await placeCall(env, { openPage: false });
        await call.cloud.cloudCallJoin();
        await env.advance(21_000);
        return observe(env, call, call.roomId);
      },
    },
    connectionDrop: {
      kind: 'run',
      expect: {
        parties: {
          phone: ['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'abortVoip(unknown)', 'endVoip', 'finishVoip'],
          cloud: ['cloud_call_join:0', 'TALKING', 'ABORTED'],
          camera: ['ringing(openid-alice)', 'talking', 'ended(ABORTED)'],
          ...NOTIFIED,
        },
        outcome: 'aborted',
        billedSeconds: 3,
      },
      // The vendor cloud's server-SDK process loses its network mid-call: its push channel dies without a goodbye.
      run: talkThen((env, { cloud }) => env.dropConnection(cloud.partyId!)),
    },
    // Since plugin 2.4.1 callDevice needs no authorization (P §8.2): the call goes through.
    notAuthorized: {
      kind: 'run',
      expect: CALLER_HANGS_UP,
      note: 'allowed: no authorization needed since plugin 2.4.1, P §8.2',
      async run(env) {
        const res = await env.control.revokeAuthorization({ params: { appId: APP.appId }, body: { openId: 'openid-alice', how: 'switchOff', sn: SN } });
        if (res.status !== 200) throw new Error(`revokeAuthorization: HTTP ${res.status}`);
        return talkThen((_env, { phone }) => phone.simulator.callPage.hangUp())(env);
      },
    },
    licenseMissing: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: null, activeNumbers: [] } }), 'VoipCgiError 24'),
    licenseExpired: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: 1_700_000_000, activeNumbers: [1004] } }), 'VoipCgiError 23'),
    arrears: { kind: 'notApplicable', why: 'model-rtos-camera bills by license, not by duration: arrears do not stop its calls (D §8, §4.11)' },
    capabilityMissing: refused((env) => env.control.updateApp({ params: { appId: APP.appId }, body: { voipCapability: 'none' } }), 'VoipCgiError 12'),
  },
};
