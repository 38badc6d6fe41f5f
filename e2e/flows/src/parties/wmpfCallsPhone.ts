import { CALL_PAGE_PATH, type RegistrationMode } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { eventsOf, roomResult, type CellSpec, type Observation, type RunCell } from '../matrix/cell.js';
import type { FlowEnv } from '../matrix/flowHost.js';
import type { Outcome } from '../matrix/vocabulary.js';
import { goOffline } from './controlSteps.js';
import { phoneParty, type PhoneParty } from './phoneParty.js';
import { alertsIn, eventsIn } from './roomEvents.js';
import { wmpfParty, type WmpfParty } from './wmpfParty.js';

/** A WMPF panel of the demo seed as a caller: how it registered decides its businessType 1 `voipToken` (P §3.3). */
export interface CallingPanel {
  readonly sn: string;
  readonly registrationMode: RegistrationMode;
  /** The name Alice's reminder shows: the authorized deviceName and the model type (P §3.3). */
  readonly shownAs: string;
}

/** SN-WMPF-0001, registered through WMPF `registerMiniProgramDevice`: no voipToken, WMPF fetches the deviceToken itself. */
export const WMPF_REGISTERED: CallingPanel = { sn: 'SN-WMPF-0001', registrationMode: 'wmpf', shownAs: 'Lobby panel door-panel' };

/** SN-WMPF-LEGACY, registered with the device-auth SDK: its deviceToken from `getDeviceToken()` is the voipToken. */
export const SDK_REGISTERED: CallingPanel = { sn: 'SN-WMPF-LEGACY', registrationMode: 'deviceAuthSdk', shownAs: 'Old panel door-panel' };

/** The panel and Alice's phone in one call. */
interface Call {
  readonly panel: WmpfParty;
  readonly phone: PhoneParty;
  readonly roomId: string;
}

const finished = (plugin: SimulatedWmpfVoip) => () => plugin.simulator.events.some((e) => e.eventName === 'finishVoip');
const phaseIs = (plugin: SimulatedWmpfVoip, phase: string) => () => plugin.simulator.callPage.state.phase === phase;

/**
 * The panel calls Alice with `initByCaller` businessType 1 (P §3.3, D §3.2): without voipToken when WMPF-registered,
 * with its deviceToken when SDK-registered. The roomId, or the documented refusal (`isSuccess:false errCode 9`).
 */
async function initByCaller(panel: WmpfParty, openId: string, timeLimit?: number): Promise<{ roomId: string } | { refusedWith: string }> {
  const common = { roomType: 'voice', businessType: 1, caller: { id: panel.sn }, listener: { id: openId }, ...(timeLimit === undefined ? {} : { timeLimit }) } as const;
  const result =
    panel.registrationMode === 'deviceAuthSdk'
      ? await panel.plugin.initByCaller({ ...common, voipToken: await panel.deviceToken() })
      : await panel.plugin.initByCaller(common);
  return result.isSuccess ? { roomId: result.roomId ?? result.groupId } : { refusedWith: `isSuccess:false errCode ${result.errCode}` };
}

/** The panel's call to `openId`; the panel's page opens on it (`wx.redirectTo(CALL_PAGE_PATH)`, P §3.4) unless `openPage` is false. */
async function panelCalls(env: FlowEnv, panel: WmpfParty, phone: PhoneParty, options: { timeLimit?: number; openPage?: boolean } = {}): Promise<string> {
  const placed = await initByCaller(panel, phone.openId, options.timeLimit);
  if ('refusedWith' in placed) throw new Error(`${panel.sn}'s call to ${phone.openId} was refused: ${placed.refusedWith}`);
  if (options.openPage ?? true) await panel.plugin.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
  await env.until(() => phone.reminders.some((r) => r.roomId === placed.roomId), `the reminder on ${phone.openId}'s phone`);
  await env.settle();
  return placed.roomId;
}

async function observe(env: FlowEnv, panel: WmpfParty, phone: PhoneParty, roomId: string | null): Promise<Observation> {
  await env.settle();
  return { parties: { device: eventsOf(panel.plugin), phone: eventsOf(phone.plugin), phoneReminders: alertsIn(phone.reminders, roomId) }, ...(await roomResult(env, roomId)) };
}

