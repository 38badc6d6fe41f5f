import { CALL_PAGE_PATH, type ChargeType } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import { eventsOf, roomResult, type CellSpec, type Observation, type RunCell } from '../matrix/cell.js';
import type { FlowEnv } from '../matrix/flowHost.js';
import type { Outcome } from '../matrix/vocabulary.js';
import { goOffline } from './controlSteps.js';
import { alertsIn, eventsIn } from './roomEvents.js';
import { WMPF_MODEL, wmpfParty, type WmpfParty } from './wmpfParty.js';

/** A placed call, or the documented refusal it got (`VoipCgiError 9`, `isSuccess:false errCode 9`). */
export type Placed = { readonly roomId: string } | { readonly refusedWith: string };

/** Options of a call to the panel that the matrix varies. */
export interface CallOptions {
  readonly timeLimit?: number;
  readonly chargeType?: ChargeType;
}

/** How a direction's phone calls a WMPF panel: `callWMPF`, or `initByCaller` businessType 2. */
export interface PhoneToWmpfApi {
  /** Places the phone's call to the panel, addressed with the panel's pushToken. */
  place(phone: SimulatedWmpfVoip, panel: WmpfParty, options: CallOptions): Promise<Placed>;
}

/** Alice's phone and the panel in one call. */
interface Call {
  readonly phone: SimulatedWmpfVoip;
  readonly panel: WmpfParty;
  readonly roomId: string;
}

const finished = (plugin: SimulatedWmpfVoip) => () => plugin.simulator.events.some((e) => e.eventName === 'finishVoip');
const phaseIs = (plugin: SimulatedWmpfVoip, phase: string) => () => plugin.simulator.callPage.state.phase === phase;

/** The roomId of the phone's call to the panel; fails the cell when the call was refused. */
async function placeRoom(api: PhoneToWmpfApi, phone: SimulatedWmpfVoip, panel: WmpfParty, options: CallOptions = {}): Promise<string> {
  const placed = await api.place(phone, panel, options);
  if ('refusedWith' in placed) throw new Error(`the phone's call to ${panel.sn} was refused: ${placed.refusedWith}`);
  return placed.roomId;
}

/**
 * Alice's phone calls the panel; the panel's Android app gets the WMPF push and launches its path, so the panel's
 * call page rings (P §9.1). The phone opens its call page and joins, unless `openPage` is false.
 */
async function ring(env: FlowEnv, api: PhoneToWmpfApi, options: CallOptions = {}, openPage = true): Promise<Call> {
  const panel = await wmpfParty(env);
  const phone = await env.phone();
  const roomId = await placeRoom(api, phone, panel, options);
  if (openPage) await phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
  await env.until(phaseIs(panel.plugin, 'ringing'), 'the panel ringing on its call page');
  await env.settle();
  return { phone, panel, roomId };
}

async function observe(env: FlowEnv, phone: SimulatedWmpfVoip, panel: WmpfParty, roomId: string | null): Promise<Observation> {
  await env.settle();
  return { parties: { phone: eventsOf(phone), device: eventsOf(panel.plugin), devicePushes: alertsIn(panel.pushes, roomId) }, ...(await roomResult(env, roomId)) };
}

/** Answered on the panel, 3 s of talk, then `end`; observed once both sides had their `finishVoip`. */
function talkThen(api: PhoneToWmpfApi, end: (env: FlowEnv, call: Call) => Promise<unknown>): (env: FlowEnv) => Promise<Observation> {
  return async (env) => {
    const call = await ring(env, api);
    await call.panel.plugin.simulator.callPage.answer();
    await env.until(phaseIs(call.phone, 'talking'), 'the call talking');
    await env.advance(3_000);
    await end(env, call);
    await env.until(finished(call.phone), 'finishVoip on the phone');
    return observe(env, call.phone, call.panel, call.roomId);
  };
}

