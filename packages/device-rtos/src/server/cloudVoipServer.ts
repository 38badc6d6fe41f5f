import {
  CloudListenerHangupBody,
  WX_ERROR,
  WxCloudVoipCloudCallJoinParams,
  WxCloudVoipListenerHangupParams,
  WxCloudVoipServerInitConfig,
  WxCloudVoipSessionJoinParams,
  roomTypeOf,
} from '@wxvoip/contracts';
import type {
  PushMessage,
  WxCloudVoipCloudCallJoinParamsInput,
  WxCloudVoipListenerHangupParamsInput,
  WxCloudVoipSessionJoinParamsInput,
  WxCloudVoipSessionType,
} from '@wxvoip/contracts';
import type { PartyClient, PartyFailure, PartyResult } from '@wxvoip/party-client';
import { createPartyClient } from '../transport/createPartyClient.js';
import { failureDetail } from '../transport/failureDetail.js';
import type { PlatformClientOptions } from '../transport/platformClientOptions.js';
import { rtosCodeOf } from '../transport/rtosCodeOf.js';
import { sdkError, type SdkError } from '../transport/sdkError.js';
import { CloudVoipSession, type CloudVoipListener } from './cloudVoipSession.js';

/** Options of a {@link CloudVoipServer}: where the platform is. */
export interface CloudVoipServerOptions extends PlatformClientOptions {
  /** A label shown by the platform's inspector and journal. */
  readonly label?: string;
  /** Real-time interval of each session's media keep-alive (room heartbeat). [I] Default 10 000 ms; 0 disables it. */
  readonly heartbeatIntervalMs?: number;
}

/** [I] Default interval of a session's media keep-alive: 10 s, a third of the platform's 30 s media-silence default. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000;

/** Result of a join: the SDK's return value and, on success, the session (`wx_cloudvoip_session_t*` out). */
export interface CloudVoipJoinResult<TUserData = unknown> {
  /** `0` (WXERROR_OK), a `wx_error_t`, or a negated backend code. */
  readonly code: number;
  /** The new session, or `null` when the join failed. */
  readonly session: CloudVoipSession<TUserData> | null;
}

/** Options of {@link CloudVoipServer.listenerHangup} beyond the SDK's arguments. */
export interface ListenerHangupOptions {
  /** Report busy instead of a refusal (the phone sees `busy`). [I] The SDK has no busy reason value, so it is a flag. */
  readonly busy?: boolean;
}

/**
 * A simulator of WeChat's vendor-cloud server SDK (`cloudvoip_server.h`, D §2.4) backed by the wxvoip mock platform:
 * one instance is one server-SDK process. It joins calls with the credentials of the `iot_voip_notify` callback,
 * reports the session's statuses (0 IDLE … 9 TIMEOUT) to a listener, hangs up and refuses calls.
 *
 * **One call per instance**: the SDK is a singleton, so a second join while a session exists (until it is destroyed)
 * returns `FAILED_PRECONDITION`. Run one instance per concurrent call, as WeChat says to run one process per call.
 *
 * Every call returns the SDK's value: `0` (WXERROR_OK), a `wx_error_t`, or a negated backend code; nothing throws.
 *
 * @example
 * const server = new CloudVoipServer({ platformUrl: platform.url });
 * await server.init({ data_dir: '/var/lib/cloudvoip' });
 * const { code, session } = await server.sessionJoin(
 *   { type: 1, wxa_appid: notify.appId, device_id: message.Sn, model_id: message.ModelId, server_token: message.ServerToken, payload: message.Payload },
 *   { status: (_session, _userData, status) => console.log(wxVoipStatusName(status)) },
 * );
 */
export class CloudVoipServer {
  /** The last failure (code, catalogue key, what to do), or `null` after a success. */
  lastError: SdkError | null = null;
  /** The platform's id of this server-SDK process, once initialised. */
  partyId: string | null = null;
  private readonly client: PartyClient;
  private listening = false;
  private current: CloudVoipSession<unknown> | null = null;
  private joining = false;

  constructor(private readonly options: CloudVoipServerOptions) {
    this.client = createPartyClient(options);
  }

  /** Whether `init` succeeded (and `destroy` was not called since). */
  get initialized(): boolean {
    return this.partyId !== null;
  }

  /** The session of the call in progress, or `null` (none joined, or destroyed). */
  get session(): CloudVoipSession<unknown> | null {
    return this.current;
  }

