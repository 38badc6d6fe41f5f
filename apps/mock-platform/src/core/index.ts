/**
 * The platform core: WeChat's VoIP backend as pure, transport-free TypeScript (ADR 0008). Adapters (fastify, msw,
 * the push channel, the callback sender) drive it; tests can drive it directly on a manual clock.
 */
export { PlatformCore } from './platformCore.js';
export { restoreNamespace } from './persistence/restoreNamespace.js';
export { snapshotNamespace } from './persistence/snapshotNamespace.js';
export { PlatformTenant } from './platformTenant.js';
export { PlatformClock, DEFAULT_MANUAL_START } from './clock/platformClock.js';
export { DEFAULT_PLATFORM_CONFIG, resolvePlatformConfig } from './config.js';
export { accept, refuse, refusal, forcedRefusal } from './refusal.js';
export { IdSource, ROOM_ID_PREFIX, type IdMode } from './ids/idSource.js';
export { Journal, DEFAULT_JOURNAL_BYTE_BUDGET, DEFAULT_JOURNAL_CAPACITY } from './journal/journal.js';
export { summarizeBody, type BodySummary } from './journal/summarizeBody.js';
export { snapshot, viewFor, talkSeconds } from './rooms/room.js';
export { MAGIC_PREFIX, magicValue, parseMagicValue, magicRefusalFor } from './faults/magicValues.js';
export { MAGIC_VALUES } from './faults/magicValueExamples.js';

export type { CoreChange, NamespaceStorage, PlatformCoreOptions } from './platformCore.js';
export type { Clock, ClockMode, ClockState, HostScheduler, PlatformClockOptions, TimerHandle } from './clock/platformClock.js';
export type { PlatformConfig } from './config.js';
export type { Outcome, Refusal } from './refusal.js';
export type { JournalDraft } from './journal/journal.js';
export type { ChannelSink, PartyState, PushDraft } from './parties/partyRegistry.js';
export type { CallbackReply, CallbackRequest } from './callbacks/callbackDispatcher.js';
export type { Room, RoomEnd, RoomEntry, SidePhase } from './rooms/room.js';
export type { EndRequest, RoomSpec } from './rooms/roomEngine.js';
export type { RoomAndSide } from './rooms/roomActions.js';
export type { TenantStateOptions } from './tenant/createTenantState.js';
