import {
  RTOS_SN_TICKET_INVALID,
  WX_ERROR,
  WxCloudVoipClientCallParams,
  WxCloudVoipClientJoinParams,
  WxCloudVoipConfig,
  envVersionOf,
  roomTypeOf,
} from '@wxvoip/contracts';
import type {
  RtosClientCallBodyInput,
  WxCloudVoipConfigInput,
  WxCloudVoipSessionType,
  WxDeviceMemberInput,
  WxUserMemberInput,
} from '@wxvoip/contracts';
import type { PartyClient, PartyFailure } from '@wxvoip/party-client';
import { createPartyClient } from '../transport/createPartyClient.js';
import { failureDetail } from '../transport/failureDetail.js';
import type { PlatformClientOptions } from '../transport/platformClientOptions.js';
import { rtosCodeOf } from '../transport/rtosCodeOf.js';
import { sdkError, type SdkError } from '../transport/sdkError.js';

/** Options of an {@link RtosDevice}: where the platform is, plus the simulated hardware. */
export interface RtosDeviceOptions extends PlatformClientOptions {
  /**
   * The physical device's identity: what its `data_dir` holds after registration. Two devices with the same
   * `hardwareId` are one device. Default: the SN from `init` (so a device that restarts is the same hardware); give
   * another value to simulate a second device claiming the same SN.
   */
  readonly hardwareId?: string;
  /** A label shown by the platform's inspector and journal. */
  readonly label?: string;
  /**
   * How long `clientCall` waits (wall ms) for the platform to have the vendor cloud's answer to `iot_voip_notify`
   * before it returns `RESOURCE_EXHAUSTED`. [I] 30 s: the real call "takes about 600 ms" (D §1.8); the mock's callback
   * retries run on the platform clock, which a test may hold still.
   */
  readonly callbackWaitMs?: number;
  /** Interval (wall ms) at which `clientCall` asks the platform for the room while it waits. [I] 25 ms. */
  readonly callbackPollMs?: number;
}

/** Result of {@link RtosDevice.clientCall}: the SDK's return value, and the room id on success. */
export interface RtosClientCallResult {
  /** `0` (WXERROR_OK: the phone rings once the vendor cloud accepts the callback), a `wx_error_t`, or a negated backend code. */
  readonly code: number;
  /**
   * The room of the call, or `null` when the call failed. A simulator extra: the real `wx_cloudvoip_client_call`
   * returns only the code, and the vendor cloud learns the room from the `iot_voip_notify` callback.
   */
  readonly roomId: string | null;
}

/** Result of {@link RtosDevice.deviceIsRegistered}: `wx_device_is_registered(int* out)`. */
export interface RtosIsRegisteredResult {
  /** `WXERROR_OK`, `FAILED_PRECONDITION` (no init), `INVALID_DEVICEID` (registered with another device id or model), or a transport code. */
  readonly code: number;
  /** The `out` value: whether this device is registered. */
  readonly registered: boolean;
}

/** What `wx_device_register` returns when the SN is bound to other hardware: the backend's 9, negated (D §1.4). */
const BINDING_CONFLICT = -9;
const BINDING_CONFLICT_FIX =
  'An SN is bound to one physical device for good (D §1.4): give this device its own SN and register that. On the mock platform, POST /__admin/devices/:sn/unregister frees the SN if the other registration was a mistake.';

/**
 * What `clientCall` returns when the vendor cloud refused (or never accepted) `iot_voip_notify`: the phone does not
 * ring (D §2.2 step 4). [I] The backend's 5 "failed to create the VoIP room", negated: WeChat documents no code.
 */
const CALLBACK_REFUSED = -5;

