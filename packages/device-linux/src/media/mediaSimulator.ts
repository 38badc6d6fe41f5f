import { AUDIO_FORMAT, DIAL_TONE_FORMAT, VIDEO_RULES, type CameraConfig, type DownlinkVideo } from './mediaRules.js';

/** A media stream opening or closing, with the local time it happened. */
export interface MediaEvent {
  readonly at: number;
  readonly kind: 'dialTone:start' | 'dialTone:stop' | 'speaker:open' | 'speaker:close' | 'microphone:open' | 'microphone:close' | 'camera:open' | 'camera:close';
}

/** One audio stream: when it opened and closed, and the frames and bytes that passed while it was open. */
export interface AudioStreamStats {
  readonly open: boolean;
  readonly openedAt: number | null;
  readonly closedAt: number | null;
  /** Whole frames of 20 ms since it opened (until it closed). */
  readonly frames: number;
  /** `frames` × the frame size (640 bytes for 16 kHz PCM, 320 for the 8 kHz dial tone). */
  readonly bytes: number;
  /** Size of one frame in bytes. */
  readonly frameBytes: number;
}

/** The camera (uplink video): frame counts by kind, in the documented order SPS → PPS → I → P…. */
export interface CameraStats {
  readonly open: boolean;
  readonly openedAt: number | null;
  readonly closedAt: number | null;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly codec: 'h264' | 'h265';
  readonly sps: number;
  readonly pps: number;
  readonly iFrames: number;
  readonly pFrames: number;
}

/** Everything the media simulator can tell about a session's media right now. */
export interface MediaSnapshot {
  readonly dialTone: AudioStreamStats & { readonly playing: boolean; readonly file: string };
  readonly speaker: AudioStreamStats;
  readonly microphone: AudioStreamStats;
  readonly camera: CameraStats | null;
  readonly downlinkVideo: DownlinkVideo | null;
  readonly events: readonly MediaEvent[];
}

/** One uplink video frame: its kind and local timestamp. */
export interface VideoFrame {
  readonly at: number;
  readonly type: 'sps' | 'pps' | 'I' | 'P';
}

interface Span {
  openedAt: number | null;
  closedAt: number | null;
}

/**
 * The media of one session, simulated by timestamps and counts rather than samples (D §1.1, §1.7): the dial tone
 * plays from `wx_voip_session_call` until the call connects or ends; the speaker opens when dialing starts (or, for a
 * joined call, when it connects), the microphone and the camera when it connects (TALKING); everything closes when
 * the call ends. Frame counts follow from the local clock: one 20 ms audio frame of 640 bytes, one video frame every
 * 1000/fps ms with SPS, PPS and an I-frame first and again every `iFrameIntervalMs`.
 */
export class MediaSimulator {
  private readonly dialTone: Span = { openedAt: null, closedAt: null };
  private readonly speaker: Span = { openedAt: null, closedAt: null };
  private readonly microphone: Span = { openedAt: null, closedAt: null };
  private readonly cameraSpan: Span = { openedAt: null, closedAt: null };
  private readonly log: MediaEvent[] = [];

  constructor(
    private readonly now: () => number,
    private readonly camera: CameraConfig | undefined,
    private readonly downlink: DownlinkVideo | undefined,
    private readonly onEvent: (event: MediaEvent) => void = () => undefined,
  ) {}

  /** `wx_voip_session_call` ran: the speaker opens and the dial tone plays. */
  dialing(): void {
    this.reset();
    this.start(this.speaker, 'speaker:open');
    this.start(this.dialTone, 'dialTone:start');
  }

  /** The call connected (TALKING): the dial tone stops; speaker, microphone and camera run. */
  talking(): void {
    this.stop(this.dialTone, 'dialTone:stop');
    if (this.speaker.openedAt === null || this.speaker.closedAt !== null) {
      this.speaker.openedAt = null;
      this.start(this.speaker, 'speaker:open');
    }
    this.start(this.microphone, 'microphone:open');
    if (this.camera) this.start(this.cameraSpan, 'camera:open');
  }

  /** The call ended: every stream closes. */
  ended(): void {
    this.stop(this.dialTone, 'dialTone:stop');
    this.stop(this.microphone, 'microphone:close');
    this.stop(this.cameraSpan, 'camera:close');
    this.stop(this.speaker, 'speaker:close');
  }

