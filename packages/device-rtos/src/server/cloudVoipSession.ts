import {
  HangUpRoomBody,
  WX_ERROR,
  WX_HANGUP_REASON,
  WX_VOIP_STATUS,
  WX_VOIP_TERMINAL_STATUSES,
  WxCloudVoipRemoteBandwidthParams,
  WxCloudVoipSessionHangupParams,
} from '@wxvoip/contracts';
import type { DeviceStatusMessage, WxCloudVoipSessionType, WxHangupReason, WxVoipStatus } from '@wxvoip/contracts';
import type { PartyClient, PartyFailure } from '@wxvoip/party-client';
import { rtosCodeOf } from '../transport/rtosCodeOf.js';
import { sdkError, type SdkError } from '../transport/sdkError.js';

/**
 * The server SDK listener (`wx_cloudvoip_listener_t`, tag `WX_CLOUDVOIP_LISTENER_TAG`, D §2.4): `status` is called
 * with every `wx_cloudvoip_session_status_t` the session goes through (0 IDLE … 9 TIMEOUT), in order. `reason` (a
 * simulator extra) is the hang-up reason the platform records for this side when this side ended the call (its own
 * hangup reason, or TIMEOUT), `null` when the other side ended it.
 *
 * @example
 * const listener: CloudVoipListener = { status: (session, _userData, status) => console.log(session.roomId, wxVoipStatusName(status)) };
 */
export interface CloudVoipListener<TUserData = unknown> {
  /** Called for each status of the session, in order. Must not throw (a throw is caught and kept in `lastError`). */
  status(session: CloudVoipSession<TUserData>, userData: TUserData, status: WxVoipStatus, reason: WxHangupReason | null): void;
}

/** One status the session reported, with its hang-up reason. */
export interface CloudVoipStatusRecord {
  /** The `wx_cloudvoip_session_status_t` value. */
  readonly status: WxVoipStatus;
  /** This side's hang-up reason when this side ended the call, else `null`. */
  readonly reason: WxHangupReason | null;
}

/** What a session needs from the server that created it. */
export interface CloudVoipSessionHost {
  readonly client: PartyClient;
  /** Describes a failed request for `lastError`. */
  describe(failure: PartyFailure): string;
  /** Real-time interval of the session's media keep-alive (`POST /rooms/:roomId/heartbeat`); 0 disables it. */
  readonly heartbeatIntervalMs: number;
  /** The session was destroyed: the server may join another call. */
  released(session: object): void;
}

/**
 * A `wx_cloudvoip_session_t`: the vendor cloud's side of one call, created by `CloudVoipServer.sessionJoin` or
 * `cloudCallJoin`. It reports statuses to its listener, hangs up, sets the remote bandwidth and is destroyed when the
 * call is over (after which the server may join another call: one call per instance at a time).
 *
 * @example
 * const { session } = await server.sessionJoin(params, listener);
 * await session?.hangup(WX_HANGUP_REASON.MANUAL);
 * await session?.destroy();
 */
