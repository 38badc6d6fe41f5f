import type { ConnectPartyRequestInput, IncomingCallMessage, PushMessage, VoipEvent } from '@wxvoip/contracts';
import { describePartyFailure, PartyClient } from '@wxvoip/party-client';
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
 * The plugin simulator's link to the mock platform: one {@link PartyClient} (the transport API through ts-rest, the
 * push channel, answers ordered with their pushes: ADR 0026) and the operations still waiting for the platform.
 */
export class PlatformLink {
  /** The party this plugin instance is on the platform. */
  readonly party: PartyClient;
  private lastHandedSeq = 0;
  private connectedValue = false;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly options: WmpfVoipSimulatorOptions,
    private readonly state: CallState,
    private readonly receiver: PushReceiver,
  ) {
    const platform = options.platform ?? IN_PROCESS_PLATFORM_URL;
    this.party = new PartyClient({
      baseUrl: typeof platform === 'string' ? platform : platform.url,
      namespace: options.namespace,
      fetch: options.fetch,
      WebSocket: options.WebSocket,
    });
  }

  /** Connects to the platform as a plugin party and opens the push channel; resolves after its `hello`. */
  async connect(): Promise<void> {
    const o = this.options;
    const common = { appId: o.appId, envVersion: this.state.envVersion, pluginVersion: this.state.gate.version, ...(o.label === undefined ? {} : { label: o.label }) };
    const identity: ConnectPartyRequestInput =
      o.host === 'wechat'
        ? { kind: 'wechatPlugin', openId: o.openId, ...common }
        : { kind: 'wmpfPlugin', sn: o.sn, modelId: o.modelId, registrationMode: this.state.registrationMode ?? 'wmpf', ...common };
    const connected = await this.party.connect(identity);
    if (!connected.ok) {
      throw new Error(`[wxvoip] the plugin simulator could not connect to the mock platform: ${describePartyFailure(connected.failure)}. Check the platform URL, the appId and the identity.`);
    }
    const opened = await this.party.openChannel({
      onPush: (message) => this.onPush(message),
      onClosed: () => {
        this.connectedValue = false;
      },
    });
    if (!opened.ok) {
      throw new Error(`[wxvoip] the plugin simulator's push channel did not open: ${describePartyFailure(opened.failure)}. Is a WebSocket class available (options.WebSocket)?`);
    }
    this.connectedValue = true;
  }

  /** Disconnects from the platform and closes the push channel. */
  async close(): Promise<void> {
    await this.idle();
    this.connectedValue = false;
    await this.party.disconnect();
  }

  /** The platform's id for this plugin instance. */
  get partyId(): string {
    return this.party.partyId ?? '';
  }

  /**
   * `seq` of the last push message this instance has taken in: pushes (and pings) received and handed over, not those
   * the party client still holds for an answer in flight (ADR 0026).
   */
  get lastSeq(): number {
    return this.party.heldPushes === 0 ? Math.max(this.lastHandedSeq, this.party.receivedSeq) : this.lastHandedSeq;
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

  private onPush(message: PushMessage): void {
    this.lastHandedSeq = message.seq;
    if (message.type === 'incomingCall') this.receiver.onIncoming(message);
    else if (message.type === 'voipEvent') this.receiver.onRoomEvent(message.roomId, message.event);
  }
}
