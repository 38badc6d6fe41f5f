import {
  CallCreatedData,
  ConnectPartyData,
  CredentialRefusal,
  DeviceRegistration,
  NAMESPACE_HEADER,
  PUSH_CHANNEL_TOKEN_PARAM,
  RegisterDeviceData,
  RoomActionData,
  TransportRefusal,
  TransportValidationRefusal,
  platformTransportContract,
  type HangUpRoomBodyInput,
  type LinuxDeviceConnectInput,
  type LinuxListenerHangupBodyInput,
  type LinuxListenerJoinBodyInput,
  type LinuxSessionCallBodyInput,
  type TransportRouteKey,
} from '@wxvoip/contracts';
import { PlatformError } from './platformError.js';

/**
 * Query parameter naming the namespace on the push channel's URL. The platform reads it when the handshake has no
 * `x-wxvoip-namespace` header (browsers cannot send one); the contract names no constant for it.
 */
const NAMESPACE_QUERY_PARAM = 'namespace';

/** The `fetch` the client uses (global `fetch` by default; inject one to add a proxy or a test double). */
export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<Response>;

/** A zod-like schema: the contract's schemas are passed in as they are. */
interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/** Options of a {@link PlatformClient}. */
export interface PlatformClientOptions {
  /** Base URL of the platform, e.g. `http://127.0.0.1:4123`. */
  readonly baseUrl: string;
  /** Tenant namespace (`x-wxvoip-namespace`); absent = the default namespace. */
  readonly namespace?: string | undefined;
  /** The fetch to use. Default: global `fetch`. */
  readonly fetch?: FetchLike | undefined;
}

/**
 * The Linux device's side of the platform's transport API (`/__wxvoip/v1`, ADR 0007): one method per route the SDK
 * uses, each request and answer checked against the contract's schemas. Failures throw a {@link PlatformError};
 * giving them a `wx_error_t` is the SDK's job (`toWxError`).
 */
