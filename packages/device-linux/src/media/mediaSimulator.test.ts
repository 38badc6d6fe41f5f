import { describe, expect, it } from 'vitest';
import { MediaSimulator, type MediaEvent } from './mediaSimulator.js';
import { AUDIO_FORMAT, cameraConfigProblem, downlinkVideoOf } from './mediaRules.js';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe('MediaSimulator', () => {
  it('plays the dial tone from dialing until TALKING, then counts 640-byte PCM frames every 20 ms', () => {
    const time = clock();
    const events: MediaEvent[] = [];
    const media = new MediaSimulator(time.now, undefined, undefined, (e) => events.push(e));
    media.dialing();
    time.tick(1_010);
    expect(media.snapshot().dialTone).toMatchObject({ playing: true, frames: 50, bytes: 50 * 320, frameBytes: 320 });
    media.talking();
    time.tick(100);
    media.ended();
    time.tick(5_000);
    const snapshot = media.snapshot();
    expect(snapshot.dialTone).toMatchObject({ playing: false, frames: 50 });
    expect(snapshot.microphone).toMatchObject({ open: false, frames: 5, bytes: 5 * AUDIO_FORMAT.frameBytes });
    expect(snapshot.speaker).toMatchObject({ frames: 55, openedAt: 1_000 });
    expect(snapshot.camera).toBeNull();
    expect(events.map((e) => e.kind)).toEqual(['speaker:open', 'dialTone:start', 'dialTone:stop', 'microphone:open', 'microphone:close', 'speaker:close']);
  });

  it('sends SPS, PPS and an I-frame first and at every I-frame interval, only once talking', () => {
    const time = clock(0);
    const media = new MediaSimulator(time.now, { width: 640, height: 480, fps: 4, iFrameIntervalMs: 1_000 }, undefined);
    media.dialing();
    time.tick(3_000);
    expect(media.videoFrames()).toEqual([]);
    media.talking();
    time.tick(1_500);
    expect(media.videoFrames().map((f) => `${f.at}:${f.type}`)).toEqual([
      '3000:sps', '3000:pps', '3000:I', '3250:P', '3500:P', '3750:P', '4000:sps', '4000:pps', '4000:I', '4250:P', '4500:P',
    ]);
    expect(media.snapshot().camera).toMatchObject({ iFrames: 2, pFrames: 5, codec: 'h264' });
  });
});

describe('media rules', () => {
  it('checks the uplink camera: multiples of 8, at most 1080p, an I-frame at least every 5 s, h265 when required', () => {
    expect(cameraConfigProblem({ width: 640, height: 480 }, false)).toBeUndefined();
    expect(cameraConfigProblem({ width: 1080, height: 1920 }, false)).toBeUndefined();
    expect(cameraConfigProblem({ width: 642, height: 480 }, false)).toMatch(/multiples of 8/);
    expect(cameraConfigProblem({ width: 1920, height: 1088 }, false)).toMatch(/1080p/);
    expect(cameraConfigProblem({ width: 640, height: 480, iFrameIntervalMs: 6_000 }, false)).toMatch(/5 s/);
    expect(cameraConfigProblem({ width: 640, height: 480 }, true)).toMatch(/h265/);
  });

  it('derives the subscribed downlink from wx_init_config_t', () => {
    expect(downlinkVideoOf({ video_landscape: true, subscribe_video_length: 0, subscribe_video_rotation: 0, subscribe_video_maxfps: 0 })).toEqual({ width: 320, height: 240, upright: false, maxFps: 15, adaptive: true });
    expect(downlinkVideoOf({ video_landscape: false, subscribe_video_length: 480, subscribe_video_rotation: 1, subscribe_video_maxfps: 8 })).toEqual({ width: 352, height: 480, upright: true, maxFps: 8, adaptive: false });
  });
});
