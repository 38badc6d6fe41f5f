import type { AppRoute, ClientInferRequest } from '@ts-rest/core';
import {
  contractCheck,
  CredentialRefusal,
  PUSH_CHANNEL_NAMESPACE_PARAM,
  PUSH_CHANNEL_TOKEN_PARAM,
  TransportValidationRefusal,
  platformTransportContract,
  type CheckableSchema,
  type ConnectPartyRequestInput,
  type HelloMessage,
  type PlatformTransportContract,
  type PushMessage,
  type TransportRefusal,
  type TransportRouteKey,
} from '@wxvoip/contracts';
import type { ChannelCloseReason, PartyFailure, PartyResult } from './partyFailure.js';
import { PushChannel } from './pushChannel.js';
import { LAST_SEQ, PushOrder } from './pushOrder.js';
import { NotJsonAnswer, createTransportClient, type FetchLike, type TransportClient } from './transportClient.js';
import type { WebSocketConstructorLike } from './webSocketLike.js';

/** A transport route a connected party calls (every route but `connectParty`, which {@link PartyClient.connect} calls). */
export type PartyRouteKey = Exclude<TransportRouteKey, 'connectParty'>;

/** The arguments of a route: its `params` and `body` as the contract types them (no headers: the client adds them). */
export type PartyRequestArgs<K extends TransportRouteKey> = Pick<ClientInferRequest<PlatformTransportContract[K]>, Extract<keyof ClientInferRequest<PlatformTransportContract[K]>, 'params' | 'body' | 'query'>>;

/** The responses of a route, by HTTP status. */
type ResponsesOf<R> = R extends { responses: infer X } ? X : never;

/** The output type of a zod schema. */
type OutputOf<S> = S extends { _output: infer B } ? B : never;

/** The HTTP 200 body of a route (its success branch or its refusal). */
type OkBodyOf<K extends TransportRouteKey> = OutputOf<ResponsesOf<PlatformTransportContract[K]>[200 & keyof ResponsesOf<PlatformTransportContract[K]>]>;

/** The data of a route's success: its HTTP 200 body without `errcode`, `errmsg` and `pushSeq`. */
export type PartyData<K extends TransportRouteKey> = Omit<Extract<OkBodyOf<K>, { errcode: 0 }>, 'errcode' | 'errmsg' | 'pushSeq'>;

/** Options of one request. */
export interface PartyRequestOptions<T> {
  /** Aborting it cancels the request (a `cancelled` failure). */
  readonly signal?: AbortSignal | undefined;
  /**
   * Runs with the success data before any push that came with or after the answer is handed over (ADR 0026): bind the
   * room the answer names here, and its pushes find it.
   */
  readonly adopt?: ((data: T) => void) | undefined;
}

/** Options of a {@link PartyClient}. */
export interface PartyClientOptions {
  /** Base URL of the platform, e.g. `http://127.0.0.1:4123`. */
  readonly baseUrl: string;
  /** Tenant namespace (`x-wxvoip-namespace` on HTTP, the `namespace` query parameter on the channel); absent = default. */
  readonly namespace?: string | undefined;
  /** The fetch to use. Default: `defaultFetch` (`node:http` in Node while the global `fetch` is Node's own, else the global `fetch`). */
  readonly fetch?: FetchLike | undefined;
  /** The WHATWG WebSocket class of the push channel. Default: `globalThis.WebSocket` (browsers, Node 22+, msw). */
  readonly WebSocket?: WebSocketConstructorLike | undefined;
  /** Acknowledge every push with an `ack`. Default false. */
  readonly acknowledgePushes?: boolean | undefined;
}