export class PlatformClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: FetchLike;
  private token: string | undefined;

  constructor(private readonly options: PlatformClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The credential of the connected party, if connected. */
  get credential(): string | undefined {
    return this.token;
  }

  /** `POST /parties`: connects this device as a `linuxDevice` party; keeps its credential. */
  async connect(identity: Omit<LinuxDeviceConnectInput, 'kind'>, signal?: AbortSignal): Promise<ConnectPartyData> {
    const data = await this.send('connectParty', { body: { kind: 'linuxDevice', ...identity }, signal, authenticated: false }, ConnectPartyData);
    this.token = data.credential.token;
    return data;
  }

  /** `DELETE /parties/me`: disconnects this party (its calls abort, its channel gets `bye`). */
  async disconnect(signal?: AbortSignal): Promise<void> {
    if (this.token === undefined) return;
    try {
      await this.send('disconnectSelf', { signal }, OK);
    } finally {
      this.token = undefined;
    }
  }

  /** `POST /device/register` with the snTicket (`wx_device_register`). */
  register(snTicket: string, signal?: AbortSignal): Promise<RegisterDeviceData> {
    return this.send('registerDevice', { body: { snTicket }, signal }, RegisterDeviceData);
  }

  /** `GET /device/registration`: the platform's view of this device's registration. */
  async registration(signal?: AbortSignal): Promise<DeviceRegistration> {
    return (await this.send('getDeviceRegistration', { signal }, REGISTRATION)).registration;
  }

  /** `POST /linux/session/call` (`wx_voip_session_call`). */
  sessionCall(body: LinuxSessionCallBodyInput, signal?: AbortSignal): Promise<CallCreatedData> {
    return this.send('linuxSessionCall', { body, signal }, CallCreatedData);
  }

  /** `POST /linux/listener/join` (`wx_voip_listener_join`). */
  listenerJoin(body: LinuxListenerJoinBodyInput, signal?: AbortSignal): Promise<RoomActionData> {
    return this.send('linuxListenerJoin', { body, signal }, RoomActionData);
  }

  /** `POST /linux/listener/hangup` (`wx_voip_listener_hangup`). */
  listenerHangup(body: LinuxListenerHangupBodyInput, signal?: AbortSignal): Promise<RoomActionData> {
    return this.send('linuxListenerHangup', { body, signal }, RoomActionData);
  }

  /** `POST /rooms/:roomId/hang-up` (`wx_voip_session_hangup`). */
  hangUp(roomId: string, body: HangUpRoomBodyInput, signal?: AbortSignal): Promise<RoomActionData> {
    return this.send('hangUpRoom', { roomId, body, signal }, RoomActionData);
  }

  /** `POST /rooms/:roomId/abort`: this side failed locally (a media device broke). */
  abort(roomId: string, errMsg: string, signal?: AbortSignal): Promise<RoomActionData> {
    return this.send('abortRoom', { roomId, body: { errMsg }, signal }, RoomActionData);
  }

  /**
   * Absolute WebSocket URL of a push channel path, with the credential in `access_token` and the namespace in
   * `namespace` (a WHATWG WebSocket cannot send the `x-wxvoip-namespace` header; the platform reads either).
   */
  channelUrl(path: string): string {
    const url = new URL(`${this.baseUrl}${path}`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set(PUSH_CHANNEL_TOKEN_PARAM, this.token ?? '');
    if (this.options.namespace !== undefined) url.searchParams.set(NAMESPACE_QUERY_PARAM, this.options.namespace);
    return url.toString();
  }

  /** The namespace header of every HTTP request. */
  private namespaceHeaders(): Record<string, string> {
    return this.options.namespace === undefined ? {} : { [NAMESPACE_HEADER]: this.options.namespace };
  }

  private async send<T>(
    key: TransportRouteKey,
    request: { body?: unknown; roomId?: string; signal?: AbortSignal | undefined; authenticated?: boolean },
    success: Parser<T>,
  ): Promise<T> {
    const route = platformTransportContract[key];
    const path = route.path.replace(':roomId', encodeURIComponent(request.roomId ?? ''));
    const headers: Record<string, string> = { ...this.namespaceHeaders() };
    if (request.authenticated !== false) headers['authorization'] = `Bearer ${this.token ?? ''}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method: route.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      text = await response.text();
    } catch (cause) {
      if (request.signal?.aborted) throw new PlatformError(key, { kind: 'cancelled' });
      throw new PlatformError(key, { kind: 'network', cause });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PlatformError(key, { kind: 'protocol', detail: `HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 120)}` });
    }
    if (response.status === 401) {
      const refusal = CredentialRefusal.safeParse(body);
      throw new PlatformError(key, refusal.success ? { kind: 'credential', ...refusal.data } : { kind: 'protocol', detail: `HTTP 401: ${text.slice(0, 120)}` });
    }
    if (response.status === 400) {
      const refusal = TransportValidationRefusal.safeParse(body);
      const errmsg = refusal.success ? [refusal.data.errmsg, ...refusal.data.errors.map((issue) => `${issue.path}: ${issue.message}`)].join('; ') : text.slice(0, 200);
      throw new PlatformError(key, { kind: 'invalid', errmsg });
    }
    if (response.status !== 200) throw new PlatformError(key, { kind: 'protocol', detail: `HTTP ${response.status}: ${text.slice(0, 120)}` });
    if (typeof body === 'object' && body !== null && 'errcode' in body && body.errcode !== 0) {
      const refusal = TransportRefusal.safeParse(body);
      throw new PlatformError(key, refusal.success ? { kind: 'refusal', refusal: refusal.data } : { kind: 'protocol', detail: `refusal outside the contract: ${text.slice(0, 120)}` });
    }
    const parsed = success.safeParse(body);
    if (!parsed.success) throw new PlatformError(key, { kind: 'protocol', detail: `success body outside the contract: ${parsed.error.message.slice(0, 200)}` });
    return parsed.data;
  }
}

const OK: Parser<object> = { safeParse: (value) => ({ success: true, data: value as object }) };
const REGISTRATION: Parser<{ registration: DeviceRegistration }> = {
  safeParse: (value) => {
    const registration = DeviceRegistration.safeParse((value as { registration?: unknown } | null)?.registration);
    return registration.success ? { success: true, data: { registration: registration.data } } : { success: false, error: registration.error };
  },
};
