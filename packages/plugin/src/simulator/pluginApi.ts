import {
  BUSINESS_TYPES,
  CallDeviceRequest,
  CallWmpfRequest,
  CustomBtnText,
  ForceHangUpVoipRequest,
  GetIotBindContactListRequest,
  InitByCallerRequest,
  makeInitByCallerFailure,
  SetUIConfigRequest,
  SetVoipEndPagePathRequest,
  type GetIotBindContactListResult,
  type InitByCallerResult,
  type PageQuery,
  type PluginEnterOptions,
  type SetUIConfigRequest as SetUIConfigValue,
  type VoipError,
  type VoipEvent,
  type VoipEventListener,
  type VoipEventUnsubscribe,
} from '@wxvoip/contracts';
import type { PartyData, PartyResult } from '@wxvoip/party-client';
import type { CallPage } from './callPage.js';
import type { CallState } from './callState.js';
import type { EventDelivery } from './eventDelivery.js';
import type { PlatformLink } from './platformLink.js';
import { invalidArguments, pluginError, voipErrorOf, type ArgumentIssue } from './pluginErrors.js';

/** What a safeParse gives back, as far as the simulator reads it. */
type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: ArgumentIssue[] } };

/** What a call-placing route answers. */
type PlacedCall = PartyData<'callDevice'>;

/**
 * The plugin's own API (P §3–§5) behind its version gate (P §11): argument validation with the contracts' schemas,
 * host, busy and token checks, what older versions drop or refuse, and `initByCaller`'s two failure modes.
 */
export class PluginApi {
  constructor(
    private readonly state: CallState,
    private readonly link: PlatformLink,
    private readonly delivery: EventDelivery,
    private readonly callPage: CallPage,
  ) {}

  /** `initByCaller(req)` (P §3): throws argument, host, busy and token errors; resolves backend errors. */
  initByCaller(req: unknown): Promise<InitByCallerResult> {
    return this.link.track(async () => {
      const api = 'initByCaller';
      const { gate } = this.state;
      if (typeof req !== 'object' || req === null) throw this.raise(invalidArguments(api, [{ path: [], message: 'initByCaller needs a request object like { roomType, caller, listener, businessType, ... }' }]));
      const { voipToken, ...rest } = req as Record<string, unknown>;
      // The token rules run after the host and busy checks (P §13, last paragraph): validate everything else first.
      const parsed = InitByCallerRequest.safeParse({ ...rest, voipToken: 'token-checked-later' }) as SafeParse<InitByCallerRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      const body: InitByCallerRequest = { ...parsed.data, voipToken: typeof voipToken === 'string' ? voipToken : undefined };
      const info = BUSINESS_TYPES[body.businessType];
      if (body.businessType === 3 && !gate.has('initByCaller.businessType.3')) {
        throw this.raise(invalidArguments(api, [{ path: ['businessType'], message: `businessType 3 needs plugin ${gate.since('initByCaller.businessType.3')} or later (this plugin is ${gate.version})` }]));
      }
      if (info.host !== this.state.host) {
        throw this.raise(
          info.host === 'wmpf'
            ? pluginError(api, 'WMPF_ONLY_API', `businessType ${body.businessType} (${info.scenario}) must be called inside WMPF on the device`)
            : pluginError(api, 'WECHAT_CLIENT_ONLY_API', `businessType ${body.businessType} (${info.scenario}) must be called inside the WeChat client on the phone`),
        );
      }
      this.assertNotBusy(api);
      const tokenError = this.checkVoipToken(api, body, voipToken);
      if (tokenError) throw this.raise(tokenError);
      if (body.businessType === 1 && this.state.registrationMode === 'wmpf' && body.voipToken === undefined) {
        // WMPF fetches the deviceToken of a WMPF-registered device itself (P §3.3, §8.1): its failure is 1000.
        const fetched = await this.link.party.request('wmpfGetDeviceToken', {});
        if (!fetched.ok) return this.initFailure(voipErrorOf(api, fetched.failure));
      }
      if (body.timeLimit !== undefined && !gate.has('initByCaller.timeLimit')) delete body.timeLimit;
      if (this.state.envVersion === 'release' && gate.has('initByCaller.miniprogramState.releaseCallsReleaseOnly')) body.miniprogramState = 'formal';
      const created = await this.placing(() => this.link.party.request('initByCaller', { body }, { adopt: ({ room }) => this.callPage.adoptCall(room.roomId, room.caller.id, room.listener.id) }));
      if (!created.ok) return this.initFailure(voipErrorOf(api, created.failure));
      this.callPage.joinIfShown();
      const result: Record<string, unknown> = { isSuccess: true };
      if (gate.has('initByCaller.result.roomId')) result['roomId'] = created.data.roomId;
      result['groupId'] = created.data.groupId;
      if (gate.has('initByCaller.result.chargeType')) result['chargeType'] = created.data.chargeType;
      return result as InitByCallerResult;
    });
  }

