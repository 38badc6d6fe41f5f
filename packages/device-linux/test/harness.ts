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
import { decodePushFrame } from '@wxvoip/party-client';
import { LinuxDevice, type LinuxDeviceOptions, type WebSocketConstructorLike, type WebSocketLike } from '../src/index.js';

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

/** A phone: the plugin in WeChat for one user, talking to the platform's transport API and push channel. */
export class Phone {
  readonly messages: PushMessage[] = [];

  private constructor(
    private readonly platform: MockPlatform,
    private readonly namespace: string,
    private readonly token: string,
    private readonly socket: WebSocketLike,
  ) {}

  /**
   * Connects a `wechatPlugin` party for `openId` and opens its channel (answering pings) with `WebSocket` (default
   * `ws`'s; the global one to go through msw), the namespace in the query as a WHATWG WebSocket must send it.
   */
  static async connect(platform: MockPlatform, namespace: string, openId = 'openid-alice', WebSocket: WebSocketConstructorLike = NodeWebSocket): Promise<Phone> {
    const res = await fetch(`${platform.url}/__wxvoip/v1/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wxvoip-namespace': namespace },
      body: JSON.stringify({ kind: 'wechatPlugin', appId: APP, openId }),
    });
    const body = (await res.json()) as { errcode: number; credential: { token: string }; pushChannel: { path: string } };
    expect(body.errcode).toBe(0);
    const query = new URLSearchParams({ access_token: body.credential.token, namespace });
    const socket = new WebSocket(`${platform.url.replace('http', 'ws')}${body.pushChannel.path}?${query.toString()}`);
    const phone = new Phone(platform, namespace, body.credential.token, socket);
    socket.addEventListener('message', (event) => {
      void decodePushFrame(event.data).then((frame) => {
        if (!frame.ok) throw new Error(`the phone got ${frame.detail}`);
        const message: PushMessage = frame.message;
        phone.messages.push(message);
        if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong', seq: message.seq }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('the phone\'s push channel failed to open')));
    });
    return phone;
  }

  /** `callDevice` for a Linux device (no `isCloud`), as the plugin does; returns the roomId. */
  async callDevice(sn: string, modelId = DOORBELL): Promise<string> {
    const body = await this.post<{ errcode: number; errmsg: string; roomId: string }>('/plugin/call-device', { roomType: 'voice', sn, modelId });
    if (body.errcode !== 0) throw new Error(`callDevice refused: ${body.errcode} ${body.errmsg}`);
    return body.roomId;
  }

  /** The caller joins the room it created (the plugin does it on the call page). */
  join(roomId: string): Promise<{ errcode: number }> {
    return this.post(`/rooms/${roomId}/join`, undefined);
  }

  /** The user answers an incoming call. */
  answer(roomId: string): Promise<{ errcode: number }> {
    return this.post(`/rooms/${roomId}/answer`, {});
  }

  /** The user rejects an incoming call. */
  reject(roomId: string): Promise<{ errcode: number }> {
    return this.post(`/rooms/${roomId}/reject`, {});
  }

  /** The user hangs up. */
  hangUp(roomId: string): Promise<{ errcode: number }> {
    return this.post(`/rooms/${roomId}/hang-up`, { origin: 'manual' });
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
    this.socket.close();
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.platform.url}/__wxvoip/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'x-wxvoip-namespace': this.namespace, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }
}
