import {
  WX_VOIP_STATUS,
  WX_VOIP_TERMINAL_STATUSES,
  WxHangupReason,
  WxUserMember,
  WxVoipListenerJoinParams,
  roomTypeOf,
  wxVoipStatusName,
  type DeviceStatusMessage,
  type WxDeviceMember,
  type WxUserMemberInput,
  type WxVoipSessionType,
  type WxVoipStatus,
} from '@wxvoip/contracts';
import type { PartyClient, PartyResult } from '@wxvoip/party-client';
import { unwrap, type SdkCall } from '../errors/toWxError.js';
import { WxError } from '../errors/wxError.js';
import type { MediaSimulator, MediaSnapshot, VideoFrame } from '../media/mediaSimulator.js';
import type { WxOperation } from '../operation/wxOperation.js';
import type { WxVoipStatusListener } from './statusListener.js';

/** What a session needs from its device. */
export interface SessionHost {
  /** The device's party client (transport API and push channel). */
  readonly client: PartyClient;
  /** Throws `WXERROR_FAILED_PRECONDITION` when `wx_init` has not completed. */
  requireInitialised(call: string): void;
  /** Wraps work in a tracked {@link WxOperation}. */
  operation<T>(label: string, run: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): WxOperation<T>;
  /** Routes the room's statuses to the session. */
  bindRoom(roomId: string, session: VoipSession): void;
  /** Stops routing the room's statuses to the session. */
  unbindRoom(roomId: string, session: VoipSession): void;
  /** The session was destroyed. */
  sessionDestroyed(session: VoipSession): void;
  /** An SDK log line. */
  log(line: string): void;
}

/** Options of an SDK call that returns an operation. */
export interface OperationOptions {
  /** Aborting it cancels the operation (`wx_operation_cancel`). */
  readonly signal?: AbortSignal;
}

/** The statuses during which the session is in a call. */
const IN_CALL: readonly WxVoipStatus[] = [WX_VOIP_STATUS.CALLING, WX_VOIP_STATUS.TALKING];

/**
 * A `wx_voip_session_t` (D §1.5): made by `device.sessionNew`, it places calls (`call`), joins phone-initiated calls
 * (`listenerJoin`), hangs up (`hangup`) and reports each status to its listener. One call at a time; a session can be
 * reused for several calls before `destroy()`.
 */
export class VoipSession {
  private currentStatus: WxVoipStatus = WX_VOIP_STATUS.IDLE;
  private currentRoomId = '';
  private busyWith: string | undefined;
  private destroyed = false;

  constructor(
    private readonly host: SessionHost,
    /** `session_type`: 0 video, 1 audio only. */
    readonly type: WxVoipSessionType,
    /** `self_member`: the device itself. */
    readonly self: WxDeviceMember,
    private readonly listener: WxVoipStatusListener,
    private readonly mediaSimulator: MediaSimulator,
  ) {}

  /** The status of the current (or last) call; `IDLE` before any. */
  get status(): WxVoipStatus {
    return this.currentStatus;
  }

  /** True until `destroy()`. */
  get alive(): boolean {
    return !this.destroyed;
  }

  /** `wx_voip_session_get_roomid`: the room of the current (or last) call, or `""`. */
  roomId(): string {
    return this.currentRoomId;
  }

