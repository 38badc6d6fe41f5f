import type { WxInitConfig } from '@wxvoip/contracts';

/** Audio frames of the SDK's audio HAL: PCM, 16 kHz, 16-bit, mono, 20 ms, so 640 bytes per frame (D §1.7). */
export const AUDIO_FORMAT = { sampleRate: 16_000, bitsPerSample: 16, channels: 1, frameMs: 20, frameBytes: 640 } as const;

/** WeChat's dial tone, `phonering.wav`: PCM-S16 at 8 kHz (D §1.1), played in 20 ms frames of 320 bytes. */
export const DIAL_TONE_FORMAT = { file: 'phonering.wav', sampleRate: 8_000, bitsPerSample: 16, frameMs: 20, frameBytes: 320 } as const;

/** Uplink video limits (D §1.7): H.264/H.265, sides multiples of 8, at most 1080p, an I-frame every ~1 s and at most every 5 s. */
export const VIDEO_RULES = { sideMultiple: 8, maxLongSide: 1920, maxShortSide: 1080, defaultIFrameIntervalMs: 1000, maxIFrameIntervalMs: 5000, defaultFps: 15, maxFps: 30 } as const;

/**
 * The camera settings of a video session (`wx_voip_session_config_t`, unpublished, D §9.3): the uplink picture the
 * device sends. [I] Field names are ours; `iFrameIntervalMs` is how often SPS/PPS/I are repeated.
 */
export interface CameraConfig {
  /** Width in pixels, a multiple of 8. */
  readonly width: number;
  /** Height in pixels, a multiple of 8. */
  readonly height: number;
  /** Frames per second (1–30). Default 15. */
  readonly fps?: number;
  /** Interval of SPS/PPS/I-frames in ms (at most 5000). Default 1000. */
  readonly iFrameIntervalMs?: number;
  /** Codec; H.265 only with `h265_only` in the init config. Default H.264. */
  readonly codec?: 'h264' | 'h265';
}

/** Why a camera config breaks the rules, or `undefined` when it is fine. */
export function cameraConfigProblem(camera: CameraConfig, h265Only: boolean): string | undefined {
  const { width, height } = camera;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return `camera width and height must be positive integers, got ${width}x${height}`;
  if (width % VIDEO_RULES.sideMultiple !== 0 || height % VIDEO_RULES.sideMultiple !== 0) return `camera width and height must be multiples of 8, got ${width}x${height} (D §1.7)`;
  if (Math.max(width, height) > VIDEO_RULES.maxLongSide || Math.min(width, height) > VIDEO_RULES.maxShortSide) return `the uplink is at most 1080p, got ${width}x${height} (D §1.7)`;
  const fps = camera.fps ?? VIDEO_RULES.defaultFps;
  if (!Number.isInteger(fps) || fps < 1 || fps > VIDEO_RULES.maxFps) return `camera fps must be an integer from 1 to 30, got ${fps}`;
  const interval = camera.iFrameIntervalMs ?? VIDEO_RULES.defaultIFrameIntervalMs;
  if (!Number.isInteger(interval) || interval <= 0 || interval > VIDEO_RULES.maxIFrameIntervalMs) return `SPS/PPS/I-frames must come at least every 5 s, got iFrameIntervalMs ${interval} (D §1.7)`;
  if (h265Only && camera.codec !== 'h265') return 'the init config says h265_only: set the camera codec to h265';
  return undefined;
}

/** The incoming (downlink) video the device subscribed to in `wx_init_config_t` (D §1.3, §1.8). */
export interface DownlinkVideo {
  /** Width and height of the stream as it starts. */
  readonly width: number;
  readonly height: number;
  /** True with `subscribe_video_rotation = 1`: an upright stream instead of WeChat's 90° counter-clockwise one. */
  readonly upright: boolean;
  /** Highest incoming fps: `subscribe_video_maxfps`, or 15. */
  readonly maxFps: number;
  /** True when the size may change with the network (`subscribe_video_length` 0). */
  readonly adaptive: boolean;
}

const LANDSCAPE: Readonly<Record<number, [number, number]>> = { 320: [320, 240], 480: [480, 352], 640: [640, 480] };

/**
 * The downlink video a config subscribes to: 320x240 (landscape) or 240x320 to start; a fixed long edge with
 * `subscribe_video_length` (640 only in portrait, giving 480x640).
 *
 * @example
 * downlinkVideoOf({ video_landscape: false, subscribe_video_length: 640, subscribe_video_rotation: 1, subscribe_video_maxfps: 0 });
 * // { width: 480, height: 640, upright: true, maxFps: 15, adaptive: false }
 */
export function downlinkVideoOf(config: Pick<WxInitConfig, 'video_landscape' | 'subscribe_video_length' | 'subscribe_video_rotation' | 'subscribe_video_maxfps'>): DownlinkVideo {
  const length = config.subscribe_video_length === 0 ? 320 : config.subscribe_video_length;
  const [long, short] = LANDSCAPE[length] ?? [320, 240];
  return {
    width: config.video_landscape ? long : short,
    height: config.video_landscape ? short : long,
    upright: config.subscribe_video_rotation === 1,
    maxFps: config.subscribe_video_maxfps === 0 ? 15 : config.subscribe_video_maxfps,
    adaptive: config.subscribe_video_length === 0,
  };
}
