import {
  CallDeviceRequest,
  demoSeed,
  LinuxSessionCallBody,
  ProblemDetails,
  RoomDetail,
  RoomSnapshot,
  type PushMessage,
} from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';
import { connectParty } from '../../../test/support/connectParty.js';
import { okBody } from '../../../test/support/okBody.js';

const headers = { 'x-wxvoip-namespace': 'rooms' };
const doorbell = { appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' };

function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  const tenant = core.tenant('rooms');
  const phone = connectParty(tenant, { kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' });
  const device = connectParty(tenant, { kind: 'linuxDevice', ...doorbell });
  /** Alice's phone calls the doorbell (phone → device, ringing). */
  const phoneCalls = (body: Record<string, unknown> = {}) => {
    const room = tenant.calls.callDevice(phone.party, CallDeviceRequest.parse({ roomType: 'voice', sn: doorbell.sn, modelId: doorbell.modelId, ...body }));
    if (!room.ok) throw new Error(room.refusal.rule);
    return room.value;
  };
  /** The doorbell calls Alice (device → phone, ringing on her phone; the device is in the room). */
  const doorbellCalls = () => {
    const room = tenant.calls.linuxSessionCall(device.party, LinuxSessionCallBody.parse({ roomType: 'video', callee: { id: 'openid-alice' } }));
    if (!room.ok) throw new Error(room.refusal.rule);
    return room.value;
  };
  return { core, tenant, phone, device, phoneCalls, doorbellCalls, control: createControlHandlers(core) };
}

const eventNames = (inbox: PushMessage[]) => inbox.flatMap((m) => (m.type === 'voipEvent' && m.event.eventName !== 'calling' ? [m.event.eventName] : []));

function problemOf(response: { status: number; body: unknown }) {
  const problem = ProblemDetails.parse(response.body);
  expect(response.status).toBe(problem.status);
  return problem;
}

describe('listRooms and getRoom', () => {
  it('lists rooms newest first, filtered and capped', () => {
    const { phoneCalls, control } = setup();
    const first = phoneCalls();
    control.simulateHangUp({ headers, params: { roomId: first.roomId }, body: { side: 'caller', origin: 'manual' } });
    control.advanceClock({ headers, body: { ms: 1_000 } });
    const second = phoneCalls();
    const ids = (query: Parameters<typeof control.listRooms>[0]['query']) => okBody(control.listRooms({ headers, query })).rooms.map((r) => RoomSnapshot.parse(r).roomId);
    expect(ids({ limit: 100 })).toEqual([second.roomId, first.roomId]);
    expect(ids({ state: 'ended', limit: 100 })).toEqual([first.roomId]);
    expect(ids({ outcome: 'cancelled', limit: 100 })).toEqual([first.roomId]);
    expect(ids({ sn: 'SN-LINUX-0001', openId: 'openid-alice', appId: 'wx_demo_app', limit: 1 })).toEqual([second.roomId]);
    expect(ids({ openId: 'openid-bob', limit: 100 })).toEqual([]);
    const app = control.getApp({ headers, params: { appId: 'wx_demo_app' } });
    expect(app.status === 200 && app.body.counts.rooms).toBe(2);
  });

  it('shows one room with its parties, timeline and, once ended, its billed seconds', () => {
    const { phone, phoneCalls, control } = setup();
    const room = phoneCalls({ payload: 'stream-1' });
    const active = control.getRoom({ headers, params: { roomId: room.roomId } });
    const detail = RoomDetail.parse(active.body);
    expect(detail).toMatchObject({ state: 'ringing', appId: 'wx_demo_app', sn: doorbell.sn, openId: 'openid-alice', payload: 'stream-1', sessionKey: null, serverToken: null, billedSec: null });
    expect(detail.caller.partyId).toBe(phone.partyId);
    expect(detail.timeline.filter((e) => e.kind === 'state').map((e) => e.kind === 'state' && e.to)).toEqual(['created', 'ringing']);
    control.simulateHangUp({ headers, params: { roomId: room.roomId }, body: { side: 'caller', origin: 'manual' } });
    const ended = control.getRoom({ headers, params: { roomId: room.roomId } });
    expect(ended.status === 200 && ended.body.billedSec).toBe(0);
  });

  it('shows the vendor-cloud secrets of a cloud call only', () => {
    const { tenant, phone, control } = setup();
    const room = tenant.calls.callDevice(phone.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true }));
    if (!room.ok) throw new Error(room.refusal.rule);
    const detail = control.getRoom({ headers, params: { roomId: room.value.roomId } });
    expect(detail.status === 200 && [detail.body.sessionKey, detail.body.serverToken]).toEqual([room.value.sessionKey, room.value.serverToken]);
  });

  it('answers 404 for an unknown room', () => {
    const { control } = setup();
    expect(problemOf(control.getRoom({ headers, params: { roomId: 'r-404' } }))).toMatchObject({
      status: 404,
      detail: 'room "r-404" does not exist in namespace "rooms"',
      instance: '/__admin/rooms/r-404',
    });
  });
});

