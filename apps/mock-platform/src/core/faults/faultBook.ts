import type { Fault, FaultMatch, FaultSpec, PlatformOperation, PushMessageType } from '@wxvoip/contracts';
import { CONTROL_PREFIX, errmsgOf } from '@wxvoip/contracts';
import { forcedRefusal, type Refusal } from '../refusal.js';
import type { FaultRecord } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import { lookupOperationCode } from './operationDomains.js';

/** What a request or push is about, compared with a fault's `match`: the fields the facade knows. */
export type FaultContext = { readonly [K in keyof FaultMatch]?: string | undefined };

const MATCH_FIELDS = ['appId', 'sn', 'openId', 'roomId', 'partyId'] as const satisfies readonly (keyof FaultMatch)[];

/**
 * Injected faults of one namespace (control API `/faults`, DESIGN "faults"): errors, latency and dropped pushes.
 *
 * - A fault matches when every field given in its `match` equals the context's field (a context without that field
 *   does not match); an empty `match` matches everything.
 * - Each firing counts in `triggered` and uses one of `times`. An exhausted fault stays listed with `remaining: 0` and
 *   never fires again, so a test can still read how often it fired [I]; `delete` or `clear` removes it.
 * - Error faults fire in creation order, one per request. Latencies of every matching latency fault add up [I].
 * - Forced codes take their key and message from the error catalogue, read in the operation's own domains first
 *   (OPERATION_DOMAINS), then in the other domains that travel on the wire (backend, server-api, plugin,
 *   authorization); an unknown code keeps `key: null`. `errmsg` overrides the message.
 */
export class FaultBook {
  constructor(private readonly state: TenantState) {}

  /** Whether any fault is in place: when none is, a request needs no fault context at all (issue 19). */
  get any(): boolean {
    return this.state.faults.size > 0;
  }

  /** Adds a fault (`addFault`) and returns it with its id. */
  add(spec: FaultSpec): Fault {
    const record: FaultRecord = {
      faultId: this.state.ids.sequential('fault_'),
      spec: { ...spec, match: { ...spec.match } },
      createdAt: this.state.now(),
      triggered: 0,
      remaining: spec.times ?? null,
    };
    this.state.faults.set(record.faultId, record);
    return view(record);
  }

  /** Every fault, oldest first, exhausted ones with `remaining: 0`. */
  list(): Fault[] {
    return [...this.state.faults.values()].map(view);
  }

  /** One fault, or undefined. */
  get(faultId: string): Fault | undefined {
    const record = this.state.faults.get(faultId);
    return record && view(record);
  }

  /** Removes one fault; false when there is none with this id. */
  delete(faultId: string): boolean {
    return this.state.faults.delete(faultId);
  }

  /** Removes every fault. */
  clear(): void {
    this.state.faults.clear();
  }

  /** The refusal the first matching error fault forces on `operation` (using one of its times), or undefined. */
  takeError(operation: PlatformOperation, context: FaultContext): Refusal | undefined {
    for (const record of this.state.faults.values()) {
      const spec = record.spec;
      if (spec.kind !== 'error' || spec.operation !== operation || !live(record) || !matches(spec.match, context)) continue;
      use(record);
      const entry = lookupOperationCode(operation, spec.errcode);
      const message = spec.errmsg ?? (entry ? errmsgOf(entry) : `injected error ${String(spec.errcode)}`);
      const left = record.remaining === null ? 'no limit' : `${String(record.remaining)} more time(s)`;
      const rule = `fault ${record.faultId} forces errcode ${String(spec.errcode)} on ${operation} (${left}); remove it with DELETE ${CONTROL_PREFIX}/faults/${record.faultId}`;
      return forcedRefusal(entry?.key ?? null, spec.errcode, message, 'fault', rule, record.faultId);
    }
    return undefined;
  }

  /** Added latency in ms for one request of `operation`: the sum of every matching latency fault (each uses one time). */
  latencyFor(operation: PlatformOperation, context: FaultContext): number {
    let total = 0;
    for (const record of this.state.faults.values()) {
      const spec = record.spec;
      if (spec.kind !== 'latency' || (spec.operation !== undefined && spec.operation !== operation)) continue;
      if (!live(record) || !matches(spec.match, context)) continue;
      use(record);
      total += spec.ms;
    }
    return total;
  }

  /** The id of the fault that drops this push (using one of its times), or undefined to send it. `hello`/`bye` are never dropped. */
  takeDroppedPush(messageType: PushMessageType, context: FaultContext): string | undefined {
    if (messageType === 'hello' || messageType === 'bye') return undefined;
    for (const record of this.state.faults.values()) {
      const spec = record.spec;
      if (spec.kind !== 'dropPush' || (spec.messageType !== undefined && spec.messageType !== messageType)) continue;
      if (!live(record) || !matches(spec.match, context)) continue;
      use(record);
      return record.faultId;
    }
    return undefined;
  }
}

function matches(match: FaultMatch, context: FaultContext): boolean {
  return MATCH_FIELDS.every((field) => match[field] === undefined || match[field] === context[field]);
}

function live(record: FaultRecord): boolean {
  return record.remaining === null || record.remaining > 0;
}

function use(record: FaultRecord): void {
  record.triggered++;
  if (record.remaining !== null) record.remaining--;
}

function view(record: FaultRecord): Fault {
  return { faultId: record.faultId, spec: { ...record.spec, match: { ...record.spec.match } }, createdAt: record.createdAt, triggered: record.triggered, remaining: record.remaining };
}
