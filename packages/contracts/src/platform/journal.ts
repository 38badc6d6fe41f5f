import { z } from 'zod';
import { AppId, RoomId } from '../common/identifiers.js';
import { VoipEventName } from '../events/index.js';
import { FaultId } from './faults.js';
import { PlatformOperation } from './operations.js';
import { PartyId } from './party.js';
import { PushMessageType } from './pushMessage.js';
import { RoomSide } from './roomState.js';

/**
 * The kinds of journal entries: accepted requests, refused requests, pushes, callbacks, call events, and what the
 * platform itself did (`platform`: a namespace restored from the data directory, a room a restart ended).
 */
export const JournalKind = z.enum(['request', 'refusal', 'push', 'callback', 'event', 'platform'], {
  errorMap: () => ({ message: "kind must be 'request', 'refusal', 'push', 'callback', 'event' or 'platform'" }),
});
/** The kind of a journal entry. */
export type JournalKind = z.infer<typeof JournalKind>;

/**
 * The check that refused a request, in the platform's documented order (DESIGN "Checks"; P §13.4): contract
 * `arguments`, `credential` (party), `host` (1006/1007), `busy` (1005), `tokens` (access_token, voipToken,
 * pushToken), `openId` (7/19/20), `authorization` (9), `capability` (12), `billing` (15/22/23/24),
 * `roomCreation` (5); plus `state` (the room or device is in the wrong phase), `notFound` (unknown room,
 * group…), `registration` (device register rules) and `fault` (an injected fault).
 */
export const CheckStage = z.enum([
  'arguments',
  'credential',
  'host',
  'busy',
  'tokens',
  'openId',
  'authorization',
  'capability',
  'billing',
  'roomCreation',
  'state',
  'notFound',
  'registration',
  'fault',
]);
/** The check that refused a request. */
export type CheckStage = z.infer<typeof CheckStage>;

/**
 * Why a request was refused: the check, the errcode sent, the rule in words, and for an injected fault its id.
 *
 * @example
 * RefusalReason.parse({ stage: 'authorization', errcode: 9, rule: 'openid-bob rejected SN-LINUX-0001 (state rejected)' });
 */
export const RefusalReason = z.object({
  stage: CheckStage,
  errcode: z.number().int(),
  rule: z.string().min(1, 'rule must say which rule failed'),
  faultId: FaultId.optional(),
});
/** Why a request was refused. */
export type RefusalReason = z.infer<typeof RefusalReason>;

/** Fields of every journal entry: its sequence number in the namespace, the platform time and the kind. */
const base = {
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
};

/** Bodies up to this many bytes of JSON (and nested at most {@link JOURNAL_BODY_MAX_DEPTH} deep) are journalled whole. */
export const JOURNAL_BODY_MAX_BYTES = 2048;

/** Bodies nested deeper than this are journalled as a {@link BodyDigest} (reading them back must never overflow a stack). */
export const JOURNAL_BODY_MAX_DEPTH = 32;

/**
 * What the journal keeps of a request or response body too large or too deeply nested to keep whole: its size as
 * compact JSON, the SHA-256 of that JSON text, and its first characters.
 *
 * @example
 * BodyDigest.parse({ bytes: 1048576, sha256: 'e3b0…', preview: '{"sn":"SN-1","msg":"aaaa', reason: 'size' });
 */
export const BodyDigest = z.object({
  /** UTF-8 bytes of the body as compact JSON. */
  bytes: z.number().int().nonnegative(),
  /** SHA-256 of that JSON text, lower-case hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The first 256 characters of that JSON text. */
  preview: z.string(),
  /** `size`: more than JOURNAL_BODY_MAX_BYTES; `depth`: nested deeper than JOURNAL_BODY_MAX_DEPTH. */
  reason: z.enum(['size', 'depth']),
});
/** What the journal keeps of a body too large or too deep to keep whole. */
export type BodyDigest = z.infer<typeof BodyDigest>;

/** Fields of request and refusal entries: which operation, over which HTTP route, for whom. */
const requestFields = {
  operation: PlatformOperation,
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().startsWith('/'),
  status: z.number().int().min(100).max(599),
  partyId: PartyId.nullable(),
  appId: AppId.nullable(),
  roomId: RoomId.nullable(),
  durationMs: z.number().int().nonnegative(),
  /** The request body (or query), when it is small and shallow enough to keep whole; otherwise see requestDigest. */
  requestBody: z.unknown().optional(),
  /** The response body, when it is small and shallow enough to keep whole; otherwise see responseDigest. */
  responseBody: z.unknown().optional(),
  /** Size, hash and preview of a request body too large or too deep to keep whole. */
  requestDigest: BodyDigest.optional(),
  /** Size, hash and preview of a response body too large or too deep to keep whole. */
  responseDigest: BodyDigest.optional(),
};