/** What the push channel hands to the SDK, in order (ADR 0026). */
export interface PartyChannelHandlers {
  /** A push for the SDK: `voipEvent`, `incomingCall`, `deviceStatus` or `appMsg` (hello, ping and bye are handled here). */
  onPush(message: PushMessage): void;
  /** The channel ended after it opened: the `bye` reason, or `lost` when the socket dropped. {@link reconnectAdvice} says what next. */
  onClosed(reason: ChannelCloseReason): void;
  /** A frame the contract does not allow (skipped). Default: ignored. */
  onMalformed?(failure: Extract<PartyFailure, { kind: 'malformed' }>): void;
}

/** A push, or the channel's end, in the order the SDK sees them. */
type Delivery = { readonly seq: number; readonly push: PushMessage } | { readonly seq: number; readonly closed: ChannelCloseReason };

/**
 * One party of the platform (a plugin instance, a device, a vendor-cloud process) as every SDK sees it: the transport
 * API through ts-rest ({@link createTransportClient}), the credential, one push channel, one failure type
 * ({@link PartyFailure}, returned, never thrown), and answers ordered with pushes (ADR 0026): an answer is adopted
 * before any push that came with or after it, so no SDK keeps an early-push buffer.
 *
 * @example
 * const party = new PartyClient({ baseUrl: 'http://127.0.0.1:4123', WebSocket });
 * await party.connect({ kind: 'linuxDevice', appId, sn, modelId });
 * await party.openChannel({ onPush: (m) => route(m), onClosed: (reason) => dropped(reason) });
 * const call = await party.request('linuxSessionCall', { body }, { adopt: (data) => bind(data.roomId) });
 */
export class PartyClient {
  /** The ts-rest client underneath (typed routes, no credential, no ordering). */
  readonly transport: TransportClient;
  private token: string | undefined;
  private id: string | undefined;
  private channelPath: string | undefined;
  private channel: PushChannel | undefined;
  private handlers: PartyChannelHandlers | undefined;
  private readonly order: PushOrder<Delivery>;

  constructor(private readonly options: PartyClientOptions) {
    this.transport = createTransportClient(options);
    this.order = new PushOrder<Delivery>((item) => this.hand(item));
  }

  /** The party's credential, once connected. */
  get credential(): string | undefined {
    return this.token;
  }

  /** The platform's id of this party, once connected. */
  get partyId(): string | undefined {
    return this.id;
  }

  /** True while the push channel is open. */
  get channelOpen(): boolean {
    return this.channel?.open ?? false;
  }

  /** Pings answered on the current channel. */
  get pongsSent(): number {
    return this.channel?.pongsSent ?? 0;
  }

  /** The highest push seq received so far. */
  get receivedSeq(): number {
    return this.order.receivedSeq;
  }

  /** Pushes held until the requests in flight are adopted (ADR 0026). */
  get heldPushes(): number {
    return this.order.heldCount;
  }

  /** `connectParty`: connects this party and keeps its credential and channel path. */
  async connect(identity: ConnectPartyRequestInput, options: PartyRequestOptions<PartyData<'connectParty'>> = {}): Promise<PartyResult<PartyData<'connectParty'>>> {
    const result = await this.send('connectParty', { body: identity } as PartyRequestArgs<'connectParty'>, options, false);
    if (result.ok) {
      this.token = result.data.credential.token;
      this.id = result.data.party.partyId;
      this.channelPath = result.data.pushChannel.path;
    }
    return result;
  }

  /**
   * Calls a transport route as this party (credential in `authorization`), checks the answer against the contract,
   * and orders it with the pushes (ADR 0026): the pushes produced before the answer are awaited, `adopt` runs, then
   * the pushes held meanwhile are handed over, then the promise resolves.
   *
   * @example
   * const joined = await party.request('linuxListenerJoin', { body: { roomId, cameraStatus: 0 } });
   * if (!joined.ok) throw toMyError(joined.failure);
   */
  request<K extends PartyRouteKey>(key: K, args: PartyRequestArgs<K>, options: PartyRequestOptions<PartyData<K>> = {}): Promise<PartyResult<PartyData<K>>> {
    return this.send(key, args, options, true);
  }

