import {
  BUSINESS_TYPES,
  CALL_PAGE_PATH,
  CallDeviceRequest,
  CallWmpfRequest,
  CustomBtnText,
  ForceHangUpVoipRequest,
  GetIotBindContactListRequest,
  InitByCallerRequest,
  LATEST_PLUGIN_VERSION,
  makeInitByCallerFailure,
  parseWmpfCallPagePath,
  PushMessage,
  SetUIConfigRequest,
  SetVoipEndPagePathRequest,
  findError,
  type ConnectPartyRequestInput,
  type DeviceTokenData,
  type EnvVersion,
  type GetIotBindContactListResult,
  type IncomingCallMessage,
  type InitByCallerResult,
  type PageQuery,
  type PluginEnterOptions,
  type PushTokenData,
  type RegistrationMode,
  type RouteType,
  type SetUIConfigRequest as SetUIConfigValue,
  type VoipError,
  type VoipEvent,
  type VoipEventListener,
  type VoipEventUnsubscribe,
  type WechatReminderNotice,
} from '@wxvoip/contracts';
import { createHttpTransport } from '../transport/createHttpTransport.js';
import { PlatformClient, type PlatformFailure, type PlatformResult } from '../transport/platformClient.js';
import type { PushChannel, SimulatorTransport } from '../transport/simulatorTransport.js';
import type { CallPageNavigation, CallPageState, CallPhase, CallSide, EndPageOutcome } from './callPageControl.js';
import { invalidArguments, legacyError, pluginError, voipErrorOf, type ArgumentIssue } from './pluginErrors.js';
import { DEFAULT_HISTORY_LIMIT, forgetOldest, pushBounded } from './boundedHistory.js';
import { DEFAULT_ENTER_OPTIONS, IN_PROCESS_PLATFORM_URL, type WmpfVoipSimulatorOptions } from './simulatorOptions.js';
import { VersionGate } from './versionBehaviour.js';
import type { ReceivedWmpfPush } from './wmpfHostControl.js';

/** A phone reminder of an incoming call (P §9.1): the room and what WeChat showed. */
export interface IncomingReminder {
  /** The call's roomId. */
  readonly roomId: string;
  /** What the reminder showed (caller, room type, build, custom query). */
  readonly notice: WechatReminderNotice;
}

/** An end page set with `setVoipEndPagePath`, after version rules. */
interface EndPage {
  readonly url: string;
  readonly options: string | undefined;
  readonly routeType: RouteType;
}

/** The plugin's current call. */
interface CallRecord {
  readonly roomId: string;
  readonly side: CallSide;
  phase: CallPhase;
  joinRequested: boolean;
  readonly callerId: string;
  readonly listenerId: string;
  readonly uiConfig: Partial<SetUIConfigValue> | null;
}

/** The call page instance. */
interface PageRecord {
  open: boolean;
  roomId: string | null;
  summary: boolean;
  customBoxOpen: boolean;
  query: PageQuery;
}

/** What a safeParse gives back, as far as the simulator reads it. */
type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: ArgumentIssue[] } };

/** Rooms whose early events are kept before the creating request answers. */
const MAX_EARLY_ROOMS = 16;

const CLOSED_PAGE: PageRecord = { open: false, roomId: null, summary: false, customBoxOpen: false, query: {} };

/** `a=1&b=2` → `{ a: '1', b: '2' }`. */
function parseQueryString(text: string): PageQuery {
  const query: PageQuery = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      query[decodeURIComponent(key)] = decodeURIComponent(value);
    } catch {
      query[key] = value;
    }
  }
  return query;
}

/** Whether a URL is the plugin call page (with or without a query). */
export function isCallPageUrl(url: string): boolean {
  return url === CALL_PAGE_PATH || url.startsWith(`${CALL_PAGE_PATH}?`);
}

/**
 * The wmpf-voip plugin simulated on top of the mock platform (ADR 0009). The platform owns rooms, timers and the
 * event sequences; this class adds what the plugin does locally: argument validation with the contracts' schemas,
 * host and busy checks, version behaviour, the call page and its navigation, event delivery to `onVoipEvent`
 * listeners, and `initByCaller`'s two failure modes. Its runtime uses no Node built-ins.
 */
export class PluginSimulator {
  readonly host: 'wechat' | 'wmpf';
  readonly gate: VersionGate;
  readonly envVersion: EnvVersion;
  readonly registrationMode: RegistrationMode | undefined;
  private readonly client: PlatformClient;
  private readonly transport: SimulatorTransport;
  private channel: PushChannel | undefined;
  private helloSeen = false;
  private partyIdValue = '';
  private lastSeqValue = 0;
  private connectedValue = false;
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly listeners = new Set<VoipEventListener<VoipEvent>>();
  private readonly deliveredEvents: VoipEvent[] = [];
  private readonly knownRooms = new Set<string>();
  private readonly early = new Map<string, VoipEvent[]>();
  private call: CallRecord | undefined;
  private placing = false;
  private page: PageRecord = { ...CLOSED_PAGE };
  private readonly navigationLog: CallPageNavigation[] = [];
  private readonly endPageLog: EndPageOutcome[] = [];
  private readonly incoming = new Map<string, { via: 'wechatReminder' | 'wmpfPush'; ended: boolean; callerId: string; listenerId: string; query: PageQuery }>();
  private readonly reminderLog: IncomingReminder[] = [];
  private readonly reminderListeners = new Set<(reminder: IncomingReminder) => void>();
  private readonly pushLog: ReceivedWmpfPush[] = [];
  private readonly pushListeners = new Set<(push: ReceivedWmpfPush) => void>();
  private uiConfigValue: Partial<SetUIConfigValue> | null = null;
  private btnText: string | null = null;
  private readonly endPages = new Map<'Call' | 'BindContact', EndPage>();
  private enterOptions: PluginEnterOptions;
  private onloadOptions: PageQuery = {};
  private running: boolean;
  private readonly historyLimit: number;