/** A request the platform accepted (errcode 0). */
export const RequestEntry = z.object({ kind: z.literal('request'), ...base, ...requestFields });
/** A request the platform accepted. */
export type RequestEntry = z.infer<typeof RequestEntry>;

/** A request the platform refused (errcode ≠ 0, 400 or 401), with why. */
export const RefusalEntry = z.object({ kind: z.literal('refusal'), ...base, ...requestFields, why: RefusalReason });
/** A request the platform refused. */
export type RefusalEntry = z.infer<typeof RefusalEntry>;

/** A push-channel message to a party, or one dropped by a fault (never sent). */
export const PushEntry = z.object({
  kind: z.literal('push'),
  ...base,
  partyId: PartyId,
  messageType: PushMessageType,
  messageSeq: z.number().int().positive(),
  roomId: RoomId.nullable(),
  dropped: z.boolean(),
  faultId: FaultId.optional(),
  acknowledged: z.boolean(),
});
/** A push-channel message. */
export type PushEntry = z.infer<typeof PushEntry>;

/** One `iot_voip_notify` delivery attempt to the developer server (details in the callbacks list). */
export const CallbackEntry = z.object({
  kind: z.literal('callback'),
  ...base,
  deliveryId: z.string().min(1),
  appId: AppId,
  roomId: RoomId,
  attempt: z.number().int().positive(),
  outcome: z.enum(['accepted', 'refused', 'noReply', 'error']),
});
/** One callback delivery attempt. */
export type CallbackEntry = z.infer<typeof CallbackEntry>;

/** A call event the platform produced for a party (`onVoipEvent` name), on its side of the room. */
export const EventEntry = z.object({
  kind: z.literal('event'),
  ...base,
  partyId: PartyId.nullable(),
  roomId: RoomId,
  side: RoomSide,
  eventName: VoipEventName,
});
/** A call event the platform produced. */
export type EventEntry = z.infer<typeof EventEntry>;

/**
 * Something the platform itself did, with why in words: `restored` (the namespace was loaded from its state file
 * at a start) or `roomAborted` (a room in flight when the platform stopped, ended as aborted at the next start).
 */
export const PlatformEntry = z.object({
  kind: z.literal('platform'),
  ...base,
  event: z.enum(['restored', 'roomAborted']),
  roomId: RoomId.nullable(),
  detail: z.string().min(1),
});
/** Something the platform itself did. */
export type PlatformEntry = z.infer<typeof PlatformEntry>;

/** One journal entry, discriminated by `kind`. */
export const JournalEntry = z.discriminatedUnion('kind', [RequestEntry, RefusalEntry, PushEntry, CallbackEntry, EventEntry, PlatformEntry]);
/** One journal entry. */
export type JournalEntry = z.infer<typeof JournalEntry>;

/** Most entries one journal page returns. */
export const JOURNAL_PAGE_MAX = 1000;

/**
 * Query of `getJournal`: filter by kind, room, party and operation; `since` returns entries with a larger
 * `seq` (for polling); `limit` caps the page (default 100, at most 1000). Numbers arrive as query strings.
 *
 * @example
 * JournalQuery.parse({ kind: 'refusal', roomId: 'r-1', since: '12', limit: '50' });
 */
export const JournalQuery = z.object({
  kind: JournalKind.optional(),
  roomId: RoomId.optional(),
  party: PartyId.optional(),
  operation: PlatformOperation.optional(),
  since: z.coerce.number().int('since must be a whole journal seq').nonnegative('since must be 0 or more').optional(),
  limit: z.coerce
    .number()
    .int('limit must be a whole number')
    .positive('limit must be at least 1')
    .max(JOURNAL_PAGE_MAX, `limit must be at most ${JOURNAL_PAGE_MAX}`)
    .default(100),
});
/** Query of `getJournal`. */
export type JournalQuery = z.infer<typeof JournalQuery>;
/** `JournalQuery` as written, before defaults are applied. */
export type JournalQueryInput = z.input<typeof JournalQuery>;

/**
 * A journal page: entries in `seq` order, the `seq` to pass as `since` next time, and how many entries the journal
 * has dropped (oldest first) to stay within its entry and byte budgets since it was created or cleared.
 */
export const JournalPage = z.object({
  entries: z.array(JournalEntry),
  lastSeq: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
});
/** A journal page. */
export type JournalPage = z.infer<typeof JournalPage>;