  /**
   * `wx_voip_session_call`: rings a WeChat user (D §1.5). Resolves with the roomId once the call is **placed**
   * (ringing), not answered: the listener reports CALLING, then TALKING, REJECTED, BUSY, TIMEOUT…. The dial tone plays
   * from now until the call connects or ends. Errors: FAILED_PRECONDITION (already in a call), INVALID_ARGUMENT (bad
   * openId), PERMISSION_DENIED (not authorized), UNAVAILABLE (no capability, arrears, no license), RESOURCE_EXHAUSTED
   * (network).
   *
   * @example
   * const roomId = await session.call({ id: 'openid-alice', name: 'Alice' });
   */
  call(callee: WxUserMemberInput, options: OperationOptions = {}): WxOperation<string> {
    return this.host.operation(
      'wx_voip_session_call',
      async (signal) => {
        this.enterCall('wx_voip_session_call');
        try {
          const parsed = WxUserMember.safeParse(callee);
          if (!parsed.success) throw new WxError('INVALID_ARGUMENT', `wx_voip_session_call: ${parsed.error.issues.map((i) => i.message).join('; ')}`, { cause: parsed.error });
          this.forgetRoom();
          this.currentRoomId = '';
          this.currentStatus = WX_VOIP_STATUS.IDLE;
          this.mediaSimulator.dialing();
          const created = await this.request('wx_voip_session_call', () =>
            this.host.client.request(
              'linuxSessionCall',
              {
                body: {
                  roomType: roomTypeOf(this.type),
                  callee: { id: parsed.data.id, ...(parsed.data.name === '' ? {} : { name: parsed.data.name }), cameraStatus: parsed.data.camera_status },
                  self: { cameraStatus: this.self.camera_status },
                },
              },
              {
                signal,
                // Bound before any status of the room is handed over, even one the platform pushed before answering (ADR 0026).
                adopt: (data) => {
                  this.currentRoomId = data.roomId;
                  this.host.bindRoom(data.roomId, this);
                },
              },
            ),
          );
          this.host.log(`wx_voip_session_call: call placed in room ${created.roomId}`);
          return created.roomId;
        } catch (error) {
          if (!IN_CALL.includes(this.currentStatus)) this.mediaSimulator.ended();
          throw error;
        } finally {
          this.busyWith = undefined;
        }
      },
      options.signal,
    );
  }

  /**
   * `wx_voip_listener_join(session, roomId)`: answers a phone's `callDevice` whose roomId the developer's backend
   * relayed (D §1.2). Resolves when the platform accepted the join; TALKING follows once both sides are in the room.
   *
   * @example
   * await session.listenerJoin(roomIdFromMyBackend);
   */
  listenerJoin(roomId: string, options: OperationOptions = {}): WxOperation<void> {
    return this.host.operation(
      'wx_voip_listener_join',
      async (signal) => {
        this.enterCall('wx_voip_listener_join');
        try {
          const parsed = WxVoipListenerJoinParams.safeParse({ roomid: roomId });
          if (!parsed.success) throw new WxError('INVALID_ARGUMENT', `wx_voip_listener_join: ${parsed.error.issues.map((i) => i.message).join('; ')}`, { cause: parsed.error });
          this.forgetRoom();
          this.currentStatus = WX_VOIP_STATUS.IDLE;
          this.currentRoomId = roomId;
          this.host.bindRoom(roomId, this);
          try {
            await this.request('wx_voip_listener_join', () => this.host.client.request('linuxListenerJoin', { body: { roomId, cameraStatus: this.self.camera_status } }, { signal }));
          } catch (error) {
            if (!IN_CALL.includes(this.currentStatus)) {
              this.forgetRoom();
              this.currentRoomId = '';
            }
            throw error;
          }
          this.host.log(`wx_voip_listener_join: joined room ${roomId}`);
        } finally {
          this.busyWith = undefined;
        }
      },
      options.signal,
    );
  }