  /** The media as of now. */
  snapshot(): MediaSnapshot {
    const at = this.now();
    const dialTone = this.audio(this.dialTone, DIAL_TONE_FORMAT.frameMs, DIAL_TONE_FORMAT.frameBytes, at);
    return {
      dialTone: { ...dialTone, playing: dialTone.open, file: DIAL_TONE_FORMAT.file },
      speaker: this.audio(this.speaker, AUDIO_FORMAT.frameMs, AUDIO_FORMAT.frameBytes, at),
      microphone: this.audio(this.microphone, AUDIO_FORMAT.frameMs, AUDIO_FORMAT.frameBytes, at),
      camera: this.cameraStats(at),
      downlinkVideo: this.camera ? (this.downlink ?? null) : null,
      events: [...this.log],
    };
  }

  /** The uplink video frames sent so far, in order (at most `limit`, the first ones). */
  videoFrames(limit = 1000): VideoFrame[] {
    const camera = this.camera;
    const { openedAt } = this.cameraSpan;
    if (!camera || openedAt === null) return [];
    const fps = camera.fps ?? VIDEO_RULES.defaultFps;
    const gop = this.gopFrames(camera);
    const count = this.videoFrameCount(this.now());
    const frames: VideoFrame[] = [];
    for (let i = 0; i < count && frames.length < limit; i++) {
      const at = openedAt + Math.floor((i * 1000) / fps);
      if (i % gop === 0) frames.push({ at, type: 'sps' }, { at, type: 'pps' }, { at, type: 'I' });
      else frames.push({ at, type: 'P' });
    }
    return frames.slice(0, limit);
  }

  private cameraStats(at: number): CameraStats | null {
    const camera = this.camera;
    if (!camera) return null;
    const count = this.videoFrameCount(at);
    const iFrames = Math.ceil(count / this.gopFrames(camera));
    return {
      open: this.isOpen(this.cameraSpan),
      openedAt: this.cameraSpan.openedAt,
      closedAt: this.cameraSpan.closedAt,
      width: camera.width,
      height: camera.height,
      fps: camera.fps ?? VIDEO_RULES.defaultFps,
      codec: camera.codec ?? 'h264',
      sps: iFrames,
      pps: iFrames,
      iFrames,
      pFrames: count - iFrames,
    };
  }

  private videoFrameCount(at: number): number {
    const { openedAt, closedAt } = this.cameraSpan;
    if (!this.camera || openedAt === null) return 0;
    const fps = this.camera.fps ?? VIDEO_RULES.defaultFps;
    return Math.floor(((closedAt ?? at) - openedAt) * fps / 1000) + 1;
  }

  private gopFrames(camera: CameraConfig): number {
    const fps = camera.fps ?? VIDEO_RULES.defaultFps;
    return Math.max(1, Math.round((fps * (camera.iFrameIntervalMs ?? VIDEO_RULES.defaultIFrameIntervalMs)) / 1000));
  }

  private audio(span: Span, frameMs: number, frameBytes: number, at: number): AudioStreamStats {
    const frames = span.openedAt === null ? 0 : Math.floor(((span.closedAt ?? at) - span.openedAt) / frameMs);
    return { open: this.isOpen(span), openedAt: span.openedAt, closedAt: span.closedAt, frames, bytes: frames * frameBytes, frameBytes };
  }

  private isOpen(span: Span): boolean {
    return span.openedAt !== null && span.closedAt === null;
  }

  private start(span: Span, kind: MediaEvent['kind']): void {
    if (this.isOpen(span)) return;
    span.openedAt = this.now();
    span.closedAt = null;
    this.emit(kind);
  }

  private stop(span: Span, kind: MediaEvent['kind']): void {
    if (!this.isOpen(span)) return;
    span.closedAt = this.now();
    this.emit(kind);
  }

  private reset(): void {
    for (const span of [this.dialTone, this.speaker, this.microphone, this.cameraSpan]) {
      span.openedAt = null;
      span.closedAt = null;
    }
    this.log.length = 0;
  }

  private emit(kind: MediaEvent['kind']): void {
    const event = { at: this.now(), kind };
    this.log.push(event);
    this.onEvent(event);
  }
}
