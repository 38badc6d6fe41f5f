/**
 * Test harness: a listening mock platform on a manual clock, a namespace per test, a phone (a `wechatPlugin` party
 * speaking the transport API as the plugin does), devices whose local clock is the platform's, and a clock advance
 * that lets every party answer its pings, as the real channel needs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushMessage, VoipEventName, WxHangupReason, WxVoipStatus } from '@wxvoip/contracts';
import type { MockPlatform } from '@wxvoip/mock-platform';
import { expect } from 'vitest';
import NodeWebSocket from 'ws';
import { PartyClient, describePartyFailure, type PartyResult } from '@wxvoip/party-client';
import { LinuxDevice, type LinuxDeviceOptions, type WebSocketConstructorLike } from '../src/index.js';

export const APP = 'wx_demo_app';
export const DOORBELL = 'model-linux-doorbell';

let counter = 0;

/** A fresh namespace (each starts from the demo seed, with its own clock). */
export function freshNamespace(label: string): string {
  counter += 1;
  return `dl-${counter}-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`;
}

/** A fresh, empty data directory. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'wxvoip-device-linux-'));
}

/** A Linux device on `namespace` whose local clock is the platform's (plus `skewMs`). */
export function newDevice(platform: MockPlatform, namespace: string, options: Partial<LinuxDeviceOptions> & { skewMs?: number } = {}): LinuxDevice {
  const { skewMs = 0, ...rest } = options;
  return new LinuxDevice({ platformUrl: platform.url, namespace, now: () => platform.clock(namespace).now() + skewMs, ...rest });
}

/** The init config of a demo doorbell. */
export function doorbellConfig(sn: string, dataDir = freshDataDir()) {
  return { data_dir: dataDir, device_id: sn, model_id: DOORBELL, wxa_appid: APP, wxa_flavor: 1 as const };
}

/** An snTicket from the control API (what the developer's backend gets from getsnticket). */
export async function issueTicket(platform: MockPlatform, namespace: string, sn: string, modelId = DOORBELL): Promise<string> {
  const res = await platform.control(namespace).issueSnTicket({ params: { appId: APP }, body: { sn, modelId } });
  if (res.status !== 201) throw new Error(`issueSnTicket answered ${res.status}`);
  return res.body.snTicket;
}

/**
 * Advances the namespace's manual clock by `ms` in steps of at most one ping interval, waiting after each step until
 * every party answered its ping: the platform drops a party that misses two pings in a row.
 */
export async function advance(platform: MockPlatform, namespace: string, ms: number, stepMs = 5_000): Promise<void> {
  for (let left = ms; left > 0; left -= stepMs) {
    const res = await platform.control(namespace).advanceClock({ body: { ms: Math.min(stepMs, left) } });
    expect(res.status).toBe(200);
    await expect.poll(() => platform.tenant(namespace).parties.list().every((p) => p.sink === undefined || p.awaitingPong === undefined), { timeout: 5_000 }).toBe(true);
  }
}

/** A status as the tests record it: number and reason. */
export interface Seen {
  readonly status: WxVoipStatus;
  readonly reason: WxHangupReason | null;
}

/** A status listener that records what it sees, and the recorded statuses. */
export function recorder(): { listener: (status: WxVoipStatus, detail: { reason: WxHangupReason | null }) => void; seen: Seen[]; statuses: () => WxVoipStatus[] } {
  const seen: Seen[] = [];
  return { listener: (status, { reason }) => void seen.push({ status, reason }), seen, statuses: () => seen.map((s) => s.status) };
}

/** A phone: the plugin in WeChat for one user, talking to the platform through the party client (as the plugin does). */
export class Phone {
  readonly messages: PushMessage[] = [];

  private constructor(private readonly party: PartyClient) {}

  /**
   * Connects a `wechatPlugin` party for `openId` and opens its channel (answering pings) with `WebSocket` (default
   * `ws`'s; the global one to go through msw), the namespace in the query as a WHATWG WebSocket must send it.
   */
  static async connect(platform: MockPlatform, namespace: string, openId = 'openid-alice', WebSocket: WebSocketConstructorLike = NodeWebSocket as unknown as WebSocketConstructorLike): Promise<Phone> {
    const party = new PartyClient({ baseUrl: platform.url, namespace, WebSocket });
    const phone = new Phone(party);
    const connected = await party.connect({ kind: 'wechatPlugin', appId: APP, openId });
    if (!connected.ok) throw new Error(`the phone could not connect: ${describePartyFailure(connected.failure)}`);
    const opened = await party.openChannel({ onPush: (message) => void phone.messages.push(message), onClosed: () => undefined });
    if (!opened.ok) throw new Error(`the phone's push channel failed to open: ${describePartyFailure(opened.failure)}`);
    return phone;
  }

  /** `callDevice` for a Linux device (no `isCloud`), as the plugin does; returns the roomId. */
  async callDevice(sn: string, modelId = DOORBELL): Promise<string> {
    const placed = await this.party.request('callDevice', { body: { roomType: 'voice', sn, modelId } });
    if (!placed.ok) throw new Error(`callDevice refused: ${describePartyFailure(placed.failure)}`);
    return placed.data.roomId;
  }

  /** The caller joins the room it created (the plugin does it on the call page). */
  join(roomId: string): Promise<{ errcode: number }> {
    return errcodeOf(this.party.request('joinRoomAsCaller', { params: { roomId } }));
  }

  /** The user answers an incoming call. */
  answer(roomId: string): Promise<{ errcode: number }> {
    return errcodeOf(this.party.request('answerRoom', { params: { roomId }, body: {} }));
  }

  /** The user rejects an incoming call. */
  reject(roomId: string): Promise<{ errcode: number }> {
    return errcodeOf(this.party.request('rejectRoom', { params: { roomId }, body: {} }));
  }

  /** The user hangs up. */
  hangUp(roomId: string): Promise<{ errcode: number }> {
    return errcodeOf(this.party.request('hangUpRoom', { params: { roomId }, body: { origin: 'manual' } }));
  }

  /** Waits for the incoming-call reminder of a room. */
  async incomingCall(roomId: string): Promise<void> {
    await expect.poll(() => this.messages.some((m) => m.type === 'incomingCall' && m.roomId === roomId), { timeout: 5_000 }).toBe(true);
  }

  /** The plugin events seen for a room, `calling` ticks left out. */
  events(roomId: string): VoipEventName[] {
    return this.messages.flatMap((m) => (m.type === 'voipEvent' && m.roomId === roomId && m.event.eventName !== 'calling' ? [m.event.eventName] : []));
  }

  /** Closes the channel. */
  close(): void {
    this.party.closeChannel();
  }
}

/** `{ errcode }` of an action: 0, or the platform's refusal; any other failure fails the test. */
async function errcodeOf(pending: Promise<PartyResult<unknown>>): Promise<{ errcode: number }> {
  const result = await pending;
  if (result.ok) return { errcode: 0 };
  if (result.failure.kind === 'refused') return { errcode: result.failure.refusal.errcode };
  throw new Error(describePartyFailure(result.failure));
}