  /**
   * `wx_voip_session_hangup(session, reason)`: ends the current call (D §1.5): cancels it while ringing, hangs up
   * while talking. The listener then reports the end (CANCELED, HANGUP_BY_CALLER or HANGUP_BY_CALLEE).
   *
   * @example
   * await session.hangup(WX_HANGUP_REASON.MANUAL);
   */
  hangup(reason: WxHangupReason, options: OperationOptions = {}): WxOperation<void> {
    return this.host.operation(
      'wx_voip_session_hangup',
      async (signal) => {
        this.requireAlive('wx_voip_session_hangup');
        this.host.requireInitialised('wx_voip_session_hangup');
        const parsed = WxHangupReason.safeParse(reason);
        if (!parsed.success) throw new WxError('INVALID_ARGUMENT', `wx_voip_session_hangup: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        const roomId = this.currentRoomId;
        if (roomId === '') throw new WxError('FAILED_PRECONDITION', 'wx_voip_session_hangup: this session has no call to hang up; before a session joins, refuse with device.listenerHangup(roomId, reason)');
        await this.request('wx_voip_session_hangup', () => this.host.client.request('hangUpRoom', { params: { roomId }, body: { origin: 'manual', reason: parsed.data } }, { signal }));
        this.host.log(`wx_voip_session_hangup: room ${roomId}, reason ${parsed.data}`);
      },
      options.signal,
    );
  }

  /**
   * `wx_voip_session_destroy`: releases the session. A call still running is hung up first (reason MANUAL) and its
   * end is no longer reported. Every session must be destroyed before `device.stop()`.
   */
  destroy(): void {
    if (this.destroyed) throw new WxError('FAILED_PRECONDITION', 'wx_voip_session_destroy: the session was already destroyed');
    this.destroyed = true;
    const roomId = this.currentRoomId;
    if (roomId !== '' && IN_CALL.includes(this.currentStatus)) {
      void this.host.client.request('hangUpRoom', { params: { roomId }, body: { origin: 'manual', reason: 1 } });
      this.mediaSimulator.ended();
    }
    this.forgetRoom();
    this.host.sessionDestroyed(this);
  }

  /** The session's media as of now: dial tone, speaker, microphone, camera (counts and timestamps). */
  media(): MediaSnapshot {
    return this.mediaSimulator.snapshot();
  }

  /** The uplink video frames sent so far, in order (SPS, PPS, I, P, …); empty for an audio session. */
  videoFrames(limit?: number): VideoFrame[] {
    return this.mediaSimulator.videoFrames(limit);
  }

  /** A `deviceStatus` push for this session's room (called by the device). */
  receive(message: DeviceStatusMessage): void {
    if (this.destroyed || message.roomId !== this.currentRoomId) return;
    this.currentStatus = message.status;
    if (message.status === WX_VOIP_STATUS.TALKING) this.mediaSimulator.talking();
    const terminal = WX_VOIP_TERMINAL_STATUSES.includes(message.status);
    if (terminal) {
      this.mediaSimulator.ended();
      this.host.unbindRoom(message.roomId, this);
    }
    this.host.log(`status ${message.status} ${wxVoipStatusName(message.status)} in room ${message.roomId}${message.reason === null ? '' : `, reason ${message.reason}`}`);
    const report = (error: unknown) => this.host.log(`the status listener threw: ${error instanceof Error ? error.message : String(error)}`);
    try {
      // An async listener (one that awaits a hang-up, say) returns a promise: its failure is logged, not lost.
      const returned: unknown = this.listener(message.status, { roomId: message.roomId, reason: message.reason, session: this });
      if (isThenable(returned)) returned.then(undefined, report);
    } catch (error) {
      report(error);
    }
  }

  /** The device lost the platform: a call in progress aborts (status ABORTED). */
  connectionLost(): void {
    if (!IN_CALL.includes(this.currentStatus)) return;
    this.receive({ type: 'deviceStatus', seq: 1, at: 0, roomId: this.currentRoomId, status: WX_VOIP_STATUS.ABORTED, reason: null });
  }

  private enterCall(call: string): void {
    this.requireAlive(call);
    this.host.requireInitialised(call);
    if (this.busyWith !== undefined || IN_CALL.includes(this.currentStatus)) {
      throw new WxError('FAILED_PRECONDITION', `${call}: this session is already in a call (room ${this.currentRoomId || 'being set up'}); hang it up first, or use another session`);
    }
    this.busyWith = call;
  }

  private requireAlive(call: string): void {
    if (this.destroyed) throw new WxError('FAILED_PRECONDITION', `${call}: the session was destroyed; create a new one with sessionNew`);
  }

  private forgetRoom(): void {
    if (this.currentRoomId !== '') this.host.unbindRoom(this.currentRoomId, this);
  }

  private async request<T>(call: SdkCall, send: () => Promise<PartyResult<T>>): Promise<T> {
    return unwrap(call, await send());
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
