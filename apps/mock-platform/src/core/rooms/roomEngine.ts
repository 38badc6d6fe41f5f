import { WX_HANGUP_REASON, WX_VOIP_STATUS, type ChargeType, type LocalEndOrigin, type RoomCause, type RoomOutcome, type RoomSide, type StateTimelineEntry, type WxHangupReason } from '@wxvoip/contracts';
import type { PartyRegistry, PartyState } from '../parties/partyRegistry.js';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import { ActiveMembers, type CallMember } from './activeMembers.js';
import { deviceSide, endOf, talkSeconds, type Room, type RoomEnd, type RoomEntry } from './room.js';
import { RoomNotifier } from './roomNotifier.js';

/** A room's state-change entry on its timeline. */
export type RoomStateEntry = StateTimelineEntry;

/** Told about each state change of a room, after it happened (see {@link RoomEngine.observeStates}). */
export type RoomStateObserver = (room: Room, entry: RoomStateEntry) => void;

/** Settles a finished call: returns the billed seconds (only talk time is billed, P §10.4). */
export interface RoomBilling {
  settle(app: AppState, chargeType: ChargeType, talkMs: number): number;
}

/** Sends the cloud callback of a room; the dispatcher reports back through {@link RoomEngine.callbackAnswered}. */
export interface RoomCallbacks {
  dispatch(room: Room): void;
  cancel(roomId: string): void;
}

/** What an entry point decided, after every pre-call check passed. */
export interface RoomSpec {
  readonly app: AppState;
  readonly entry: RoomEntry;
  readonly roomType: 'voice' | 'video';
  readonly direction: Room['direction'];
  readonly transport: Room['transport'];
  readonly businessType: number | null;
  readonly chargeType: ChargeType;
  readonly caller: Pick<RoomEnd, 'kind' | 'id' | 'name' | 'cameraStatus' | 'partyId'>;
  readonly listener: Pick<RoomEnd, 'kind' | 'id' | 'name' | 'cameraStatus'>;
  readonly sn: string;
  readonly modelId: string;
  readonly timeLimitSec: number | null;
  readonly customQuery: string | null;
  readonly payload: string | null;
  readonly envVersion: Room['envVersion'];
  /** How the listener is alerted once the room rings. */
  readonly alert: { kind: 'wechatReminder'; callerName: string } | { kind: 'wmpfPush'; pushToken: string; callerName: string } | { kind: 'none' };
  /** Cloud transport: the developer's server must accept the `iot_voip_notify` before the room rings. */
  readonly needsCallback: boolean;
  /** The caller is in the room at once (a device placing the call joins as it calls). */
  readonly callerJoinsAtCreate: boolean;
}

/** How a call ends, with who ended it and why. */
export interface EndRequest {
  readonly outcome: RoomOutcome;
  readonly side?: RoomSide;
  readonly origin?: LocalEndOrigin;
  readonly errMsg?: string;
  readonly joinFailed?: boolean;
  readonly reason?: WxHangupReason;
  readonly cause: RoomCause;
  readonly detail: string;
}

/** Device SDK status of each outcome (D §1.5, §10.2); `timeLimit` is reported as a caller hang-up [I]. */
const OUTCOME_STATUS = {
  cancelled: WX_VOIP_STATUS.CANCELED,
  rejected: WX_VOIP_STATUS.REJECTED,
  busy: WX_VOIP_STATUS.BUSY,
  timeout: WX_VOIP_STATUS.TIMEOUT,
  aborted: WX_VOIP_STATUS.ABORTED,
  hungUpByCaller: WX_VOIP_STATUS.HANGUP_BY_CALLER,
  hungUpByListener: WX_VOIP_STATUS.HANGUP_BY_CALLEE,
  timeLimit: WX_VOIP_STATUS.HANGUP_BY_CALLER,
  callbackRefused: WX_VOIP_STATUS.REJECTED,
} as const satisfies Record<RoomOutcome, number>;

const ROOM_STATUS_IS_ABORT = 'room status is abort';
/** [I] errMsg of the caller's abortVoip when its call page never showed (ADR 0021). */
export const CALL_PAGE_NEVER_SHOWN = 'caller never joined: the call page was not shown';
/** Entry points whose caller is a plugin that joins from its call page (P §3.4, §9.2). */
const PLUGIN_CALLER_ENTRIES: ReadonlySet<RoomEntry> = new Set(['initByCaller', 'callDevice', 'callWmpf']);
const LISTENER_WAIT_TIMEOUT = 'listener waitOtherToJoin timeout';

