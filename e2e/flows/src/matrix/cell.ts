import { wxVoipStatusName, type VoipEvent, type WxVoipStatus } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '@wxvoip/plugin';
import type { FlowEnv } from './flowHost.js';
import type { Direction, Outcome } from './vocabulary.js';

/** What a cell observed, compared whole with what it expects. */
export interface Observation {
  /** Each party's ordered plugin events (`name(status,origin)`, periodic `calling` left out) or device statuses (`TALKING`, `HANGUP_BY_CALLER/1`). */
  readonly parties: Readonly<Record<string, readonly string[]>>;
  /** How the platform says the room ended (`hungUpByCaller`, `timeout`, …); null when no room was made. */
  readonly outcome: string | null;
  /** Seconds billed for the room (talk time, rounded up); null when no room was made. */
  readonly billedSeconds: number | null;
  /** The documented error the call was refused with (`VoipCgiError 9`, `WXERROR_PERMISSION_DENIED (backend 9)`, `errcode 9`). */
  readonly refusedWith?: string;
}

/** A cell that runs. */
export interface RunCell {
  readonly kind: 'run';
  /** What the documentation says happens. */
  readonly expect: Observation;
  /** Why this result, when the table would otherwise surprise (shown next to it). */
  readonly note?: string;
  /** Drives the call through the packages' public APIs and reports what every party saw. */
  run(env: FlowEnv): Promise<Observation>;
}

/** A cell that cannot be expressed for this direction (no such parameter or billing mode), with why. */
export interface NotApplicableCell {
  readonly kind: 'notApplicable';
  readonly why: string;
}

/** One cell of the matrix. */
export type CellSpec = RunCell | NotApplicableCell;

/** Every outcome of one direction. */
export interface DirectionSpec {
  readonly direction: Direction;
  readonly cells: Readonly<Record<Outcome, CellSpec>>;
}

/** A plugin event as the matrix writes it: its name, with the `status` and `origin` of its data when it has them. */
export function formatEvent(event: VoipEvent): string {
  const data = (event as { data?: unknown }).data;
  const detail = typeof data === 'object' && data !== null ? [(data as { status?: unknown }).status, (data as { origin?: unknown }).origin].filter((v): v is string => typeof v === 'string') : [];
  return detail.length > 0 ? `${event.eventName}(${detail.join(',')})` : event.eventName;
}

/** A plugin simulator's events so far, formatted, without the periodic `calling`. */
export function eventsOf(plugin: SimulatedWmpfVoip): string[] {
  return plugin.simulator.events.filter((e) => e.eventName !== 'calling').map(formatEvent);
}

/** A device status as the matrix writes it: its name, with the hang-up reason when there is one. */
export function formatStatus(status: WxVoipStatus, reason: number | null | undefined): string {
  return reason === null || reason === undefined ? wxVoipStatusName(status) : `${wxVoipStatusName(status)}/${reason}`;
}

/** How the platform ended a room, and the seconds it billed. */
export async function roomResult(env: FlowEnv, roomId: string | null): Promise<Pick<Observation, 'outcome' | 'billedSeconds'>> {
  if (roomId === null) return { outcome: null, billedSeconds: null };
  const res = await env.control.getRoom({ params: { roomId } });
  if (res.status !== 200) throw new Error(`room ${roomId}: HTTP ${res.status}`);
  return { outcome: res.body.outcome, billedSeconds: res.body.keepTimeSec };
}

/** The documented form of an error thrown by a plugin API (`VoipCgiError 9`), or rethrows what is not one. */
export function pluginRefusal(error: unknown): string {
  const e = error as { name?: unknown; errCode?: unknown };
  if (typeof e.errCode === 'number' && typeof e.name === 'string') return `${e.name} ${e.errCode}`;
  throw error;
}
