import { isErrorKey, type ErrorKey, type WxErrorName } from '@wxvoip/contracts';
import { describePartyFailure, type PartyFailure, type PartyResult } from '@wxvoip/party-client';
import { WxError } from './wxError.js';

/** The SDK calls whose platform failures get a `wx_error_t`. */
export type SdkCall = 'wx_init' | 'wx_device_register' | 'wx_voip_session_call' | 'wx_voip_listener_join' | 'wx_voip_listener_hangup' | 'wx_voip_session_hangup';

/** A `wx_error_t` name other than OK. */
type ErrorName = Exclude<WxErrorName, 'OK'>;

/** One row of {@link REFUSAL_MAPPING}: a platform refusal (catalogue key) and the `wx_error_t` each SDK call returns for it. */
export interface RefusalMappingRow {
  /** Catalogue key the platform sends with its refusal. */
  readonly key: ErrorKey;
  /** The `wx_error_t` per SDK call; a call not listed never meets this key. */
  readonly results: Partial<Readonly<Record<SdkCall, ErrorName>>>;
  /** Fact tag of the mapping and where it comes from. */
  readonly source: string;
}

/**
 * How the platform's refusals become `wx_error_t` results (D §1.4, §1.5, §7.1, §7.3). The platform sends each refusal
 * with its catalogue `key` and `domain`, and this table maps by key, never by number (backend 9 is "not authorized",
 * `wx_error_t` 9 is FAILED_PRECONDITION). A refusal in the `device-sdk` domain already is a `wx_error_t` and is returned
 * as it is. The README's mapping table is rendered from these rows (a test keeps them equal).
 */
