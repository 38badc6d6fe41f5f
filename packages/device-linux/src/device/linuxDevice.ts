import {
  WX_CAMERA_STATUS,
  WX_VOIP_SESSION_TYPE,
  WxInitConfig,
  WxVoipListenerHangupParams,
  WxVoipSessionNewParams,
  envVersionOf,
  type ByeReason,
  type PushMessage,
  type WxDeviceMemberInput,
  type WxHangupReason,
  type WxInitConfigInput,
  type WxVoipSessionType,
} from '@wxvoip/contracts';
import { PartyClient, type ChannelCloseReason, type FetchLike, type PartyResult, type WebSocketConstructorLike } from '@wxvoip/party-client';
import { toWxError, unwrap, type SdkCall } from '../errors/toWxError.js';
import { WxError } from '../errors/wxError.js';
import { MediaSimulator, type MediaEvent } from '../media/mediaSimulator.js';
import { cameraConfigProblem, downlinkVideoOf, type CameraConfig } from '../media/mediaRules.js';
import NodeWebSocket from 'ws';
import { WxOperation, type OperationTracker } from '../operation/wxOperation.js';
import type { OperationOptions, SessionHost } from '../session/voipSession.js';
import { VoipSession } from '../session/voipSession.js';
import type { WxVoipStatusListener } from '../session/statusListener.js';
import { DataDir } from '../storage/dataDir.js';
import { MAX_CLOCK_SKEW_MS, clockSkewMs } from './clockSkew.js';

/** Options of a {@link LinuxDevice}: where the platform is, and the device's environment. */
export interface LinuxDeviceOptions {
  /** Base URL of the mock platform, e.g. `http://127.0.0.1:4123` (what `wxvoip-mock` prints). */
  readonly platformUrl: string;
  /** Tenant namespace of the platform (`x-wxvoip-namespace`), for tests running in parallel. Default: none. */
  readonly namespace?: string;
  /** The device's local clock in ms since the epoch. Default `Date.now`. Inject one to test the clock-skew refusal. */
  readonly now?: () => number;
  /** Clock skew `wx_init` tolerates. Default 5000 ms (D §1.1). */
  readonly maxClockSkewMs?: number;
  /** SDK version reported to the platform (hex, e.g. `0xD5000088`: license billing needs at least that). Default: none (new enough). */
  readonly sdkVersion?: string;
  /** Receives the SDK's log lines (`log_dir` of the C SDK). Default: discarded. */
  readonly log?: (line: string) => void;
  /** The fetch to use. Default: the party client's `defaultFetch` (`node:http` while the global `fetch` is Node's own, else the global `fetch`). */
  readonly fetch?: FetchLike;
  /**
   * The WHATWG WebSocket class of the push channel. Default: the `ws` package's. Pass `globalThis.WebSocket` to run
   * in-process through msw (it intercepts the global class, not `ws`), or a browser's / Node 22's own.
   *
   * @example
   * new LinuxDevice({ platformUrl: platform.url, WebSocket: globalThis.WebSocket });
   */
  readonly WebSocket?: WebSocketConstructorLike;
}

/** Arguments of {@link LinuxDevice.sessionNew}: `wx_voip_session_new(session_type, SCENE_IOT, listener, user_data, self_member, config)`. */
export interface SessionNewArgs {
  /** `WX_VOIP_SESSION_TYPE.VIDEO` (0) or `.AUDIO` (1). */
  readonly session_type: WxVoipSessionType;
  /** The status callback. */
  readonly listener: WxVoipStatusListener;
  /** The device as a member: `id` must be the `device_id` of init. Default `{ name: '', id: device_id, camera_status: OPEN }`. */
  readonly self_member?: WxDeviceMemberInput;
  /** Camera settings of a video session (uplink picture). Audio sessions take none (`{0,0,0}` in C). Default 640x480 at 15 fps. */
  readonly camera?: CameraConfig;
  /** Media open/close notices (dial tone, speaker, microphone, camera), with local timestamps. */
  readonly onMedia?: (event: MediaEvent) => void;
}

/** Why the device went offline, as `onDisconnected` reports it. */
export type DisconnectReason = ByeReason | 'lost';

interface Online {
  readonly config: WxInitConfig;
  readonly dataDir: DataDir;
  readonly partyId: string;
}

