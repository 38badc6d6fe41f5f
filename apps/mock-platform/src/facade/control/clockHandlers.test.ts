import { AdvanceClockResult, CallDeviceRequest, ClockState, demoSeed, ProblemDetails } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { HostScheduler } from '../../core/clock/platformClock.js';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';
import { connectParty } from '../../../test/support/connectParty.js';
import { okBody } from '../../../test/support/okBody.js';
import { clockTimer } from '../../core/views/clockView.js';

const headers = { 'x-wxvoip-namespace': 'clock' };
const START = Date.UTC(2026, 0, 1);

/** Alice's phone calls the Linux doorbell (ringing, 60 s timer) with an optional timeLimit. */
function ringing(options: { host?: HostScheduler; timeLimit?: number } = {}) {
  const core = new PlatformCore({ seed: demoSeed, ...(options.host ? { host: options.host } : {}) });
  const tenant = core.tenant('clock');
  const phone = connectParty(tenant, { kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }).party;
  const body = CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', ...(options.timeLimit ? { timeLimit: options.timeLimit } : {}) });
  const room = tenant.calls.callDevice(phone, body);
  if (!room.ok) throw new Error(room.refusal.rule);
  // The caller's call page shows and joins: the ring timeout is heard in the caller's Waiting state (P §13.2).
  tenant.actions.joinAsCaller(phone, room.value.roomId);
  return { core, tenant, phone, room: room.value, control: createControlHandlers(core) };
}

/** A host whose wall clock stands at 2026-06-01 and never fires on its own. */
const stillHost: HostScheduler = { now: () => Date.UTC(2026, 5, 1), schedule: () => () => undefined };

describe('clockTimer', () => {
  it.each([
    ['room:r1 ring', 'ringTimeout', 'r1'],
    ['room:r1 listenerWait', 'waitOtherToJoin', 'r1'],
    ['room:r1 callerJoin', 'callerJoinTimeout', 'r1'],
    ['room:r1 calling', 'callingTick', 'r1'],
    ['room:r1 timeLimit', 'timeLimit', 'r1'],
    ['room:r1 callback attempt 2', 'callbackRetry', 'r1'],
    ['party:party_3 ping', 'partyHeartbeat', null],
  ])('maps %s to %s', (label, kind, roomId) => {
    expect(clockTimer(label, 5)).toEqual({ kind, dueAt: 5, roomId, detail: label });
  });

  it('leaves out labels the core does not use', () => {
    expect(clockTimer('room:r1 coffee', 5)).toBeUndefined();
    expect(clockTimer('my test timer', 5)).toBeUndefined();
  });
});

describe('getClock', () => {
  it('shows the mode, the time and the pending timers with their kind and room', () => {
    const { phone, room, control } = ringing();
    const state = ClockState.parse(control.getClock({ headers }).body);
    expect(state.mode).toBe('manual');
    expect(state.now).toBe(START);
    expect(state.pending).toEqual([
      { kind: 'partyHeartbeat', dueAt: START + 10_000, roomId: null, detail: `party:${phone.partyId} ping` },
      { kind: 'ringTimeout', dueAt: START + 60_000, roomId: room.roomId, detail: `room:${room.roomId} ring` },
    ]);
  });
});

describe('advanceClock', () => {
  it('fires the due timers in order and lists them: the ring timeout ends the call', () => {
    const { room, control } = ringing();
    const response = control.advanceClock({ headers, body: { ms: 60_000 } });
    expect(response.status).toBe(200);
    const result = AdvanceClockResult.parse(response.body);
    expect(result.now).toBe(START + 60_000);
    expect(result.fired.map((t) => [t.kind, t.dueAt - START])).toEqual([
      ['partyHeartbeat', 10_000],
      ['partyHeartbeat', 20_000],
      ['partyHeartbeat', 30_000],
      ['partyHeartbeat', 40_000],
      ['partyHeartbeat', 50_000],
      ['ringTimeout', 60_000],
      ['partyHeartbeat', 60_000],
    ]);
    expect(room.outcome).toBe('timeout');
    expect(result.pending.map((t) => t.kind)).toEqual(['partyHeartbeat']);
  });

  it('lists timers set while advancing, and not the tick the time limit cancelled in the same millisecond', () => {
    const { room, control } = ringing({ timeLimit: 3 });
    control.simulateAnswer({ headers, params: { roomId: room.roomId }, body: {} });
    expect(room.state).toBe('talking');
    const result = control.advanceClock({ headers, body: { ms: 5_000 } });
    const fired = result.status === 200 ? result.body.fired.filter((t) => t.roomId === room.roomId) : [];
    expect(fired.map((t) => [t.kind, t.dueAt - START])).toEqual([
      ['callingTick', 1_000],
      ['callingTick', 2_000],
      ['timeLimit', 3_000],
    ]);
    expect(room.outcome).toBe('timeLimit');
  });

  it('refuses a real clock with 409 clock-not-manual', () => {
    const { control } = ringing({ host: stillHost });
    control.setClock({ headers, body: { mode: 'real' } });
    const response = control.advanceClock({ headers, body: { ms: 1_000 } });
    expect(response.status).toBe(409);
    expect(ProblemDetails.parse(response.body)).toMatchObject({ type: 'urn:wxvoip:problem:clock-not-manual', instance: '/__admin/clock/advance' });
  });

  it('refuses more than a day in one call even when the adapter did not validate', () => {
    const { control } = ringing();
    const response = control.advanceClock({ headers, body: { ms: 86_400_001 } });
    expect(response.status === 400 && response.body.errors?.[0]?.path).toBe('ms');
    expect(okBody(control.getClock({ headers })).now).toBe(START);
  });
});

describe('setClock and freezeClock', () => {
  it('jumps a manual clock forward, firing the timers on the way', () => {
    const { room, control } = ringing();
    const response = control.setClock({ headers, body: { mode: 'manual', now: START + 61_000 } });
    expect(response.status === 200 && response.body.now).toBe(START + 61_000);
    expect(room.outcome).toBe('timeout');
  });

  it('refuses to move the clock backwards with a 400 at now, leaving it as it was', () => {
    const { control } = ringing();
    const response = control.setClock({ headers, body: { mode: 'manual', now: START - 1 } });
    expect(response.status).toBe(400);
    expect(ProblemDetails.parse(response.body).errors?.[0]).toMatchObject({ path: 'now', message: expect.stringMatching(/only moves forward/) });
    expect(okBody(control.getClock({ headers })).now).toBe(START);
  });

  it('explains that real time needs a host scheduler when the platform has none', () => {
    const { control } = ringing();
    const response = control.setClock({ headers, body: { mode: 'real' } });
    expect(response.status).toBe(400);
    expect(ProblemDetails.parse(response.body).errors?.[0]).toMatchObject({ path: 'mode', message: expect.stringMatching(/needs a host scheduler.*manual time only/) });
    expect(okBody(control.getClock({ headers })).mode).toBe('manual');
  });

  it('follows the host in real mode and freezes back to manual at the current time', () => {
    const { control } = ringing({ host: stillHost });
    const real = control.setClock({ headers, body: { mode: 'real' } });
    expect(real.status === 200 && [real.body.mode, real.body.now]).toEqual(['real', START]);
    expect(control.setClock({ headers, body: { mode: 'real' } }).status).toBe(200);
    const frozen = control.freezeClock({ headers });
    expect([okBody(frozen).mode, okBody(frozen).now]).toEqual(['manual', START]);
    const manual = control.setClock({ headers, body: { mode: 'manual' } });
    expect(manual.status === 200 && manual.body.now).toBe(START);
  });
});
