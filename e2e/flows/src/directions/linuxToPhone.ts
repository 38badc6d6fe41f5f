import { WX_HANGUP_REASON } from '@wxvoip/contracts';
import { WxError } from '@wxvoip/device-linux';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { eventsOf, roomResult, type DirectionSpec, type Observation, type RunCell } from '../matrix/cell.js';
import { APP, type FlowEnv } from '../matrix/flowHost.js';
import { linuxParty, type LinuxParty } from '../parties/linuxParty.js';

const SN = 'SN-LINUX-0001';

interface Call {
  readonly phone: SimulatedWmpfVoip;
  readonly door: LinuxParty;
  readonly roomId: string;
}

/** The doorbell calls Alice (`wx_voip_session_call`); her phone shows the incoming-call reminder. */
async function placeCall(env: FlowEnv): Promise<Call> {
  const phone = await env.phone();
  const door = await linuxParty(env, SN);
  const roomId = await door.session.call({ id: 'openid-alice', name: 'Alice' });
  await env.settle();
  return { phone, door, roomId };
}

/** Alice taps the reminder and answers. */
async function answer(env: FlowEnv, { phone }: Call): Promise<void> {
  await phone.simulator.callPage.openReminder();
  await phone.simulator.callPage.answer();
  await env.settle();
}

async function observe(env: FlowEnv, phone: SimulatedWmpfVoip, door: LinuxParty, roomId: string | null): Promise<Observation> {
  await env.settle();
  return { parties: { device: [...door.statuses], phone: eventsOf(phone) }, ...(await roomResult(env, roomId)) };
}

const ended = (door: LinuxParty) => () => door.statuses.length > 0 && !['CALLING', 'TALKING'].includes(door.statuses.at(-1)!.split('/')[0]!);

/** The device's call refused by the platform: the SDK's `wx_error_t` with the backend code it logs, and silence on the phone. */
function refused(prepare: (env: FlowEnv) => Promise<unknown>, refusedWith: string): RunCell {
  return {
    kind: 'run',
    expect: { parties: { device: [], phone: [] }, outcome: null, billedSeconds: null, refusedWith },
    async run(env) {
      await prepare(env);
      const phone = await env.phone();
      const door = await linuxParty(env, SN);
      const result = await door.session.call({ id: 'openid-alice' }).then(
        () => 'placed',
        (error: unknown) => {
          if (!(error instanceof WxError)) throw error;
          return `WXERROR_${error.errorName} (backend ${String(error.platformCode)})`;
        },
      );
      return { ...(await observe(env, phone, door, null)), refusedWith: result };
    },
  };
}

function talkThen(end: (env: FlowEnv, call: Call) => Promise<unknown>): (env: FlowEnv) => Promise<Observation> {
  return async (env) => {
    const call = await placeCall(env);
    await answer(env, call);
    await env.advance(3_000);
    await end(env, call);
    await env.until(ended(call.door), 'the end status on the device');
    return observe(env, call.phone, call.door, call.roomId);
  };
}

const PHONE_TALK = ['callPageOnShow', 'hangOnVoip', 'startVoip'];