/** Default uplink camera of a video session [I]: 640x480 at 15 fps, a typical size (D §1.7). */
const DEFAULT_CAMERA: CameraConfig = { width: 640, height: 480, fps: 15 };

/**
 * A simulated Linux device running WeChat's VoIP SDK (D §1), talking to the mock platform over HTTP and a WebSocket.
 * The C calls map one to one: `wx_init` → {@link LinuxDevice.init}, `wx_device_is_registered` →
 * {@link LinuxDevice.deviceIsRegistered}, `wx_device_register` → {@link LinuxDevice.deviceRegister},
 * `wx_voip_session_new` → {@link LinuxDevice.sessionNew}, `wx_voip_listener_hangup` → {@link LinuxDevice.listenerHangup},
 * `wx_stop` → {@link LinuxDevice.stop}. Results are `wx_error_t` codes: failures reject (or throw) a {@link WxError}.
 *
 * @example
 * const device = new LinuxDevice({ platformUrl: 'http://127.0.0.1:4123' });
 * await device.init({ data_dir: './data', device_id: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', wxa_appid: 'wx_demo_app' });
 */
export class LinuxDevice implements OperationTracker {
  private readonly client: PartyClient;
  private readonly host: SessionHost;
  private readonly now: () => number;
  private online: Online | undefined;
  private initialising = false;
  private readonly sessions = new Set<VoipSession>();
  private readonly rooms = new Map<string, VoipSession>();
  private readonly liveOperations = new Set<WxOperation<unknown>>();
  private readonly disconnectListeners = new Set<(reason: DisconnectReason) => void>();

  constructor(private readonly options: LinuxDeviceOptions) {
    this.client = new PartyClient({
      baseUrl: options.platformUrl,
      namespace: options.namespace,
      fetch: options.fetch,
      WebSocket: options.WebSocket ?? (NodeWebSocket as unknown as WebSocketConstructorLike),
    });
    this.now = options.now ?? Date.now;
    this.host = {
      client: this.client,
      requireInitialised: (call) => void this.require(call),
      operation: (label, run, signal) => this.operation(label, run, signal),
      bindRoom: (roomId, session) => {
        this.rooms.set(roomId, session);
      },
      unbindRoom: (roomId, session) => {
        if (this.rooms.get(roomId) === session) this.rooms.delete(roomId);
      },
      sessionDestroyed: (session) => this.sessions.delete(session),
      log: (line) => this.log(line),
    };
  }

  /** True between a successful `init` and `stop` (or the platform dropping the device). */
  get initialised(): boolean {
    return this.online !== undefined;
  }

  /** The parsed `wx_init_config_t`, once initialised. */
  get config(): WxInitConfig | undefined {
    return this.online?.config;
  }

  /** The platform's id of this device's connection (diagnostics), once initialised. */
  get partyId(): string | undefined {
    return this.online?.partyId;
  }

  /** Pings answered on the push channel so far (diagnostics). */
  get pongsSent(): number {
    return this.online === undefined ? 0 : this.client.pongsSent;
  }

  /**
   * `wx_init` (D §1.3): checks the config, prepares `data_dir`, connects to the platform and checks the clock.
   * Errors: INVALID_ARGUMENT (bad config), FAILED_PRECONDITION (called twice; unknown app; local clock more than 5 s
   * off the platform's: "Found local timestamp incorrect"), INVALID_DEVICEID (`data_dir` holds the registration of
   * another SN, model or app: D §1.4, §10.3), RESOURCE_EXHAUSTED (no network, or `data_dir` not writable).
   *
   * @example
   * await device.init({ data_dir: '/var/lib/doorbell', device_id: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', wxa_appid: 'wx_demo_app', wxa_flavor: 1 });
   */
  init(config: WxInitConfigInput, options: OperationOptions = {}): WxOperation<void> {
    return this.operation('wx_init', (signal) => this.runInit(config, signal), options.signal);
  }

  /**
   * `wx_device_is_registered` (D §1.4): whether `data_dir` holds this device's registration. Throws
   * FAILED_PRECONDITION before `init`.
   */
  deviceIsRegistered(): boolean {
    const online = this.require('wx_device_is_registered');
    const stored = online.dataDir.registration();
    return stored !== undefined && stored.appId === online.config.wxa_appid && stored.modelId === online.config.model_id && stored.sn === online.config.device_id;
  }

