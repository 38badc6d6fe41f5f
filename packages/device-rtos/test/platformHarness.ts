/**
 * Test harness: a listening mock platform (manual clock) whose demo app pushes `iot_voip_notify` to a small
 * node:http server on 127.0.0.1, whose receiver each test sets; and a phone (a `wechatPlugin` party) that places and
 * answers calls through the transport routes, as the plugin does, and records what its push channel receives.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  demoSeed,
  type CallDeviceRequestInput,
  type IotVoipNotifyMessage,
  type NotifyReply,
  type PushMessage,
  type RoomDetail,
  type SeedInput,
} from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform, type PlatformConfig } from '@wxvoip/mock-platform';
import { expect } from 'vitest';
import { createCallbackReceiver, toNodeListener, type CallbackReceiver } from '../src/receiver/index.js';
import { describePartyFailure, type PartyClient, type PartyResult, type WebSocketConstructorLike } from '@wxvoip/party-client';
import { createPartyClient } from '../src/transport/createPartyClient.js';
import { AES_KEY, TOKEN } from './messagePushVectors.js';

/** A platform, the receiver host its demo app pushes to, and helpers. */
export interface Harness {
  readonly platform: MockPlatform;
  /** The push URL of the demo app (the node:http server). */
  readonly callbackUrl: string;
  /** Sets the receiver that answers the next pushes. Without one, pushes get HTTP 503. */
  setReceiver(receiver: CallbackReceiver | undefined): void;
  /** A room as the control API shows it. */
  room(roomId: string): Promise<RoomDetail>;
  /** A fresh snTicket for a device, fetched as a vendor backend does (access_token, then getsnticket). */
  snTicket(sn: string, modelId: string): Promise<string>;
  /** Advances the platform's manual clock. */
  advance(ms: number): Promise<void>;
  /** Stops everything. */
  close(): Promise<void>;
}

/** The clock of the last harness started (receivers check push timestamps against it); the wall clock before. */
let harnessClock: () => number = Date.now;