export const REFUSAL_MAPPING: readonly RefusalMappingRow[] = [
  { key: 'SN_TICKET_EXPIRED', results: { wx_device_register: 'INVALID_ARGUMENT' }, source: '[D] D §1.4 ("device/key/get fail: 10008")' },
  { key: 'SN_TICKET_MALFORMED', results: { wx_device_register: 'INVALID_ARGUMENT' }, source: '[D] D §1.4 (errcode 9800011)' },
  { key: 'SN_NOT_REGISTERED', results: { wx_device_register: 'INVALID_ARGUMENT' }, source: '[I] a ticket for another model is a bad ticket' },
  {
    key: 'DEVICE_NOT_AUTHORIZED',
    results: { wx_device_register: 'PERMISSION_DENIED', wx_voip_session_call: 'PERMISSION_DENIED' },
    source: '[D] D §1.4 (register: SN bound to another device), D §1.5 (call: backend 9)',
  },
  { key: 'SCOPE_VOIP_NOT_GRANTED', results: { wx_voip_session_call: 'PERMISSION_DENIED' }, source: '[D] D §1.5 ("app lacks the VoIP permission")' },
  { key: 'VOIP_CAPABILITY_NOT_APPROVED', results: { wx_voip_session_call: 'UNAVAILABLE' }, source: '[I] D §1.5 (backend 12, "[I mapping]")' },
  { key: 'ACCOUNT_IN_ARREARS', results: { wx_voip_session_call: 'UNAVAILABLE' }, source: '[I] D §1.5 (backend 15, "call time ran out")' },
  { key: 'DEVICE_LICENSE_EXPIRED', results: { wx_voip_session_call: 'UNAVAILABLE' }, source: '[I] D §1.5 (backend 23, "no license")' },
  { key: 'DEVICE_LICENSE_NOT_ACTIVATED', results: { wx_voip_session_call: 'UNAVAILABLE' }, source: '[I] D §1.5 (backend 24, "no license")' },
  { key: 'CHARGE_TYPE_INVALID', results: { wx_voip_session_call: 'UNAVAILABLE' }, source: '[I] billing problem, like 15/23/24' },
  { key: 'OPENID_ERROR', results: { wx_voip_session_call: 'INVALID_ARGUMENT' }, source: '[D] D §1.5 ("bad openId"), catalogue note of backend 7' },
  { key: 'OPENID_APPID_MISMATCH', results: { wx_voip_session_call: 'INVALID_ARGUMENT' }, source: '[D] D §1.5 ("bad openId")' },
  { key: 'OPENID_INVALID', results: { wx_voip_session_call: 'INVALID_ARGUMENT' }, source: '[D] D §1.5 ("bad openId", backend 20)' },
  { key: 'CALLER_VOIP_TOKEN_INVALID', results: { wx_voip_session_call: 'INVALID_ARGUMENT' }, source: '[I] D §1.5 ("bad ticket"; backend 13: device id changed)' },
  { key: 'VOIP_TOKEN_MODEL_MISMATCH', results: { wx_voip_session_call: 'INVALID_ARGUMENT' }, source: '[I] D §1.5 ("bad ticket")' },
  { key: 'DEVICE_ID_INVALID', results: { wx_voip_session_call: 'FAILED_PRECONDITION' }, source: '[I] the device is unknown to the app: register it first' },
  {
    key: 'ROOM_ID_INVALID',
    results: { wx_voip_session_call: 'INTERNAL', wx_voip_listener_join: 'NOT_FOUND', wx_voip_listener_hangup: 'NOT_FOUND', wx_voip_session_hangup: 'NOT_FOUND' },
    source: '[I] no such room for this device, or it already ended (catalogue fix of NOT_FOUND)',
  },
  { key: 'VOIP_ID_INVALID', results: { wx_voip_session_call: 'INTERNAL' }, source: '[I] a face-pay code a device call cannot cause' },
  { key: 'FACE_PAY_VOIP_TOKEN_INVALID', results: { wx_voip_session_call: 'INTERNAL' }, source: '[I] a face-pay code a device call cannot cause' },
  { key: 'ROOM_CREATE_FAILED', results: { wx_voip_session_call: 'INTERNAL' }, source: '[I] D §1.5 ("internal error")' },
  { key: 'CALLEE_PUSH_TOKEN_INVALID', results: { wx_voip_session_call: 'INTERNAL' }, source: '[I] a WMPF code a Linux call cannot cause' },
  { key: 'INVALID_APPID', results: { wx_init: 'FAILED_PRECONDITION' }, source: '[D] D §1.3 ("device not registered on WeCooper")' },
  {
    key: 'SYSTEM_BUSY',
    results: { wx_init: 'UNAVAILABLE', wx_device_register: 'UNAVAILABLE', wx_voip_session_call: 'UNAVAILABLE', wx_voip_listener_join: 'UNAVAILABLE', wx_voip_listener_hangup: 'UNAVAILABLE', wx_voip_session_hangup: 'UNAVAILABLE' },
    source: '[I] -1 "system busy": retry later',
  },
];

/** What each call returns when the platform could not be reached at all (D §1.3, §1.4, §1.5). */
export const NETWORK_FAILURE: Readonly<Record<SdkCall, ErrorName>> = {
  wx_init: 'RESOURCE_EXHAUSTED',
  wx_device_register: 'UNAVAILABLE',
  wx_voip_session_call: 'RESOURCE_EXHAUSTED',
  wx_voip_listener_join: 'RESOURCE_EXHAUSTED',
  wx_voip_listener_hangup: 'RESOURCE_EXHAUSTED',
  wx_voip_session_hangup: 'RESOURCE_EXHAUSTED',
};

const BY_KEY: ReadonlyMap<string, RefusalMappingRow> = new Map(REFUSAL_MAPPING.map((row) => [row.key, row]));

