import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { eventsOf, formatEvent, roomResult, type DirectionSpec, type Observation, type RunCell } from '../matrix/cell.js';
import { APP, type FlowEnv } from '../matrix/flowHost.js';
import { linuxParty } from '../parties/linuxParty.js';
import { rtosCameraParty, type RtosCameraParty } from '../parties/rtosCameraParty.js';
import { answerFromReminder as answer, cloudSessionEnded as ended, cloudTalkThen } from '../parties/cloudCallsPhone.js';
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

/** Alice's phone, the vendor cloud and its camera, all up. */
async function parties(env: FlowEnv): Promise<Omit<Call, 'roomId'>> {
  const phone = await env.phone();
  const cloud = await vendorCloudParty(env);
  const camera = await rtosCameraParty(env, cloud, SN, MODEL);
  return { phone, cloud, camera };
}

/**
 * The camera calls Alice (`wx_cloudvoip_client_call` with a payload, D §2.2 step 1); WeChat notifies the vendor cloud,
 * which accepts (the phone rings) and, with `join`, joins with `session_join` (step 5).
 */
async function placeCall(env: FlowEnv, { join = true }: { join?: boolean } = {}): Promise<Call> {
  const { phone, cloud, camera } = await parties(env);
  const { code, roomId } = await camera.call('openid-alice', PAYLOAD);
  if (code !== 0 || roomId === null) throw new Error(`clientCall returned ${camera.lastRefusal()}`);
  await env.until(() => cloud.notifies.length > 0, 'the iot_voip_notify on the vendor cloud');
  const notify = cloud.lastNotify();
  if (notify.RoomId !== roomId || notify.Sn !== SN || notify.ModelId !== MODEL) throw new Error(`the notify does not describe the call: ${JSON.stringify(notify)}`);
  await env.settle();
  if (join) {
    await cloud.sessionJoin();
    await env.until(() => cloud.log.includes('CALLING'), 'CALLING on the vendor cloud session');
  }
  return { phone, cloud, camera, roomId };
}

async function observe(env: FlowEnv, call: Omit<Call, 'roomId'>, roomId: string | null, phoneEvents = eventsOf(call.phone)): Promise<Observation> {
  await env.settle();
  const { cloud, camera } = call;
  return {
    parties: { camera: [...camera.screen], cloud: [...cloud.log], phone: phoneEvents, callbacks: [...cloud.callbacks], payloads: cloud.notifies.map((n) => n.Payload) },
    ...(await roomResult(env, roomId)),
  };
}

const talkThen = cloudTalkThen(placeCall, observe);

/** The camera's call refused by the platform: the SDK's negated backend code, and nobody else heard anything. */
function refused(prepare: (env: FlowEnv) => Promise<unknown>, code: number, key: string): RunCell {
  return {
    kind: 'run',
    expect: { parties: { camera: [`clientCall:${code}`], cloud: [], phone: [], callbacks: [], payloads: [] }, outcome: null, billedSeconds: null, refusedWith: `${code} (${key})` },
    async run(env) {
      await prepare(env);
      const call = await parties(env);
      const { code } = await call.camera.call('openid-alice', PAYLOAD);
      return { ...(await observe(env, call, null)), refusedWith: code === 0 ? 'placed' : call.camera.lastRefusal() };
    },
  };
}

/** The call as far as the callback: the cloud was told once, with the camera's payload unchanged. */
const NOTIFIED = { callbacks: ['iot_voip_notify(join_voip_room)'], payloads: [PAYLOAD] };
const PHONE_TALK = ['callPageOnShow', 'hangOnVoip', 'startVoip'];
const CLOUD_TALK = ['session_join:0', 'CALLING', 'TALKING'];
const CAMERA_TALK = ['clientCall:0', 'calling', 'talking'];

/**
 * RTOS → phone (`wx_cloudvoip_client_call`): the camera asks WeChat to call a user; the vendor cloud accepts the
 * `iot_voip_notify` (the phone rings) and joins with `session_join`; the camera has no hang-up, its cloud hangs up
 * for it (D §2.1, §2.2).
 */
