import type { PartyClient } from '@wxvoip/party-client';
import { CallPage } from './callPage.js';
import { CallState } from './callState.js';
import { EventDelivery } from './eventDelivery.js';
import { IncomingCalls } from './incomingCalls.js';
import { PlatformLink } from './platformLink.js';
import { PluginApi } from './pluginApi.js';
import type { WmpfVoipSimulatorOptions } from './simulatorOptions.js';
import type { VersionGate } from './versionBehaviour.js';
import { WmpfHost } from './wmpfHost.js';


/**
 * The wmpf-voip plugin simulated on top of the mock platform (ADR 0009). The platform owns rooms, timers and the
 * event sequences; the simulator adds what the plugin does locally. It is built from its seams, which share one
 * {@link CallState}: the {@link PlatformLink} (party, push channel, operations in flight), the {@link PluginApi} with
 * its version gate, the {@link CallPage}, the {@link WmpfHost}, {@link IncomingCalls} and {@link EventDelivery}. Its
 * runtime uses no Node built-ins.
 */
export class PluginSimulator {
  /** What every part reads and changes: identity, version gate, the call, the page, configuration. */
  readonly state: CallState;
  /** The link to the platform. */
  readonly link: PlatformLink;
  /** Delivery of events to `onVoipEvent` listeners. */
  readonly delivery: EventDelivery;
  /** Phone reminders and WMPF pushes of incoming calls. */
  readonly incoming: IncomingCalls;
  /** The call page as a person uses it. */
  readonly callPage: CallPage;
  /** The Android app around WMPF. */
  readonly wmpf: WmpfHost;
  /** The plugin's API behind its version gate. */
  readonly api: PluginApi;

  constructor(options: WmpfVoipSimulatorOptions) {
    this.state = new CallState(options);
    this.incoming = new IncomingCalls(this.state);
    this.delivery = new EventDelivery(this.state, (call) => this.callPage.onCallEnded(call));
    this.link = new PlatformLink(options, this.state, {
      onIncoming: (message) => this.incoming.receive(message),
      onRoomEvent: (roomId, event) => this.delivery.onRoomEvent(roomId, event),
    });
    this.callPage = new CallPage(this.state, this.link, this.incoming, (event) => this.delivery.deliver(event));
    this.wmpf = new WmpfHost(this.state, this.link, this.incoming, this.callPage);
    this.api = new PluginApi(this.state, this.link, this.delivery, this.callPage);
  }

  /** Where the plugin runs. */
  get host(): 'wechat' | 'wmpf' {
    return this.state.host;
  }

  /** What the configured plugin version has. */
  get gate(): VersionGate {
    return this.state.gate;
  }

  /** Connects to the platform as a plugin party and opens the push channel; resolves after its `hello`. */
  connect(): Promise<void> {
    return this.link.connect();
  }

  /** Disconnects from the platform and closes the push channel. */
  close(): Promise<void> {
    return this.link.close();
  }

  /** The platform's id for this plugin instance. */
  get partyId(): string {
    return this.link.partyId;
  }

  /** `seq` of the last push message received. */
  get lastSeq(): number {
    return this.link.lastSeq;
  }

  /** Whether the push channel is open. */
  get connected(): boolean {
    return this.link.connected;
  }

  /** Whether an operation started by the plugin or its controls is still waiting for the platform. */
  get busy(): boolean {
    return this.link.busy;
  }

  /** Resolves once no operation started by the plugin or its controls is still waiting for the platform. */
  idle(): Promise<void> {
    return this.link.idle();
  }

  /** Runs an operation and keeps it in flight until it settles (`idle()` waits for it). */
  track<T>(operation: () => Promise<T>): Promise<T> {
    return this.link.track(operation);
  }

  /** The party client, for the fake `wx` members. */
  get party(): PartyClient {
    return this.link.party;
  }
}
