import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CredentialRefusal, PushSeq, TransportOk, TransportRefusal, TransportValidationRefusal, isTransportOk, transportResult } from './transportResult.js';

describe('transport bodies', () => {
  it('TransportRefusal is WeChat-shaped and never errcode 0', () => {
    const body = { errcode: 9, errmsg: 'not authorized', key: 'DEVICE_NOT_AUTHORIZED', domain: 'backend' };
    expect(TransportRefusal.parse(body)).toEqual(body);
    expect(TransportRefusal.safeParse({ ...body, domain: 'nowhere' }).error?.issues[0]?.path).toEqual(['domain']);
    const issue = TransportRefusal.safeParse({ errcode: 0, errmsg: 'ok' }).error?.issues[0];
    expect(issue?.path).toEqual(['errcode']);
    expect(issue?.message).toContain('non-zero');
  });

  it('TransportOk is errcode 0', () => {
    expect(TransportOk.parse({ errcode: 0, errmsg: 'ok' })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(TransportOk.safeParse({ errcode: 1, errmsg: 'x' }).success).toBe(false);
  });

  it('transportResult joins the data to errcode 0, or takes a refusal', () => {
    const Result = transportResult({ roomId: z.string() });
    expect(Result.parse({ errcode: 0, errmsg: 'ok', roomId: 'r' })).toEqual({ errcode: 0, errmsg: 'ok', roomId: 'r' });
    expect(Result.parse({ errcode: 1005, errmsg: 'busy' })).toEqual({ errcode: 1005, errmsg: 'busy' });
    expect(Result.safeParse({ errcode: 0, errmsg: 'ok' }).success).toBe(false);
    expect(isTransportOk(Result.parse({ errcode: -1, errmsg: 'system busy' }))).toBe(false);
  });

  it('every 200 body may state the push seq it was produced at (ADR 0026), a whole number from 0', () => {
    const Result = transportResult({ roomId: z.string() });
    expect(Result.parse({ errcode: 0, errmsg: 'ok', roomId: 'r', pushSeq: 12 })).toEqual({ errcode: 0, errmsg: 'ok', roomId: 'r', pushSeq: 12 });
    expect(Result.parse({ errcode: 1005, errmsg: 'busy', pushSeq: 0 })).toEqual({ errcode: 1005, errmsg: 'busy', pushSeq: 0 });
    expect(TransportOk.parse({ errcode: 0, errmsg: 'ok', pushSeq: 3 }).pushSeq).toBe(3);
    expect(PushSeq.safeParse(-1).error?.issues[0]?.message).toContain('0 before any push');
    expect(PushSeq.safeParse(1.5).error?.issues[0]?.message).toContain('integer');
    expect(Result.safeParse({ errcode: 0, errmsg: 'ok', roomId: 'r', pushSeq: 'x' }).success).toBe(false);
  });

  it('TransportValidationRefusal is errcode 47001 with field issues', () => {
    const body = { errcode: 47001, errmsg: 'data format error', errors: [{ path: 'sn', message: 'sn is required' }] };
    expect(TransportValidationRefusal.parse(body)).toEqual(body);
    expect(TransportValidationRefusal.safeParse({ ...body, errcode: 40001 }).error?.issues[0]?.message).toContain('47001');
    expect(TransportValidationRefusal.safeParse({ ...body, errors: [] }).error?.issues[0]?.path).toEqual(['errors']);
  });

  it('CredentialRefusal is one of 41001, 40001, 42001', () => {
    for (const errcode of [41001, 40001, 42001]) expect(CredentialRefusal.parse({ errcode, errmsg: 'x' }).errcode).toBe(errcode);
    const issue = CredentialRefusal.safeParse({ errcode: 9, errmsg: 'x' }).error?.issues[0];
    expect(issue?.path).toEqual(['errcode']);
    expect(issue?.message).toContain('41001 (missing), 40001 (invalid) or 42001 (expired)');
  });
});