  /**
   * `wx_device_register(sn_ticket)` (D §1.4): registers the device once in its life with the snTicket the developer's
   * backend fetched, and writes the registration to `data_dir`. Errors: ALREADY_EXISTS (registered before),
   * INVALID_ARGUMENT (ticket invalid or expired), PERMISSION_DENIED (the SN is registered by another device),
   * UNAVAILABLE (network), DATA_LOSS (could not write `data_dir`), FAILED_PRECONDITION (no init).
   *
   * @example
   * if (!device.deviceIsRegistered()) await device.deviceRegister(snTicketFromMyBackend);
   */
  deviceRegister(snTicket: string, options: OperationOptions = {}): WxOperation<void> {
    return this.operation(
      'wx_device_register',
      async (signal) => {
        const online = this.require('wx_device_register');
        if (typeof snTicket !== 'string' || snTicket.length === 0) {
          throw new WxError('INVALID_ARGUMENT', 'wx_device_register: sn_ticket is empty; have your backend fetch one with POST /wxa/getsnticket (valid 5 minutes)');
        }
        if (this.deviceIsRegistered()) {
          throw new WxError('ALREADY_EXISTS', `wx_device_register: ${online.config.device_id} is already registered (${online.dataDir.path}); check deviceIsRegistered() first`);
        }
        let result;
        try {
          result = await this.request('wx_device_register', () => this.client.request('registerDevice', { body: { snTicket } }, { signal }));
        } catch (error) {
          if (error instanceof WxError && error.errorName === 'PERMISSION_DENIED') {
            // D §1.4: errcode 9 at registration means the SN is bound to another physical device. Name the way out.
            throw new WxError(
              'PERMISSION_DENIED',
              `${error.message.replace(/^\[wxvoip\/device-linux\] \S+: /, '')}. ${online.config.device_id} is registered by another physical device, or by this one before its data_dir was wiped ("losing it cannot be recovered", D §1.3): give this device its own SN; on the mock platform, POST /__admin/devices/${online.config.device_id}/unregister frees the SN`,
              { cause: error, ...(error.key === undefined ? {} : { key: error.key }), ...(error.domain === undefined ? {} : { domain: error.domain }), ...(error.platformCode === undefined ? {} : { platformCode: error.platformCode }) },
            );
          }
          throw error;
        }
        const { registration } = result;
        try {
          online.dataDir.saveRegistration({
            appId: registration.appId ?? online.config.wxa_appid,
            modelId: registration.modelId ?? online.config.model_id,
            sn: registration.sn,
            registeredAt: registration.registeredAt ?? this.now(),
          });
        } catch (cause) {
          throw new WxError('DATA_LOSS', `wx_device_register: the platform registered ${registration.sn} but ${online.dataDir.path} could not be written (${(cause as Error).message}); make data_dir writable and persistent`, { cause });
        }
        if (result.alreadyRegistered) {
          throw new WxError('ALREADY_EXISTS', `wx_device_register: the platform says ${registration.sn} is already registered by this device; its registration is now in ${online.dataDir.path}`);
        }
        this.log(`wx_device_register: registered ${registration.sn} (${registration.modelId ?? ''}) with ${registration.appId ?? ''}`);
      },
      options.signal,
    );
  }

  /**
   * `wx_voip_session_new` (D §1.5): a session for calls, with its status listener. Throws INVALID_ARGUMENT (bad
   * arguments), OUT_OF_RANGE (camera size or rate outside the rules) or FAILED_PRECONDITION (no init).
   *
   * @example
   * const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: (status) => console.log(status) });
   */
  sessionNew(args: SessionNewArgs): VoipSession {
    const online = this.require('wx_voip_session_new');
    const parsed = WxVoipSessionNewParams.safeParse({ session_type: args.session_type, self_member: args.self_member ?? { id: online.config.device_id } });
    if (!parsed.success) throw new WxError('INVALID_ARGUMENT', `wx_voip_session_new: ${parsed.error.issues.map((i) => i.message).join('; ')}`, { cause: parsed.error });
    if (parsed.data.self_member.id !== online.config.device_id) {
      throw new WxError('INVALID_ARGUMENT', `wx_voip_session_new: self_member.id must be the device_id of wx_init (${online.config.device_id}), got ${parsed.data.self_member.id}`);
    }
    if (typeof args.listener !== 'function') throw new WxError('INVALID_ARGUMENT', 'wx_voip_session_new: listener must be a function (status, detail) => void');
    const video = parsed.data.session_type === WX_VOIP_SESSION_TYPE.VIDEO;
    if (!video && args.camera !== undefined) throw new WxError('INVALID_ARGUMENT', 'wx_voip_session_new: an audio-only session takes no camera config ({0,0,0} in C)');
    const camera = video ? (args.camera ?? (online.config.h265_only ? { ...DEFAULT_CAMERA, codec: 'h265' as const } : DEFAULT_CAMERA)) : undefined;
    const problem = camera === undefined ? undefined : cameraConfigProblem(camera, online.config.h265_only);
    if (problem !== undefined) throw new WxError('OUT_OF_RANGE', `wx_voip_session_new: ${problem}`);
    const media = new MediaSimulator(this.now, camera, video ? downlinkVideoOf(online.config) : undefined, args.onMedia);
    const self = video ? parsed.data.self_member : { ...parsed.data.self_member, camera_status: WX_CAMERA_STATUS.CLOSE };
    const session = new VoipSession(this.host, parsed.data.session_type, self, args.listener, media);
    this.sessions.add(session);
    return session;
  }