/** The cells of one WMPF → phone direction, placed by `caller`; `other` is the panel Alice is busy with in `busy`. */
export function wmpfToPhoneCells(caller: CallingPanel, other: CallingPanel): Record<Exclude<Outcome, 'notAuthorized' | 'licenseMissing' | 'licenseExpired' | 'arrears' | 'capabilityMissing'>, CellSpec> {
  const start = async (env: FlowEnv, options: { timeLimit?: number; openPage?: boolean } = {}): Promise<Call> => {
    const phone = await phoneParty(env);
    const panel = await wmpfParty(env, { sn: caller.sn, registrationMode: caller.registrationMode });
    const roomId = await panelCalls(env, panel, phone, options);
    return { panel, phone, roomId };
  };

  /** Alice taps the reminder, then answers on the call page it opens (P §9.1, §9.4). */
  const answer = async (env: FlowEnv, { phone }: Call): Promise<void> => {
    await phone.plugin.simulator.callPage.openReminder();
    await phone.plugin.simulator.callPage.answer();
    await env.settle();
  };

  const talkThen =
    (end: (env: FlowEnv, call: Call) => Promise<unknown>) =>
    async (env: FlowEnv): Promise<Observation> => {
      const call = await start(env);
      await answer(env, call);
      await env.until(phaseIs(call.panel.plugin, 'talking'), 'the call talking');
      await env.advance(3_000);
      await end(env, call);
      await env.until(finished(call.phone.plugin), 'finishVoip on the phone');
      return observe(env, call.panel, call.phone, call.roomId);
    };

  const PANEL_TALK = ['callPageOnShow', 'joinedRoomByCaller', 'startVoip'];
  const PHONE_TALK = ['callPageOnShow', 'hangOnVoip', 'startVoip'];
  const END = ['endVoip', 'finishVoip'];
  const REMINDED = [`reminder(${caller.shownAs})`];

  return {
    callerHangsUp: {
      kind: 'run',
      expect: {
        parties: { device: [...PANEL_TALK, 'hangUpVoip(endByCaller,manual)', ...END], phone: [...PHONE_TALK, 'hangUpVoip(endByCaller,other)', ...END], phoneReminders: REMINDED },
        outcome: 'hungUpByCaller',
        billedSeconds: 3,
      },
      run: talkThen((_env, { panel }) => panel.plugin.simulator.callPage.hangUp()),
    },
    listenerHangsUp: {
      kind: 'run',
      expect: {
        parties: { device: [...PANEL_TALK, 'hangUpVoip(endByListener,other)', ...END], phone: [...PHONE_TALK, 'hangUpVoip(endByListener,manual)', ...END], phoneReminders: REMINDED },
        outcome: 'hungUpByListener',
        billedSeconds: 3,
      },
      run: talkThen((_env, { phone }) => phone.plugin.simulator.callPage.hangUp()),
    },
    timeLimit: {
      kind: 'run',
      // initByCaller takes timeLimit since 2.3.8 (P §3.1); counted from startVoip, both sides hangUpVoip{timeLimit} (P §9.6).
      expect: {
        parties: { device: [...PANEL_TALK, 'hangUpVoip(endByCaller,timeLimit)', ...END], phone: [...PHONE_TALK, 'hangUpVoip(endByCaller,timeLimit)', ...END], phoneReminders: REMINDED },
        outcome: 'timeLimit',
        billedSeconds: 5,
      },
      async run(env) {
        const call = await start(env, { timeLimit: 5 });
        await answer(env, call);
        await env.advance(6_000);
        return observe(env, call.panel, call.phone, call.roomId);
      },
    },
    rejected: {
      kind: 'run',
      expect: {
        parties: { device: ['callPageOnShow', 'joinedRoomByCaller', 'rejectVoip(other)', ...END], phone: ['callPageOnShow', 'rejectVoip(manual)', ...END], phoneReminders: REMINDED },
        outcome: 'rejected',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await start(env);
        await call.phone.plugin.simulator.callPage.openReminder();
        await call.phone.plugin.simulator.callPage.reject();
        await env.until(finished(call.panel.plugin), 'finishVoip on the panel');
        return observe(env, call.panel, call.phone, call.roomId);
      },
    },
    cancelled: {
      kind: 'run',
      // Alice tapped the reminder, so her call page rings; the panel cancels: cancelVoip{other} there (P §13.3).
      expect: {
        parties: { device: ['callPageOnShow', 'joinedRoomByCaller', 'cancelVoip(manual)', ...END], phone: ['callPageOnShow', 'cancelVoip(other)', ...END], phoneReminders: REMINDED },
        outcome: 'cancelled',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await start(env);
        await call.phone.plugin.simulator.callPage.openReminder();
        await env.advance(2_000);
        await call.panel.plugin.simulator.callPage.hangUp();
        await env.until(finished(call.phone.plugin), 'finishVoip on the phone');
        return observe(env, call.panel, call.phone, call.roomId);
      },
    },
    timeout: {
      kind: 'run',
      // Nobody taps the reminder: the panel times out after 60 s (P §9.3); the plugin on the phone never ran, so it heard nothing.
      expect: { parties: { device: ['callPageOnShow', 'joinedRoomByCaller', 'timeout', ...END], phone: [], phoneReminders: REMINDED }, outcome: 'timeout', billedSeconds: 0 },
      async run(env) {
        const call = await start(env);
        await env.advance(60_000);
        return observe(env, call.panel, call.phone, call.roomId);
      },
    },
    busy: {
      kind: 'run',
      // P §9.4: Alice is already in another call, so she is judged busy: her phone gets no reminder for it, and the
      // panel hears busy + endVoip from its Waiting state (P §9.3, §13.2), once its call page showed and joined.
      expect: { parties: { device: ['callPageOnShow', 'joinedRoomByCaller', 'busy', ...END], phone: [], phoneReminders: [] }, outcome: 'busy', billedSeconds: 0 },
      async run(env) {
        const phone = await phoneParty(env);
        const first = await wmpfParty(env, { sn: other.sn, registrationMode: other.registrationMode });
        await panelCalls(env, first, phone);
        await phone.plugin.simulator.callPage.openReminder();
        await phone.plugin.simulator.callPage.answer();
        await env.until(phaseIs(phone.plugin, 'talking'), `Alice talking with ${other.sn}`);
        const panel = await wmpfParty(env, { sn: caller.sn, registrationMode: caller.registrationMode });
        const placed = await initByCaller(panel, phone.openId);
        if ('refusedWith' in placed) throw new Error(`${caller.sn}'s call was refused: ${placed.refusedWith}`);
        await panel.plugin.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
        await env.until(finished(panel.plugin), 'finishVoip on the panel');
        const observation = await observe(env, panel, phone, placed.roomId);
        // Alice's phone is in her call with the other panel; only the events of this cell's room belong here.
        return { ...observation, parties: { ...observation.parties, phone: eventsIn(phone.plugin, placed.roomId) } };
      },
    },
    listenerWait: {
      kind: 'run',
      // P §9.5, §13.3: Alice answers, the panel's page never opens so it never joins; after 20 s Alice's side aborts
      // (abortByListener, 'listener waitOtherToJoin timeout') and the panel is told the room aborted (P §13.2, [I]).
      expect: {
        parties: { device: ['abortVoip(unknown)', ...END], phone: ['callPageOnShow', 'hangOnVoip', 'abortVoip(abortByListener)', ...END], phoneReminders: REMINDED },
        outcome: 'aborted',
        billedSeconds: 0,
      },
      async run(env) {
        const call = await start(env, { openPage: false });
        await answer(env, call);
        await env.advance(21_000);
        return observe(env, call.panel, call.phone, call.roomId);
      },
    },
    connectionDrop: {
      kind: 'run',
      // P §9.6: the panel loses its network; Alice's side gets abortVoip{unknown}, the panel, if alive, abortByCaller.
      expect: {
        parties: { device: [...PANEL_TALK, 'abortVoip(abortByCaller)', ...END], phone: [...PHONE_TALK, 'abortVoip(unknown)', ...END], phoneReminders: REMINDED },
        outcome: 'aborted',
        billedSeconds: 3,
      },
      // As for phone → WMPF: the platform simulates the panel's drop (go-offline), so the panel hears its abortVoip.
      run: talkThen((env, { roomId }) => goOffline(env, roomId, 'caller')),
    },
  };
}

/** A call the platform refuses before any room: `isSuccess: false` with the backend code (P §3.2), and Alice heard nothing. */
export function refused(caller: CallingPanel, prepare: (env: FlowEnv) => Promise<void>, refusedWith: string): RunCell {
  return {
    kind: 'run',
    expect: { parties: { device: [], phone: [], phoneReminders: [] }, outcome: null, billedSeconds: null, refusedWith },
    async run(env) {
      await prepare(env);
      const phone = await phoneParty(env);
      const panel = await wmpfParty(env, { sn: caller.sn, registrationMode: caller.registrationMode });
      const placed = await initByCaller(panel, phone.openId);
      return { ...(await observe(env, panel, phone, null)), refusedWith: 'refusedWith' in placed ? placed.refusedWith : `placed ${placed.roomId}` };
    },
  };
}
