import { z } from 'zod';
import { AppId, OpenId, RoomId, Sn } from '../common/identifiers.js';
import { PlatformOperation } from './operations.js';
import { PartyId } from './party.js';
import { PushMessageType } from './pushMessage.js';

/** Longest injected latency: 10 minutes, enough for any timeout under test. */
export const MAX_FAULT_LATENCY_MS = 600_000;

/**
 * Narrows a fault to matching requests or pushes; every given field must match. Empty: everything matches.
 *
 * @example
 * FaultMatch.parse({ sn: 'SN-LINUX-0001' });
 */
export const FaultMatch = z.object({
  appId: AppId.optional(),
  sn: Sn.optional(),
  openId: OpenId.optional(),
  roomId: RoomId.optional(),
  partyId: PartyId.optional(),
});
/** Narrows a fault to matching requests or pushes. */
export type FaultMatch = z.infer<typeof FaultMatch>;

const times = z
  .number({ invalid_type_error: 'times must be a number of occurrences' })
  .int('times must be a whole number of occurrences')
  .positive('times must be at least 1');

/**
 * The next `times` matching calls of `operation` fail with `errcode` (HTTP 200, WeChat-shaped), before any
 * check runs. `errmsg` defaults to the catalogue's message for the code.
 *
 * @example
 * ErrorFaultSpec.parse({ kind: 'error', operation: 'wechat.getSnTicket', errcode: -1, times: 2 });
 */
export const ErrorFaultSpec = z.object({
  kind: z.literal('error'),
  operation: PlatformOperation,
  errcode: z
    .number({ required_error: 'errcode is required: the WeChat code the call should fail with' })
    .int('errcode must be an integer')
    .refine((code) => code !== 0, 'errcode must be non-zero: 0 means success (use no fault instead)'),
  errmsg: z.string().min(1, 'errmsg must not be empty; omit it to use the catalogue message').optional(),
  times: times.default(1),
  match: FaultMatch.default({}),
});
/** An injected error. */
export type ErrorFaultSpec = z.infer<typeof ErrorFaultSpec>;
/** `ErrorFaultSpec` as written, before defaults are applied. */
export type ErrorFaultSpecInput = z.input<typeof ErrorFaultSpec>;

/**
 * Matching calls of `operation` (all operations when absent) answer `ms` later, in platform time: with a manual
 * clock the answer comes when the clock is advanced past it. `times` absent: until the fault is deleted.
 */
export const LatencyFaultSpec = z.object({
  kind: z.literal('latency'),
  operation: PlatformOperation.optional(),
  ms: z
    .number({ required_error: 'ms is required: the added latency in milliseconds' })
    .int('ms must be whole milliseconds')
    .positive('ms must be greater than 0')
    .max(MAX_FAULT_LATENCY_MS, `ms must be at most ${MAX_FAULT_LATENCY_MS} (10 minutes)`),
  times: times.optional(),
  match: FaultMatch.default({}),
});
/** Injected latency. */
export type LatencyFaultSpec = z.infer<typeof LatencyFaultSpec>;
/** `LatencyFaultSpec` as written, before defaults are applied. */
export type LatencyFaultSpecInput = z.input<typeof LatencyFaultSpec>;

/**
 * The next `times` matching push-channel messages (of `messageType`, any type but `hello`/`bye` when absent)
 * are dropped: journaled as dropped, never sent. The channel `seq` still advances, so the party sees a gap.
 */
export const DropPushFaultSpec = z.object({
  kind: z.literal('dropPush'),
  messageType: PushMessageType.exclude(['hello', 'bye'], {
    errorMap: () => ({ message: "messageType must be 'voipEvent', 'incomingCall', 'deviceStatus', 'ping' or 'appMsg' (hello and bye are never dropped)" }),
  }).optional(),
  times: times.default(1),
  match: FaultMatch.default({}),
});
/** Dropped pushes. */
export type DropPushFaultSpec = z.infer<typeof DropPushFaultSpec>;
/** `DropPushFaultSpec` as written, before defaults are applied. */
export type DropPushFaultSpecInput = z.input<typeof DropPushFaultSpec>;

/**
 * Body of `addFault`: an error, a latency or dropped pushes, discriminated by `kind`.
 *
 * @example
 * FaultSpec.parse({ kind: 'dropPush', messageType: 'incomingCall', match: { sn: 'SN-WMPF-0001' } });
 */
export const FaultSpec = z.discriminatedUnion('kind', [ErrorFaultSpec, LatencyFaultSpec, DropPushFaultSpec], {
  errorMap: (issue, ctx) =>
    issue.code === z.ZodIssueCode.invalid_union_discriminator
      ? { message: "kind must be 'error', 'latency' or 'dropPush'" }
      : { message: ctx.defaultError },
});
/** Body of `addFault`. */
export type FaultSpec = z.infer<typeof FaultSpec>;
/** Body of `addFault` before defaults. */
export type FaultSpecInput = z.input<typeof FaultSpec>;

/** Platform-assigned id of a fault (e.g. `f-3`). */
export const FaultId = z.string().min(1, 'faultId must not be empty');
/** Platform-assigned id of a fault. */
export type FaultId = z.infer<typeof FaultId>;

/** An active fault: its spec, id, creation time, how often it fired and how many times remain (null = unlimited). */
export const Fault = z.object({
  faultId: FaultId,
  spec: FaultSpec,
  createdAt: z.number().int().nonnegative(),
  triggered: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative().nullable(),
});
/** An active fault. */
export type Fault = z.infer<typeof Fault>;
/** `Fault` as written, before defaults are applied. */
export type FaultInput = z.input<typeof Fault>;