  /**
   * `wx_init(data_dir)` of the server SDK: connects this process to the platform and opens its push channel (for the
   * statuses). Returns `OK`, `INVALID_ARGUMENT` (no data_dir), `FAILED_PRECONDITION` (already initialised) or
   * `RESOURCE_EXHAUSTED` (platform unreachable).
   */
  async init(config: { data_dir: string }): Promise<number> {
    if (this.partyId !== null) return this.fail('wx_init', WX_ERROR.FAILED_PRECONDITION, 'the server SDK is already initialised; destroy() it first');
    const parsed = WxCloudVoipServerInitConfig.safeParse(config);
    if (!parsed.success) return this.fail('wx_init', WX_ERROR.INVALID_ARGUMENT, parsed.error.issues[0]?.message ?? 'bad config');
    const outcome = await this.client.connect({ kind: 'vendorCloud', ...(this.options.label === undefined ? {} : { label: this.options.label }) });
    if (!outcome.ok) return this.failWith('wx_init', outcome.failure);
    const opened = await this.client.openChannel({ onPush: (message) => this.onPush(message), onClosed: () => this.onChannelLost() });
    if (!opened.ok) {
      await this.client.disconnect();
      return this.fail('wx_init', rtosCodeOf(opened.failure), `could not open the push channel: ${failureDetail(opened.failure, this.options.platformUrl)}`);
    }
    this.listening = true;
    this.partyId = outcome.data.party.partyId;
    return this.ok();
  }

  /**
   * `wx_cloudvoip_session_join(type, listener, user_data, wxa_appid, device_id, model_id, server_token, payload,
   * &session)`: joins a call the RTOS device placed with `client_call` (D §2.2), with the `ServerToken`, `Sn` and
   * `ModelId` of its `iot_voip_notify`. Returns `OK` and the session, `INVALID_ARGUMENT` (bad arguments, or no call
   * matches the token, appId, SN and model), `FAILED_PRECONDITION` (no init, or a session already exists) or a code.
   */
  async sessionJoin<TUserData = undefined>(params: WxCloudVoipSessionJoinParamsInput, listener: CloudVoipListener<TUserData>, userData?: TUserData): Promise<CloudVoipJoinResult<TUserData>> {
    const call = 'wx_cloudvoip_session_join';
    const parsed = WxCloudVoipSessionJoinParams.safeParse(params);
    if (!parsed.success) return { code: this.fail(call, WX_ERROR.INVALID_ARGUMENT, `bad arguments: ${issueText(parsed.error.issues)}`), session: null };
    const p = parsed.data;
    return this.join(call, p.type, listener, userData as TUserData, (adopt) =>
      this.client.request(
        'cloudSessionJoin',
        {
          body: {
            roomType: roomTypeOf(p.type),
            appId: p.wxa_appid,
            sn: p.device_id,
            modelId: p.model_id,
            serverToken: p.server_token,
            ...(p.payload === null ? {} : { payload: p.payload }),
          },
        },
        { adopt },
      ),
    );
  }

  /**
   * `wx_cloudvoip_session_cloud_call_join(type, listener, user_data, wxa_appid, server_token, roomid, session_key,
   * payload, &session)`: answers a phone→RTOS call (`callDevice({ isCloud: true })`) or joins a call started by the
   * server API `iot/voip/call` (D §2.4, §2.5), with the `RoomId`, `SessionKey` and `ServerToken` of its
   * `iot_voip_notify`. Returns `OK` and the session, `INVALID_ARGUMENT` (bad arguments or credentials),
   * `FAILED_PRECONDITION` (no init, or a session already exists), `-1` (the call is not ringing any more) or a code.
   */
  async cloudCallJoin<TUserData = undefined>(params: WxCloudVoipCloudCallJoinParamsInput, listener: CloudVoipListener<TUserData>, userData?: TUserData): Promise<CloudVoipJoinResult<TUserData>> {
    const call = 'wx_cloudvoip_session_cloud_call_join';
    const parsed = WxCloudVoipCloudCallJoinParams.safeParse(params);
    if (!parsed.success) return { code: this.fail(call, WX_ERROR.INVALID_ARGUMENT, `bad arguments: ${issueText(parsed.error.issues)}`), session: null };
    const p = parsed.data;
    return this.join(call, p.type, listener, userData as TUserData, (adopt) =>
      this.client.request(
        'cloudCallJoin',
        {
          body: {
            roomType: roomTypeOf(p.type),
            appId: p.wxa_appid,
            roomId: p.roomid,
            serverToken: p.server_token,
            sessionKey: p.session_key,
            ...(p.payload === null ? {} : { payload: p.payload }),
          },
        },
        { adopt },
      ),
    );
  }