/** A call the platform refuses before any room: the documented refusal, and neither the phone nor the panel heard anything. */
export function refused(api: PhoneToWmpfApi, prepare: (env: FlowEnv) => Promise<void>, refusedWith: string, options: CallOptions = {}): RunCell {
  return {
    kind: 'run',
    expect: { parties: { phone: [], device: [], devicePushes: [] }, outcome: null, billedSeconds: null, refusedWith },
    async run(env) {
      await prepare(env);
      const panel = await wmpfParty(env);
      const phone = await env.phone();
      const placed = await api.place(phone, panel, options);
      return { ...(await observe(env, phone, panel, null)), refusedWith: 'refusedWith' in placed ? placed.refusedWith : `placed ${placed.roomId}` };
    },
  };
}

const PHONE_TALK = ['callPageOnShow', 'joinedRoomByCaller', 'startVoip'];
const PANEL_TALK = ['callPageOnShow', 'hangOnVoip', 'startVoip'];
const END = ['endVoip', 'finishVoip'];
const PUSHED = ['push(Alice)'];

/** An answered call of 3 s that Alice ends from her call page (P §13.2 Talking → hang-up). */
export function callerHangsUpCell(api: PhoneToWmpfApi): RunCell {
  return {
    kind: 'run',
    expect: {
      parties: { phone: [...PHONE_TALK, 'hangUpVoip(endByCaller,manual)', ...END], device: [...PANEL_TALK, 'hangUpVoip(endByCaller,other)', ...END], devicePushes: PUSHED },
      outcome: 'hungUpByCaller',
      billedSeconds: 3,
    },
    run: talkThen(api, (_env, { phone }) => phone.simulator.callPage.hangUp()),
  };
}

/**
 * The cells every phone → WMPF direction shares: the call outcomes, driven through the call pages of both ends
 * (P §9, §13; the panel's page opened by launching the WMPF push, P §9.1, D §3.3). The refusals differ per API.
 */
