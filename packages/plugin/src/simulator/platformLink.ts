import { PushMessage, type ConnectPartyRequestInput, type IncomingCallMessage, type VoipEvent } from '@wxvoip/contracts';
import { createHttpTransport } from '../transport/createHttpTransport.js';
import { PlatformClient, type PlatformFailure } from '../transport/platformClient.js';
import type { PushChannel, SimulatorTransport } from '../transport/simulatorTransport.js';
import type { CallState } from './callState.js';
import { IN_PROCESS_PLATFORM_URL, type WmpfVoipSimulatorOptions } from './simulatorOptions.js';

/** Where the link hands the pushes that concern the plugin. */
export interface PushReceiver {
  /** An incoming call: a phone reminder or a WMPF push. */
  onIncoming(message: IncomingCallMessage): void;
  /** An event of a room. */
  onRoomEvent(roomId: string | null, event: VoipEvent): void;
}

/**
 * The plugin simulator's link to the mock platform: the party it connects as, the platform client, the push channel
 * (hello, ping/pong, bye) and the operations still waiting for the platform.
 */
export class PlatformLink {
  /** The typed client of the transport routes. */
  readonly client: PlatformClient;
  private readonly transport: SimulatorTransport;
  private channel: PushChannel | undefined;
  private helloSeen = false;
  private partyIdValue = '';
  private lastSeqValue = 0;
  private connectedValue = false;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly options: WmpfVoipSimulatorOptions,
    private readonly state: CallState,
    private readonly receiver: PushReceiver,
  ) {
    const platform = options.platform ?? IN_PROCESS_PLATFORM_URL;
    const baseUrl = typeof platform === 'string' ? platform : platform.url;
    this.transport =
      options.transport ??
      createHttpTransport({ baseUrl, ...(options.fetch === undefined ? {} : { fetch: options.fetch }), ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }) });
    this.client = new PlatformClient(this.transport, options.namespace);
  }

  /** Connects to the platform as a plugin party and opens the push channel; resolves after its `hello`. */
  async connect(): Promise<void> {
    const o = this.options;
    const common = { appId: o.appId, envVersion: this.state.envVersion, pluginVersion: this.state.gate.version, ...(o.label === undefined ? {} : { label: o.label }) };
    const identity: ConnectPartyRequestInput =
      o.host === 'wechat'
        ? { kind: 'wechatPlugin', openId: o.openId, ...common }
        : { kind: 'wmpfPlugin', sn: o.sn, modelId: o.modelId, registrationMode: this.state.registrationMode ?? 'wmpf', ...common };
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
        this.receiver.onIncoming(message);
        return;
      case 'voipEvent':
        this.receiver.onRoomEvent(message.roomId, message.event);
        return;
      default:
        return;
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