export const rtosToPhone: DirectionSpec = {
  direction: 'rtosToPhone',
  cells: {
    callerHangsUp: {
      kind: 'run',
      expect: {
        parties: {
          camera: [...CAMERA_TALK, 'ended(HANGUP_BY_CALLER)'],
          cloud: [...CLOUD_TALK, 'session_hangup:0', 'HANGUP_BY_CALLER/1'],
          phone: [...PHONE_TALK, 'hangUpVoip(endByCaller,other)', 'endVoip', 'finishVoip'],
          ...NOTIFIED,
        },
        outcome: 'hungUpByCaller',
        billedSeconds: 3,
      },
      run: talkThen((_env, { cloud }) => cloud.hangUp()),
    },
    listenerHangsUp: {
      kind: 'run',
      expect: {
        parties: {
          camera: [...CAMERA_TALK, 'ended(HANGUP_BY_CALLEE)'],
          cloud: [...CLOUD_TALK, 'HANGUP_BY_CALLEE'],
          phone: [...PHONE_TALK, 'hangUpVoip(endByListener,manual)', 'endVoip', 'finishVoip'],
          ...NOTIFIED,
        },
        outcome: 'hungUpByListener',
        billedSeconds: 3,
      },
      run: talkThen((_env, { phone }) => phone.simulator.callPage.hangUp()),
    },
    timeLimit: { kind: 'notApplicable', why: 'wx_cloudvoip_client_call takes no talk-time limit (D §2.1); timeLimit is a plugin argument (D §6.1)' },
    rejected: {
      kind: 'run',
      expect: {
        parties: {
          camera: ['clientCall:0', 'calling', 'ended(REJECTED)'],
          cloud: ['session_join:0', 'CALLING', 'REJECTED'],
          phone: ['callPageOnShow', 'rejectVoip(manual)', 'endVoip', 'finishVoip'],
          ...NOTIFIED,
        },
        outcome: 'rejected',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await placeCall(env);
        await call.phone.simulator.callPage.openReminder();
        await call.phone.simulator.callPage.reject();
        await env.until(ended(call.cloud), 'the end status on the vendor cloud session');
        return observe(env, call, call.roomId);
      },
    },
    cancelled: {
      kind: 'run',
      // Before the answer the cloud's hang-up cancels the call (D §2.4); the unopened reminder just goes away.
      expect: {
        parties: { camera: ['clientCall:0', 'calling', 'ended(CANCELED)'], cloud: ['session_join:0', 'CALLING', 'session_hangup:0', 'CANCELED/1'], phone: [], ...NOTIFIED },
        outcome: 'cancelled',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await placeCall(env);
        await env.advance(2_000);
        await call.cloud.hangUp();
        await env.until(ended(call.cloud), 'the end status on the vendor cloud session');
        return observe(env, call, call.roomId);
      },
    },
    timeout: {
      kind: 'run',
      expect: {
        parties: { camera: ['clientCall:0', 'calling', 'ended(TIMEOUT)'], cloud: ['session_join:0', 'CALLING', 'TIMEOUT/10'], phone: [], ...NOTIFIED },
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
      // The user is reached only once the cloud accepts (D §2.2 step 4), and busy follows the ring (P §13.3): the
      // vendor cloud hears BUSY on the session it joins (D §2.6); the phone's reminder never shows.
      expect: { parties: { camera: ['clientCall:0', 'ended(BUSY)'], cloud: ['session_join:0', 'BUSY'], phone: [], ...NOTIFIED }, outcome: 'busy', billedSeconds: 0 },
      async run(env) {
        // Alice is talking with the front doorbell (phone → Linux) when the camera calls her.
        const { phone, cloud, camera } = await parties(env);
        const door = await linuxParty(env);
        const other = await phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
        await phone.simulator.callPage.navigate(CALL_PAGE_PATH);
        await door.session.listenerJoin(other.roomId);
        await env.until(() => door.statuses.includes('TALKING'), 'Alice talking with the doorbell');
        const { code, roomId } = await camera.call('openid-alice', PAYLOAD);
        if (code !== 0) throw new Error(`clientCall returned ${camera.lastRefusal()}`);
        await env.until(() => cloud.notifies.length > 0, 'the iot_voip_notify on the vendor cloud');
        await env.settle();
        await cloud.sessionJoin();
        await env.until(ended(cloud), 'the end status on the vendor cloud session');
        // Only the events of the camera's call count: the phone's others belong to its call with the doorbell.
        const inRoom = phone.simulator.events.filter((e) => e.roomId === roomId && e.eventName !== 'calling').map(formatEvent);
        return observe(env, { phone, cloud, camera }, roomId, inRoom);
      },
    },
    listenerWait: {
      kind: 'run',
      // P §13.3 (WaitingCaller, 20 s): Alice answers but the cloud never joins; her side gives up waiting.
      expect: {
        parties: { camera: ['clientCall:0'], cloud: [], phone: ['callPageOnShow', 'hangOnVoip', 'abortVoip(abortByListener)', 'endVoip', 'finishVoip'], ...NOTIFIED },
        outcome: 'aborted',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await placeCall(env, { join: false });
        await answer(env, call);
        await env.advance(21_000);
        return observe(env, call, call.roomId);
      },
    },
    connectionDrop: {
      kind: 'run',
      expect: {
        parties: {
          camera: [...CAMERA_TALK, 'ended(ABORTED)'],
          cloud: [...CLOUD_TALK, 'ABORTED'],
          phone: [...PHONE_TALK, 'abortVoip(unknown)', 'endVoip', 'finishVoip'],
          ...NOTIFIED,
        },
        outcome: 'aborted',
        billedSeconds: 3,
      },
      // The vendor cloud's server-SDK process loses its network mid-call: its push channel dies without a goodbye.
      run: talkThen((env, { cloud }) => env.dropConnection(cloud.partyId!)),
    },
    // A device calling a user needs the user's authorization (P §8.2, D §2.2 step 2): -9 (D §2.1, §7.1).
    notAuthorized: refused(
      (env) => env.control.revokeAuthorization({ params: { appId: APP.appId }, body: { openId: 'openid-alice', how: 'switchOff', sn: SN } }),
      -9,
      'DEVICE_NOT_AUTHORIZED',
    ),
    licenseMissing: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: null, activeNumbers: [] } }), -24, 'DEVICE_LICENSE_NOT_ACTIVATED'),
    licenseExpired: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: 1_700_000_000, activeNumbers: [1004] } }), -23, 'DEVICE_LICENSE_EXPIRED'),
    arrears: { kind: 'notApplicable', why: 'model-rtos-camera bills by license, not by duration: arrears do not stop its calls (D §8, §4.11)' },
    capabilityMissing: refused((env) => env.control.updateApp({ params: { appId: APP.appId }, body: { voipCapability: 'none' } }), -12, 'VOIP_CAPABILITY_NOT_APPROVED'),
  },
};
