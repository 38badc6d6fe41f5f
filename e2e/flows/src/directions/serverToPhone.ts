import { CALL_PAGE_PATH, type IotVoipCallRequest } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { eventsOf, formatEvent, roomResult, type DirectionSpec, type Observation, type RunCell } from '../matrix/cell.js';
import { APP, type FlowEnv } from '../matrix/flowHost.js';
import { developerServerParty } from '../parties/developerServerParty.js';
import { linuxParty } from '../parties/linuxParty.js';
import { answerFromReminder as answer, cloudSessionEnded as ended, cloudTalkThen } from '../parties/cloudCallsPhone.js';
import { TRICKY_PAYLOAD, vendorCloudParty, type VendorCloudParty } from '../parties/vendorCloudParty.js';

const SN = 'SN-RTOS-0001';
const MODEL = 'model-rtos-camera';
const PAYLOAD = TRICKY_PAYLOAD;
const CALL: IotVoipCallRequest = { model_id: MODEL, sn: SN, openid: 'openid-alice', room_type: 'voice', payload: PAYLOAD };

interface Call {
  readonly phone: SimulatedWmpfVoip;
  readonly cloud: VendorCloudParty;
  readonly roomId: string;
}

/**
 * The developer's backend asks WeChat to make the camera call Alice (`POST /wxa/business/iot/voip/call`, D §4.10);
 * WeChat notifies the vendor cloud, which accepts (the phone rings) and, with `join`, joins with `cloud_call_join`
 * (D §2.4). The backend learns the room from the notify.
 */
async function placeCall(env: FlowEnv, { join = true }: { join?: boolean } = {}): Promise<Call> {
  const phone = await env.phone();
  const cloud = await vendorCloudParty(env);
  const errcode = await developerServerParty(env).iotVoipCall(CALL);
  if (errcode !== 0) throw new Error(`iot/voip/call answered errcode ${errcode}`);
  await env.until(() => cloud.notifies.length > 0, 'the iot_voip_notify on the vendor cloud');
  const notify = cloud.lastNotify();
  if (notify.Sn !== SN || notify.ModelId !== MODEL || notify.FromUserName !== 'openid-alice') throw new Error(`the notify does not describe the call: ${JSON.stringify(notify)}`);
  await env.settle();
  if (join) {
    await cloud.cloudCallJoin();
    await env.until(() => cloud.log.includes('CALLING'), 'CALLING on the vendor cloud session');
  }
  return { phone, cloud, roomId: notify.RoomId };
}

async function observe(env: FlowEnv, { phone, cloud }: Omit<Call, 'roomId'>, roomId: string | null, phoneEvents = eventsOf(phone)): Promise<Observation> {
  await env.settle();
  return {
    parties: { cloud: [...cloud.log], phone: phoneEvents, callbacks: [...cloud.callbacks], payloads: cloud.notifies.map((n) => n.Payload) },
    ...(await roomResult(env, roomId)),
  };
}

const talkThen = cloudTalkThen(placeCall, observe);

/** The server API refuses the call: its errcode, and nobody heard anything. */
function refused(prepare: (env: FlowEnv) => Promise<unknown>, refusedWith: string): RunCell {
  return {
    kind: 'run',
    expect: { parties: { cloud: [], phone: [], callbacks: [], payloads: [] }, outcome: null, billedSeconds: null, refusedWith },
    async run(env) {
      await prepare(env);
      const phone = await env.phone();
      const cloud = await vendorCloudParty(env);
      const errcode = await developerServerParty(env).iotVoipCall(CALL);
      return { ...(await observe(env, { phone, cloud }, null)), refusedWith: errcode === 0 ? 'placed' : `errcode ${errcode}` };
    },
  };
}

/** The call as far as the callback: the cloud was told once, with the backend's payload unchanged. */
const NOTIFIED = { callbacks: ['iot_voip_notify(join_voip_room)'], payloads: [PAYLOAD] };
const PHONE_TALK = ['callPageOnShow', 'hangOnVoip', 'startVoip'];
const CLOUD_TALK = ['cloud_call_join:0', 'CALLING', 'TALKING'];

/**
 * server → phone (`POST /wxa/business/iot/voip/call`): the developer's backend starts a call from a cloud device to a
 * user; the vendor cloud accepts the `iot_voip_notify` and joins the room with `cloud_call_join` (D §4.10, §2.4).
 */