  /**
   * `wx_cloudvoip_listener_hangup(wxa_appid, device_id, model_id, server_token, payload, reason)`: refuses a
   * phone→RTOS call, or reports busy (`{ busy: true }`), before any session exists (D §2.4, §2.5). The phone sees
   * `rejectVoip` (or `busy`). Returns `OK`, `INVALID_ARGUMENT` (bad arguments, or no phone→device call matches),
   * `FAILED_PRECONDITION` (no init), `-1` (the call is already over) or a transport code.
   */
  async listenerHangup(params: WxCloudVoipListenerHangupParamsInput, options: ListenerHangupOptions = {}): Promise<number> {
    const call = 'wx_cloudvoip_listener_hangup';
    if (this.partyId === null) return this.notInitialised(call);
    const parsed = WxCloudVoipListenerHangupParams.safeParse(params);
    if (!parsed.success) return this.fail(call, WX_ERROR.INVALID_ARGUMENT, `bad arguments: ${issueText(parsed.error.issues)}`);
    const p = parsed.data;
    const body = CloudListenerHangupBody.parse({
      appId: p.wxa_appid,
      sn: p.device_id,
      modelId: p.model_id,
      serverToken: p.server_token,
      ...(p.payload === null ? {} : { payload: p.payload }),
      reason: p.reason,
      busy: options.busy ?? false,
    });
    const outcome = await this.client.request('cloudListenerHangup', { body });
    return outcome.ok ? this.ok() : this.failWith(call, outcome.failure);
  }

  /**
   * Stops this server-SDK process: destroys the session (hanging up a call in progress), closes the push channel and
   * disconnects from the platform.
   */
  async destroy(): Promise<void> {
    await this.current?.destroy();
    this.listening = false;
    await this.client.disconnect();
    this.partyId = null;
  }

  private async join<TUserData>(
    call: string,
    type: WxCloudVoipSessionType,
    listener: CloudVoipListener<TUserData>,
    userData: TUserData,
    send: (adopt: (data: { room: { roomId: string } }) => void) => Promise<PartyResult<{ room: { roomId: string } }>>,
  ): Promise<CloudVoipJoinResult<TUserData>> {
    if (this.partyId === null) return { code: this.notInitialised(call), session: null };
    if (this.current !== null || this.joining) {
      const busyWith = this.current === null ? 'another join is in progress' : `session of room ${this.current.roomId} still exists`;
      return { code: this.fail(call, WX_ERROR.FAILED_PRECONDITION, `one call per server-SDK instance: the ${busyWith}; destroy it first, or use another CloudVoipServer (one process per call)`), session: null };
    }
    this.joining = true;
    // The session is bound in `adopt`: before the party client hands over any status of its room, whichever of the
    // answer and the first status reached this process first (ADR 0026).
    const bound: { session?: CloudVoipSession<TUserData> } = {};
    let outcome: PartyResult<{ room: { roomId: string } }>;
    try {
      outcome = await send((data) => {
        const session = new CloudVoipSession<TUserData>(
          { client: this.client, describe: (failure) => failureDetail(failure, this.options.platformUrl), heartbeatIntervalMs: this.options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS, released: (s) => this.released(s) },
          type,
          data.room.roomId,
          listener,
          userData,
        );
        bound.session = session;
        this.current = session as CloudVoipSession<unknown>;
      });
    } finally {
      this.joining = false;
    }
    if (!outcome.ok) return { code: this.failWith(call, outcome.failure), session: null };
    if (bound.session === undefined) return { code: this.fail(call, WX_ERROR.INTERNAL, 'the platform accepted the join but the party client adopted no answer'), session: null };
    this.ok();
    return { code: WX_ERROR.OK, session: bound.session };
  }

  /** The push channel closed without `destroy()`: the platform is out of reach, so a call in progress is lost. */
  private onChannelLost(): void {
    if (!this.listening) return;
    this.listening = false;
    this.current?.connectionLost();
  }

  private released(session: object): void {
    if (this.current === session) this.current = null;
  }

  private onPush(message: PushMessage): void {
    if (message.type !== 'deviceStatus') return;
    if (this.current !== null && this.current.roomId === message.roomId) this.current.deliver(message);
  }

  private notInitialised(call: string): number {
    return this.fail(call, WX_ERROR.FAILED_PRECONDITION, 'the server SDK is not initialised: call init (wx_init) first');
  }

  private ok(): number {
    this.lastError = null;
    return WX_ERROR.OK;
  }

  private fail(call: string, code: number, detail: string): number {
    this.lastError = sdkError(call, code, detail);
    return code;
  }

  private failWith(call: string, failure: PartyFailure): number {
    return this.fail(call, rtosCodeOf(failure), failureDetail(failure, this.options.platformUrl));
  }
}

function issueText(issues: readonly { path: readonly (string | number)[]; message: string }[]): string {
  const issue = issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.join('.') || 'arguments'}: ${issue.message}`;
}