  /**
   * `wx_voip_listener_hangup(roomId, reason)` (D §1.2): refuses a phone's call, or reports busy (`{ busy: true }`),
   * **before** a session exists; only `init` is needed. After joining, use `session.hangup`.
   *
   * @example
   * await device.listenerHangup(roomId, WX_HANGUP_REASON.REJECT);
   */
  listenerHangup(roomId: string, reason: WxHangupReason, options: OperationOptions & { readonly busy?: boolean } = {}): WxOperation<void> {
    return this.operation(
      'wx_voip_listener_hangup',
      async (signal) => {
        this.require('wx_voip_listener_hangup');
        const parsed = WxVoipListenerHangupParams.safeParse({ roomid: roomId, reason });
        if (!parsed.success) throw new WxError('INVALID_ARGUMENT', `wx_voip_listener_hangup: ${parsed.error.issues.map((i) => i.message).join('; ')}`, { cause: parsed.error });
        await this.request('wx_voip_listener_hangup', () =>
          this.client.request('linuxListenerHangup', { body: { roomId, reason: parsed.data.reason, busy: options.busy ?? false } }, { signal }),
        );
        this.log(`wx_voip_listener_hangup: room ${roomId}, reason ${reason}${options.busy ? ' (busy)' : ''}`);
      },
      options.signal,
    );
  }

  /**
   * `wx_stop` (D §1.5): disconnects from the platform. Every session must be destroyed first (FAILED_PRECONDITION
   * otherwise); operations never awaited, cancelled or destroyed are logged as "Detected memory leak: wx_operation".
   * Afterwards `init` may run again, from scratch.
   */
  async stop(): Promise<void> {
    this.require('wx_stop');
    const alive = [...this.sessions].filter((s) => s.alive);
    if (alive.length > 0) throw new WxError('FAILED_PRECONDITION', `wx_stop: ${alive.length} session(s) still alive; destroy() every session before stop()`);
    for (const operation of this.liveOperations) this.log(`Detected memory leak: wx_operation (${operation.label}): await, wait, cancel or destroy every operation`);
    this.online = undefined;
    this.rooms.clear();
    await this.client.disconnect();
  }

  /** Operations neither awaited, waited, cancelled nor destroyed (what `stop()` reports as leaks). */
  unreleasedOperations(): string[] {
    return [...this.liveOperations].map((op) => op.label);
  }