  /** `disconnectSelf`: closes the channel quietly, disconnects the party (its calls abort) and forgets the credential. */
  async disconnect(options: { readonly signal?: AbortSignal } = {}): Promise<PartyResult<PartyData<'disconnectSelf'>>> {
    this.closeChannel();
    if (this.token === undefined) return { ok: true, data: {}, pushSeq: null };
    try {
      return await this.request('disconnectSelf', {} as PartyRequestArgs<'disconnectSelf'>, options);
    } finally {
      this.token = undefined;
      this.id = undefined;
    }
  }

  /**
   * The push channel's WebSocket URL: the path `connectParty` returned, `ws:`/`wss:`, the credential in `access_token`
   * and the namespace in `namespace` (a WHATWG WebSocket cannot send headers).
   */
  channelUrl(): string {
    // String work, not the URL class: a mini program's JavaScript engine has none.
    const base = this.options.baseUrl.replace(/\/+$/, '').replace(/^http(s?):/i, 'ws$1:');
    const query = [`${PUSH_CHANNEL_TOKEN_PARAM}=${encodeURIComponent(this.token ?? '')}`];
    if (this.options.namespace !== undefined) query.push(`${PUSH_CHANNEL_NAMESPACE_PARAM}=${encodeURIComponent(this.options.namespace)}`);
    return `${base}${this.channelPath ?? ''}?${query.join('&')}`;
  }

  /**
   * Opens the push channel (after `connect`, or again after a `lost` one) and resolves with `hello`. Pushes then go to
   * `handlers` in the order of ADR 0026. An open channel is closed quietly first.
   */
  async openChannel(handlers: PartyChannelHandlers, options: { readonly signal?: AbortSignal } = {}): Promise<PartyResult<HelloMessage>> {
    const WebSocket = this.options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
    if (WebSocket === undefined) {
      return { ok: false, failure: { kind: 'channelClosed', reason: 'unreachable', code: null, detail: 'no WebSocket class: pass one in the WebSocket option (this runtime has no global WebSocket)' } };
    }
    if (this.token === undefined || this.channelPath === undefined) {
      return { ok: false, failure: { kind: 'channelClosed', reason: 'refused', code: null, detail: 'not connected: call connect() first' } };
    }
    this.closeChannel();
    this.handlers = handlers;
    const opened = await PushChannel.open({
      url: this.channelUrl(),
      WebSocket,
      acknowledge: this.options.acknowledgePushes ?? false,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      events: {
        onMessage: (message) => this.received(message),
        onLost: () => this.lost(),
        onMalformed: (failure) => handlers.onMalformed?.(failure),
      },
    });
    if (!opened.ok) return { ok: false, failure: opened.failure };
    this.channel = opened.channel;
    this.order.received(opened.hello.seq);
    this.order.setChannelOpen(true);
    return { ok: true, data: opened.hello, pushSeq: opened.hello.seq };
  }

  /** Closes the push channel without reporting it (the owner is stopping). */
  closeChannel(): void {
    const channel = this.channel;
    this.channel = undefined;
    this.order.setChannelOpen(false);
    channel?.close();
  }

  private received(message: PushMessage): void {
    if (message.type === 'ping') {
      this.order.received(message.seq);
      return;
    }
    if (message.type === 'bye') {
      this.channel = undefined;
      this.order.setChannelOpen(false);
      this.token = undefined;
      this.order.arrive({ seq: message.seq, closed: message.reason });
      return;
    }
    this.order.arrive({ seq: message.seq, push: message });
  }

  private lost(): void {
    this.channel = undefined;
    this.order.setChannelOpen(false);
    this.order.arrive({ seq: LAST_SEQ, closed: 'lost' });
  }

  private hand(item: Delivery): void {
    const handlers = this.handlers;
    if (handlers === undefined) return;
    if ('push' in item) handlers.onPush(item.push);
    else handlers.onClosed(item.closed);
  }