/**
 * The VoIP room state machine (P §9, §13; D §10.2): ringing with a 60 s timeout, answer, the listener's 20 s wait
 * for the caller, talk with `calling` every second and the `timeLimit`, every way a call ends, and the event
 * sequences each party sees, ending with `endVoip` then `finishVoip` carrying the billed seconds.
 *
 * Each operation touches one room and its two ends, so its cost does not grow with the number of rooms.
 */
export class RoomEngine {
  private readonly rooms = new Map<string, Room>();
  /** `user:<appId>:<openId>` or `device:<sn>` → the active room that member is in. */
  private readonly activeByMember = new ActiveMembers();
  private readonly ended: string[] = [];
  private readonly serverTokens = new Map<string, string>();
  /** How to alert the listener of a cloud room once its callback is accepted. */
  private readonly pendingAlert = new Map<string, RoomSpec['alert']>();
  /**
   * Rooms whose listener was in another call when they were made. Busy is decided in the caller's Waiting state
   * (P §9.3, §13.2): the room ends busy once the caller joins, so a plugin caller sees `callPageOnShow`,
   * `joinedRoomByCaller`, then `busy`. A cloud device→phone room still sends its callback first, and ends busy once
   * the vendor cloud joins, so its session hears BUSY (D §2.2, §2.6).
   */
  private readonly busyOnJoin = new Set<string>();
  readonly notifier: RoomNotifier;
  private readonly stateObservers = new Set<RoomStateObserver>();

  constructor(
    private readonly state: TenantState,
    private readonly parties: PartyRegistry,
    private readonly billing: RoomBilling,
    private readonly callbacks: RoomCallbacks,
    /** Ended rooms kept for inspection before the oldest are forgotten. */
    private readonly keepEndedRooms = 1000,
  ) {
    this.notifier = new RoomNotifier(state, parties);
  }

  /**
   * Calls `observer` after each state change of any room (created, ringing, talking, ended…), with the timeline entry
   * that recorded it. Returns the function that stops it. An observer that throws does not disturb the room.
   */
  observeStates(observer: RoomStateObserver): () => void {
    this.stateObservers.add(observer);
    return () => this.stateObservers.delete(observer);
  }