  /** `callDevice(req)` (P §4.2): throws every failure as a `VoipError`. */
  callDevice(req: unknown): Promise<{ roomId: string }> {
    return this.link.track(async () => {
      const api = 'callDevice';
      const { gate } = this.state;
      const parsed = CallDeviceRequest.safeParse(req) as SafeParse<CallDeviceRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      this.assertWechatClient(api);
      this.assertNotBusy(api);
      const body = { ...parsed.data };
      if (!gate.has('callDevice.deviceName')) delete body.deviceName;
      if (!gate.has('callDevice.isCloud')) body.isCloud = false;
      if (!gate.has('callDevice.payload')) delete body.payload;
      if (!gate.has('callDevice.encodeVideoFixedLength')) body.encodeVideoFixedLength = 0;
      if (!gate.has('callDevice.encodeVideoRotation')) body.encodeVideoRotation = 0;
      if (!gate.has('callDevice.encodeVideoRatio')) body.encodeVideoRatio = 0;
      if (!gate.has('callDevice.encodeVideoMaxFPS')) body.encodeVideoMaxFPS = 0;
      return this.placeCall(api, (adopt) => this.link.party.request('callDevice', { body }, { adopt }));
    });
  }

  /** `callWMPF(req)` (P §4.1): throws every failure as a `VoipError`. */
  callWMPF(req: unknown): Promise<{ roomId: string }> {
    return this.link.track(async () => {
      const api = 'callWMPF';
      const parsed = CallWmpfRequest.safeParse(req) as SafeParse<CallWmpfRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      this.assertWechatClient(api);
      this.assertNotBusy(api);
      const body = { ...parsed.data };
      if (!this.state.gate.has('callWMPF.deviceName')) delete body.deviceName;
      return this.placeCall(api, (adopt) => this.link.party.request('callWmpf', { body }, { adopt }));
    });
  }

  /**
   * `forceHangUpVoip(roomId?)` (P §5.1): ends the current call (only if it is `roomId`, from 2.3.2); the platform
   * picks cancel, reject or hang-up by phase and side, with `forceFromApp`.
   */
  forceHangUpVoip(roomId?: unknown): void {
    const parsed = ForceHangUpVoipRequest.safeParse(roomId) as SafeParse<string | undefined>;
    if (!parsed.success) throw this.raise(invalidArguments('forceHangUpVoip', parsed.error.issues.map((issue) => ({ ...issue, path: ['roomId'] }))));
    const call = this.state.call;
    if (!call || call.phase === 'ended') return;
    const wanted = this.state.gate.has('forceHangUpVoip.roomId') ? parsed.data : undefined;
    if (wanted !== undefined && wanted !== call.roomId) return;
    void this.link.track(() => this.link.party.request('hangUpRoom', { params: { roomId: call.roomId }, body: { origin: 'forceFromApp' } }));
  }

  /** `onVoipEvent(listener)` (P §5.2): the unsubscribe function works from 2.3.10. */
  onVoipEvent(listener: unknown): VoipEventUnsubscribe {
    if (typeof listener !== 'function') throw this.raise(invalidArguments('onVoipEvent', [{ path: ['listener'], message: 'onVoipEvent needs a function (event) => void' }]));
    const unsubscribe = this.delivery.subscribe(listener as VoipEventListener<VoipEvent>);
    const works = this.state.gate.has('onVoipEvent.unsubscribe');
    return () => {
      if (works) unsubscribe();
    };
  }

  /** `setUIConfig(config)` (P §5.3): recorded; a call uses the config set before it started. */
  setUIConfig(config: unknown): void {
    const { gate } = this.state;
    const parsed = SetUIConfigRequest.safeParse(config) as SafeParse<SetUIConfigValue>;
    if (!parsed.success) throw this.raise(invalidArguments('setUIConfig', parsed.error.issues));
    const value: Partial<SetUIConfigValue> = { ...parsed.data };
    if (!gate.has('setUIConfig.handsFree')) delete value.handsFree;
    if (!gate.has('setUIConfig.isSelfWindowMax')) delete value.isSelfWindowMax;
    if (!gate.has('setUIConfig.customBoxHeight')) delete value.customBoxHeight;
    for (const side of ['callerUI', 'listenerUI'] as const) {
      const ui = value[side];
      if (ui && !gate.has(`setUIConfig.${side}.objectFit`)) {
        const { objectFit: _dropped, ...older } = ui;
        value[side] = older as typeof ui;
      }
    }
    this.state.uiConfig = value;
    if (value.btnText !== undefined) this.state.btnText = value.btnText;
  }

  /** `setCustomBtnText(btnText)` (P §5.4). */
  setCustomBtnText(btnText: unknown): void {
    const parsed = CustomBtnText.safeParse(btnText) as SafeParse<string>;
    if (!parsed.success) throw this.raise(invalidArguments('setCustomBtnText', parsed.error.issues.map((issue) => ({ ...issue, path: ['btnText'] }))));
    this.state.btnText = parsed.data;
  }