export function phoneToWmpfCallCells(api: PhoneToWmpfApi): Record<Extract<Outcome, 'callerHangsUp' | 'listenerHangsUp' | 'timeLimit' | 'rejected' | 'cancelled' | 'timeout' | 'busy' | 'listenerWait' | 'connectionDrop'>, CellSpec> {
  return {
    callerHangsUp: callerHangsUpCell(api),
    listenerHangsUp: {
      kind: 'run',
      expect: {
        parties: { phone: [...PHONE_TALK, 'hangUpVoip(endByListener,other)', ...END], device: [...PANEL_TALK, 'hangUpVoip(endByListener,manual)', ...END], devicePushes: PUSHED },
        outcome: 'hungUpByListener',
        billedSeconds: 3,
      },
      run: talkThen(api, (_env, { panel }) => panel.plugin.simulator.callPage.hangUp()),
    },
    timeLimit: {
      kind: 'run',
      // P §9.6: counted from startVoip; both sides get hangUpVoip with origin timeLimit (status endByCaller is P §13.2's [I]).
      expect: {
        parties: { phone: [...PHONE_TALK, 'hangUpVoip(endByCaller,timeLimit)', ...END], device: [...PANEL_TALK, 'hangUpVoip(endByCaller,timeLimit)', ...END], devicePushes: PUSHED },
        outcome: 'timeLimit',
        billedSeconds: 5,
      },
      async run(env) {
        const { phone, panel, roomId } = await ring(env, api, { timeLimit: 5 });
        await panel.plugin.simulator.callPage.answer();
        await env.advance(6_000);
        return observe(env, phone, panel, roomId);
      },
    },
    rejected: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'rejectVoip(other)', ...END], device: ['callPageOnShow', 'rejectVoip(manual)', ...END], devicePushes: PUSHED },
        outcome: 'rejected',
        billedSeconds: 0,
      },
      async run(env) {
        const { phone, panel, roomId } = await ring(env, api);
        await panel.plugin.simulator.callPage.reject();
        await env.until(finished(phone), 'finishVoip on the phone');
        return observe(env, phone, panel, roomId);
      },
    },
    cancelled: {
      kind: 'run',
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'cancelVoip(manual)', ...END], device: ['callPageOnShow', 'cancelVoip(other)', ...END], devicePushes: PUSHED },
        outcome: 'cancelled',
        billedSeconds: 0,
      },
      async run(env) {
        const { phone, panel, roomId } = await ring(env, api);
        await env.advance(2_000);
        await phone.simulator.callPage.hangUp();
        await env.until(finished(panel.plugin), 'finishVoip on the panel');
        return observe(env, phone, panel, roomId);
      },
    },
    timeout: {
      kind: 'run',
      // P §9.3: 60 s without an answer; P §13.3: the ringing listener sees cancelVoip{other}.
      expect: {
        parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'timeout', ...END], device: ['callPageOnShow', 'cancelVoip(other)', ...END], devicePushes: PUSHED },
        outcome: 'timeout',
        billedSeconds: 0,
      },
      async run(env) {
        const { phone, panel, roomId } = await ring(env, api);
        await env.advance(60_000);
        return observe(env, phone, panel, roomId);
      },
    },
    busy: {
      kind: 'run',
      // P §9.4: a listener already in another call is judged busy: the busy panel gets no push for it, and the caller
      // hears busy + endVoip from its Waiting state (P §9.3, §13.2), once its call page showed and joined.
      expect: { parties: { phone: ['callPageOnShow', 'joinedRoomByCaller', 'busy', ...END], device: [], devicePushes: [] }, outcome: 'busy', billedSeconds: 0 },
      async run(env) {
        // Carol is talking with the panel (callWMPF needs no authorization, P §8.2) when Alice calls it.
        const panel = await wmpfParty(env);
        const carol = await env.phone('openid-carol');
        await carol.callWMPF({ roomType: 'voice', sn: panel.sn, modelId: WMPF_MODEL, pushToken: await panel.pushToken(), nickName: 'Carol' });
        await carol.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
        await env.until(phaseIs(panel.plugin, 'ringing'), "the panel ringing for Carol's call");
        await panel.plugin.simulator.callPage.answer();
        await env.until(phaseIs(panel.plugin, 'talking'), 'the panel talking with Carol');
        const phone = await env.phone();
        const roomId = await placeRoom(api, phone, panel);
        await phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
        await env.until(finished(phone), 'finishVoip on the phone');
        const observation = await observe(env, phone, panel, roomId);
        // The panel's own events are those of Carol's call; only those of Alice's room belong to this cell.
        return { ...observation, parties: { ...observation.parties, device: eventsIn(panel.plugin, roomId) } };
      },
    },
    listenerWait: {
      kind: 'run',
      // P §9.5, §13.3: the panel answers, Alice's page never opens; after 20 s the panel aborts (abortByListener)
      // and the caller, who never joined, is told the room aborted (P §13.2, [I]).
      expect: {
        parties: { phone: ['abortVoip(unknown)', ...END], device: ['callPageOnShow', 'hangOnVoip', 'abortVoip(abortByListener)', ...END], devicePushes: PUSHED },
        outcome: 'aborted',
        billedSeconds: 0,
      },
      async run(env) {
        const { phone, panel, roomId } = await ring(env, api, {}, false);
        await panel.plugin.simulator.callPage.answer();
        await env.advance(21_000);
        return observe(env, phone, panel, roomId);
      },
    },
    connectionDrop: {
      kind: 'run',
      // P §9.6: the surviving side gets abortVoip{unknown}; the failing side, if alive, abortVoip{abortByListener}.
      expect: {
        parties: { phone: [...PHONE_TALK, 'abortVoip(unknown)', ...END], device: [...PANEL_TALK, 'abortVoip(abortByListener)', ...END], devicePushes: PUSHED },
        outcome: 'aborted',
        billedSeconds: 3,
      },
      // The plugin simulator does not model its own side noticing a lost network, so the platform simulates the drop
      // (go-offline: the room aborts, then the party's channel closes) and the panel, still alive, hears its abortVoip.
      run: talkThen(api, (env, { roomId }) => goOffline(env, roomId, 'listener')),
    },
  };
}