/** Starts the platform (manual clock, demo seed with the push URL pointing at the local receiver host). */
export async function startHarness(options: { config?: Partial<PlatformConfig> } = {}): Promise<Harness> {
  let receiver: CallbackReceiver | undefined;
  const listener = toNodeListener((request) => (receiver ? receiver(request) : Promise.resolve(new Response('no receiver set', { status: 503 }))));
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/callback`;
  const [app, ...others] = demoSeed.apps;
  // The demo app, pushing to the local receiver, plus SN-RTOS-NEW: an RTOS camera to register, authorized by Alice.
  const seed: SeedInput = {
    ...demoSeed,
    apps: [
      {
        ...app!,
        pushConfig: { url: callbackUrl, token: TOKEN, encodingAESKey: AES_KEY, mode: 'secure', format: 'json' },
        devices: [...(app!.devices ?? []), { sn: 'SN-RTOS-NEW', modelId: 'model-rtos-camera', kind: 'rtos', registered: false }],
        authorizations: [...(app!.authorizations ?? []), { openId: 'openid-alice', sn: 'SN-RTOS-NEW' }],
        licenses: [...(app!.licenses ?? []), { sn: 'SN-RTOS-NEW', expireTime: 1_893_427_200 }],
      },
      ...others,
    ],
  };
  const platform = await startMockPlatform({ port: 0, clock: 'manual', seed, ...(options.config === undefined ? {} : { config: options.config }) });
  harnessClock = () => platform.clock().now();
  return {
    platform,
    callbackUrl,
    setReceiver: (next) => (receiver = next),
    room: async (roomId) => {
      const res = await platform.control().getRoom({ params: { roomId } });
      if (res.status !== 200) throw new Error(`room ${roomId} not found`);
      return res.body;
    },
    snTicket: async (sn, modelId) => {
      const token = (await (await fetch(`${platform.url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`)).json()) as { access_token: string };
      const res = await fetch(`${platform.url}/wxa/getsnticket?access_token=${token.access_token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sn, model_id: modelId }) });
      const ticket = (await res.json()) as { errcode: number; sn_ticket?: string };
      if (ticket.errcode !== 0 || ticket.sn_ticket === undefined) throw new Error(`getsnticket failed: ${JSON.stringify(ticket)}`);
      return ticket.sn_ticket;
    },
    advance: async (ms) => {
      expect((await platform.control().advanceClock({ body: { ms } })).status).toBe(200);
    },
    close: async () => {
      await platform.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The data of a successful result; throws with the failure's description otherwise. */
function dataOf<T>(result: PartyResult<T>): T {
  if (!result.ok) throw new Error(describePartyFailure(result.failure));
  return result.data;
}

/** A phone: the plugin in WeChat for one user, driven through the transport routes as the plugin would. */
export class TestPhone {
  private constructor(
    private readonly client: PartyClient,
    /** Every message the phone's push channel handed over, in order. */
    readonly messages: PushMessage[],
  ) {}

  /** Connects a `wechatPlugin` party for `openId` of the demo app and opens its push channel (with `ws` by default). */
  static async connect(platformUrl: string, openId: string, options: { namespace?: string; WebSocket?: WebSocketConstructorLike } = {}): Promise<TestPhone> {
    const { namespace, WebSocket } = options;
    const client = createPartyClient({ platformUrl, ...(namespace === undefined ? {} : { namespace }), ...(WebSocket === undefined ? {} : { WebSocket }) });
    dataOf(await client.connect({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId }));
    const messages: PushMessage[] = [];
    dataOf(await client.openChannel({ onPush: (m) => messages.push(m), onClosed: () => undefined }));
    return new TestPhone(client, messages);
  }

  /** `callDevice` as the plugin sends it; returns the room id (throws on a refusal). */
  async callDevice(body: CallDeviceRequestInput): Promise<string> {
    return dataOf(await this.client.request('callDevice', { body })).roomId;
  }

  /** The caller joins its room (the plugin does so on the call page). */
  async joinAsCaller(roomId: string): Promise<void> {
    dataOf(await this.client.request('joinRoomAsCaller', { params: { roomId } }));
  }

  /** Answers a ringing call. */
  async answer(roomId: string): Promise<void> {
    dataOf(await this.client.request('answerRoom', { params: { roomId }, body: {} }));
  }

  /** Hangs up (cancel, reject or hang up by phase). */
  async hangUp(roomId: string): Promise<void> {
    dataOf(await this.client.request('hangUpRoom', { params: { roomId }, body: { origin: 'manual' } }));
  }

  /** The plugin event names received, without the 1 s `calling` ticks. */
  events(): string[] {
    return this.messages.flatMap((m) => (m.type === 'voipEvent' && m.event.eventName !== 'calling' ? [m.event.eventName] : []));
  }

  /** The data of the last event with this name. */
  eventData(name: string): unknown {
    const found = this.messages.filter((m) => m.type === 'voipEvent' && m.event.eventName === name).at(-1);
    return found?.type === 'voipEvent' ? (found.event as { data?: unknown }).data : undefined;
  }

  /** Incoming-call reminders received (the phone "rings"). */
  rings(): string[] {
    return this.messages.flatMap((m) => (m.type === 'incomingCall' ? [m.roomId] : []));
  }

  /** Closes the channel. */
  close(): void {
    this.client.closeChannel();
  }
}

/** A receiver for the demo app that records every iot_voip_notify and answers with `decide` (errcode 0 by default). */
export function collectingReceiver(decide: (message: IotVoipNotifyMessage) => NotifyReply = () => ({ errcode: 0, errmsg: 'ok' })): { receiver: CallbackReceiver; notifies: IotVoipNotifyMessage[] } {
  const notifies: IotVoipNotifyMessage[] = [];
  const receiver = createCallbackReceiver({
    token: TOKEN,
    encodingAESKey: AES_KEY,
    appId: 'wx_demo_app',
    // The timestamp window is checked against the harness platform's manual clock, the sender's time.
    now: () => harnessClock(),
    onNotify: (message) => {
      notifies.push(message);
      return decide(message);
    },
  });
  return { receiver, notifies };
}