/**
 * A simulator of WeChat's RTOS device SDK (`wxvoip_client.h`, D §2.1) backed by the wxvoip mock platform. It does
 * signalling only, as the real SDK: media goes between the device and the vendor's cloud over the vendor's own
 * protocol, and there is **no device-side hang-up** (the vendor cloud hangs up with the server SDK).
 *
 * The C API is synchronous; over HTTP each call is a promise of the same return value: `0` (WXERROR_OK), a
 * `wx_error_t`, or a negated backend code (`-9` not authorized, `-10008` bad snTicket, see {@link rtosCodeOf}).
 * Nothing throws. `lastError` says what went wrong and how to fix it.
 *
 * @example
 * const device = new RtosDevice({ platformUrl: platform.url });
 * await device.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', wxa_appid: 'wx_demo_app' }); // 0
 * await device.deviceRegister(snTicket); // 0, or -10008 for a bad ticket
 * const { code, roomId } = await device.clientCall(WX_CLOUDVOIP_SESSION_TYPE.AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice', name: 'Alice' }, null, 'stream-42');
 */
export class RtosDevice {
  /** The last failure (code, catalogue key, what to do), or `null` after a success. */
  lastError: SdkError | null = null;
  /** The platform's id of this device party, once initialised (for the control API and journal). */
  partyId: string | null = null;
  private readonly client: PartyClient;
  private current: WxCloudVoipConfig | null = null;

  constructor(private readonly options: RtosDeviceOptions) {
    this.client = createPartyClient(options);
  }

  /** The configuration `init` accepted, or `null` before `init` (and after `destroy`). */
  get config(): WxCloudVoipConfig | null {
    return this.current;
  }