/** Linux → phone (`wx_voip_session_call`): the device calls a user; the phone rings through the reminder (D §1.2, P §13). */
export const linuxToPhone: DirectionSpec = {
  direction: 'linuxToPhone',
  cells: {
    callerHangsUp: {
      kind: 'run',
      expect: {
        parties: { device: ['CALLING', 'TALKING', 'HANGUP_BY_CALLER/1'], phone: [...PHONE_TALK, 'hangUpVoip(endByCaller,other)', 'endVoip', 'finishVoip'] },
        outcome: 'hungUpByCaller',
        billedSeconds: 3,
      },
      run: talkThen(async (_env, { door }) => void (await door.session.hangup(WX_HANGUP_REASON.MANUAL))),
    },
    listenerHangsUp: {
      kind: 'run',
      expect: {
        parties: { device: ['CALLING', 'TALKING', 'HANGUP_BY_CALLEE'], phone: [...PHONE_TALK, 'hangUpVoip(endByListener,manual)', 'endVoip', 'finishVoip'] },
        outcome: 'hungUpByListener',
        billedSeconds: 3,
      },
      run: talkThen((_env, { phone }) => phone.simulator.callPage.hangUp()),
    },
    timeLimit: { kind: 'notApplicable', why: "the Linux SDK's wx_voip_session_call takes no talk-time limit (D §1.5); timeLimit is a plugin argument" },
    rejected: {
      kind: 'run',
      expect: { parties: { device: ['CALLING', 'REJECTED'], phone: ['callPageOnShow', 'rejectVoip(manual)', 'endVoip', 'finishVoip'] }, outcome: 'rejected', billedSeconds: 0 },
      async run(env) {
        const call = await placeCall(env);
        await call.phone.simulator.callPage.openReminder();
        await call.phone.simulator.callPage.reject();
        await env.until(ended(call.door), 'the end status on the device');
        return observe(env, call.phone, call.door, call.roomId);
      },
    },
    cancelled: {
      kind: 'run',
      expect: { parties: { device: ['CALLING', 'CANCELED/1'], phone: [] }, outcome: 'cancelled', billedSeconds: 0 },
      async run(env) {
        const call = await placeCall(env);
        await env.advance(2_000);
        await call.door.session.hangup(WX_HANGUP_REASON.MANUAL);
        await env.until(ended(call.door), 'the end status on the device');
        return observe(env, call.phone, call.door, call.roomId);
      },
    },
    timeout: {
      kind: 'run',
      expect: { parties: { device: ['CALLING', 'TIMEOUT/10'], phone: [] }, outcome: 'timeout', billedSeconds: 0 },
      async run(env) {
        const call = await placeCall(env);
        await env.advance(60_000);
        return observe(env, call.phone, call.door, call.roomId);
      },
    },
    busy: {
      kind: 'run',
      expect: { parties: { device: ['BUSY'], phone: [] }, outcome: 'busy', billedSeconds: 0 },
      async run(env) {
        // Carol (authorized for both doors through their group) is talking with the back door when the front door calls.
        const phone = await env.phone('openid-carol');
        const back = await linuxParty(env, 'SN-LINUX-0002');
        await env.control.setDeviceLicense({ params: { appId: APP.appId, sn: 'SN-LINUX-0002' }, body: { expireTime: 1_893_427_200, activeNumbers: [1002] } });
        await back.session.call({ id: 'openid-carol' });
        await env.settle();
        await phone.simulator.callPage.openReminder();
        await phone.simulator.callPage.answer();
        await env.until(() => back.statuses.includes('TALKING'), 'the back door talking');
        const door = await linuxParty(env, SN);
        const roomId = await door.session.call({ id: 'openid-carol' });
        await env.until(ended(door), 'the end status on the front door');
        const observation = await observe(env, phone, door, roomId);
        // The phone's own events are those of its call with the back door; the busy call never reached it.
        return { ...observation, parties: { device: observation.parties['device']!, phone: [] } };
      },
    },
    listenerWait: { kind: 'notApplicable', why: 'the device is in its room from the moment it calls (D §1.2), so the answering phone never waits for the caller' },
    connectionDrop: {
      kind: 'run',
      expect: {
        parties: { device: ['CALLING', 'TALKING', 'ABORTED'], phone: [...PHONE_TALK, 'abortVoip(unknown)', 'endVoip', 'finishVoip'] },
        outcome: 'aborted',
        billedSeconds: 3,
      },
      // The doorbell loses its network mid-call: its push channel dies without a goodbye.
      run: talkThen((env, { door }) => env.dropConnection(door.device.partyId!)),
    },
    // Device → phone needs the user's authorization (P §8.2).
    notAuthorized: refused(
      (env) => env.control.revokeAuthorization({ params: { appId: APP.appId }, body: { openId: 'openid-alice', how: 'switchOff', sn: SN } }),
      'WXERROR_PERMISSION_DENIED (backend 9)',
    ),
    licenseMissing: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: null, activeNumbers: [] } }), 'WXERROR_UNAVAILABLE (backend 24)'),
    licenseExpired: refused((env) => env.control.setDeviceLicense({ params: { appId: APP.appId, sn: SN }, body: { expireTime: 1_700_000_000, activeNumbers: [1001] } }), 'WXERROR_UNAVAILABLE (backend 23)'),
    arrears: { kind: 'notApplicable', why: 'model-linux-doorbell bills by license, not by duration: arrears do not stop its calls (D §8)' },
    capabilityMissing: refused((env) => env.control.updateApp({ params: { appId: APP.appId }, body: { voipCapability: 'none' } }), 'WXERROR_UNAVAILABLE (backend 12)'),
  },
};
