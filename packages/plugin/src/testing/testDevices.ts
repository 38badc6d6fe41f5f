import type { MockPlatform } from '@wxvoip/mock-platform';
import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import type { ReceivedWmpfPush } from '../simulator/wmpfHostControl.js';

/** What a test device does with the next call that reaches it. */
export type NextCallBehaviour = 'answer' | 'reject' | 'busy' | 'ignore';

/**
 * A device in a test that answers, rejects or ignores the next call in one line. Each `…NextCall()` arms one
 * behaviour for one call; calls that arrive with nothing armed are left ringing (as `ignoreNextCall` does).
 *
 * @example
 * await t.bed.linuxDevice().answerNextCall();
 * await tapCallButton();
 * await t.bed.waitForEvent('startVoip');
 */
export interface TestDevice {
  /** `'linux'` (answers through the platform, as a Linux SDK would after your backend relays the roomId) or `'wmpf'`. */
  readonly kind: 'linux' | 'wmpf';
  /** The device's SN. */
  readonly sn: string;
  /** The next call: the device answers (Linux: `wx_voip_listener_join`; WMPF: launches the push path with `isClickedHangOnBtn=1`). */
  answerNextCall(): Promise<void>;
  /** The next call: the device refuses it before connecting (caller gets `rejectVoip{other}`). */
  rejectNextCall(): Promise<void>;
  /** The next call: the device reports busy (caller gets `busy`). */
  busyOnNextCall(): Promise<void>;
  /** The next call: the device lets it ring (advance the clock 60 s for `timeout`). */
  ignoreNextCall(): Promise<void>;
  /** The device hangs up its current call (cancel, reject or hang-up by phase); resolves once the events arrived. */
  hangUp(): Promise<void>;
  /** roomIds of the calls that reached the device, in order. */
  readonly calls: readonly string[];
}

/** What the device helpers need from the testbed. */
export interface TestDeviceHost {
  /** The platform. */
  readonly platform: MockPlatform;
  /** The namespace the simulators use. */
  readonly namespace: string | undefined;
  /** Waits until every simulator has its pushes (not for background tasks: a task may call it). */
  settle(): Promise<void>;
  /** Runs a task in the background; the testbed's `settle()` waits for it, and its error fails the next `settle()` or wait. */
  background(task: () => Promise<void>): void;
  /** A WMPF device simulator (created once per device and reset). */
  wmpfSimulator(sn: string, modelId: string | undefined): Promise<SimulatedWmpfVoip<'wmpf'>>;
  /** Registers a poller the testbed runs until `reset()`; its errors fail the next `settle()` or wait. */
  poll(tick: () => Promise<void> | void): void;
}

/** The control API answered something other than 200: say which action on which room, and why. */
function controlFailure(action: string, roomId: string, res: { status: number; body: unknown }): Error {
  const detail = (res.body as { detail?: unknown } | null)?.detail;
  return new Error(`[wxvoip] the test device could not ${action} room ${roomId} (HTTP ${res.status}${typeof detail === 'string' ? `: ${detail}` : ''})`);
}

/**
 * A Linux device for tests: it acts through the platform's control API (`simulate/answer`, `simulate/reject`,
 * `simulate/hang-up`) on the rooms `callDevice` creates for its SN, which is what the Linux SDK's listener join and
 * hang-up do once the developer's backend has relayed the roomId (WeChat tells a Linux device nothing, P §4.2).
 */
