import { WX_ERROR, toRtosCode } from '@wxvoip/contracts';
import type { PartyFailure } from '@wxvoip/party-client';

/**
 * The value an RTOS SDK call (device or server SDK) returns for a failed request to the platform (D §2.1, §7.3;
 * ADR 0011), from the party client's one failure type:
 *
 * | what happened | returned |
 * |---|---|
 * | refusal in the `backend` domain (e.g. 9 not authorized, 10008 bad snTicket) | the code negated: `-9`, `-10008` |
 * | refusal in the `device-sdk` domain (`wx_error_t`) | the `wx_error_t` as is, e.g. `9` FAILED_PRECONDITION |
 * | refusal in any other domain | `WXERROR_RESPONSE` (18): a backend answer the SDK has no code for |
 * | no answer from the platform, or the push channel could not open or closed | `WXERROR_RESOURCE_EXHAUSTED` (8): no network |
 * | credential refused (HTTP 401: disconnected, platform reset) | `WXERROR_FAILED_PRECONDITION` (9): initialise again |
 * | request broke the contract (HTTP 400) | `WXERROR_INVALID_ARGUMENT` (3) |
 * | an answer the contract does not describe (other status, unreadable body) | `WXERROR_RESPONSE` (18) |
 * | cancelled by the caller | `WXERROR_CANCELLED` (1) |
 *
 * @example
 * rtosCodeOf({ kind: 'refused', operation: 'rtosClientCall', refusal: { errcode: 9, errmsg: '…', domain: 'backend' } }); // -9
 */
export function rtosCodeOf(failure: PartyFailure): number {
  switch (failure.kind) {
    case 'refused': {
      const { refusal } = failure;
      if (refusal.domain === 'backend') return toRtosCode(refusal.errcode);
      if (refusal.domain === 'device-sdk') return refusal.errcode;
      return WX_ERROR.RESPONSE;
    }
    case 'network':
    case 'channelClosed':
      return WX_ERROR.RESOURCE_EXHAUSTED;
    case 'credential':
      return WX_ERROR.FAILED_PRECONDITION;
    case 'invalid':
      return WX_ERROR.INVALID_ARGUMENT;
    case 'malformed':
      return WX_ERROR.RESPONSE;
    case 'cancelled':
      return WX_ERROR.CANCELLED;
  }
}
