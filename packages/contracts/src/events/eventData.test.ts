import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AbortVoipData,
  BindContactData,
  CallingData,
  CancelVoipData,
  CustomBoxData,
  EndVoipData,
  FinishVoipData,
  HangUpVoipData,
  JoinFailData,
  RejectVoipData,
} from './eventData.js';
import { ABORT_VOIP_ERR_MSG } from './eventErrMsg.js';
import { noData } from './eventFields.js';

function issueOf(schema: z.ZodTypeAny, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('cancelVoip / rejectVoip data', () => {
  it.each(['manual', 'unloadCallPage', 'forceFromApp', 'other'])('accepts status %s', (status) => {
    expect(CancelVoipData.parse({ status })).toEqual({ status });
    expect(RejectVoipData.parse({ status })).toEqual({ status });
  });

  it('rejects an undocumented status, naming the allowed values', () => {
    const issue = issueOf(CancelVoipData, { status: 'timeLimit' });
    expect(issue?.path).toEqual(['status']);
    expect(issue?.message).toContain("status must be 'manual', 'unloadCallPage', 'forceFromApp' or 'other'");
  });

  it('requires data itself', () => {
    expect(issueOf(RejectVoipData, undefined)?.message).toBe('rejectVoip requires data { status }');
  });
});

describe('hangUpVoip data', () => {
  it('accepts a timeLimit end', () => {
    const data = { keepTime: 60, status: 'endByCaller', origin: 'timeLimit' } as const;
    expect(HangUpVoipData.parse(data)).toEqual(data);
  });

  it.each([
    [{ keepTime: 1, status: 'endBySomeone', origin: 'manual' }, ['status'], "'endByListener' or 'endByCaller'"],
    [{ keepTime: 1, status: 'endByCaller', origin: 'busy' }, ['origin'], "origin must be 'manual'"],
    [{ keepTime: -1, status: 'endByCaller', origin: 'manual' }, ['keepTime'], 'keepTime must be 0 or more seconds'],
    [{ status: 'endByCaller', origin: 'manual' }, ['keepTime'], 'keepTime is required'],
    [{ keepTime: '3', status: 'endByCaller', origin: 'manual' }, ['keepTime'], 'keepTime must be a number of seconds'],
    [{ keepTime: Number.POSITIVE_INFINITY, status: 'endByCaller', origin: 'manual' }, ['keepTime'], 'finite'],
  ])('rejects %j at %j', (data, path, message) => {
    const issue = issueOf(HangUpVoipData, data);
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });
});

describe('abortVoip data', () => {
  it('accepts the documented 20 s listener timeout', () => {
    const data = { keepTime: 0, status: 'abortByListener', error: { errMsg: ABORT_VOIP_ERR_MSG.listenerWaitTimeout } };
    expect(AbortVoipData.parse(data)).toEqual(data);
  });

  it('accepts an errMsg it does not know, with any status', () => {
    expect(AbortVoipData.safeParse({ keepTime: 3, status: 'abortByCaller', error: { errMsg: 'something new' } }).success).toBe(true);
  });

  it('enforces the status P §6.4 pairs with a known errMsg', () => {
    const issue = issueOf(AbortVoipData, { keepTime: 0, status: 'abortByCaller', error: { errMsg: 'room status is abort' } });
    expect(issue?.path).toEqual(['status']);
    expect(issue?.message).toContain("must have status 'unknown'");
  });

  it('requires error.errMsg', () => {
    const issue = issueOf(AbortVoipData, { keepTime: 0, status: 'unknown', error: {} });
    expect(issue?.path).toEqual(['error', 'errMsg']);
    expect(issue?.message).toBe('error.errMsg is required');
  });

  it('rejects an undocumented status', () => {
    const issue = issueOf(AbortVoipData, { keepTime: 0, status: 'abortByNetwork', error: { errMsg: 'x' } });
    expect(issue?.path).toEqual(['status']);
    expect(issue?.message).toContain("'abortByListener', 'abortByCaller' or 'unknown'");
  });
});

describe('endVoip data', () => {
  const valid = { keepTime: 12, callerName: 'Door', listenerName: 'Mum', roomType: 'video', isCaller: true, businessType: 1 } as const;

  it('accepts the documented six fields', () => {
    expect(EndVoipData.parse(valid)).toEqual(valid);
  });

  it.each([
    [{ ...valid, roomType: 'audio' }, ['roomType'], "'voice' or 'video'"],
    [{ ...valid, isCaller: 'yes' }, ['isCaller'], 'isCaller must be a boolean'],
    [{ ...valid, businessType: 1.5 }, ['businessType'], 'businessType must be an integer'],
    [{ ...valid, callerName: undefined }, ['callerName'], 'callerName is required'],
  ])('rejects %j at %j', (data, path, message) => {
    const issue = issueOf(EndVoipData, data);
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });
});

describe('calling / finishVoip data', () => {
  it('carries keepTime; finishVoip names it the billed duration', () => {
    expect(CallingData.parse({ keepTime: 5 })).toEqual({ keepTime: 5 });
    expect(FinishVoipData.parse({ keepTime: 0 })).toEqual({ keepTime: 0 });
    const issue = issueOf(FinishVoipData, { keepTime: -2 });
    expect(issue?.path).toEqual(['keepTime']);
    expect(issue?.message).toContain('billed talk duration');
    expect(issueOf(FinishVoipData, undefined)?.message).toContain('the billed duration');
  });
});

describe('joinFail data', () => {
  it('accepts { errMsg, message } and an Error that carries errMsg', () => {
    expect(JoinFailData.parse({ errMsg: 'Already in room or joining', message: 'x' })).toEqual({ errMsg: 'Already in room or joining', message: 'x' });
    const error = Object.assign(new Error('join failed'), { errMsg: 'join failed' });
    expect(JoinFailData.parse(error)).toEqual({ errMsg: 'join failed', message: 'join failed' });
  });

  it('rejects a payload without errMsg', () => {
    const issue = issueOf(JoinFailData, { message: 'x' });
    expect(issue?.path).toEqual(['errMsg']);
    expect(issue?.message).toBe('errMsg is required');
  });
});

describe('custom box / bindContact data', () => {
  it('accepts the documented fields', () => {
    expect(CustomBoxData.parse({ callerId: 'sn1', listenerId: 'o1' })).toEqual({ callerId: 'sn1', listenerId: 'o1' });
    expect(BindContactData.parse({ type: 'binded', errMsg: 'ok', userId: 'u1' })).toEqual({ type: 'binded', errMsg: 'ok', userId: 'u1' });
  });

  it('rejects a missing id and an undocumented bind result', () => {
    expect(issueOf(CustomBoxData, { callerId: 'sn1' })?.path).toEqual(['listenerId']);
    const issue = issueOf(BindContactData, { type: 'bound', errMsg: 'ok', userId: 'u1' });
    expect(issue?.path).toEqual(['type']);
    expect(issue?.message).toContain("'binded'");
  });
});

describe('events without data', () => {
  it('accept no data or an empty object', () => {
    expect(noData('busy').parse(undefined)).toBeUndefined();
    expect(noData('busy').parse({})).toEqual({});
  });

  it('reject any key, naming the event', () => {
    const issue = issueOf(noData('busy'), { reason: 'x' });
    expect(issue?.path).toEqual(['reason']);
    expect(issue?.message).toContain('busy carries no data fields');
    expect(issueOf(noData('busy'), 'x')?.message).toContain('busy carries no data');
  });
});
