import type { TransportRefusal, TransportRouteKey } from '@wxvoip/contracts';

/**
 * Why a transport request to the platform did not succeed, before any SDK meaning is given to it:
 * - `refusal`: WeChat's answer, HTTP 200 with `{ errcode ≠ 0, errmsg, key, domain }`;
 * - `invalid`: HTTP 400, the request broke the contract (errcode 47001);
 * - `credential`: HTTP 401, the party credential is missing, unknown or expired (the party was disconnected);
 * - `network`: no answer at all (connection refused, DNS, reset);
 * - `cancelled`: the caller aborted the request;
 * - `protocol`: an answer the contract does not allow (a platform of another protocol version).
 */
export type PlatformFailure =
  | { readonly kind: 'refusal'; readonly refusal: TransportRefusal }
  | { readonly kind: 'invalid'; readonly errmsg: string }
  | { readonly kind: 'credential'; readonly errcode: number; readonly errmsg: string }
  | { readonly kind: 'network'; readonly cause: unknown }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'protocol'; readonly detail: string };

/** A transport request that failed; `toWxError` turns it into the SDK's `wx_error_t`. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';

  constructor(
    /** The transport route that failed. */
    readonly operation: TransportRouteKey,
    /** Why it failed. */
    readonly failure: PlatformFailure,
  ) {
    super(`${operation}: ${describeFailure(failure)}`, failure.kind === 'network' ? { cause: failure.cause } : undefined);
  }
}

/** One line saying what the platform answered. */
export function describeFailure(failure: PlatformFailure): string {
  switch (failure.kind) {
    case 'refusal':
      return `the platform refused with errcode ${failure.refusal.errcode} (${failure.refusal.key ?? 'no catalogue key'}): ${failure.refusal.errmsg}`;
    case 'invalid':
      return `the platform answered HTTP 400, the request broke the transport contract: ${failure.errmsg}`;
    case 'credential':
      return `the platform answered HTTP 401, errcode ${failure.errcode}: ${failure.errmsg}`;
    case 'network':
      return `no answer from the platform (${failure.cause instanceof Error ? failure.cause.message : String(failure.cause)})`;
    case 'cancelled':
      return 'cancelled by the caller';
    case 'protocol':
      return `the platform answered outside the contract: ${failure.detail}`;
  }
}
