import { demoSeed, Fault, JournalPage, type FaultSpec } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';

/** The body of a successful response; the test fails when the handler answered a problem. */
function ok<R extends { status: number; body: unknown }>(response: R): Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'] {
  expect(response.status).toBeLessThan(300);
  return response.body as Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'];
}

const headers = { 'x-wxvoip-namespace': 'faults' };
const snTicketError: FaultSpec = { kind: 'error', operation: 'wechat.getSnTicket', errcode: -1, times: 2, match: { appId: 'wx_demo_app' } };

function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  return { tenant: core.tenant('faults'), control: createControlHandlers(core) };
}

describe('faults', () => {
  it('adds a fault (201) that the core then applies, and lists it with its use', () => {
    const { tenant, control } = setup();
    const added = control.addFault({ headers, body: snTicketError });
    expect(added.status).toBe(201);
    const fault = Fault.parse(added.body);
    expect(fault).toMatchObject({ spec: snTicketError, triggered: 0, remaining: 2, createdAt: Date.UTC(2026, 0, 1) });
    expect(tenant.faults.takeError('wechat.getSnTicket', { appId: 'wx_demo_app' })?.code).toBe(-1);
    expect(ok(control.listFaults({ headers })).faults).toEqual([{ ...fault, triggered: 1, remaining: 1 }]);
  });

  it('deletes one fault (204), and answers 404 for an unknown faultId', () => {
    const { control } = setup();
    const added = control.addFault({ headers, body: snTicketError });
    const faultId = added.status === 201 ? added.body.faultId : '';
    expect(control.deleteFault({ headers, params: { faultId } })).toEqual({ status: 204, body: undefined });
    expect(ok(control.listFaults({ headers })).faults).toEqual([]);
    const again = control.deleteFault({ headers, params: { faultId } });
    expect(again.status === 404 && again.body).toMatchObject({ detail: `fault "${faultId}" does not exist in namespace "faults"`, instance: `/__admin/faults/${faultId}` });
  });

  it('clears every fault (204)', () => {
    const { control } = setup();
    control.addFault({ headers, body: snTicketError });
    control.addFault({ headers, body: { kind: 'dropPush', times: 1, match: {} } });
    expect(control.clearFaults({ headers })).toEqual({ status: 204, body: undefined });
    expect(ok(control.listFaults({ headers })).faults).toEqual([]);
  });
});

describe('journal', () => {
  it('answers journal queries and clears it (204) while seq keeps growing', () => {
    const { tenant, control } = setup();
    tenant.state.journal.append({ kind: 'callback', deliveryId: 'cb_1', appId: 'wx_demo_app', roomId: 'r-1', attempt: 1, outcome: 'noReply' });
    tenant.state.journal.append({ kind: 'event', partyId: null, roomId: 'r-2', side: 'caller', eventName: 'startVoip' });
    const page = JournalPage.parse(control.getJournal({ headers, query: { kind: 'event', limit: 100 } }).body);
    expect(page.entries.map((e) => [e.seq, e.kind])).toEqual([[2, 'event']]);
    expect(page.lastSeq).toBe(2);
    expect(ok(control.getJournal({ headers, query: { roomId: 'r-1', limit: 100 } })).entries).toHaveLength(1);

    expect(control.clearJournal({ headers })).toEqual({ status: 204, body: undefined });
    expect(control.getJournal({ headers, query: { limit: 100 } }).body).toEqual({ entries: [], lastSeq: 2, dropped: 0 });
  });
});
