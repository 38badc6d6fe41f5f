import {
  CallCreatedData,
  ConnectPartyData,
  DeviceTokenData,
  DeviceVoipListData,
  ForceHangUpData,
  InitByCallerData,
  IotBindContact,
  NAMESPACE_HEADER,
  PushTokenData,
  RoomActionData,
  TRANSPORT_PREFIX,
  TransportRefusal,
  type AbortRoomBodyInput,
  type AnswerRoomBodyInput,
  type CallDeviceRequest,
  type CallWmpfRequest,
  type ConnectPartyRequestInput,
  type ErrorDomain,
  type GetIotBindContactListRequest,
  type HangUpRoomBodyInput,
  type InitByCallerRequest,
  type RejectRoomBodyInput,
  type RequestDeviceVoipArgs,
} from '@wxvoip/contracts';
import type { SimulatorTransport, TransportRequest } from './simulatorTransport.js';

/**
 * Why a platform exchange failed: WeChat refused it (`refused`, with the catalogue key), the request broke the
 * contract (`invalid`, HTTP 400), the credential was refused (`credential`, HTTP 401), the request could not be
 * made (`network`), or the answer made no sense (`unparseable`).
 */
export type PlatformFailure =
  | { readonly kind: 'refused'; readonly errcode: number; readonly errmsg: string; readonly key: string | undefined; readonly domain: ErrorDomain | undefined }
  | { readonly kind: 'invalid'; readonly errmsg: string; readonly body: unknown }
  | { readonly kind: 'credential'; readonly errcode: number; readonly errmsg: string }
  | { readonly kind: 'network'; readonly cause: unknown }
  | { readonly kind: 'unparseable'; readonly status: number; readonly body: unknown; readonly detail: string };

/** The outcome of one platform exchange. */
export type PlatformResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: PlatformFailure };

/** A schema the client checks a success body with (a zod schema from the contracts). */
interface BodySchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

const path = (route: string) => `${TRANSPORT_PREFIX}${route}`;
const roomPath = (roomId: string, action: string) => path(`/rooms/${encodeURIComponent(roomId)}/${action}`);
const ContactListData = { safeParse: (value: unknown) => safeContactList(value) };

function safeContactList(value: unknown): { success: true; data: { contact_list: IotBindContact[] } } | { success: false; error: { message: string } } {
  const list = (value as { contact_list?: unknown } | null)?.contact_list;
  if (!Array.isArray(list)) return { success: false, error: { message: 'contact_list must be an array' } };
  const items: IotBindContact[] = [];
  for (const item of list) {
    const parsed = IotBindContact.safeParse(item);
    if (!parsed.success) return { success: false, error: { message: parsed.error.message } };
    items.push(parsed.data);
  }
  return { success: true, data: { contact_list: items } };
}

/**
 * The transport routes the plugin uses (ADR 0007), typed: each method sends the contract's body and checks the
 * answer with the contract's schema. Refusals come back as {@link PlatformFailure}s, never as exceptions.
 */
export class PlatformClient {
  private token: string | undefined;

  constructor(
    private readonly transport: SimulatorTransport,
    private readonly namespace: string | undefined,
  ) {}

  /** Connects this plugin instance as a party and keeps its credential. */
  async connect(identity: ConnectPartyRequestInput): Promise<PlatformResult<ConnectPartyData>> {
    const result = await this.exchange({ method: 'POST', path: path('/parties'), headers: this.headers(false), body: identity }, ConnectPartyData);
    if (result.ok) this.token = result.value.credential.token;
    return result;
  }

  /** The credential, for the push channel URL. */
  get credential(): string | undefined {
    return this.token;
  }

  /** Disconnects this party. */
  disconnect(): Promise<PlatformResult<unknown>> {
    return this.exchange({ method: 'DELETE', path: path('/parties/me'), headers: this.headers() }, anyBody);
  }

  /** `initByCaller` (P §3). */
  initByCaller(body: InitByCallerRequest): Promise<PlatformResult<InitByCallerData>> {
    return this.post('/plugin/init-by-caller', body, InitByCallerData);
  }

  /** `callDevice` (P §4.2). */
  callDevice(body: CallDeviceRequest): Promise<PlatformResult<CallCreatedData>> {
    return this.post('/plugin/call-device', body, CallCreatedData);
  }

  /** `callWMPF` (P §4.1). */
  callWmpf(body: CallWmpfRequest): Promise<PlatformResult<CallCreatedData>> {
    return this.post('/plugin/call-wmpf', body, CallCreatedData);
  }

  /** `forceHangUpVoip(roomId?)` (P §5.1) as the platform sees it: the party's current call. */
  forceHangUp(roomId: string | undefined): Promise<PlatformResult<ForceHangUpData>> {
    return this.post('/plugin/force-hang-up', roomId === undefined ? {} : { roomId }, ForceHangUpData);
  }