/**
 * The `wx_error_t` an SDK call returns for a failed platform request (a {@link PartyFailure} of the party client):
 * 1. a refusal in the `device-sdk` domain is already a `wx_error_t` (its key is `WXERROR_<NAME>`);
 * 2. any other refusal maps by catalogue key through {@link REFUSAL_MAPPING}; an unmapped key is `INTERNAL`;
 * 3. no answer at all: {@link NETWORK_FAILURE}; cancelled: `CANCELLED`; HTTP 400: `INVALID_ARGUMENT`;
 *    HTTP 401 (the platform no longer knows this device): `FAILED_PRECONDITION`; an answer outside the contract:
 *    `INTERNAL`; a push channel that would not open: `RESOURCE_EXHAUSTED` (`wx_init`'s "no network").
 *
 * @example
 * toWxError('wx_voip_session_call', failure).errorName; // 'PERMISSION_DENIED' for backend 9
 */
export function toWxError(call: SdkCall, failure: PartyFailure): WxError {
  const what = `${call} failed: ${describePartyFailure(failure)}`;
  switch (failure.kind) {
    case 'network':
      return new WxError(NETWORK_FAILURE[call], `${what}. Check that the platform URL is right and reachable, then retry.`, { cause: failure.cause });
    case 'cancelled':
      return new WxError('CANCELLED', `${call} was cancelled before it finished (cancel() or an aborted AbortSignal).`);
    case 'invalid':
      return new WxError('INVALID_ARGUMENT', `${what}. Fix the argument the message names.`);
    case 'credential':
      return new WxError('FAILED_PRECONDITION', `${what}. The platform no longer knows this device (disconnected, taken offline or reset): call stop() and init() again.`, {
        platformCode: failure.refusal.errcode,
      });
    case 'malformed':
      return new WxError('INTERNAL', `${what}. Is the platform a wxvoip mock platform speaking transport protocol v1?`);
    case 'channelClosed':
      return new WxError('RESOURCE_EXHAUSTED', `${call}: the push channel did not open (${describePartyFailure(failure)}); check the network`);
    case 'refused': {
      const { key, domain, errcode } = failure.refusal;
      const details = { ...(key === undefined ? {} : { key }), ...(domain === undefined ? {} : { domain }), platformCode: errcode };
      if (domain === 'device-sdk' && key !== undefined && key.startsWith('WXERROR_') && key !== 'WXERROR_OK') {
        return new WxError(key.slice('WXERROR_'.length) as ErrorName, `${what}.`, details);
      }
      const mapped = key !== undefined && isErrorKey(key) ? BY_KEY.get(key)?.results[call] : undefined;
      return new WxError(mapped ?? 'INTERNAL', `${what}.${mapped === undefined ? ' This refusal has no documented wx_error_t for this call (see the mapping table in the README).' : ''}`, details);
    }
  }
}

/**
 * The data of a party-client result, or its failure thrown as the call's `wx_error_t`.
 *
 * @example
 * const created = unwrap('wx_voip_session_call', await party.request('linuxSessionCall', { body }));
 */
export function unwrap<T>(call: SdkCall, result: PartyResult<T>): T {
  if (!result.ok) throw toWxError(call, result.failure);
  return result.data;
}

/**
 * The mapping as a Markdown table, as the README shows it.
 *
 * @example
 * renderRefusalMappingTable().startsWith('| platform key'); // true
 */
export function renderRefusalMappingTable(): string {
  const calls: readonly SdkCall[] = ['wx_init', 'wx_device_register', 'wx_voip_session_call', 'wx_voip_listener_join', 'wx_voip_listener_hangup', 'wx_voip_session_hangup'];
  const header = `| platform key | ${calls.map((c) => `\`${c}\``).join(' | ')} | source |`;
  const rule = `|---|${calls.map(() => '---').join('|')}|---|`;
  const rows = REFUSAL_MAPPING.map((row) => `| \`${row.key}\` | ${calls.map((c) => row.results[c] ?? '').join(' | ')} | ${row.source} |`);
  const network = `| *(no answer: network)* | ${calls.map((c) => NETWORK_FAILURE[c]).join(' | ')} | [D] D §1.3, §1.4, §1.5; [I] join and hang-ups |`;
  return [header, rule, ...rows, network].join('\n');
}
