/**
 * A simulated RTOS camera: the device SDK (`RtosDevice`) for signalling, plus what the vendor's own firmware does: a
 * screen that shows incoming calls, a user who answers (or refuses) them, and a link to the vendor cloud over the
 * vendor's own protocol (here: method calls). The SDK has no hang-up: the camera asks its cloud to hang up.
 */
import { RtosDevice } from '../index.js';
import type { PlatformClientOptions } from '../index.js';

/** What the camera's user does when a phone calls: answer, refuse, report busy, or let it ring. */
export type AnswerPolicy = 'answer' | 'reject' | 'busy' | 'ignore';

/** What the camera is doing. */
export type CameraState = 'idle' | 'ringing' | 'calling' | 'talking';

/** The vendor cloud as the camera sees it (the vendor's own protocol). */
export interface CameraLink {
  /** The user answered the ringing call. */
  answer(sn: string, roomId: string): Promise<void>;
  /** The user refused the ringing call (or the camera is busy). */
  refuse(sn: string, roomId: string, busy: boolean): Promise<void>;
  /** The user hung up. */
  hangUp(sn: string, roomId: string): Promise<void>;
  /** The camera is about to call with this payload (so the cloud can match WeChat's notify to this camera). */
  expectCall(sn: string, payload: string): void;
}

/** Options of a {@link SimulatedCamera}. */
export interface SimulatedCameraOptions extends PlatformClientOptions {
  readonly sn: string;
  readonly modelId: string;
  readonly appId: string;
  readonly answer: AnswerPolicy;
}

/** A simulated RTOS camera attached to a vendor cloud. */
export class SimulatedCamera {
  /** What the camera showed, in order (for logs and tests). */
  readonly screen: string[] = [];
  state: CameraState = 'idle';
  roomId: string | null = null;
  readonly device: RtosDevice;
  private link: CameraLink | undefined;
  private calls = 0;

  constructor(readonly options: SimulatedCameraOptions) {
    this.device = new RtosDevice(options);
  }

  /** The SN. */
  get sn(): string {
    return this.options.sn;
  }

  /** Boots the camera: `wx_init`, then `wx_device_register` if an snTicket is given. Returns the first failing code or 0. */
  async boot(link: CameraLink, snTicket?: string): Promise<number> {
    this.link = link;
    const init = await this.device.init({ data_dir: `/data/${this.sn}`, device_id: this.sn, model_id: this.options.modelId, wxa_appid: this.options.appId });
    if (init !== 0 || snTicket === undefined) return init;
    return this.device.deviceRegister(snTicket);
  }

  /** The user calls someone: the camera tells its cloud which payload to expect, then `wx_cloudvoip_client_call`. */
  async call(openId: string, nickname = ''): Promise<number> {
    const payload = `${this.sn}:call-${(this.calls += 1)}`;
    this.link?.expectCall(this.sn, payload);
    const { code, roomId } = await this.device.clientCall(1, { id: this.sn }, { id: openId, name: nickname }, null, payload);
    if (code !== 0) {
      this.screen.push(`call to ${openId} failed: ${this.device.lastError?.message ?? code}`);
      return code;
    }
    this.state = 'calling';
    this.roomId = roomId;
    this.screen.push(`calling ${openId}`);
    return code;
  }

  /** The cloud relays an incoming phone call; the user reacts as the policy says. */
  async incomingCall(roomId: string, from: string): Promise<void> {
    if (this.state !== 'idle') {
      this.screen.push(`busy: refused a call from ${from}`);
      await this.link?.refuse(this.sn, roomId, true);
      return;
    }
    this.state = 'ringing';
    this.roomId = roomId;
    this.screen.push(`ringing: ${from} is calling`);
    switch (this.options.answer) {
      case 'answer':
        return this.link?.answer(this.sn, roomId);
      case 'reject':
        this.screen.push('refused');
        this.state = 'idle';
        return this.link?.refuse(this.sn, roomId, false);
      case 'busy':
        this.state = 'idle';
        return this.link?.refuse(this.sn, roomId, true);
      case 'ignore':
        return;
    }
  }

  /** The cloud says the call is connected: media flows between the camera and the cloud. */
  connected(roomId: string): void {
    if (this.roomId !== roomId) return;
    this.state = 'talking';
    this.screen.push('talking');
  }

  /** The cloud says the call is over. */
  ended(roomId: string, why: string): void {
    if (this.roomId !== roomId) return;
    this.state = 'idle';
    this.roomId = null;
    this.screen.push(`call ended: ${why}`);
  }

  /** The user hangs up: the camera asks its cloud (the RTOS SDK has no hang-up). */
  async hangUp(): Promise<void> {
    if (this.roomId !== null) await this.link?.hangUp(this.sn, this.roomId);
  }

  /** Powers the camera off (`wx_destory`). */
  async shutdown(): Promise<void> {
    await this.device.destroy();
  }
}