export const serverToPhone: DirectionSpec = {
  direction: 'serverToPhone',
  cells: {
    callerHangsUp: {
      kind: 'run',
      expect: {
        parties: { cloud: [...CLOUD_TALK, 'session_hangup:0', 'HANGUP_BY_CALLER/1'], phone: [...PHONE_TALK, 'hangUpVoip(endByCaller,other)', 'endVoip', 'finishVoip'], ...NOTIFIED },
        outcome: 'hungUpByCaller',
        billedSeconds: 3,
      },
      run: talkThen((_env, { cloud }) => cloud.hangUp()),
    },
    listenerHangsUp: {
      kind: 'run',
      expect: {
        parties: { cloud: [...CLOUD_TALK, 'HANGUP_BY_CALLEE'], phone: [...PHONE_TALK, 'hangUpVoip(endByListener,manual)', 'endVoip', 'finishVoip'], ...NOTIFIED },
        outcome: 'hungUpByListener',
        billedSeconds: 3,
      },
      run: talkThen((_env, { phone }) => phone.simulator.callPage.hangUp()),
    },
    timeLimit: { kind: 'notApplicable', why: 'iot/voip/call has no talk-time limit field (D §4.10); timeLimit is a plugin argument (D §6.1)' },
    rejected: {
      kind: 'run',
      expect: {
        parties: { cloud: ['cloud_call_join:0', 'CALLING', 'REJECTED'], phone: ['callPageOnShow', 'rejectVoip(manual)', 'endVoip', 'finishVoip'], ...NOTIFIED },
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
      expect: { parties: { cloud: ['cloud_call_join:0', 'CALLING', 'session_hangup:0', 'CANCELED/1'], phone: [], ...NOTIFIED }, outcome: 'cancelled', billedSeconds: 0 },
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
      expect: { parties: { cloud: ['cloud_call_join:0', 'CALLING', 'TIMEOUT/10'], phone: [], ...NOTIFIED }, outcome: 'timeout', billedSeconds: 0 },
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
      expect: { parties: { cloud: ['cloud_call_join:0', 'BUSY'], phone: [], ...NOTIFIED }, outcome: 'busy', billedSeconds: 0 },
      async run(env) {
        // Alice is talking with the front doorbell (phone → Linux) when the backend makes the camera call her.
        const phone = await env.phone();
        const cloud = await vendorCloudParty(env);
        const door = await linuxParty(env);
        const other = await phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
        await phone.simulator.callPage.navigate(CALL_PAGE_PATH);
        await door.session.listenerJoin(other.roomId);
        await env.until(() => door.statuses.includes('TALKING'), 'Alice talking with the doorbell');
        const errcode = await developerServerParty(env).iotVoipCall(CALL);
        if (errcode !== 0) throw new Error(`iot/voip/call answered errcode ${errcode}`);
        await env.until(() => cloud.notifies.length > 0, 'the iot_voip_notify on the vendor cloud');
        await env.settle();
        await cloud.cloudCallJoin();
        await env.until(ended(cloud), 'the end status on the vendor cloud session');
        const roomId = cloud.lastNotify().RoomId;
        // Only the events of this call count: the phone's others belong to its call with the doorbell.
        const inRoom = phone.simulator.events.filter((e) => e.roomId === roomId && e.eventName !== 'calling').map(formatEvent);
        return observe(env, { phone, cloud }, roomId, inRoom);
      },
    },
    listenerWait: {
      kind: 'run',
      // P §13.3 (WaitingCaller, 20 s): Alice answers but the cloud never joins; her side gives up waiting.
      expect: {
        parties: { cloud: [], phone: ['callPageOnShow', 'hangOnVoip', 'abortVoip(abortByListener)', 'endVoip', 'finishVoip'], ...NOTIFIED },
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
        parties: { cloud: [...CLOUD_TALK, 'ABORTED'], phone: [...PHONE_TALK, 'abortVoip(unknown)', 'endVoip', 'finishVoip'], ...NOTIFIED },
        outcome: 'aborted',
        billedSeconds: 3,
      },
      // The vendor cloud's server-SDK process loses its network mid-call: its push channel dies without a goodbye.
      run: talkThen((env, { cloud }) => env.dropConnection(cloud.partyId!)),
    },
    // errcode 9: the user has not authorized the device (D §4.10).
    notAuthorized: refused((env) => env.control.revokeAuthorization({ params: { appId: APP.appId }, body: { openId: 'openid-alice', how: 'switchOff', sn: SN } }), 'errcode 9'),
    // [I] The other errcodes are those of the VoIP backend table (D §4.10, §7.1).
    licenseMissing: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: null, activeNumbers: [] } }), 'errcode 24'),
    licenseExpired: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: 1_700_000_000, activeNumbers: [1004] } }), 'errcode 23'),
    arrears: { kind: 'notApplicable', why: 'model-rtos-camera bills by license, not by duration: arrears do not stop its calls (D §8, §4.11)' },
    // Without the capability every token-protected server API answers 48001 "api unauthorized" (D §4, §10.3), before
    // the call's own checks could give 12.
    capabilityMissing: refused((env) => env.control.updateApp({ params: { appId: APP.appId }, body: { voipCapability: 'none' } }), 'errcode 48001'),
  },
};