  constructor(private readonly options: WmpfVoipSimulatorOptions) {
    this.historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    if (!Number.isInteger(this.historyLimit) || this.historyLimit < 1) throw new RangeError(`[wxvoip] historyLimit must be a positive integer, got ${String(options.historyLimit)}`);
    this.host = options.host;
    this.gate = new VersionGate(options.pluginVersion ?? LATEST_PLUGIN_VERSION);
    this.envVersion = options.envVersion ?? 'release';
    this.registrationMode = options.host === 'wmpf' ? (options.registrationMode ?? 'wmpf') : undefined;
    const platform = options.platform ?? IN_PROCESS_PLATFORM_URL;
    const baseUrl = typeof platform === 'string' ? platform : platform.url;
    this.transport =
      options.transport ??
      createHttpTransport({ baseUrl, ...(options.fetch === undefined ? {} : { fetch: options.fetch }), ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }) });
    this.client = new PlatformClient(this.transport, options.namespace);
    this.enterOptions = options.enterOptions ?? DEFAULT_ENTER_OPTIONS;
    this.running = options.running ?? true;
  }

  // ----- connection -------------------------------------------------------------------------------------------

  /** Connects to the platform as a plugin party and opens the push channel; resolves after its `hello`. */
  async connect(): Promise<void> {
    const o = this.options;
    const common = { appId: o.appId, envVersion: this.envVersion, pluginVersion: this.gate.version, ...(o.label === undefined ? {} : { label: o.label }) };
    const identity: ConnectPartyRequestInput =
      o.host === 'wechat'
        ? { kind: 'wechatPlugin', openId: o.openId, ...common }
        : { kind: 'wmpfPlugin', sn: o.sn, modelId: o.modelId, registrationMode: this.registrationMode ?? 'wmpf', ...common };
    const result = await this.client.connect(identity);
    if (!result.ok) {
      throw new Error(`[wxvoip] the plugin simulator could not connect to the mock platform: ${describeFailure(result.failure)}. Check the platform URL, the appId and the identity.`);
    }
    const { party, pushChannel, credential } = result.value;
    this.partyIdValue = party.partyId;
    const namespace = o.namespace === undefined ? '' : `&namespace=${encodeURIComponent(o.namespace)}`;
    const path = `${pushChannel.path}?${pushChannel.tokenParam}=${encodeURIComponent(credential.token)}${namespace}`;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        reject(new Error(`[wxvoip] the plugin simulator's push channel did not open: ${why}. Is a WebSocket class available (options.WebSocket)?`));
      };
      try {
        this.channel = this.transport.openPushChannel(path, {
          onOpen: () => undefined,
          onMessage: (text) => {
            this.handleFrame(text);
            if (this.helloSeen && !settled) {
              settled = true;
              this.connectedValue = true;
              resolve();
            }
          },
          onClose: (code, reason) => {
            this.connectedValue = false;
            fail(`closed with ${code} ${reason}`);
          },
          onError: (error) => fail(String(error)),
        });
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    });
  }

  /** Disconnects from the platform and closes the push channel. */
  async close(): Promise<void> {
    await this.idle();
    if (this.connectedValue) await this.client.disconnect();
    this.connectedValue = false;
    this.channel?.close();
  }

  /** The platform's id for this plugin instance. */
  get partyId(): string {
    return this.partyIdValue;
  }

  /** `seq` of the last push message received. */
  get lastSeq(): number {
    return this.lastSeqValue;
  }

  /** Whether the push channel is open. */
  get connected(): boolean {
    return this.connectedValue;
  }

  /** Whether an operation started by the plugin or its controls is still waiting for the platform. */
  get busy(): boolean {
    return this.inflight.size > 0;
  }

  /** Resolves once no operation started by the plugin or its controls is still waiting for the platform. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Runs an operation and keeps it in `inflight` until it settles. */
  track<T>(operation: () => Promise<T>): Promise<T> {
    const promise = operation();
    this.inflight.add(promise);
    const forget = () => this.inflight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  // ----- the plugin API -----------------------------------------------------------------------------------------

  /** `initByCaller(req)` (P §3): throws argument, host, busy and token errors; resolves backend errors. */
  initByCaller(req: unknown): Promise<InitByCallerResult> {
    return this.track(async () => {
      const api = 'initByCaller';
      if (typeof req !== 'object' || req === null) throw this.raise(invalidArguments(api, [{ path: [], message: 'initByCaller needs a request object like { roomType, caller, listener, businessType, ... }' }]));
      const { voipToken, ...rest } = req as Record<string, unknown>;
      // The token rules run after the host and busy checks (P §13, last paragraph): validate everything else first.
      const parsed = InitByCallerRequest.safeParse({ ...rest, voipToken: 'token-checked-later' }) as SafeParse<InitByCallerRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      const body: InitByCallerRequest = { ...parsed.data, voipToken: typeof voipToken === 'string' ? voipToken : undefined };
      const info = BUSINESS_TYPES[body.businessType];
      if (body.businessType === 3 && !this.gate.has('initByCaller.businessType.3')) {
        throw this.raise(invalidArguments(api, [{ path: ['businessType'], message: `businessType 3 needs plugin ${this.gate.since('initByCaller.businessType.3')} or later (this plugin is ${this.gate.version})` }]));
      }
      if (info.host !== this.host) {
        throw this.raise(
          info.host === 'wmpf'
            ? pluginError(api, 'WMPF_ONLY_API', `businessType ${body.businessType} (${info.scenario}) must be called inside WMPF on the device`)
            : pluginError(api, 'WECHAT_CLIENT_ONLY_API', `businessType ${body.businessType} (${info.scenario}) must be called inside the WeChat client on the phone`),
        );
      }
      this.assertNotBusy(api);
      const tokenError = this.checkVoipToken(api, body, voipToken);
      if (tokenError) throw this.raise(tokenError);
      if (body.businessType === 1 && this.registrationMode === 'wmpf' && body.voipToken === undefined) {
        // WMPF fetches the deviceToken of a WMPF-registered device itself (P §3.3, §8.1): its failure is 1000.
        const fetched = await this.client.deviceToken();
        if (!fetched.ok) return this.initFailure(voipErrorOf(api, fetched.failure));
      }
      if (body.timeLimit !== undefined && !this.gate.has('initByCaller.timeLimit')) delete body.timeLimit;
      if (this.envVersion === 'release' && this.gate.has('initByCaller.miniprogramState.releaseCallsReleaseOnly')) body.miniprogramState = 'formal';
      this.placing = true;
      let created;
      try {
        created = await this.client.initByCaller(body);
      } finally {
        this.placing = false;
      }
      if (!created.ok) return this.initFailure(voipErrorOf(api, created.failure));
      const room = created.value.room;
      this.startCall(room.roomId, 'caller', room.caller.id, room.listener.id);
      const result: Record<string, unknown> = { isSuccess: true };
      if (this.gate.has('initByCaller.result.roomId')) result['roomId'] = created.value.roomId;
      result['groupId'] = created.value.groupId;
      if (this.gate.has('initByCaller.result.chargeType')) result['chargeType'] = created.value.chargeType;
      return result as InitByCallerResult;
    });
  }

  /** `callDevice(req)` (P §4.2): throws every failure as a `VoipError`. */
  callDevice(req: unknown): Promise<{ roomId: string }> {
    return this.track(async () => {
      const api = 'callDevice';
      const parsed = CallDeviceRequest.safeParse(req) as SafeParse<CallDeviceRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      this.assertWechatClient(api);
      this.assertNotBusy(api);
      const body = { ...parsed.data };
      if (!this.gate.has('callDevice.deviceName')) delete body.deviceName;
      if (!this.gate.has('callDevice.isCloud')) body.isCloud = false;
      if (!this.gate.has('callDevice.payload')) delete body.payload;
      if (!this.gate.has('callDevice.encodeVideoFixedLength')) body.encodeVideoFixedLength = 0;
      if (!this.gate.has('callDevice.encodeVideoRotation')) body.encodeVideoRotation = 0;
      if (!this.gate.has('callDevice.encodeVideoRatio')) body.encodeVideoRatio = 0;
      if (!this.gate.has('callDevice.encodeVideoMaxFPS')) body.encodeVideoMaxFPS = 0;
      return this.placeCall(api, () => this.client.callDevice(body));
    });
  }

  /** `callWMPF(req)` (P §4.1): throws every failure as a `VoipError`. */
  callWMPF(req: unknown): Promise<{ roomId: string }> {
    return this.track(async () => {
      const api = 'callWMPF';
      const parsed = CallWmpfRequest.safeParse(req) as SafeParse<CallWmpfRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      this.assertWechatClient(api);
      this.assertNotBusy(api);
      const body = { ...parsed.data };
      if (!this.gate.has('callWMPF.deviceName')) delete body.deviceName;
      return this.placeCall(api, () => this.client.callWmpf(body));
    });
  }

  /**
   * `forceHangUpVoip(roomId?)` (P §5.1): ends the current call (only if it is `roomId`, from 2.3.2); the platform
   * picks cancel, reject or hang-up by phase and side, with `forceFromApp`.
   */
  forceHangUpVoip(roomId?: unknown): void {
    const parsed = ForceHangUpVoipRequest.safeParse(roomId) as SafeParse<string | undefined>;
    if (!parsed.success) throw this.raise(invalidArguments('forceHangUpVoip', parsed.error.issues.map((issue) => ({ ...issue, path: ['roomId'] }))));
    const call = this.call;
    if (!call || call.phase === 'ended') return;
    const wanted = this.gate.has('forceHangUpVoip.roomId') ? parsed.data : undefined;
    if (wanted !== undefined && wanted !== call.roomId) return;
    void this.track(() => this.client.hangUp(call.roomId, { origin: 'forceFromApp' }));
  }

  /** `onVoipEvent(listener)` (P §5.2): the unsubscribe function works from 2.3.10. */
  onVoipEvent(listener: unknown): VoipEventUnsubscribe {
    if (typeof listener !== 'function') throw this.raise(invalidArguments('onVoipEvent', [{ path: ['listener'], message: 'onVoipEvent needs a function (event) => void' }]));
    const fn = listener as VoipEventListener<VoipEvent>;
    this.listeners.add(fn);
    const works = this.gate.has('onVoipEvent.unsubscribe');
    return () => {
      if (works) this.listeners.delete(fn);
    };
  }

  /** `setUIConfig(config)` (P §5.3): recorded; a call uses the config set before it started. */
  setUIConfig(config: unknown): void {
    const parsed = SetUIConfigRequest.safeParse(config) as SafeParse<SetUIConfigValue>;
    if (!parsed.success) throw this.raise(invalidArguments('setUIConfig', parsed.error.issues));
    const value: Partial<SetUIConfigValue> = { ...parsed.data };
    if (!this.gate.has('setUIConfig.handsFree')) delete value.handsFree;
    if (!this.gate.has('setUIConfig.isSelfWindowMax')) delete value.isSelfWindowMax;
    if (!this.gate.has('setUIConfig.customBoxHeight')) delete value.customBoxHeight;
    for (const side of ['callerUI', 'listenerUI'] as const) {
      const ui = value[side];
      if (ui && !this.gate.has(`setUIConfig.${side}.objectFit`)) {
        const { objectFit: _dropped, ...older } = ui;
        value[side] = older as typeof ui;
      }
    }
    this.uiConfigValue = value;
    if (value.btnText !== undefined) this.btnText = value.btnText;
  }

  /** `setCustomBtnText(btnText)` (P §5.4). */
  setCustomBtnText(btnText: unknown): void {
    const parsed = CustomBtnText.safeParse(btnText) as SafeParse<string>;
    if (!parsed.success) throw this.raise(invalidArguments('setCustomBtnText', parsed.error.issues.map((issue) => ({ ...issue, path: ['btnText'] }))));
    this.btnText = parsed.data;
  }

  /** `setVoipEndPagePath(req)` (P §5.5): `routeType` from 2.3.9, older plugins redirect. */
  setVoipEndPagePath(req: unknown): void {
    const parsed = SetVoipEndPagePathRequest.safeParse(req) as SafeParse<SetVoipEndPagePathRequest>;
    if (!parsed.success) throw this.raise(invalidArguments('setVoipEndPagePath', parsed.error.issues));
    const routeType = this.gate.has('setVoipEndPagePath.routeType') ? parsed.data.routeType : 'redirectTo';
    this.endPages.set(parsed.data.key, { url: parsed.data.url, options: parsed.data.options, routeType });
  }

  /** `getPluginEnterOptions()` (P §5.6). */
  getPluginEnterOptions(): PluginEnterOptions {
    return { ...this.enterOptions, query: { ...this.enterOptions.query } };
  }

  /** `getPluginOnloadOptions()` (P §5.6): the call page's `onLoad` query. */
  getPluginOnloadOptions(): PageQuery {
    return { ...this.onloadOptions };
  }

  /**
   * `getIotBindContactList(req)` (P §5.7). Argument and transport errors reject; a platform refusal resolves with its
   * `errcode` / `errmsg` and an empty list [I: the meaning of non-zero errcodes is undocumented].
   */
  getIotBindContactList(req: unknown): Promise<GetIotBindContactListResult> {
    return this.track(async () => {
      const api = 'getIotBindContactList';
      const parsed = GetIotBindContactListRequest.safeParse(req) as SafeParse<GetIotBindContactListRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      const result = await this.client.getIotBindContactList(parsed.data);
      if (result.ok) return { errcode: 0, errmsg: 'ok', contact_list: result.value.contact_list };
      if (result.failure.kind === 'refused') return { errcode: result.failure.errcode, errmsg: result.failure.errmsg, contact_list: [] };
      throw this.raise(voipErrorOf(api, result.failure));
    });
  }

  /**
   * The campus face-pay contact APIs (P §5.8): arguments are validated (1004) and the WeChat-client rule applied
   * (1007, except `getVoipBindContactList`); then 1011, as the mock platform does not emulate WeChat Pay face devices.
   */
  facePay(api: string, schema: { safeParse(value: unknown): unknown }, req: unknown, wechatOnly: boolean): VoipError | undefined {
    const parsed = schema.safeParse(req) as SafeParse<unknown>;
    if (!parsed.success) return invalidArguments(api, parsed.error.issues);
    if (wechatOnly && this.host !== 'wechat') return pluginError(api, 'WECHAT_CLIENT_ONLY_API', `${api} runs in the WeChat client on the phone`);
    return pluginError(api, 'PLATFORM_UNSUPPORTED', `${api} belongs to the campus face-pay scenario (WeChat Pay face devices), which the mock platform does not emulate`);
  }

  /** What a plugin of this version throws for `error`: the `VoipError`, or a plain error before 2.4.0. */
  raise(error: VoipError): Error {
    return this.gate.has('behaviour.errorClasses') ? error : legacyError(error);
  }

  // ----- the call page ----------------------------------------------------------------------------------------

  /** A snapshot of the call page. */
  get pageState(): CallPageState {
    const call = this.call !== undefined && this.call.roomId === this.page.roomId ? this.call : undefined;
    const ended = this.page.roomId !== null && call === undefined;
    return {
      open: this.page.open,
      roomId: this.page.roomId,
      side: call?.side ?? (ended ? this.lastSide : null),
      phase: call?.phase ?? (ended ? 'ended' : null),
      summary: this.page.summary,
      customBoxOpen: this.page.customBoxOpen,
      customButtonShown: this.customButtonShown(),
      query: { ...this.page.query },
      uiConfig: call?.uiConfig ?? null,
    };
  }

  private lastSide: CallSide | null = null;

  /** Every navigation to the call page. */
  get navigations(): readonly CallPageNavigation[] {
    return this.navigationLog;
  }

  /** Every end-page outcome. */
  get endPageOutcomes(): readonly EndPageOutcome[] {
    return this.endPageLog;
  }

  /** Opens the call page (a `wx` navigation). */
  navigate(url: string, method: 'navigateTo' | 'redirectTo' | 'reLaunch'): Promise<void> {
    return this.track(async () => {
      if (!isCallPageUrl(url)) {
        throw new TypeError(`[wxvoip] ${url} is not the plugin call page: navigate to CALL_PAGE_PATH (${CALL_PAGE_PATH}), optionally with a query`);
      }
      const query = parseQueryString(url.slice(CALL_PAGE_PATH.length + 1));
      const incoming = query['groupId'] === undefined ? undefined : this.incoming.get(query['groupId']);
      await this.openPage(url, method, query);
      if (incoming && query['groupId'] !== undefined) this.bindIncoming(query['groupId']);
      else this.bindCallerCall();
      this.emitLocal({ eventName: 'callPageOnShow' });
    });
  }

  /** The person taps the phone reminder of `roomId` (default: the newest one still ringing). */
  openReminder(roomId?: string): Promise<void> {
    return this.track(async () => {
      if (this.host !== 'wechat') throw new Error('[wxvoip] openReminder is the phone reminder: on a WMPF device launch the push path with simulator.wmpf.launch(path)');
      const target = roomId ?? [...this.reminderLog].reverse().find((r) => this.incoming.get(r.roomId)?.ended === false)?.roomId;
      const record = target === undefined ? undefined : this.incoming.get(target);
      if (target === undefined || record === undefined) throw new Error('[wxvoip] no incoming-call reminder to open: nobody called this user (or the call went to another openId)');
      await this.launchInto(target, record.query, 'reminder');
    });
  }

  /** The WMPF app launches the push path (P §9.1). */
  launch(path: string): Promise<void> {
    return this.track(async () => {
      if (this.host !== 'wmpf') throw new Error('[wxvoip] launch(path) is the WMPF app launching a push path: on the phone use callPage.openReminder()');
      const parsed = parseWmpfCallPagePath(path);
      const query: PageQuery = { roomType: parsed.roomType, groupId: parsed.groupId, listenerId: parsed.listenerId, callerName: parsed.callerName, ...parseQueryString(parsed.customQuery) };
      if (parsed.isClickedHangOnBtn) query['isClickedHangOnBtn'] = '1';
      if (!this.incoming.has(parsed.groupId)) {
        this.incoming.set(parsed.groupId, { via: 'wmpfPush', ended: false, callerId: '', listenerId: parsed.listenerId, query });
        forgetOldest(this.incoming, this.historyLimit);
      }
      await this.launchInto(parsed.groupId, query, 'launchMiniProgram');
      if (parsed.isClickedHangOnBtn && this.call?.roomId === parsed.groupId && this.call.phase === 'ringing') {
        await this.answerCall({ autoAnswered: true });
      }
    });
  }

  /** Taps "answer". */
  answer(options: { cameraStatus?: 0 | 1 } = {}): Promise<void> {
    return this.track(async () => {
      if (this.host === 'wechat' && (this.call?.side !== 'listener' || this.page.roomId !== this.call.roomId)) {
        const pending = [...this.reminderLog].reverse().find((r) => this.incoming.get(r.roomId)?.ended === false);
        if (pending) await this.launchInto(pending.roomId, this.incoming.get(pending.roomId)?.query ?? {}, 'reminder');
      }
      await this.answerCall({ autoAnswered: false, ...options });
    });
  }

  /** Taps "reject". */
  reject(): Promise<void> {
    return this.track(async () => {
      const call = this.requireCall('reject', (c) => c.side === 'listener' && c.phase === 'ringing', 'a ringing incoming call on the call page');
      await this.client.reject(call.roomId, { origin: 'manual' });
    });
  }

  /** Taps "hang up". */
  hangUp(): Promise<void> {
    return this.track(async () => {
      const call = this.requireCall('hangUp', () => true, 'a call on the call page');
      await this.client.hangUp(call.roomId, { origin: 'manual' });
    });
  }

  /** Leaves the call page. */
  leave(): Promise<void> {
    return this.track(async () => {
      if (!this.page.open) return;
      const call = this.pageCall();
      this.page = { ...CLOSED_PAGE };
      if (call) await this.client.hangUp(call.roomId, { origin: 'unloadCallPage' });
    });
  }

  /** Taps the custom button. */
  tapCustomButton(): void {
    const call = this.pageCall();
    if (!call || !this.customButtonShown()) {
      throw new Error(
        '[wxvoip] the custom button is not shown: it appears only on a WeChat-client listener, after the call started (talking), once setCustomBtnText (or setUIConfig btnText) gave it a label (P §5.4)',
      );
    }
    if (this.page.customBoxOpen) return;
    this.page.customBoxOpen = true;
    this.emitLocal({ eventName: 'showCustomBox', roomId: call.roomId, groupId: call.roomId, data: { callerId: call.callerId, listenerId: call.listenerId } });
  }

  /** Closes the custom panel. */
  closeCustomBox(): void {
    const call = this.pageCall();
    if (!this.page.customBoxOpen || !call) return;
    this.page.customBoxOpen = false;
    this.emitLocal({ eventName: 'hideCustomBox', roomId: call.roomId, groupId: call.roomId, data: { callerId: call.callerId, listenerId: call.listenerId } });
  }

  /** Taps "close" on the summary / call record. */
  closeSummary(): void {
    if (!this.page.summary || this.page.roomId === null) throw new Error('[wxvoip] there is no call summary to close: the call page shows no ended call');
    this.leaveForEndPage(this.page.roomId);
  }

  /** The app returns to the foreground. */
  appShow(): void {
    if (this.page.open) this.emitLocal({ eventName: 'callPageOnShow' });
  }

  /** The app goes to the background. */
  appHide(): Promise<void> {
    return this.track(async () => {
      const call = this.pageCall();
      if (call && call.side === 'listener' && call.phase === 'ringing' && !this.gate.has('behaviour.backgroundDoesNotReject')) {
        await this.client.reject(call.roomId, { origin: 'manual' });
      }
    });
  }

  /** This side fails locally. */
  interrupt(errMsg = 'call interrupted due to native reason'): Promise<void> {
    return this.track(async () => {
      const call = this.requireCall('interrupt', () => true, 'a call');
      await this.client.abort(call.roomId, { errMsg });
    });
  }

  /** This side fails to join. */
  failJoin(errCode = 2000): Promise<void> {
    return this.track(async () => {
      const entry = findError('plugin', errCode);
      if (!entry || errCode < 2000) throw new RangeError(`[wxvoip] ${errCode} is not a join error code: use one of 2000–2010, 2100, 2102–2104 (P §6.3)`);
      const call = this.requireCall('failJoin', (c) => c.phase !== 'talking', 'a call that has not connected yet');
      await this.client.abort(call.roomId, { errMsg: entry.message, errCode, joinFailed: true });
    });
  }

  // ----- WMPF host --------------------------------------------------------------------------------------------

  /** WMPF pushes received. */
  get pushes(): readonly ReceivedWmpfPush[] {
    return this.pushLog;
  }

  /** Registers a push listener. */
  onPush(listener: (push: ReceivedWmpfPush) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  /** Phone reminders received. */
  get reminders(): readonly IncomingReminder[] {
    return this.reminderLog;
  }

  /** Registers a reminder listener. */
  onReminder(listener: (reminder: IncomingReminder) => void): () => void {
    this.reminderListeners.add(listener);
    return () => this.reminderListeners.delete(listener);
  }

  /** WMPF getPushToken. */
  getPushToken(): Promise<PushTokenData> {
    return this.track(async () => this.unwrap('getPushToken', await this.client.pushToken()));
  }

  /** Device-auth SDK getDeviceToken. */
  getDeviceToken(): Promise<DeviceTokenData> {
    return this.track(async () => this.unwrap('getDeviceToken', await this.client.deviceToken()));
  }

  /** The platform client, for the fake `wx` members. */
  get platformClient(): PlatformClient {
    return this.client;
  }

  // ----- state read by the controls ---------------------------------------------------------------------------

  /** Every event delivered to `onVoipEvent` listeners, in order (after version rules). */
  get events(): readonly VoipEvent[] {
    return this.deliveredEvents;
  }

  /** The recorded UI configuration. */
  get uiConfig(): Partial<SetUIConfigValue> | null {
    return this.uiConfigValue;
  }

  /** The custom button label. */
  get customBtnText(): string | null {
    return this.btnText;
  }

  /** The end pages set. */
  get endPagePaths(): ReadonlyMap<'Call' | 'BindContact', EndPage> {
    return this.endPages;
  }

  // ----- internals --------------------------------------------------------------------------------------------

  private unwrap<T>(api: string, result: PlatformResult<T>): T {
    if (result.ok) return result.value;
    throw this.raise(voipErrorOf(api, result.failure));
  }

  private assertWechatClient(api: string): void {
    if (this.host !== 'wechat') throw this.raise(pluginError(api, 'WECHAT_CLIENT_ONLY_API', `${api} runs in the WeChat client on the phone, not inside WMPF`));
  }

  private assertNotBusy(api: string): void {
    if (this.placing || (this.call !== undefined && this.call.phase !== 'ended')) {
      const roomId = this.call?.roomId ?? 'being placed';
      throw this.raise(pluginError(api, 'PLUGIN_BUSY', `the plugin is busy with call ${roomId}; wait for its endVoip or end it with forceHangUpVoip first`));
    }
  }

  /** The voipToken rules (P §3.3, §6.3): 1001 when empty or of the wrong type where required. */
  private checkVoipToken(api: string, body: InitByCallerRequest, raw: unknown): VoipError | undefined {
    if (raw !== undefined && typeof raw !== 'string') return pluginError(api, 'VOIP_TOKEN_EMPTY', `voipToken must be a string, got ${typeof raw}`);
    const missing = body.voipToken === undefined || body.voipToken === '';
    const kind = BUSINESS_TYPES[body.businessType].voipToken;
    if (!missing) return undefined;
    if (kind === 'pushToken') return pluginError(api, 'VOIP_TOKEN_EMPTY', "voipToken is required for businessType 2: pass the device's WMPF pushToken (or use callWMPF)");
    if (kind === 'facePayVoipToken') return pluginError(api, 'VOIP_TOKEN_EMPTY', 'voipToken is required for face-pay businessType 0/3: pass the voip_token of the WeChat Pay face-pay flow');
    if (this.registrationMode === 'deviceAuthSdk') {
      return pluginError(api, 'VOIP_TOKEN_EMPTY', 'voipToken is required: this device registered with the device-auth SDK, pass its deviceToken from getDeviceToken()');
    }
    if (!this.gate.has('initByCaller.voipToken.omitForWmpfDevice')) {
      return pluginError(api, 'VOIP_TOKEN_EMPTY', `voipToken is required: plugins before ${this.gate.since('initByCaller.voipToken.omitForWmpfDevice')} need the deviceToken even for WMPF-registered devices`);
    }
    return body.voipToken === '' ? pluginError(api, 'VOIP_TOKEN_EMPTY', 'voipToken must not be empty: omit it for a WMPF-registered device') : undefined;
  }

  private initFailure(error: VoipError): InitByCallerResult {
    const failure = makeInitByCallerFailure(error);
    if (this.gate.has('initByCaller.result.errObj')) return failure;
    const { errObj: _absent, ...older } = failure;
    return older as InitByCallerResult;
  }

  private async placeCall(api: string, create: () => Promise<PlatformResult<{ roomId: string; room: { caller: { id: string }; listener: { id: string } } }>>): Promise<{ roomId: string }> {
    this.placing = true;
    let created;
    try {
      created = await create();
    } finally {
      this.placing = false;
    }
    if (!created.ok) throw this.raise(voipErrorOf(api, created.failure));
    this.startCall(created.value.roomId, 'caller', created.value.room.caller.id, created.value.room.listener.id);
    return { roomId: created.value.roomId };
  }

  /** A call this instance placed: known from now on; the open call page joins it at once. */
  private startCall(roomId: string, side: CallSide, callerId: string, listenerId: string): void {
    this.rememberRoom(roomId);
    this.call = { roomId, side, phase: side === 'caller' ? 'created' : 'ringing', joinRequested: false, callerId, listenerId, uiConfig: this.uiConfigValue };
    this.lastSide = side;
    const held = this.early.get(roomId) ?? [];
    this.early.delete(roomId);
    for (const event of held) this.onRoomEvent(roomId, event);
    if (this.page.open && (this.page.roomId === null || this.page.summary)) this.bindCallerCall();
  }

  /** Opens a new call page instance; an instance already showing a call unloads first (the documented mistake). */
  private async openPage(url: string, method: CallPageNavigation['method'], query: PageQuery): Promise<void> {
    const interrupted = this.page.open ? this.pageCall() : undefined;
    pushBounded(this.navigationLog, { url, method, interruptedRoomId: interrupted?.roomId ?? null }, this.historyLimit);
    this.page = { open: true, roomId: null, summary: false, customBoxOpen: false, query };
    this.onloadOptions = query;
    if (interrupted) {
      interrupted.joinRequested = true;
      await this.client.hangUp(interrupted.roomId, { origin: 'unloadCallPage' });
    }
  }

  /** Binds the open page to the caller's call and joins it (P §9.2). */
  private bindCallerCall(): void {
    const call = this.call;
    if (!call || call.side !== 'caller' || call.phase === 'ended' || call.joinRequested) return;
    this.page.roomId = call.roomId;
    this.page.summary = false;
    call.joinRequested = true;
    void this.track(() => this.client.join(call.roomId));
  }

  /** Opens the call page for an incoming call (reminder tap or WMPF launch). */
  private async launchInto(roomId: string, query: PageQuery, method: 'reminder' | 'launchMiniProgram'): Promise<void> {
    const url = `${CALL_PAGE_PATH}?${Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
    if (!this.running) {
      this.enterOptions = { path: CALL_PAGE_PATH.replace(/^plugin-private:\/\/[^/]+\//, ''), query: { ...query }, scene: 1001 };
      this.running = true;
    }
    await this.openPage(url, method, query);
    this.bindIncoming(roomId);
    this.emitLocal({ eventName: 'callPageOnShow' });
  }

  private bindIncoming(roomId: string): void {
    const record = this.incoming.get(roomId);
    this.page.roomId = roomId;
    this.rememberRoom(roomId);
    if (!record || record.ended) {
      // A late answer: the call already ended, so the page ends at once (P §9.4).
      this.page.summary = true;
      return;
    }
    if (this.call?.roomId !== roomId) {
      this.call = { roomId, side: 'listener', phase: 'ringing', joinRequested: false, callerId: record.callerId, listenerId: record.listenerId, uiConfig: this.uiConfigValue };
      this.lastSide = 'listener';
    }
  }

  private async answerCall(body: { autoAnswered: boolean; cameraStatus?: 0 | 1 }): Promise<void> {
    const call = this.requireCall('answer', (c) => c.side === 'listener' && c.phase === 'ringing', 'a ringing incoming call on the call page');
    call.joinRequested = true;
    const result = await this.client.answer(call.roomId, body);
    if (result.ok && call.phase === 'joining' && result.value.room.state === 'connecting') call.phase = 'waiting';
  }

  private requireCall(action: string, ok: (call: CallRecord) => boolean, what: string): CallRecord {
    const call = this.pageCall() ?? (action === 'interrupt' || action === 'failJoin' ? this.call : undefined);
    if (!call || call.phase === 'ended' || !ok(call)) {
      throw new Error(`[wxvoip] callPage.${action}() needs ${what}; the call page shows ${this.page.open ? (this.page.summary ? 'an ended call' : 'no such call') : 'nothing (it is not open)'}`);
    }
    return call;
  }

  /** The active call the open page shows. */
  private pageCall(): CallRecord | undefined {
    return this.page.open && this.call !== undefined && this.call.roomId === this.page.roomId && this.call.phase !== 'ended' ? this.call : undefined;
  }

  private customButtonShown(): boolean {
    const call = this.pageCall();
    return this.host === 'wechat' && call?.side === 'listener' && call.phase === 'talking' && this.btnText !== null && this.btnText !== '';
  }

  /** The call page navigates away after a call: to the `Call` end page, closing the mini program, or staying. */
  private leaveForEndPage(roomId: string): void {
    const endPage = this.endPages.get('Call');
    if (endPage) {
      pushBounded(this.endPageLog, { kind: 'navigated', roomId, url: endPage.options === undefined ? endPage.url : `${endPage.url}?${endPage.options}`, routeType: endPage.routeType }, this.historyLimit);
      this.page = { ...CLOSED_PAGE };
    } else if (this.host === 'wechat') {
      pushBounded(this.endPageLog, { kind: 'miniProgramClosed', roomId }, this.historyLimit);
      this.page = { ...CLOSED_PAGE };
      this.running = false;
    }
  }

  private onCallEnded(call: CallRecord): void {
    if (this.call === call) this.call = undefined;
    if (!this.page.open || this.page.roomId !== call.roomId) return;
    this.page.summary = true;
    this.page.customBoxOpen = false;
    if (this.host === 'wmpf') {
      if (!this.endPages.has('Call')) pushBounded(this.endPageLog, { kind: 'stayedOnCallRecordPage', roomId: call.roomId }, this.historyLimit);
      else if (this.gate.has('behaviour.endPageSkipsDeviceDetail')) this.leaveForEndPage(call.roomId);
    }
  }

  private handleFrame(text: string): void {
    let parsed;
    try {
      parsed = PushMessage.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    this.lastSeqValue = message.seq;
    switch (message.type) {
      case 'hello':
        this.helloSeen = true;
        return;
      case 'ping':
        this.channel?.send(JSON.stringify({ type: 'pong', seq: message.seq }));
        return;
      case 'bye':
        this.connectedValue = false;
        return;
      case 'incomingCall':
        this.onIncoming(message);
        return;
      case 'voipEvent':
        this.onRoomEvent(message.roomId, message.event);
        return;
      default:
        return;
    }
  }

  private onIncoming(message: IncomingCallMessage): void {
    const notice = message.notice;
    if (notice.via === 'wechatReminder') {
      const query: PageQuery = { roomType: notice.roomType, groupId: message.roomId, ...(notice.customQuery ? parseQueryString(notice.customQuery) : {}) };
      this.incoming.set(message.roomId, { via: 'wechatReminder', ended: false, callerId: notice.caller.id, listenerId: notice.listenerOpenId, query });
      forgetOldest(this.incoming, this.historyLimit);
      const reminder = { roomId: message.roomId, notice };
      pushBounded(this.reminderLog, reminder, this.historyLimit);
      for (const listener of [...this.reminderListeners]) listener(reminder);
      return;
    }
    const path = parseWmpfCallPagePath(notice.message.path);
    const query: PageQuery = { roomType: path.roomType, groupId: path.groupId, listenerId: path.listenerId, callerName: path.callerName, ...parseQueryString(path.customQuery) };
    this.incoming.set(message.roomId, { via: 'wmpfPush', ended: false, callerId: '', listenerId: path.listenerId, query });
    forgetOldest(this.incoming, this.historyLimit);
    const push = { roomId: message.roomId, pushToken: notice.pushToken, message: notice.message };
    pushBounded(this.pushLog, push, this.historyLimit);
    for (const listener of [...this.pushListeners]) listener(push);
  }

  private onRoomEvent(roomId: string | null, event: VoipEvent): void {
    const incoming = roomId === null ? undefined : this.incoming.get(roomId);
    if (incoming && event.eventName === 'endVoip') incoming.ended = true;
    // The plugin only runs a call it placed or whose call page was opened: a reminder nobody tapped stays silent.
    if (roomId === null) return;
    if (!this.knownRooms.has(roomId)) {
      // Events of a call this instance is creating can overtake the HTTP answer (busy ends a room at once): keep them
      // until the answer names the room. Events of an incoming call nobody opened are dropped.
      if (!incoming) this.holdEarly(roomId, event);
      return;
    }
    const call = this.call?.roomId === roomId ? this.call : undefined;
    if (call) {
      if (event.eventName === 'joinedRoomByCaller') call.phase = 'waiting';
      else if (event.eventName === 'hangOnVoip') call.phase = 'joining';
      else if (event.eventName === 'startVoip') call.phase = 'talking';
    }
    this.deliver(event);
    if (call && event.eventName === 'endVoip') {
      call.phase = 'ended';
      this.onCallEnded(call);
    }
  }

  /** Remembers a room of this instance (bounded: the oldest are forgotten past the history limit). */
  private rememberRoom(roomId: string): void {
    this.knownRooms.add(roomId);
    forgetOldest(this.knownRooms, this.historyLimit);
  }

  /** Keeps events of a not-yet-known room (bounded), for {@link startCall} to replay. */
  private holdEarly(roomId: string, event: VoipEvent): void {
    const held = this.early.get(roomId) ?? [];
    held.push(event);
    this.early.set(roomId, held);
    if (this.early.size > MAX_EARLY_ROOMS) this.early.delete(this.early.keys().next().value as string);
  }

  private emitLocal(event: VoipEvent): void {
    this.deliver(event);
  }

  /** Applies the version rules to an event and hands it to every listener. */
  private deliver(event: VoipEvent): void {
    if (event.eventName === 'finishVoip' && !this.gate.has('onVoipEvent.finishVoip')) return;
    let shown: VoipEvent = event;
    if (!this.gate.has('onVoipEvent.roomId') && event.roomId !== undefined) {
      const { roomId: _absent, ...older } = event;
      shown = older as VoipEvent;
    }
    pushBounded(this.deliveredEvents, shown, this.historyLimit);
    for (const listener of [...this.listeners]) {
      try {
        listener(shown);
      } catch (error) {
        // A throwing listener must not stop delivery to the others; the error still surfaces as unhandled.
        void Promise.reject(error);
      }
    }
  }
}

function describeFailure(failure: PlatformFailure): string {
  switch (failure.kind) {
    case 'refused':
      return `errcode ${failure.errcode} ${failure.errmsg}`;
    case 'invalid':
      return `the platform found the request malformed: ${failure.errmsg}`;
    case 'credential':
      return `credential refused (${failure.errcode})`;
    case 'network':
      return `request failed (${failure.cause instanceof Error ? failure.cause.message : String(failure.cause)})`;
    case 'unparseable':
      return failure.detail;
  }
}