  /** `getIotBindContactList` (P §5.7). */
  getIotBindContactList(body: GetIotBindContactListRequest): Promise<PlatformResult<{ contact_list: IotBindContact[] }>> {
    return this.post('/plugin/iot-bind-contact-list', body, ContactListData);
  }

  /** Phone-side `wx.requestDeviceVoIP` (D §5.1). */
  requestDeviceVoip(body: RequestDeviceVoipArgs): Promise<PlatformResult<unknown>> {
    return this.post('/wx/request-device-voip', body, anyBody);
  }

  /** Phone-side `wx.getDeviceVoIPList` (D §5.3). */
  getDeviceVoipList(): Promise<PlatformResult<DeviceVoipListData>> {
    return this.exchange({ method: 'GET', path: path('/wx/device-voip-list'), headers: this.headers() }, DeviceVoipListData);
  }

  /** The caller joins its room (`joinedRoomByCaller`). */
  join(roomId: string): Promise<PlatformResult<RoomActionData>> {
    return this.exchange({ method: 'POST', path: roomPath(roomId, 'join'), headers: this.headers() }, RoomActionData);
  }

  /** The listener answers (`hangOnVoip`). */
  answer(roomId: string, body: AnswerRoomBodyInput): Promise<PlatformResult<RoomActionData>> {
    return this.exchange({ method: 'POST', path: roomPath(roomId, 'answer'), headers: this.headers(), body }, RoomActionData);
  }

  /** The listener refuses before connect. */
  reject(roomId: string, body: RejectRoomBodyInput): Promise<PlatformResult<RoomActionData>> {
    return this.exchange({ method: 'POST', path: roomPath(roomId, 'reject'), headers: this.headers(), body }, RoomActionData);
  }

  /** This side ends the call (cancel, reject or hang up by phase). */
  hangUp(roomId: string, body: HangUpRoomBodyInput): Promise<PlatformResult<RoomActionData>> {
    return this.exchange({ method: 'POST', path: roomPath(roomId, 'hang-up'), headers: this.headers(), body }, RoomActionData);
  }

  /** This side failed locally. */
  abort(roomId: string, body: AbortRoomBodyInput): Promise<PlatformResult<RoomActionData>> {
    return this.exchange({ method: 'POST', path: roomPath(roomId, 'abort'), headers: this.headers(), body }, RoomActionData);
  }

  /** WMPF's own deviceToken fetch (the prefetch a WMPF-registered device relies on). */
  deviceToken(): Promise<PlatformResult<DeviceTokenData>> {
    return this.exchange({ method: 'POST', path: path('/wmpf/device-token'), headers: this.headers() }, DeviceTokenData);
  }

  /** WMPF `getPushToken`. */
  pushToken(): Promise<PlatformResult<PushTokenData>> {
    return this.exchange({ method: 'POST', path: path('/wmpf/push-token'), headers: this.headers() }, PushTokenData);
  }

  private post<T>(route: string, body: unknown, schema: BodySchema<T>): Promise<PlatformResult<T>> {
    return this.exchange({ method: 'POST', path: path(route), headers: this.headers(), body }, schema);
  }

  private headers(withCredential = true): Record<string, string> {
    return {
      ...(this.namespace === undefined ? {} : { [NAMESPACE_HEADER]: this.namespace }),
      ...(withCredential && this.token !== undefined ? { authorization: `Bearer ${this.token}` } : {}),
    };
  }

  private async exchange<T>(request: TransportRequest, schema: BodySchema<T>): Promise<PlatformResult<T>> {
    let status: number;
    let body: unknown;
    try {
      ({ status, body } = await this.transport.request(request));
    } catch (cause) {
      return { ok: false, failure: { kind: 'network', cause } };
    }
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
    if (status === 400 && record?.['errcode'] === 47001) {
      return { ok: false, failure: { kind: 'invalid', errmsg: String(record['errmsg'] ?? 'data format error'), body } };
    }
    if (status === 401 && record && typeof record['errcode'] === 'number') {
      return { ok: false, failure: { kind: 'credential', errcode: record['errcode'], errmsg: String(record['errmsg'] ?? '') } };
    }
    if (status !== 200 || !record || typeof record['errcode'] !== 'number') {
      return { ok: false, failure: { kind: 'unparseable', status, body, detail: `expected HTTP 200 with a JSON { errcode, errmsg } body, got HTTP ${status}` } };
    }
    if (record['errcode'] !== 0) {
      const refusal = TransportRefusal.safeParse(record);
      if (!refusal.success) return { ok: false, failure: { kind: 'unparseable', status, body, detail: refusal.error.message } };
      return { ok: false, failure: { kind: 'refused', errcode: refusal.data.errcode, errmsg: refusal.data.errmsg, key: refusal.data.key, domain: refusal.data.domain } };
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) return { ok: false, failure: { kind: 'unparseable', status, body, detail: parsed.error.message } };
    return { ok: true, value: parsed.data };
  }
}

const anyBody: BodySchema<unknown> = { safeParse: (value: unknown) => ({ success: true, data: value }) };