export class CloudVoipSession<TUserData = unknown> {
  /** The last failure of a session call, or `null` after a success. */
  lastError: SdkError | null = null;
  /** Every status reported so far, in order. */
  readonly statuses: CloudVoipStatusRecord[] = [];
  /** The last `set_remote_bandwidth` value accepted, in kbps, or `null`. */
  remoteBandwidthKbps: number | null = null;
  private destroyed = false;
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: CloudVoipSessionHost,
    /** The session type the call was joined with: 0 video, 1 audio. */
    readonly type: WxCloudVoipSessionType,
    private readonly room: string,
    private readonly listener: CloudVoipListener<TUserData>,
    /** The `user_data` given at join, handed back to the listener. */
    readonly userData: TUserData,
  ) {
    if (host.heartbeatIntervalMs > 0) {
      // The relay's media keep-alive, as the real SDK keeps its media session alive while the call is on.
      this.heartbeat = setInterval(() => void host.client.request('roomHeartbeat', { params: { roomId: room } }), host.heartbeatIntervalMs);
      this.heartbeat.unref();
    }
  }

  /** `wx_cloudvoip_session_get_roomid`: the room id, or `""` once the session is destroyed. */
  get roomId(): string {
    return this.destroyed ? '' : this.room;
  }

  /** The last status reported (`IDLE` before any). */
  get status(): WxVoipStatus {
    return this.statuses.at(-1)?.status ?? WX_VOIP_STATUS.IDLE;
  }

  /** Whether the call is over (a terminal status 3–9 was reported). */
  get ended(): boolean {
    return WX_VOIP_TERMINAL_STATUSES.includes(this.status);
  }

  /** Whether `destroy` was called. */
  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /**
   * `wx_cloudvoip_session_hangup(session, reason)`: ends the call from the vendor cloud's side: before the phone
   * answers a device→phone call this cancels it (CANCELED), after connect it hangs up (the phone sees
   * `hangUpVoip`). Returns `OK`, `INVALID_ARGUMENT` (undocumented reason), `FAILED_PRECONDITION` (call already over or
   * session destroyed), `-1` (the platform no longer knows the room) or a transport code.
   */
  async hangup(reason: WxHangupReason): Promise<number> {
    const parsed = WxCloudVoipSessionHangupParams.safeParse({ reason });
    if (!parsed.success) return this.fail('wx_cloudvoip_session_hangup', WX_ERROR.INVALID_ARGUMENT, parsed.error.issues[0]?.message ?? 'bad reason');
    if (this.destroyed || this.ended) return this.fail('wx_cloudvoip_session_hangup', WX_ERROR.FAILED_PRECONDITION, `the call in room ${this.room} is already over (status ${this.status}); destroy the session`);
    const body = HangUpRoomBody.parse({ origin: 'manual', reason: parsed.data.reason });
    const outcome = await this.host.client.request('hangUpRoom', { params: { roomId: this.room }, body });
    return outcome.ok ? this.ok() : this.fail('wx_cloudvoip_session_hangup', rtosCodeOf(outcome.failure), this.host.describe(outcome.failure));
  }

  /**
   * `wx_cloudvoip_session_set_remote_bandwidth(session, kbps)`: the bandwidth the phone may send. Simulated locally
   * (kept in `remoteBandwidthKbps`). Returns `OK`, `FAILED_PRECONDITION` (call over or session destroyed) or, [I] for a
   * kbps that is not a positive integer, `INVALID_ARGUMENT`.
   */
  setRemoteBandwidth(kbps: number): number {
    if (this.destroyed || this.ended) return this.fail('wx_cloudvoip_session_set_remote_bandwidth', WX_ERROR.FAILED_PRECONDITION, `the call in room ${this.room} is over (status ${this.status})`);
    const parsed = WxCloudVoipRemoteBandwidthParams.safeParse({ kbps });
    if (!parsed.success) return this.fail('wx_cloudvoip_session_set_remote_bandwidth', WX_ERROR.INVALID_ARGUMENT, parsed.error.issues[0]?.message ?? 'bad kbps');
    this.remoteBandwidthKbps = parsed.data.kbps;
    return this.ok();
  }

  /**
   * `wx_cloudvoip_session_destroy(session)`: releases the session, so the server can join another call. A call that is
   * not over yet is hung up first ([I] with reason UNKNOWN).
   */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    if (!this.ended) await this.hangup(WX_HANGUP_REASON.UNKNOWN);
    this.destroyed = true;
    this.stopHeartbeat();
    this.host.released(this);
  }

  /** Delivers a platform status to the listener (called by the server for this session's room). */
  deliver(message: DeviceStatusMessage): void {
    this.report(message.status, message.reason);
  }

  /**
   * The server SDK lost its connection to WeChat (its push channel died without a goodbye): a call in progress can no
   * longer be heard from, so it is reported 7 ABORTED, as the Linux SDK does (ADR 0011).
   */
  connectionLost(): void {
    this.report(WX_VOIP_STATUS.ABORTED, null);
  }

  private report(status: WxVoipStatus, reason: WxHangupReason | null): void {
    if (this.destroyed || this.ended) return;
    this.statuses.push({ status, reason });
    if (this.ended) this.stopHeartbeat();
    try {
      this.listener.status(this, this.userData, status, reason);
    } catch (error) {
      this.lastError = { code: WX_ERROR.INTERNAL, key: 'WXERROR_INTERNAL', message: `the status listener threw for status ${status}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private ok(): number {
    this.lastError = null;
    return WX_ERROR.OK;
  }

  private fail(call: string, code: number, detail: string): number {
    this.lastError = sdkError(call, code, detail);
    return code;
  }
}
