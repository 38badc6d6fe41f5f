import { describe, expect, it } from 'vitest';
import { Fault, FaultSpec, MAX_FAULT_LATENCY_MS } from './faults.js';

function firstIssue(input: unknown) {
  const result = FaultSpec.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('FaultSpec', () => {
  it('error: the next N calls of an operation fail with an errcode', () => {
    expect(FaultSpec.parse({ kind: 'error', operation: 'wechat.getSnTicket', errcode: -1 })).toEqual({
      kind: 'error',
      operation: 'wechat.getSnTicket',
      errcode: -1,
      times: 1,
      match: {},
    });
    const zero = firstIssue({ kind: 'error', operation: 'transport.callDevice', errcode: 0 });
    expect(zero?.path).toEqual(['errcode']);
    expect(zero?.message).toContain('must be non-zero');
    const times = firstIssue({ kind: 'error', operation: 'transport.callDevice', errcode: 9, times: 0 });
    expect(times?.path).toEqual(['times']);
    expect(times?.message).toContain('at least 1');
    expect(firstIssue({ kind: 'error', operation: 'callDevice', errcode: 9 })?.path).toEqual(['operation']);
  });

  it('latency: milliseconds, on one operation or all, until deleted by default', () => {
    expect(FaultSpec.parse({ kind: 'latency', ms: 1500 })).toEqual({ kind: 'latency', ms: 1500, match: {} });
    const issue = firstIssue({ kind: 'latency', ms: MAX_FAULT_LATENCY_MS + 1 });
    expect(issue?.path).toEqual(['ms']);
    expect(issue?.message).toContain('at most 600000');
  });

  it('dropPush: never drops hello or bye', () => {
    expect(FaultSpec.parse({ kind: 'dropPush', messageType: 'incomingCall', match: { sn: 'SN-WMPF-0001' } })).toEqual({
      kind: 'dropPush',
      messageType: 'incomingCall',
      times: 1,
      match: { sn: 'SN-WMPF-0001' },
    });
    const issue = firstIssue({ kind: 'dropPush', messageType: 'hello' });
    expect(issue?.path).toEqual(['messageType']);
    expect(issue?.message).toContain('hello and bye are never dropped');
  });

  it('rejects an unknown kind and a bad match', () => {
    const kind = firstIssue({ kind: 'offline' });
    expect(kind?.path).toEqual(['kind']);
    expect(kind?.message).toBe("kind must be 'error', 'latency' or 'dropPush'");
    expect(firstIssue({ kind: 'dropPush', match: { sn: 'bad sn' } })?.path).toEqual(['match', 'sn']);
  });
});

describe('Fault', () => {
  it('adds id, counters and remaining occurrences', () => {
    const fault = { faultId: 'f-1', spec: { kind: 'latency', ms: 5, match: {} }, createdAt: 0, triggered: 2, remaining: null };
    expect(Fault.parse(fault)).toEqual(fault);
    expect(Fault.safeParse({ ...fault, remaining: -1 }).error?.issues[0]?.path).toEqual(['remaining']);
  });
});
