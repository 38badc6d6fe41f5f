import type { ByeReason, CredentialRefusal, TransportRefusal, TransportRouteKey, TransportValidationRefusal } from '@wxvoip/contracts';

/** Why a push channel closed or could not open: the platform's `bye` reason, or what the client saw. */
export type ChannelCloseReason =
  | ByeReason
  /** The socket dropped without a `bye` (network, platform crash): the credential still works, reopen the channel. */
  | 'lost'
  /** The platform refused the handshake (close code 4401: unknown credential, another party's channel, bad namespace). */
  | 'refused'
  /** The socket could not open, or closed before `hello`. */
  | 'unreachable'
  /** The caller stopped opening it (AbortSignal). */
  | 'cancelled';

/**
 * Why a request to the platform, or its push channel, did not succeed: the one failure type every SDK maps to its own
 * vocabulary (the plugin's `VoipError` family, `wx_error_t`, negated RTOS codes).
 *
 * - `refused`: the platform said no, WeChat-shaped (HTTP 200, `errcode ≠ 0`), with the catalogue `key` and `domain`;
 * - `invalid`: HTTP 400, the request broke the transport contract (errcode 47001 and the field issues);
 * - `credential`: HTTP 401, the party credential is missing (41001), unknown (40001) or expired (42001);
 * - `network`: no answer at all (connection refused, DNS, reset, no `fetch`);
 * - `cancelled`: the caller aborted the request;
 * - `malformed`: an answer or a push the contract does not allow (another protocol version, a broken proxy);
 * - `channelClosed`: the push channel closed or could not open, and why.
 */
export type PartyFailure =
  | { readonly kind: 'refused'; readonly operation: TransportRouteKey; readonly refusal: TransportRefusal }
  | { readonly kind: 'invalid'; readonly operation: TransportRouteKey; readonly refusal: TransportValidationRefusal }
  | { readonly kind: 'credential'; readonly operation: TransportRouteKey; readonly refusal: CredentialRefusal }
  | { readonly kind: 'network'; readonly operation: TransportRouteKey; readonly cause: unknown }
  | { readonly kind: 'cancelled'; readonly operation: TransportRouteKey | 'openChannel' }
  | { readonly kind: 'malformed'; readonly operation: TransportRouteKey | 'push'; readonly status: number | null; readonly detail: string }
  | { readonly kind: 'channelClosed'; readonly reason: ChannelCloseReason; readonly code: number | null; readonly detail: string };

/** The kind of a {@link PartyFailure}. */
export type PartyFailureKind = PartyFailure['kind'];

/**
 * One line saying what went wrong, for logs and SDK error messages.
 *
 * @example
 * describePartyFailure({ kind: 'cancelled', operation: 'callDevice' }); // 'callDevice: cancelled by the caller'
 */
export function describePartyFailure(failure: PartyFailure): string {
  switch (failure.kind) {
    case 'refused':
      return `${failure.operation}: the platform refused with errcode ${failure.refusal.errcode} (${failure.refusal.key ?? 'no catalogue key'}): ${failure.refusal.errmsg}`;
    case 'invalid':
      return `${failure.operation}: the platform answered HTTP 400, the request broke the transport contract: ${[failure.refusal.errmsg, ...failure.refusal.errors.map((issue) => `${issue.path}: ${issue.message}`)].join('; ')}`;
    case 'credential':
      return `${failure.operation}: the platform answered HTTP 401, errcode ${failure.refusal.errcode}: ${failure.refusal.errmsg}`;
    case 'network':
      return `${failure.operation}: no answer from the platform (${failure.cause instanceof Error ? failure.cause.message : String(failure.cause)})`;
    case 'cancelled':
      return `${failure.operation}: cancelled by the caller`;
    case 'malformed':
      return `${failure.operation}: the platform answered outside the contract${failure.status === null ? '' : ` (HTTP ${failure.status})`}: ${failure.detail}`;
    case 'channelClosed':
      return `push channel closed (${failure.reason}${failure.code === null ? '' : `, code ${failure.code}`})${failure.detail === '' ? '' : `: ${failure.detail}`}`;
  }
}

/**
 * The outcome of a request: its data and the push seq it was produced at, or a {@link PartyFailure}. Returned, never
 * thrown, so each SDK decides how its callers see a failure (thrown `WxError`, returned `VoipError`, negated code).
 */
export type PartyResult<T> = { readonly ok: true; readonly data: T; readonly pushSeq: number | null } | { readonly ok: false; readonly failure: PartyFailure };
