import { Fault, FaultSpec, type FaultSpecInput } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { createTenantState } from '../tenant/createTenantState.js';
import { FaultBook } from './faultBook.js';

function setup() {
  const state = createTenantState();
  const faults = new FaultBook(state);
  const add = (spec: FaultSpecInput) => faults.add(FaultSpec.parse(spec));
  return { state, faults, add };
}

describe('FaultBook: error faults', () => {
  it('forces the next `times` calls of the operation, with the catalogue key and message, then goes inert', () => {
    const { faults, add } = setup();
    const fault = add({ kind: 'error', operation: 'wechat.getSnTicket', errcode: -1, times: 2 });
    expect(fault.faultId).toMatch(/^fault_\d+$/);
    for (let i = 0; i < 2; i++) {
      const refusal = faults.takeError('wechat.getSnTicket', {});
      expect(refusal).toMatchObject({ key: 'SYSTEM_BUSY', code: -1, message: 'system error', stage: 'fault', faultId: fault.faultId });
    }
    expect(faults.takeError('wechat.getSnTicket', {})).toBeUndefined();
    expect(faults.list()).toEqual([{ ...fault, triggered: 2, remaining: 0 }]);
  });

  it('fires only for its operation', () => {
    const { faults, add } = setup();
    add({ kind: 'error', operation: 'transport.callDevice', errcode: 1005 });
    expect(faults.takeError('transport.callWmpf', {})).toBeUndefined();
    expect(faults.takeError('transport.callDevice', {})?.code).toBe(1005);
  });

  it('reads the code in the operation domains first, then the other wire domains', () => {
    const { faults, add } = setup();
    add({ kind: 'error', operation: 'transport.linuxSessionCall', errcode: 9 });
    add({ kind: 'error', operation: 'wechat.iotVoipCall', errcode: 1 });
    add({ kind: 'error', operation: 'transport.callDevice', errcode: 9800013 });
    expect(faults.takeError('transport.linuxSessionCall', {})?.key).toBe('DEVICE_NOT_AUTHORIZED');
    expect(faults.takeError('wechat.iotVoipCall', {})?.key).toBe('ROOM_ID_INVALID');
    expect(faults.takeError('transport.callDevice', {})?.key).toBe('GROUP_ID_INVALID');
  });

  it('keeps key null for an unknown code and uses errmsg when given', () => {
    const { faults, add } = setup();
    add({ kind: 'error', operation: 'wechat.getSnTicket', errcode: 6 });
    add({ kind: 'error', operation: 'wechat.getSnTicket', errcode: 9800001, errmsg: 'custom text' });
    expect(faults.takeError('wechat.getSnTicket', {})).toMatchObject({ key: null, code: 6, message: 'injected error 6' });
    expect(faults.takeError('wechat.getSnTicket', {})).toMatchObject({ key: 'SN_TOO_LONG', code: 9800001, message: 'custom text' });
  });

  it('matches only contexts that have every field of `match` with the same value', () => {
    const { faults, add } = setup();
    add({ kind: 'error', operation: 'transport.callDevice', errcode: 2, match: { sn: 'SN-1', appId: 'wx-app' } });
    expect(faults.takeError('transport.callDevice', { sn: 'SN-1' })).toBeUndefined();
    expect(faults.takeError('transport.callDevice', { sn: 'SN-2', appId: 'wx-app' })).toBeUndefined();
    expect(faults.takeError('transport.callDevice', { sn: 'SN-1', appId: 'wx-app', openId: 'o-1' })?.code).toBe(2);
  });

  it('fires the oldest matching fault first', () => {
    const { faults, add } = setup();
    add({ kind: 'error', operation: 'transport.callDevice', errcode: 5 });
    add({ kind: 'error', operation: 'transport.callDevice', errcode: 12 });
    expect([faults.takeError('transport.callDevice', {})?.code, faults.takeError('transport.callDevice', {})?.code]).toEqual([5, 12]);
  });
});

describe('FaultBook: latency', () => {
  it('adds the latency of every matching fault, for all operations when none is named', () => {
    const { faults, add } = setup();
    add({ kind: 'latency', ms: 100 });
    add({ kind: 'latency', operation: 'transport.callDevice', ms: 2_000, times: 1, match: { partyId: 'p-1' } });
    expect(faults.latencyFor('transport.callDevice', { partyId: 'p-1' })).toBe(2_100);
    expect(faults.latencyFor('transport.callDevice', { partyId: 'p-1' })).toBe(100);
    expect(faults.latencyFor('wechat.getSnTicket', {})).toBe(100);
    expect(faults.list().map((f) => [f.triggered, f.remaining])).toEqual([[3, null], [1, 0]]);
  });

  it('is 0 without latency faults', () => {
    const { faults, add } = setup();
    add({ kind: 'error', operation: 'transport.callDevice', errcode: 5 });
    expect(faults.latencyFor('transport.callDevice', {})).toBe(0);
  });
});

describe('FaultBook: dropped pushes', () => {
  it('drops the next matching push of the type and never drops hello or bye', () => {
    const { faults, add } = setup();
    const fault = add({ kind: 'dropPush', messageType: 'incomingCall', match: { sn: 'SN-W' } });
    const any = add({ kind: 'dropPush', times: 5 });
    expect(faults.takeDroppedPush('hello', { sn: 'SN-W' })).toBeUndefined();
    expect(faults.takeDroppedPush('bye', {})).toBeUndefined();
    expect(faults.takeDroppedPush('incomingCall', { sn: 'SN-W' })).toBe(fault.faultId);
    expect(faults.takeDroppedPush('incomingCall', { sn: 'SN-W' })).toBe(any.faultId);
    expect(faults.takeDroppedPush('voipEvent', {})).toBe(any.faultId);
    expect(faults.get(any.faultId)).toMatchObject({ triggered: 2, remaining: 3 });
  });

  it('does not drop a push of another type', () => {
    const { faults, add } = setup();
    add({ kind: 'dropPush', messageType: 'deviceStatus' });
    expect(faults.takeDroppedPush('voipEvent', {})).toBeUndefined();
  });
});

describe('FaultBook: add, list, delete', () => {
  it('lists valid contract Faults with creation time; delete and clear remove them', () => {
    const { state, faults, add } = setup();
    state.clock.advance(5_000);
    const a = add({ kind: 'error', operation: 'wechat.getSnTicket', errcode: 48001 });
    const b = add({ kind: 'latency', ms: 10 });
    expect(a.createdAt).toBe(state.now());
    expect(a.faultId).not.toBe(b.faultId);
    for (const fault of faults.list()) expect(Fault.parse(fault)).toEqual(fault);
    expect(faults.delete(a.faultId)).toBe(true);
    expect(faults.delete(a.faultId)).toBe(false);
    expect(faults.takeError('wechat.getSnTicket', {})).toBeUndefined();
    expect(faults.list().map((f) => f.faultId)).toEqual([b.faultId]);
    faults.clear();
    expect(faults.list()).toEqual([]);
  });

  it('returns copies: changing a listed fault changes nothing', () => {
    const { faults, add } = setup();
    const fault = add({ kind: 'error', operation: 'wechat.getSnTicket', errcode: -1, match: { sn: 'SN-1' } });
    const listed = faults.list()[0]!;
    (listed.spec.match as { sn?: string }).sn = 'SN-2';
    expect(faults.get(fault.faultId)?.spec.match).toEqual({ sn: 'SN-1' });
  });
});