  /** A room by id. */
  get(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  /** The room a vendor cloud's serverToken belongs to (from its iot_voip_notify). */
  byServerToken(serverToken: string): Room | undefined {
    const id = this.serverTokens.get(serverToken);
    return id === undefined ? undefined : this.rooms.get(id);
  }

  /** Every room held (active and recently ended). */
  list(): Room[] {
    return [...this.rooms.values()];
  }

  /** Number of rooms not yet ended. */
  get activeCount(): number {
    return this.rooms.size - this.ended.length;
  }

  /** The active room a user or device is in, if any (for busy checks). */
  activeRoomOf(member: CallMember): Room | undefined {
    const id = this.activeByMember.get(member);
    return id === undefined ? undefined : this.rooms.get(id);
  }

  /** Creates a room from a checked spec: rings the listener (or sends the cloud callback first), or ends busy. */
  create(spec: RoomSpec): Room {
    const now = this.state.now();
    const end = (e: RoomSpec['caller'] | RoomSpec['listener'], partyId: string | null): RoomEnd => ({
      kind: e.kind,
      id: e.id,
      name: e.name,
      cameraStatus: e.cameraStatus,
      partyId,
      joinedAt: null,
      phase: 'created',
      alerted: [],
      finished: false,
    });
    const room: Room = {
      roomId: this.uniqueRoomId(),
      appId: spec.app.appId,
      roomType: spec.roomType,
      direction: spec.direction,
      transport: spec.transport,
      businessType: spec.businessType,
      chargeType: spec.chargeType,
      entry: spec.entry,
      caller: end(spec.caller, spec.caller.partyId),
      listener: end(spec.listener, null),
      sn: spec.sn,
      modelId: spec.modelId,
      timeLimitSec: spec.timeLimitSec,
      customQuery: spec.customQuery,
      payload: spec.payload,
      envVersion: spec.envVersion,
      sessionKey: this.state.ids.token(32),
      serverToken: this.state.ids.token(48),
      state: 'created',
      outcome: null,
      createdAt: now,
      ringingAt: null,
      answeredAt: null,
      talkStartedAt: null,
      endedAt: null,
      keepTimeSec: 0,
      timers: new Map(),
      timeline: [],
    };
    this.rooms.set(room.roomId, room);
    this.serverTokens.set(room.serverToken, room.roomId);
    this.recordState(room, { kind: 'state', at: now, from: null, to: 'created', outcome: null, cause: 'transport', detail: `created by ${spec.entry}` });
    const listenerBusy = this.activeByMember.has(memberOf(room, room.listener));
    this.activeByMember.set(memberOf(room, room.caller), room.roomId);
    if (!listenerBusy) this.activeByMember.set(memberOf(room, room.listener), room.roomId);
    this.bindParty(room.caller.partyId, room.roomId);
    if (spec.callerJoinsAtCreate) this.markCallerJoined(room);

    const cloudCaller = spec.needsCallback && spec.direction === 'deviceToPhone';
    if (PLUGIN_CALLER_ENTRIES.has(spec.entry) && room.caller.joinedAt === null) {
      this.setTimer(room, 'callerJoin', this.state.config.callerJoinTimeoutMs, () => this.endUnjoinedCaller(room));
    }
    if (listenerBusy && !cloudCaller && room.caller.joinedAt !== null) {
      this.end(room, { outcome: 'busy', side: 'listener', cause: 'transport', detail: `the listener ${room.listener.id} is in another call` });
    } else if (listenerBusy && !cloudCaller) {
      // The listener is not alerted: the caller hears busy once it joins (P §9.3).
      this.busyOnJoin.add(room.roomId);
    } else if (spec.needsCallback) {
      if (listenerBusy) this.busyOnJoin.add(room.roomId);
      // Kept until the developer's server answers (even a sender that answers at once finds it).
      this.pendingAlert.set(room.roomId, listenerBusy ? { kind: 'none' } : spec.alert);
      this.callbacks.dispatch(room);
    } else {
      this.ring(room, spec.alert);
    }
    return room;
  }

  /** The developer's server answered the cloud callback: 0 rings the call, anything else (or silence) cancels it. */
  callbackAnswered(roomId: string, accepted: boolean, detail: string): void {
    const room = this.rooms.get(roomId);
    if (!room || room.state !== 'created') return;
    const alert = this.pendingAlert.get(roomId) ?? { kind: 'none' };
    this.pendingAlert.delete(roomId);
    if (accepted) this.ring(room, alert);
    else this.end(room, { outcome: 'callbackRefused', cause: 'callback', detail });
  }

  /** The side a party acts for in a room, if any. */
  sideOf(room: Room, party: PartyState): RoomSide | undefined {
    for (const side of ['caller', 'listener'] as const) {
      const end = endOf(room, side);
      if (end.partyId === party.partyId || (end.partyId === null && end.alerted.includes(party.partyId))) return side;
    }
    const identity = party.identity;
    if ((identity.kind === 'linuxDevice' || identity.kind === 'rtosDevice' || identity.kind === 'wmpfPlugin') && identity.sn === room.sn && identity.appId === room.appId) {
      return deviceSide(room);
    }
    return undefined;
  }

  /** The caller joins the room it created (P §9.2). */
  callerJoin(room: Room, partyId: string | null, cause: RoomCause = 'transport'): Outcome<Room> {
    const active = this.requireActive(room);
    if (!active.ok) return active;
    if (room.caller.joinedAt !== null) return refuse('ALREADY_IN_ROOM_OR_JOINING', 'state', `the caller already joined room ${room.roomId}`);
    if (partyId !== null) {
      room.caller.partyId = partyId;
      this.bindParty(partyId, room.roomId);
    }
    room.timeline.push({ kind: 'action', at: this.state.now(), side: 'caller', partyId, action: 'join', cause });
    if (room.state === 'ringing' && this.busyOnJoin.has(room.roomId)) {
      room.caller.joinedAt = this.state.now();
      this.end(room, { outcome: 'busy', side: 'listener', cause, detail: `the listener ${room.listener.id} is in another call` });
      return accept(room);
    }
    if (room.state === 'created' && this.busyOnJoin.has(room.roomId)) {
      this.markCallerJoined(room);
      this.end(room, { outcome: 'busy', side: 'listener', cause, detail: `the listener ${room.listener.id} is in another call` });
      return accept(room);
    }
    this.markCallerJoined(room);
    if (room.listener.phase === 'waiting') this.startTalking(room, cause);
    return accept(room);
  }

  /**
   * The listener answers and joins (P §9.4): `hangOnVoip` for a plugin listener, then talk if the caller is in the
   * room, or a 20 s wait for it (P §9.5).
   */
  answer(room: Room, partyId: string | null, options: { cameraStatus?: 0 | 1; hangOn: boolean; cause?: RoomCause }): Outcome<Room> {
    const active = this.requireActive(room);
    if (!active.ok) return active;
    if (room.state !== 'ringing') {
      return refuse('ROOM_ID_INVALID', 'state', `room ${room.roomId} is ${room.state}, so it cannot be answered (only a ringing call can)`);
    }
    const cause = options.cause ?? 'transport';
    const listener = room.listener;
    listener.partyId = partyId;
    this.bindParty(partyId, room.roomId);
    if (options.cameraStatus !== undefined) listener.cameraStatus = options.cameraStatus;
    this.cancelTimer(room, 'ring');
    room.answeredAt = this.state.now();
    room.timeline.push({ kind: 'action', at: room.answeredAt, side: 'listener', partyId, action: 'answer', cause });
    this.setState(room, 'connecting', cause, 'the listener answered');
    listener.phase = 'joining';
    if (options.hangOn) this.notifier.event(room, 'listener', 'hangOnVoip');
    listener.joinedAt = this.state.now();
    if (room.caller.joinedAt !== null) {
      this.startTalking(room, cause);
    } else {
      listener.phase = 'waiting';
      this.setTimer(room, 'listenerWait', this.state.config.listenerWaitMs, () =>
        this.end(room, { outcome: 'aborted', side: 'listener', errMsg: LISTENER_WAIT_TIMEOUT, cause: 'timer', detail: `the caller did not join within ${this.state.config.listenerWaitMs / 1000} s` }),
      );
    }
    return accept(room);
  }

  /** The listener refuses before talking (or reports busy): `rejectVoip` (P §13.3) or the caller's `busy`. */
  reject(room: Room, partyId: string | null, options: { origin?: LocalEndOrigin; busy?: boolean; reason?: WxHangupReason; cause?: RoomCause }): Outcome<Room> {
    const active = this.requireActive(room);
    if (!active.ok) return active;
    if (room.state === 'talking') return refuse('ROOM_ID_INVALID', 'state', `room ${room.roomId} is already talking: hang up instead of rejecting`);
    if (partyId !== null && room.listener.partyId === null) room.listener.partyId = partyId;
    room.timeline.push({ kind: 'action', at: this.state.now(), side: 'listener', partyId, action: options.busy ? 'busy' : 'reject', cause: options.cause ?? 'transport' });
    this.end(room, {
      outcome: options.busy ? 'busy' : 'rejected',
      side: 'listener',
      origin: options.origin ?? 'manual',
      reason: options.reason ?? WX_HANGUP_REASON.REJECT,
      cause: options.cause ?? 'transport',
      detail: options.busy ? 'the listener reported busy' : 'the listener rejected the call',
    });
    return accept(room);
  }

  /**
   * One side ends the call: before talking the caller cancels and the listener rejects; while talking either hangs
   * up (P §5.1).
   */
  hangUp(room: Room, side: RoomSide, partyId: string | null, options: { origin?: LocalEndOrigin; reason?: WxHangupReason; cause?: RoomCause }): Outcome<Room> {
    const active = this.requireActive(room);
    if (!active.ok) return active;
    const origin = options.origin ?? 'manual';
    const cause = options.cause ?? 'transport';
    room.timeline.push({ kind: 'action', at: this.state.now(), side, partyId, action: `hangUp:${origin}`, cause });
    const common = { side, origin, cause, ...(options.reason === undefined ? {} : { reason: options.reason }) };
    if (room.state === 'talking') {
      this.end(room, { ...common, outcome: side === 'caller' ? 'hungUpByCaller' : 'hungUpByListener', detail: `the ${side} hung up (${origin})` });
    } else if (side === 'caller') {
      this.end(room, { ...common, outcome: 'cancelled', detail: `the caller cancelled before the call connected (${origin})` });
    } else {
      this.end(room, { ...common, outcome: 'rejected', detail: `the listener ended the call before it connected (${origin})` });
    }
    return accept(room);
  }

  /** One side failed locally (network, join failure, closed float ball): the room aborts (P §9.6, §13). */
  abort(room: Room, side: RoomSide, options: { errMsg: string; joinFailed?: boolean; cause?: RoomCause }): Outcome<Room> {
    const active = this.requireActive(room);
    if (!active.ok) return active;
    const cause = options.cause ?? 'transport';
    room.timeline.push({ kind: 'action', at: this.state.now(), side, partyId: endOf(room, side).partyId, action: options.joinFailed ? 'joinFail' : 'abort', cause });
    this.end(room, { outcome: 'aborted', side, errMsg: options.errMsg, joinFailed: options.joinFailed ?? false, cause, detail: `the ${side} failed: ${options.errMsg}` });
    return accept(room);
  }

  /** A party vanished (disconnected, channel closed, missed pings): every active room it acts in aborts. */
  partyVanished(party: PartyState): void {
    const roomId = party.currentRoomId;
    const room = roomId === null ? undefined : this.rooms.get(roomId);
    if (!room || room.state === 'ended') return;
    const side = this.sideOf(room, party);
    if (side === undefined || endOf(room, side).partyId !== party.partyId) return;
    this.abort(room, side, { errMsg: 'call interrupted due to native reason', cause: 'transport' });
  }

  /** Ends every active room and cancels all timers (reset, close). */
  endAll(detail: string): void {
    for (const room of this.rooms.values()) if (room.state !== 'ended') this.end(room, { outcome: 'aborted', cause: 'simulate', detail });
  }

  /** Ends a room: cancels its timers, bills the talk time and sends each side its last events. */
  end(room: Room, request: EndRequest): void {
    if (room.state === 'ended') return;
    const now = this.state.now();
    for (const timer of room.timers.values()) timer.cancel();
    room.timers.clear();
    this.callbacks.cancel(room.roomId);
    this.pendingAlert.delete(room.roomId);
    this.busyOnJoin.delete(room.roomId);
    const wasTalking = room.state === 'talking';
    room.endedAt = now;
    room.outcome = request.outcome;
    const talkMs = wasTalking && room.talkStartedAt !== null ? now - room.talkStartedAt : 0;
    const app = this.state.app(room.appId);
    room.keepTimeSec = app ? this.billing.settle(app, room.chargeType, talkMs) : Math.floor(talkMs / 1000);
    room.timeline.push({ kind: 'billing', at: now, chargeType: room.chargeType, billedSec: room.keepTimeSec });
    this.setState(room, 'ended', request.cause, request.detail, request.outcome);

    const keepTime = talkSeconds(room, now);
    for (const side of ['caller', 'listener'] as const) this.sendEndEvents(room, side, request, keepTime);
    for (const side of ['caller', 'listener'] as const) {
      const end = endOf(room, side);
      if (end.phase !== 'created' || end.partyId !== null || end.alerted.length > 0) {
        this.notifier.status(room, side, OUTCOME_STATUS[request.outcome], this.statusReason(request, side));
      }
      this.notifier.event(room, side, 'endVoip', {
        keepTime,
        callerName: room.caller.name ?? room.caller.id,
        listenerName: room.listener.name ?? room.listener.id,
        roomType: room.roomType,
        isCaller: side === 'caller',
        businessType: room.businessType ?? (room.direction === 'deviceToPhone' ? 1 : 2),
      });
      this.notifier.event(room, side, 'finishVoip', { keepTime: room.keepTimeSec });
      end.phase = 'ended';
      end.finished = true;
    }
    this.release(room);
  }

  private sendEndEvents(room: Room, side: RoomSide, request: EndRequest, keepTime: number): void {
    const mine = request.side === side;
    const origin = mine ? (request.origin ?? 'manual') : 'other';
    switch (request.outcome) {
      case 'cancelled':
        return this.notifier.event(room, side, 'cancelVoip', { status: origin });
      case 'rejected':
      case 'callbackRefused':
        return this.notifier.event(room, side, 'rejectVoip', { status: origin });
      case 'busy':
        if (side === 'caller') this.notifier.event(room, side, 'busy');
        return;
      case 'timeout':
        return side === 'caller' ? this.notifier.event(room, side, 'timeout') : this.notifier.event(room, side, 'cancelVoip', { status: 'other' });
      case 'hungUpByCaller':
      case 'hungUpByListener':
        return this.notifier.event(room, side, 'hangUpVoip', { keepTime, status: request.outcome === 'hungUpByCaller' ? 'endByCaller' : 'endByListener', origin });
      case 'timeLimit':
        return this.notifier.event(room, side, 'hangUpVoip', { keepTime, status: 'endByCaller', origin: 'timeLimit' });
      case 'aborted':
        if (mine && request.joinFailed) {
          const data = { errMsg: request.errMsg ?? 'join failed', message: request.errMsg ?? 'join failed' };
          return side === 'caller' ? this.notifier.event(room, side, 'joinFailCaller', data) : this.notifier.event(room, side, 'joinFailListener', data);
        }
        if (mine) {
          return this.notifier.event(room, side, 'abortVoip', {
            keepTime,
            status: side === 'caller' ? 'abortByCaller' : 'abortByListener',
            error: { errMsg: request.errMsg ?? ROOM_STATUS_IS_ABORT },
          });
        }
        return this.notifier.event(room, side, 'abortVoip', { keepTime, status: 'unknown', error: { errMsg: ROOM_STATUS_IS_ABORT } });
    }
  }

  private statusReason(request: EndRequest, side: RoomSide): WxHangupReason | null {
    if (request.side !== side) return null;
    if (request.reason !== undefined) return request.reason;
    if (request.outcome === 'timeout') return WX_HANGUP_REASON.TIMEOUT;
    return request.origin === undefined ? null : WX_HANGUP_REASON.MANUAL;
  }

  private ring(room: Room, alert: RoomSpec['alert']): void {
    room.ringingAt = this.state.now();
    this.setState(room, 'ringing', 'transport', alert.kind === 'none' ? 'waiting for the device to join (the developer relays the roomId)' : `listener alerted by ${alert.kind}`);
    room.listener.phase = 'ringing';
    room.listener.alerted = this.notifier.alertListener(room, alert);
    if (room.caller.joinedAt !== null) this.notifier.status(room, 'caller', WX_VOIP_STATUS.CALLING);
    this.setTimer(room, 'ring', this.state.config.ringTimeoutMs, () =>
      room.caller.joinedAt === null && PLUGIN_CALLER_ENTRIES.has(room.entry)
        ? this.endUnjoinedCaller(room)
        : this.end(room, { outcome: 'timeout', side: 'caller', cause: 'timer', detail: `no answer within ${this.state.config.ringTimeoutMs / 1000} s` }),
    );
  }

  /**
   * A plugin caller that never showed its call page never joined, so it never reached the Waiting state where `timeout`
   * and `busy` are reported (P §13.2): the room aborts on the caller's side instead [I] (ADR 0021).
   */
  private endUnjoinedCaller(room: Room): void {
    this.end(room, {
      outcome: 'aborted',
      side: 'caller',
      errMsg: CALL_PAGE_NEVER_SHOWN,
      cause: 'timer',
      detail: `the caller did not join within ${this.state.config.callerJoinTimeoutMs / 1000} s: its call page was never shown (redirectTo(CALL_PAGE_PATH) after the call, P §3.4)`,
    });
  }

  private markCallerJoined(room: Room): void {
    this.cancelTimer(room, 'callerJoin');
    room.caller.joinedAt = this.state.now();
    room.caller.phase = 'waiting';
    this.notifier.event(room, 'caller', 'joinedRoomByCaller');
    if (room.state === 'ringing') this.notifier.status(room, 'caller', WX_VOIP_STATUS.CALLING);
  }

  private startTalking(room: Room, cause: RoomCause): void {
    this.cancelTimer(room, 'listenerWait');
    room.talkStartedAt = this.state.now();
    room.caller.phase = 'talking';
    room.listener.phase = 'talking';
    this.setState(room, 'talking', cause, 'both ends are in the room');
    for (const side of ['caller', 'listener'] as const) {
      this.notifier.event(room, side, 'startVoip');
      this.notifier.status(room, side, WX_VOIP_STATUS.TALKING);
    }
    this.scheduleCalling(room);
    if (room.timeLimitSec !== null) {
      this.setTimer(room, 'timeLimit', room.timeLimitSec * 1000, () =>
        this.end(room, { outcome: 'timeLimit', cause: 'timer', detail: `the call reached its timeLimit of ${room.timeLimitSec} s` }),
      );
    }
  }

  /**
   * The 1 s `calling` tick of a talking room. Every talking room ticks, so a tick allocates only its clock entry: the
   * label and the callback are made once per call, not once per tick (issue 19, ADR 0041).
   */
  private scheduleCalling(room: Room): void {
    const label = `room:${room.roomId} calling`;
    const tick = (): void => {
      if (room.state !== 'talking') {
        room.timers.delete('calling');
        return;
      }
      // One data object for both sides' events: it is only ever serialized.
      const data = { keepTime: talkSeconds(room, this.state.now()) };
      this.notifier.event(room, 'caller', 'calling', data);
      this.notifier.event(room, 'listener', 'calling', data);
      // The fired entry is replaced in place; a tick that ended the call (a push that vanished a party) re-arms nothing.
      if (room.state === 'talking') room.timers.set('calling', this.state.clock.setTimer(this.state.config.callingIntervalMs, label, tick));
      else room.timers.delete('calling');
    };
    this.cancelTimer(room, 'calling');
    room.timers.set('calling', this.state.clock.setTimer(this.state.config.callingIntervalMs, label, tick));
  }

  private setState(room: Room, to: Room['state'], cause: RoomCause, detail: string, outcome: RoomOutcome | null = null): void {
    const entry: RoomStateEntry = { kind: 'state', at: this.state.now(), from: room.state, to, outcome, cause, detail };
    room.state = to;
    this.recordState(room, entry);
  }

  private recordState(room: Room, entry: RoomStateEntry): void {
    room.timeline.push(entry);
    for (const observer of this.stateObservers) {
      try {
        observer(room, entry);
      } catch {
        // An observer (a log line, a test probe) must not break the call.
      }
    }
  }

  private setTimer(room: Room, purpose: string, delayMs: number, run: () => void): void {
    room.timers.get(purpose)?.cancel();
    room.timers.set(
      purpose,
      this.state.clock.setTimer(delayMs, `room:${room.roomId} ${purpose}`, () => {
        room.timers.delete(purpose);
        run();
      }),
    );
  }

  private cancelTimer(room: Room, purpose: string): void {
    room.timers.get(purpose)?.cancel();
    room.timers.delete(purpose);
  }

  private requireActive(room: Room): Outcome<Room> {
    if (room.state === 'ended') return refuse('ROOM_ID_INVALID', 'state', `room ${room.roomId} already ended (${room.outcome ?? 'ended'})`);
    return accept(room);
  }

  private bindParty(partyId: string | null, roomId: string): void {
    const party = partyId === null ? undefined : this.parties.get(partyId);
    if (party) party.currentRoomId = roomId;
  }

  private release(room: Room): void {
    for (const end of [room.caller, room.listener]) {
      this.activeByMember.release(memberOf(room, end), room.roomId);
      for (const id of [end.partyId, ...end.alerted]) {
        const party = id === null ? undefined : this.parties.get(id);
        if (party?.currentRoomId === room.roomId) party.currentRoomId = null;
      }
    }
    this.ended.push(room.roomId);
    while (this.ended.length > this.keepEndedRooms) {
      const forgotten = this.rooms.get(this.ended.shift()!);
      if (forgotten) {
        this.rooms.delete(forgotten.roomId);
        this.serverTokens.delete(forgotten.serverToken);
      }
    }
  }

  private uniqueRoomId(): string {
    for (;;) {
      const id = this.state.ids.roomId();
      if (!this.rooms.has(id)) return id;
    }
  }
}

/** The call member an end of a room stands for. */
function memberOf(room: Room, end: RoomEnd): CallMember {
  return end.kind === 'user' ? { kind: 'user', appId: room.appId, openId: end.id } : { kind: 'device', sn: end.id };
}