describe('simulateAnswer', () => {
  it('answers a call to a Linux device as its party, without hangOnVoip, then waits for the caller', () => {
    const { device, phoneCalls, control } = setup();
    const room = phoneCalls();
    const response = control.simulateAnswer({ headers, params: { roomId: room.roomId }, body: { cameraStatus: 1 } });
    expect(response.status === 200 && RoomDetail.parse(response.body)).toMatchObject({ state: 'connecting', listener: { partyId: device.partyId, cameraStatus: 1 } });
    expect(room.timeline.find((e) => e.kind === 'action' && e.action === 'answer')).toMatchObject({ side: 'listener', partyId: device.partyId, cause: 'simulate' });
    expect(room.timeline.some((e) => e.kind === 'event' && e.event.eventName === 'hangOnVoip')).toBe(false);
  });

  it('answers on the phone of a called user with hangOnVoip, and talk starts', () => {
    const { phone, doorbellCalls, control } = setup();
    const room = doorbellCalls();
    control.simulateAnswer({ headers, params: { roomId: room.roomId }, body: {} });
    expect(room.state).toBe('talking');
    expect(eventNames(phone.inbox)).toEqual(['hangOnVoip', 'startVoip']);
  });

  it('refuses a call that is not ringing with 409 and an unknown room with 404', () => {
    const { phoneCalls, control } = setup();
    const room = phoneCalls();
    control.simulateAnswer({ headers, params: { roomId: room.roomId }, body: {} });
    expect(problemOf(control.simulateAnswer({ headers, params: { roomId: room.roomId }, body: {} }))).toMatchObject({
      status: 409,
      type: 'urn:wxvoip:problem:invalid-state',
      detail: expect.stringMatching(/is connecting, so it cannot be answered.*core refusal ROOM_ID_INVALID, code 1, stage state/),
    });
    expect(control.simulateAnswer({ headers, params: { roomId: 'r-404' }, body: {} }).status).toBe(404);
  });
});

describe('simulateReject', () => {
  it('rejects or reports busy before talk; a talking call is a 409', () => {
    const { phone, phoneCalls, doorbellCalls, control } = setup();
    const rejected = phoneCalls();
    const response = control.simulateReject({ headers, params: { roomId: rejected.roomId }, body: { busy: true } });
    expect(response.status === 200 && response.body).toMatchObject({ state: 'ended', outcome: 'busy' });
    expect(eventNames(phone.inbox)).toContain('busy');

    const talking = doorbellCalls();
    control.simulateAnswer({ headers, params: { roomId: talking.roomId }, body: {} });
    expect(problemOf(control.simulateReject({ headers, params: { roomId: talking.roomId }, body: { busy: false } })).status).toBe(409);
    expect(control.simulateReject({ headers, params: { roomId: 'r-404' }, body: { busy: false } }).status).toBe(404);
  });
});

describe('simulateHangUp', () => {
  it('ends the call by phase (a ringing caller cancels) with its origin; an ended room is a 409', () => {
    const { phone, phoneCalls, control } = setup();
    const room = phoneCalls();
    const response = control.simulateHangUp({ headers, params: { roomId: room.roomId }, body: { side: 'caller', origin: 'unloadCallPage' } });
    expect(response.status === 200 && response.body.outcome).toBe('cancelled');
    const cancel = phone.inbox.find((m) => m.type === 'voipEvent' && m.event.eventName === 'cancelVoip');
    expect(cancel?.type === 'voipEvent' && cancel.event).toMatchObject({ data: { status: 'unloadCallPage' } });
    expect(problemOf(control.simulateHangUp({ headers, params: { roomId: room.roomId }, body: { side: 'listener', origin: 'manual' } })).detail).toMatch(/already ended \(cancelled\)/);
    expect(control.simulateHangUp({ headers, params: { roomId: 'r-404' }, body: { side: 'caller', origin: 'manual' } }).status).toBe(404);
  });
});

describe('simulateGoOffline', () => {
  it("aborts the room with the side's errMsg, then closes that side's push channel", () => {
    const { tenant, phone, device, doorbellCalls, control } = setup();
    const room = doorbellCalls();
    control.simulateAnswer({ headers, params: { roomId: room.roomId }, body: {} });
    const response = control.simulateGoOffline({ headers, params: { roomId: room.roomId }, body: { side: 'listener', errMsg: 'network lost' } });
    expect(response.status === 200 && response.body).toMatchObject({ state: 'ended', outcome: 'aborted' });
    const abort = phone.inbox.find((m) => m.type === 'voipEvent' && m.event.eventName === 'abortVoip');
    expect(abort?.type === 'voipEvent' && abort.event).toMatchObject({ data: { status: 'abortByListener', error: { errMsg: 'network lost' } } });
    expect(tenant.parties.info(phone.party)).toMatchObject({ channel: 'closed' });
    expect(phone.party.active).toBe(true);
    expect(tenant.parties.info(device.party).channel).toBe('open');
    expect(control.simulateGoOffline({ headers, params: { roomId: room.roomId }, body: { side: 'caller', errMsg: 'x' } }).status).toBe(409);
    expect(control.simulateGoOffline({ headers, params: { roomId: 'r-404' }, body: { side: 'caller', errMsg: 'x' } }).status).toBe(404);
  });
});