  /**
   * Calls `listener` when the platform drops the device (`bye` with its reason, or a lost socket). A call in progress
   * has already been reported ABORTED. The device is no longer initialised: `stop()` is not needed, `init()` reconnects.
   */
  onDisconnected(listener: (reason: DisconnectReason) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  /** @internal OperationTracker: an operation started. */
  opened(operation: WxOperation<unknown>): void {
    this.liveOperations.add(operation);
  }

  /** @internal OperationTracker: an operation was released. */
  released(operation: WxOperation<unknown>): void {
    this.liveOperations.delete(operation);
  }

  private async runInit(input: WxInitConfigInput, signal: AbortSignal): Promise<void> {
    if (this.online !== undefined || this.initialising) throw new WxError('FAILED_PRECONDITION', 'wx_init was called twice: call stop() first to initialise again');
    const parsed = WxInitConfig.safeParse(input);
    if (!parsed.success) throw new WxError('INVALID_ARGUMENT', `wx_init: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}`, { cause: parsed.error });
    const config = parsed.data;
    this.initialising = true;
    try {
      const dataDir = new DataDir(config.data_dir);
      const stored = dataDir.registration();
      if (stored !== undefined && (stored.sn !== config.device_id || stored.modelId !== config.model_id || stored.appId !== config.wxa_appid)) {
        // The registration in data_dir binds this device to (appId, modelId, SN) for good (D §1.4, §10.3).
        throw new WxError(
          'INVALID_DEVICEID',
          `wx_init: data_dir ${config.data_dir} holds the registration of ${stored.sn} (${stored.modelId}, ${stored.appId}); a device's registration never changes (D §1.4), so it cannot start as ${config.device_id} (${config.model_id}, ${config.wxa_appid}). Start with device_id ${stored.sn}, or give the new device its own data_dir`,
        );
      }
      let hardwareId: string;
      try {
        hardwareId = dataDir.deviceKey();
      } catch (cause) {
        throw new WxError('RESOURCE_EXHAUSTED', `wx_init: data_dir ${config.data_dir} cannot be written (${(cause as Error).message}); give the SDK a writable, persistent directory`, { cause });
      }
      const sentAt = this.now();
      const connected = await this.request('wx_init', () =>
        this.client.connect(
          {
            kind: 'linuxDevice',
            appId: config.wxa_appid,
            sn: config.device_id,
            modelId: config.model_id,
            flavor: envVersionOf(config.wxa_flavor),
            hardwareId,
            ...(this.options.sdkVersion === undefined ? {} : { sdkVersion: this.options.sdkVersion }),
          },
          { signal },
        ),
      );
      const skew = clockSkewMs({ sentAt, receivedAt: this.now(), serverTime: connected.serverTime });
      const tolerance = this.options.maxClockSkewMs ?? MAX_CLOCK_SKEW_MS;
      if (Math.abs(skew) > tolerance) {
        this.log('Found local timestamp incorrect');
        await this.client.disconnect();
        throw new WxError(
          'FAILED_PRECONDITION',
          `wx_init: Found local timestamp incorrect: the local clock is ${Math.abs(skew)} ms ${skew > 0 ? 'ahead of' : 'behind'} the platform's (at most ${tolerance} ms allowed); set the system clock (NTP) and init again`,
        );
      }
      const opened = await this.client.openChannel({ onPush: (message) => this.route(message), onClosed: (reason) => this.dropped(reason) }, { signal });
      if (!opened.ok) {
        await this.client.disconnect();
        if (signal.aborted) throw new WxError('CANCELLED', 'wx_init was cancelled');
        throw toWxError('wx_init', opened.failure);
      }
      this.online = { config, dataDir, partyId: connected.party.partyId };
      this.log(`wx_init: ${config.device_id} (${config.model_id}) online as ${connected.party.partyId}, clock skew ${skew} ms`);
    } finally {
      this.initialising = false;
    }
  }

  /**
   * A push for this device. Linux devices get only `deviceStatus` (D §0.2). The party client hands a status over only
   * after the answer that names its room was adopted (ADR 0026), so a status for a room no session has is not ours.
   */
  private route(message: PushMessage): void {
    if (message.type !== 'deviceStatus') return;
    const session = this.rooms.get(message.roomId);
    if (session) session.receive(message);
    else this.log(`status ${message.status} for room ${message.roomId}, which no session has: ignored`);
  }

  private dropped(closed: ChannelCloseReason): void {
    if (this.online === undefined) return;
    const reason: DisconnectReason = closed === 'refused' || closed === 'unreachable' || closed === 'cancelled' ? 'lost' : closed;
    this.log(`the platform dropped the device (${reason})`);
    this.online = undefined;
    for (const session of this.sessions) if (session.alive) session.connectionLost();
    this.rooms.clear();
    for (const listener of this.disconnectListeners) listener(reason);
  }

  private require(call: string): Online {
    if (this.online === undefined) throw new WxError('FAILED_PRECONDITION', `${call}: wx_init has not completed (or the device was stopped or dropped); await device.init(config) first`);
    return this.online;
  }

  private operation<T>(label: string, run: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): WxOperation<T> {
    return new WxOperation(label, run, { signal, tracker: this });
  }

  private async request<T>(call: SdkCall, send: () => Promise<PartyResult<T>>): Promise<T> {
    return unwrap(call, await send());
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

}