  /** `setVoipEndPagePath(req)` (P §5.5): `routeType` from 2.3.9, older plugins redirect. */
  setVoipEndPagePath(req: unknown): void {
    const parsed = SetVoipEndPagePathRequest.safeParse(req) as SafeParse<SetVoipEndPagePathRequest>;
    if (!parsed.success) throw this.raise(invalidArguments('setVoipEndPagePath', parsed.error.issues));
    const routeType = this.state.gate.has('setVoipEndPagePath.routeType') ? parsed.data.routeType : 'redirectTo';
    this.state.endPages.set(parsed.data.key, { url: parsed.data.url, options: parsed.data.options, routeType });
  }

  /** `getPluginEnterOptions()` (P §5.6). */
  getPluginEnterOptions(): PluginEnterOptions {
    const enter = this.state.enterOptions;
    return { ...enter, query: { ...enter.query } };
  }

  /** `getPluginOnloadOptions()` (P §5.6): the call page's `onLoad` query. */
  getPluginOnloadOptions(): PageQuery {
    return { ...this.state.onloadOptions };
  }

  /**
   * `getIotBindContactList(req)` (P §5.7). Argument and transport errors reject; a platform refusal resolves with its
   * `errcode` / `errmsg` and an empty list [I: the meaning of non-zero errcodes is undocumented].
   */
  getIotBindContactList(req: unknown): Promise<GetIotBindContactListResult> {
    return this.link.track(async () => {
      const api = 'getIotBindContactList';
      const parsed = GetIotBindContactListRequest.safeParse(req) as SafeParse<GetIotBindContactListRequest>;
      if (!parsed.success) throw this.raise(invalidArguments(api, parsed.error.issues));
      const result = await this.link.party.request('getIotBindContactList', { body: parsed.data });
      if (result.ok) return { errcode: 0, errmsg: 'ok', contact_list: result.data.contact_list };
      if (result.failure.kind === 'refused') return { errcode: result.failure.refusal.errcode, errmsg: result.failure.refusal.errmsg, contact_list: [] };
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
    if (wechatOnly && this.state.host !== 'wechat') return pluginError(api, 'WECHAT_CLIENT_ONLY_API', `${api} runs in the WeChat client on the phone`);
    return pluginError(api, 'PLATFORM_UNSUPPORTED', `${api} belongs to the campus face-pay scenario (WeChat Pay face devices), which the mock platform does not emulate`);
  }

  /** What a plugin of this version throws for `error`: the `VoipError`, or a plain error before 2.4.0. */
  raise(error: VoipError): Error {
    return this.state.raise(error);
  }

  private assertWechatClient(api: string): void {
    if (this.state.host !== 'wechat') throw this.raise(pluginError(api, 'WECHAT_CLIENT_ONLY_API', `${api} runs in the WeChat client on the phone, not inside WMPF`));
  }

  private assertNotBusy(api: string): void {
    const { call, placing } = this.state;
    if (placing || (call !== undefined && call.phase !== 'ended')) {
      const roomId = call?.roomId ?? 'being placed';
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
    if (this.state.registrationMode === 'deviceAuthSdk') {
      return pluginError(api, 'VOIP_TOKEN_EMPTY', 'voipToken is required: this device registered with the device-auth SDK, pass its deviceToken from getDeviceToken()');
    }
    const { gate } = this.state;
    if (!gate.has('initByCaller.voipToken.omitForWmpfDevice')) {
      return pluginError(api, 'VOIP_TOKEN_EMPTY', `voipToken is required: plugins before ${gate.since('initByCaller.voipToken.omitForWmpfDevice')} need the deviceToken even for WMPF-registered devices`);
    }
    return body.voipToken === '' ? pluginError(api, 'VOIP_TOKEN_EMPTY', 'voipToken must not be empty: omit it for a WMPF-registered device') : undefined;
  }

  private initFailure(error: VoipError): InitByCallerResult {
    const failure = makeInitByCallerFailure(error);
    if (this.state.gate.has('initByCaller.result.errObj')) return failure;
    const { errObj: _absent, ...older } = failure;
    return older as InitByCallerResult;
  }

  /** Runs a call-placing request with the plugin busy until it answers. */
  private async placing<T>(create: () => Promise<T>): Promise<T> {
    this.state.placing = true;
    try {
      return await create();
    } finally {
      this.state.placing = false;
    }
  }

  /** Places a call: the answer's room becomes the current call before its pushes are handed over (ADR 0026). */
  private async placeCall(api: string, create: (adopt: (placed: PlacedCall) => void) => Promise<PartyResult<PlacedCall>>): Promise<{ roomId: string }> {
    const created = await this.placing(() => create(({ room }) => this.callPage.adoptCall(room.roomId, room.caller.id, room.listener.id)));
    if (!created.ok) throw this.raise(voipErrorOf(api, created.failure));
    this.callPage.joinIfShown();
    return { roomId: created.data.roomId };
  }
}
