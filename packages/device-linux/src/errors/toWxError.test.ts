import { readFileSync } from 'node:fs';
import { ERROR_CATALOGUE, errorByKey } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { PartyFailure } from '@wxvoip/party-client';
import { REFUSAL_MAPPING, renderRefusalMappingTable, toWxError } from './toWxError.js';

function refusal(key: string, domain = errorByKey(key as 'DEVICE_NOT_AUTHORIZED').domain, errcode = errorByKey(key as 'DEVICE_NOT_AUTHORIZED').code ?? 0): PartyFailure {
  return { kind: 'refused', operation: 'linuxSessionCall', refusal: { errcode, errmsg: 'm', key, domain } };
}

describe('toWxError: platform refusals → wx_error_t', () => {
  it('maps by catalogue key, not by number: backend 9 and wx_error_t 9 differ', () => {
    expect(toWxError('wx_voip_session_call', refusal('DEVICE_NOT_AUTHORIZED'))).toMatchObject({ errorName: 'PERMISSION_DENIED', code: 7, platformCode: 9 });
    expect(toWxError('wx_voip_session_call', refusal('WXERROR_FAILED_PRECONDITION'))).toMatchObject({ errorName: 'FAILED_PRECONDITION', code: 9 });
  });

  it('passes device-sdk refusals through, maps the rest per call, and calls an unmapped key INTERNAL', () => {
    expect(toWxError('wx_device_register', refusal('WXERROR_ALREADY_EXISTS')).errorName).toBe('ALREADY_EXISTS');
    expect(toWxError('wx_device_register', refusal('SN_TICKET_EXPIRED')).errorName).toBe('INVALID_ARGUMENT');
    expect(toWxError('wx_voip_listener_join', refusal('ROOM_ID_INVALID')).errorName).toBe('NOT_FOUND');
    const unmapped = toWxError('wx_voip_session_call', refusal('PLUGIN_BUSY'));
    expect(unmapped.errorName).toBe('INTERNAL');
    expect(unmapped.message).toContain('mapping table');
  });

  it('gives network failures, cancellations, 400, 401, answers outside the contract and a dead channel their wx_error_t', () => {
    const network: PartyFailure = { kind: 'network', operation: 'registerDevice', cause: new Error('ECONNREFUSED') };
    expect(toWxError('wx_device_register', network).errorName).toBe('UNAVAILABLE');
    expect(toWxError('wx_voip_session_call', network).errorName).toBe('RESOURCE_EXHAUSTED');
    expect(toWxError('wx_voip_session_call', network).cause).toBeInstanceOf(Error);
    expect(toWxError('wx_init', { kind: 'cancelled', operation: 'connectParty' }).errorName).toBe('CANCELLED');
    const invalid = toWxError('wx_voip_session_call', { kind: 'invalid', operation: 'linuxSessionCall', refusal: { errcode: 47001, errmsg: 'data format error', errors: [{ path: 'callee.id', message: 'openId must not be empty' }] } });
    expect(invalid.errorName).toBe('INVALID_ARGUMENT');
    expect(invalid.message).toContain('callee.id: openId must not be empty');
    const credential = toWxError('wx_voip_session_hangup', { kind: 'credential', operation: 'hangUpRoom', refusal: { errcode: 40001, errmsg: 'gone' } });
    expect(credential).toMatchObject({ errorName: 'FAILED_PRECONDITION', platformCode: 40001 });
    expect(credential.message).toContain('stop() and init() again');
    expect(toWxError('wx_device_register', { kind: 'malformed', operation: 'registerDevice', status: 502, detail: 'html' }).errorName).toBe('INTERNAL');
    expect(toWxError('wx_init', { kind: 'channelClosed', reason: 'unreachable', code: 1006, detail: 'closed before hello' }).errorName).toBe('RESOURCE_EXHAUSTED');
  });

  it('maps only keys of the catalogue, and the README shows the table as the code has it', () => {
    const keys = new Set(ERROR_CATALOGUE.map((e) => e.key));
    for (const row of REFUSAL_MAPPING) expect(keys.has(row.key)).toBe(true);
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(renderRefusalMappingTable());
  });
});
