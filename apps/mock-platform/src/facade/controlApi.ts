import type { ControlContract } from '@wxvoip/contracts';
import type { PlatformCore } from '../core/platformCore.js';
import { appHandlers } from './control/appHandlers.js';
import { listCallbackDeliveries } from '../core/callbacks/callbackDeliveries.js';
import { clockHandlers } from './control/clockHandlers.js';
import { withTenant } from './control/controlContext.js';
import { deviceHandlers } from './control/deviceHandlers.js';
import { faultJournalHandlers } from './control/faultJournalHandlers.js';
import { phoneCallHandlers } from './control/phoneCallHandlers.js';
import { roomHandlers } from './control/roomHandlers.js';
import { seedHandlers } from './control/seedHandlers.js';
import { userHandlers } from './control/userHandlers.js';
import type { RouterHandlers } from './routeHandlers.js';

export { validationProblem } from './problems.js';

/** Options of {@link createControlHandlers}. */
export interface ControlApiOptions {
  /** Version `GET /__admin/info` reports. [I] Default `0.0.0`, the package's version until its first release. */
  readonly version?: string;
}

/**
 * The control API (`/__admin`, `controlContract`) over the platform core: every route, transport-free. Adapters
 * validate the request against the contract (answering `validationProblem` for a failure), call the handler and
 * write its `{ status, body }`; errors are RFC 7807 `ProblemDetails` bodies with a `type` from `PROBLEM_TYPES`.
 *
 * - The namespace is the `x-wxvoip-namespace` header (`default` without it); a malformed one is a 400 problem.
 * - Problems: 404 `not-found` for an unknown app, user, device, party, fault or room; 409 `invalid-state` for a
 *   simulate action the room's phase does not allow and for a core refusal of `issueSnTicket`, its detail carrying the
 *   refusal's rule, catalogue key, code and check stage [I: the contract declares no 422, so semantic refusals use the
 *   409 the route declares]; 409 `clock-not-manual` for advancing a real clock; 400 `validation` for what the schema
 *   cannot see (namespace header, a clock moved backwards, real time without a host scheduler); 500 `internal` for an
 *   exception inside the mock (a bug: user input never causes one).
 * - Control requests are not journalled: the journal's operations are the WeChat and transport routes. What a
 *   simulate action does appears on the room's timeline (cause `simulate`) and as the pushes and events it causes.
 *
 * @example
 * const control = createControlHandlers(new PlatformCore({ seed: demoSeed }));
 * control.advanceClock({ headers: { 'x-wxvoip-namespace': 'test-1' }, body: { ms: 60_000 } });
 */
export function createControlHandlers(core: PlatformCore, options: ControlApiOptions = {}): RouterHandlers<ControlContract> {
  return {
    ...seedHandlers(core, options.version ?? '0.0.0'),
    ...appHandlers(core),
    ...userHandlers(core),
    ...deviceHandlers(core),
    ...clockHandlers(core),
    ...faultJournalHandlers(core),
    ...roomHandlers(core),
    ...phoneCallHandlers(core),
    listCallbacks: (request) =>
      withTenant(core, 'listCallbacks', request, ({ tenant }) => ({
        status: 200,
        body: { deliveries: listCallbackDeliveries(tenant, request.query) },
      })),
  };
}
