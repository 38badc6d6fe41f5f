import { describePartyFailure, type PartyFailure } from '@wxvoip/party-client';

/**
 * What an RTOS SDK's `lastError` says about a failed request: the party client's description, and for no answer at
 * all, where the SDK looked for the platform.
 *
 * @example
 * failureDetail({ kind: 'network', operation: 'connectParty', cause: new TypeError('fetch failed') }, 'http://127.0.0.1:1');
 * // 'connectParty: no answer from the platform (fetch failed): is the platform running at http://127.0.0.1:1?'
 */
export function failureDetail(failure: PartyFailure, platformUrl: string): string {
  const described = describePartyFailure(failure);
  if (failure.kind !== 'network') return described;
  const cause = failure.cause instanceof Error && failure.cause.cause instanceof Error ? ` (${failure.cause.cause.message})` : '';
  return `${described}${cause}: is the platform running at ${platformUrl.replace(/\/+$/, '')}?`;
}