export function createTestLinuxDevice(host: TestDeviceHost, sn: string): TestDevice {
  const behaviours: NextCallBehaviour[] = [];
  const calls: string[] = [];
  const seen = new Set<string>(host.platform.tenant(host.namespace).rooms.list().map((room) => room.roomId));
  const control = () => host.platform.control(host.namespace);
  let polling = false;

  const act = async (roomId: string, behaviour: NextCallBehaviour): Promise<void> => {
    if (behaviour === 'ignore') return;
    const res =
      behaviour === 'answer'
        ? await control().simulateAnswer({ params: { roomId }, body: {} })
        : await control().simulateReject({ params: { roomId }, body: { busy: behaviour === 'busy' } });
    if (res.status !== 200) throw controlFailure(behaviour, roomId, res);
  };

  const tick = async (): Promise<void> => {
    for (const room of host.platform.tenant(host.namespace).rooms.list()) {
      if (room.sn !== sn || seen.has(room.roomId)) continue;
      if (room.state === 'created') continue; // the caller has not joined yet: the call is not ringing
      seen.add(room.roomId);
      calls.push(room.roomId);
      const behaviour = behaviours.shift();
      if (behaviour !== undefined && room.state === 'ringing') await act(room.roomId, behaviour);
    }
  };

  const arm = async (behaviour: NextCallBehaviour): Promise<void> => {
    behaviours.push(behaviour);
    if (!polling) {
      host.poll(tick);
      polling = true;
    }
  };

  return {
    kind: 'linux',
    sn,
    answerNextCall: () => arm('answer'),
    rejectNextCall: () => arm('reject'),
    busyOnNextCall: () => arm('busy'),
    ignoreNextCall: () => arm('ignore'),
    async hangUp() {
      const room = host.platform.tenant(host.namespace).rooms.activeRoomOf({ kind: 'device', sn });
      if (room === undefined) throw new Error(`[wxvoip] the test device ${sn} has no call to hang up`);
      const res = await control().simulateHangUp({ params: { roomId: room.roomId }, body: { side: 'listener' } });
      if (res.status !== 200) throw controlFailure('hang up', room.roomId, res);
      await host.settle();
    },
    get calls() {
      return calls;
    },
  };
}

/**
 * A WMPF device for tests: a plugin simulator on the device (`host: 'wmpf'`) whose Android app reacts to the next
 * WMPF push as armed: launches the path with `isClickedHangOnBtn=1` (answer), launches it and taps reject, reports
 * busy through the control API, or does nothing.
 */
export function createTestWmpfDevice(host: TestDeviceHost, sn: string, modelId: string | undefined): TestDevice {
  const behaviours: NextCallBehaviour[] = [];
  const calls: string[] = [];
  let device: SimulatedWmpfVoip<'wmpf'> | undefined;

  const onPush = (plugin: SimulatedWmpfVoip<'wmpf'>) => (push: ReceivedWmpfPush) => {
    calls.push(push.roomId);
    const behaviour = behaviours.shift();
    const wmpf = plugin.simulator.wmpf;
    // Act once what the push raced with (the caller opening its call page and joining) has settled, as a person
    // looking at the ringing screen would: the order of events then does not depend on timing.
    const act = async (): Promise<void> => {
      await host.settle();
      if (behaviour === 'answer') await wmpf.launch(`${push.message.path}&isClickedHangOnBtn=1`);
      else if (behaviour === 'reject') {
        await wmpf.launch(push.message.path);
        await plugin.simulator.callPage.reject();
      } else if (behaviour === 'busy') {
        const res = await host.platform.control(host.namespace).simulateReject({ params: { roomId: push.roomId }, body: { busy: true } });
        if (res.status !== 200) throw controlFailure('report busy for', push.roomId, res);
      }
    };
    if (behaviour !== undefined && behaviour !== 'ignore') host.background(act);
  };

  const arm = async (behaviour: NextCallBehaviour): Promise<void> => {
    behaviours.push(behaviour);
    if (device === undefined) {
      device = await host.wmpfSimulator(sn, modelId);
      device.simulator.wmpf.onPush(onPush(device));
    }
  };

  return {
    kind: 'wmpf',
    sn,
    answerNextCall: () => arm('answer'),
    rejectNextCall: () => arm('reject'),
    busyOnNextCall: () => arm('busy'),
    ignoreNextCall: () => arm('ignore'),
    async hangUp() {
      if (device === undefined || !device.simulator.callPage.state.open) throw new Error(`[wxvoip] the test device ${sn} has no call to hang up`);
      await device.simulator.callPage.hangUp();
      await host.settle();
    },
    get calls() {
      return calls;
    },
  };
}
