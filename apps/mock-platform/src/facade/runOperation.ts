import type { PlatformOperation } from '@wxvoip/contracts';
import type { FaultContext } from '../core/faults/faultBook.js';
import { magicRefusalFor, type MagicFields } from '../core/faults/magicValues.js';
import type { PlatformTenant } from '../core/platformTenant.js';
import type { Outcome, Refusal } from '../core/refusal.js';

/** What the journal needs to know about one request, and what faults and magic values match on. */
export interface OperationContext {
  readonly tenant: PlatformTenant;
  readonly operation: PlatformOperation;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly partyId: string | null;
  readonly appId: string | null;
  readonly roomId: string | null;
  readonly requestBody: unknown;
  /** Values a fault's `match` is compared with; a function is only called when a fault is in place. */
  readonly faultContext: FaultContext | (() => FaultContext);
  /** Request fields that may carry a magic value (docs/magic-values.md). */
  readonly magic: MagicFields;
}

/** A response as ts-rest handlers return it. */
export interface HandlerResponse<S extends number = number, B = unknown> {
  readonly status: S;
  readonly body: B;
}

/**
 * Where a facade's response carries the latency its matching latency faults ask for (ms). A symbol, so it never
 * reaches a JSON body; the adapters (fastify, msw) wait that long before answering. The work itself is done at once:
 * a latency fault models a slow answer, not a late arrival.
 */
export const LATENCY_MS: unique symbol = Symbol('wxvoip.latencyMs');

/** The latency a facade response asks the adapter to wait before answering: 0 when none. */
export function latencyOf(response: object): number {
  const ms = (response as { [LATENCY_MS]?: unknown })[LATENCY_MS];
  return typeof ms === 'number' ? ms : 0;
}

/**
 * Runs one operation the way every facade does: an injected error fault first, then a magic value, then the real
 * work; then the journal gets a `request` entry, or a `refusal` entry with the check stage and rule that refused.
 * Latency faults are matched with the same context (operation, app, party, sn, openId) and their total is journalled
 * as `durationMs` and handed to the adapter on the response ({@link latencyOf}).
 *
 * @example
 * return runOperation(ctx, () => tenant.snTickets.getSnTicket(app, body), (outcome) => ({ status: 200, body: … }));
 */
export function runOperation<T, R extends HandlerResponse>(context: OperationContext, work: () => Outcome<T>, respond: (outcome: Outcome<T>) => R): R {
  const faults = context.tenant.faults;
  let latencyMs = 0;
  let forced: Refusal | undefined;
  if (faults.any) {
    const faultContext = typeof context.faultContext === 'function' ? context.faultContext() : context.faultContext;
    latencyMs = faults.latencyFor(context.operation, faultContext);
    forced = faults.takeError(context.operation, faultContext);
  }
  forced ??= magicRefusalFor(context.operation, context.magic);
  const outcome: Outcome<T> = forced ? { ok: false, refusal: forced } : work();
  const response = respond(outcome);
  journalResponse(context, response, outcome.ok ? undefined : outcome.refusal, latencyMs);
  return latencyMs > 0 ? Object.assign(response, { [LATENCY_MS]: latencyMs }) : response;
}

/** Writes the journal entry of a finished request (`durationMs`: the latency faults added to it). */
export function journalResponse(context: Omit<OperationContext, 'faultContext' | 'magic'>, response: HandlerResponse, refusal: Refusal | undefined, durationMs = 0): void {
  const entry = {
    kind: 'request' as const,
    operation: context.operation,
    method: context.method,
    path: context.path,
    status: response.status,
    partyId: context.partyId,
    appId: context.appId,
    roomId: context.roomId ?? roomIdOf(response.body),
    durationMs,
    requestBody: context.requestBody,
    responseBody: response.body,
  };
  if (refusal) {
    context.tenant.state.journal.append({
      ...entry,
      kind: 'refusal',
      why: { stage: refusal.stage, errcode: refusal.code, rule: refusal.rule, ...(refusal.faultId === undefined ? {} : { faultId: refusal.faultId }) },
    });
  } else {
    // The request's own literal: the journal copies what it keeps, so no spread on the path every request takes.
    context.tenant.state.journal.append(entry);
  }
}

function roomIdOf(body: unknown): string | null {
  if (typeof body === 'object' && body !== null && 'roomId' in body && typeof body.roomId === 'string') return body.roomId;
  return null;
}