  private async send<K extends TransportRouteKey>(key: K, args: PartyRequestArgs<K>, options: PartyRequestOptions<PartyData<K>>, authenticated: boolean): Promise<PartyResult<PartyData<K>>> {
    const route = (platformTransportContract as unknown as Record<string, AppRoute>)[key] as AppRoute;
    const call = (this.transport as unknown as Record<string, (input: object) => Promise<{ status: number; body: unknown }>>)[key] as (input: object) => Promise<{ status: number; body: unknown }>;
    const headers = authenticated && this.token !== undefined ? { authorization: `Bearer ${this.token}` } : {};
    this.order.begin();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.order.end();
    };
    try {
      let answer: { status: number; body: unknown };
      try {
        answer = await call({ ...args, headers, ...(options.signal === undefined ? {} : { fetchOptions: { signal: options.signal } }) });
      } catch (cause) {
        if (cause instanceof NotJsonAnswer) return { ok: false, failure: { kind: 'malformed', operation: key, status: cause.status, detail: cause.message } };
        if (options.signal?.aborted) return { ok: false, failure: { kind: 'cancelled', operation: key } };
        return { ok: false, failure: { kind: 'network', operation: key, cause } };
      }
      const outcome = readAnswer(key, route.responses as Record<number, unknown>, answer);
      if (outcome.pushSeq !== null) await this.order.catchUp(outcome.pushSeq);
      if (outcome.ok) options.adopt?.(outcome.data as PartyData<K>);
      end();
      return outcome as PartyResult<PartyData<K>>;
    } finally {
      end();
    }
  }
}

/** Reads an answer against the route's responses: success data, or the failure it is. */
function readAnswer(key: TransportRouteKey, responses: Record<number, unknown>, answer: { status: number; body: unknown }): { ok: true; data: object; pushSeq: number | null } | { ok: false; failure: PartyFailure; pushSeq: number | null } {
  const { status, body } = answer;
  const excerpt = () => JSON.stringify(body)?.slice(0, 160) ?? '';
  if (status === 401) {
    const refusal = CredentialRefusal.safeParse(body);
    return refusal.success ? { ok: false, failure: { kind: 'credential', operation: key, refusal: refusal.data }, pushSeq: null } : malformed(key, status, `HTTP 401 outside the contract: ${excerpt()}`);
  }
  if (status === 400) {
    const refusal = TransportValidationRefusal.safeParse(body);
    return refusal.success ? { ok: false, failure: { kind: 'invalid', operation: key, refusal: refusal.data }, pushSeq: null } : malformed(key, status, `HTTP 400 outside the contract: ${excerpt()}`);
  }
  const schema = responses[status] as Partial<CheckableSchema> | undefined;
  if (status !== 200 || schema?.safeParse === undefined) return malformed(key, status, `an HTTP status the route does not have: ${excerpt()}`);
  const parsed = contractCheck(schema as CheckableSchema, body);
  if (!parsed.success) {
    const issue = parsed.error?.issues[0];
    return malformed(key, status, `${issue === undefined ? 'invalid body' : `${issue.path.join('.') || 'body'}: ${issue.message}`} in ${excerpt()}`);
  }
  const { errcode, errmsg, pushSeq, ...data } = parsed.data as { errcode: number; errmsg: string; pushSeq?: number } & Record<string, unknown>;
  const seq = typeof pushSeq === 'number' ? pushSeq : null;
  if (errcode !== 0) return { ok: false, failure: { kind: 'refused', operation: key, refusal: { errcode, errmsg, ...data, ...(seq === null ? {} : { pushSeq: seq }) } as TransportRefusal }, pushSeq: seq };
  return { ok: true, data, pushSeq: seq };
}

function malformed(operation: TransportRouteKey, status: number, detail: string): { ok: false; failure: PartyFailure; pushSeq: null } {
  return { ok: false, failure: { kind: 'malformed', operation, status, detail }, pushSeq: null };
}