  /**
   * `wx_error_t wx_init(stack, hal, cfg)`: validates `wx_cloudvoip_config_t` and connects the device to the platform
   * (the HTTPS stack and OS hooks are not simulated). Returns `OK`, `INVALID_ARGUMENT` (bad config),
   * `FAILED_PRECONDITION` (already initialised), `INVALID_DEVICEID` (this hardware is registered with another
   * device_id or model_id, D §2.1), `RESOURCE_EXHAUSTED` (platform unreachable) or a refusal's code.
   */
  async init(config: WxCloudVoipConfigInput): Promise<number> {
    if (this.current !== null) return this.fail('wx_init', WX_ERROR.FAILED_PRECONDITION, 'the SDK is already initialised; call destroy() (wx_destory) first');
    const parsed = WxCloudVoipConfig.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.fail('wx_init', WX_ERROR.INVALID_ARGUMENT, `bad wx_cloudvoip_config_t: ${issue ? `${issue.path.join('.') || 'config'}: ${issue.message}` : 'invalid'}`);
    }
    const cfg = parsed.data;
    const outcome = await this.client.connect({
      kind: 'rtosDevice',
      appId: cfg.wxa_appid,
      sn: cfg.device_id,
      modelId: cfg.model_id,
      flavor: envVersionOf(cfg.wxa_flavor),
      ...(this.options.hardwareId === undefined ? {} : { hardwareId: this.options.hardwareId }),
      ...(this.options.label === undefined ? {} : { label: this.options.label }),
    });
    if (!outcome.ok) return this.failWith('wx_init', outcome.failure);
    this.partyId = outcome.data.party.partyId;
    this.current = cfg;
    return this.ok();
  }

  /**
   * `wx_error_t wx_device_register(sn_ticket)`: registers (appId, modelId, SN) for good with an snTicket the vendor
   * backend fetched with `getsnticket`. Idempotent: an already registered device gets `OK` at once. Returns `OK`,
   * `-10008` (snTicket wrong, expired or malformed), `INVALID_DEVICEID` (this hardware holds another registration),
   * `-9` (the SN is registered by another physical device), `FAILED_PRECONDITION` (no init) or a transport code.
   */
  async deviceRegister(snTicket: string): Promise<number> {
    if (this.current === null) return this.notInitialised('wx_device_register');
    if (typeof snTicket !== 'string' || snTicket === '') {
      return this.fail('wx_device_register', RTOS_SN_TICKET_INVALID, 'sn_ticket is empty: fetch one with POST /wxa/getsnticket on the vendor backend and pass it to the device');
    }
    const outcome = await this.client.request('registerDevice', { body: { snTicket } });
    if (outcome.ok) return this.ok();
    const code = rtosCodeOf(outcome.failure);
    // At registration, backend 9 is not the user's authorization: "device/register: errcode 9 … not registered" means
    // the SN is already bound to another physical device (D §1.4).
    if (code === BINDING_CONFLICT) {
      return this.fail('wx_device_register', code, `${this.current.device_id} is already registered by another physical device (device/register: errcode 9, D §1.4)`, BINDING_CONFLICT_FIX);
    }
    return this.failWith('wx_device_register', outcome.failure);
  }

  /**
   * `wx_error_t wx_device_is_registered(int* out)`: whether this device is registered. `INVALID_DEVICEID` when the
   * SN is registered with another mini program or model than `init` was given.
   */
  async deviceIsRegistered(): Promise<RtosIsRegisteredResult> {
    if (this.current === null) return { code: this.notInitialised('wx_device_is_registered'), registered: false };
    const cfg = this.current;
    const outcome = await this.client.request('getDeviceRegistration', {});
    if (!outcome.ok) return { code: this.failWith('wx_device_is_registered', outcome.failure), registered: false };
    const held = outcome.data.registration;
    if (held.registered && (held.appId !== cfg.wxa_appid || held.modelId !== cfg.model_id)) {
      const code = this.fail('wx_device_is_registered', WX_ERROR.INVALID_DEVICEID, `${cfg.device_id} is registered as (${held.appId ?? '?'}, ${held.modelId ?? '?'}), not (${cfg.wxa_appid}, ${cfg.model_id}): initialise with the stored appId and model_id`);
      return { code, registered: false };
    }
    return { code: this.ok(), registered: held.registered };
  }

  /**
   * `wx_error_t wx_cloudvoip_client_call(room_type, caller, callee, custom_query, payload)` (D §2.1, §2.2): asks WeChat
   * to call a user. WeChat then POSTs `iot_voip_notify` (with `payload`) to the vendor cloud, and the phone rings once
   * the cloud answers errcode 0. `caller` is the device itself (`name` "", `id` the SN from init); `callee.id` the
   * user's openId. Resolves once the platform has the vendor cloud's answer (success means the phone now rings, D §2.1):
   * `-5` when the cloud refused the callback or never accepted it [I]. Returns `OK`, `INVALID_ARGUMENT` (bad arguments), `FAILED_PRECONDITION` (no init, not registered,
   * already in a call), a negated backend code (`-9` not authorized, `-12` capability, `-20` bad openId, `-23`/`-24`
   * license, …) or a transport code.
   */
  async clientCall(
    roomType: WxCloudVoipSessionType,
    caller: WxDeviceMemberInput,
    callee: WxUserMemberInput,
    customQuery: string | null,
    payload: string | null,
  ): Promise<RtosClientCallResult> {
    if (this.current === null) return { code: this.notInitialised('wx_cloudvoip_client_call'), roomId: null };
    const parsed = WxCloudVoipClientCallParams.safeParse({ room_type: roomType, caller, callee, custom_query: customQuery, payload });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { code: this.fail('wx_cloudvoip_client_call', WX_ERROR.INVALID_ARGUMENT, `bad arguments: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`), roomId: null };
    }
    const args = parsed.data;
    if (args.caller.id !== this.current.device_id) {
      return { code: this.fail('wx_cloudvoip_client_call', WX_ERROR.INVALID_ARGUMENT, `caller.id must be this device's SN (${this.current.device_id}), got ${args.caller.id}`), roomId: null };
    }
    const body: RtosClientCallBodyInput = {
      roomType: roomTypeOf(args.room_type),
      caller: { cameraStatus: args.caller.camera_status },
      callee: { id: args.callee.id, name: args.callee.name, cameraStatus: args.callee.camera_status },
      ...(args.custom_query === null || args.custom_query === '' ? {} : { customQuery: args.custom_query }),
      ...(args.payload === null ? {} : { payload: args.payload }),
    };
    const outcome = await this.client.request('rtosClientCall', { body });
    if (!outcome.ok) return { code: this.failWith('wx_cloudvoip_client_call', outcome.failure), roomId: null };
    return this.awaitCallback(outcome.data.roomId, outcome.data.room.state);
  }

  /**
   * `client_call` succeeds when the phone rings (D §2.1): that is, once the vendor cloud accepted `iot_voip_notify`
   * (D §2.2 step 4). Waits until the room leaves `created`; a room that ended instead (the cloud answered non-zero, or
   * never answered through the retries) is a failed call.
   */
  private async awaitCallback(roomId: string, state: string): Promise<RtosClientCallResult> {
    const deadline = Date.now() + (this.options.callbackWaitMs ?? 30_000);
    const pollMs = this.options.callbackPollMs ?? 25;
    let current = state;
    let outcomeName: string | null = null;
    while (current === 'created') {
      if (Date.now() >= deadline) {
        return { code: this.fail('wx_cloudvoip_client_call', WX_ERROR.RESOURCE_EXHAUSTED, `room ${roomId}: the platform had no answer from the vendor cloud to iot_voip_notify within ${this.options.callbackWaitMs ?? 30_000} ms`), roomId: null };
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      const view = await this.client.request('getRoomView', { params: { roomId } });
      if (!view.ok) return { code: this.failWith('wx_cloudvoip_client_call', view.failure), roomId: null };
      current = view.data.room.state;
      outcomeName = view.data.room.outcome;
    }
    if (current === 'ended') {
      const why = outcomeName === 'callbackRefused' ? 'the vendor cloud refused iot_voip_notify (non-zero errcode) or never accepted it' : `the call ended (${outcomeName ?? 'ended'}) before the phone rang`;
      return { code: this.fail('wx_cloudvoip_client_call', CALLBACK_REFUSED, `room ${roomId}: ${why}, so the phone does not ring (D §2.2 step 4)`, 'Answer iot_voip_notify with {"errcode":0,"errmsg":"ok"} on the vendor cloud to let the phone ring; check the message-push URL, Token and EncodingAESKey (secure mode).'), roomId: null };
    }
    return { code: this.ok(), roomId };
  }

  /**
   * `wx_error_t wx_cloudvoip_client_join(roomid, payload)`: the device accepts a phone-initiated call by roomId (D §2.1).
   * One official page lists it; the newer pages answer through the server SDK's `cloud_call_join` (D §9.2), which is
   * what the example vendor cloud does. Returns `OK`, `INVALID_ARGUMENT`, `FAILED_PRECONDITION`, `-1` (no such ringing
   * call for this device) or a transport code.
   */
  async clientJoin(roomid: string, payload: string | null): Promise<number> {
    if (this.current === null) return this.notInitialised('wx_cloudvoip_client_join');
    const parsed = WxCloudVoipClientJoinParams.safeParse({ roomid, payload });
    if (!parsed.success) return this.fail('wx_cloudvoip_client_join', WX_ERROR.INVALID_ARGUMENT, `bad arguments: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const outcome = await this.client.request('rtosClientJoin', {
      body: { roomId: parsed.data.roomid, ...(parsed.data.payload === null ? {} : { payload: parsed.data.payload }) },
    });
    return outcome.ok ? this.ok() : this.failWith('wx_cloudvoip_client_join', outcome.failure);
  }

  /**
   * `void wx_destory(void)` (sic, the official name has the typo): releases everything and disconnects the device
   * from the platform. The device can `init` again afterwards.
   */
  async destroy(): Promise<void> {
    if (this.current === null) return;
    await this.client.disconnect();
    this.current = null;
    this.partyId = null;
  }

  private notInitialised(call: string): number {
    return this.fail(call, WX_ERROR.FAILED_PRECONDITION, 'the SDK is not initialised: call init (wx_init) first');
  }

  private ok(): number {
    this.lastError = null;
    return WX_ERROR.OK;
  }

  private fail(call: string, code: number, detail: string, fix?: string): number {
    this.lastError = sdkError(call, code, detail, fix);
    return code;
  }

  private failWith(call: string, failure: PartyFailure): number {
    return this.fail(call, rtosCodeOf(failure), failureDetail(failure, this.options.platformUrl));
  }
}
