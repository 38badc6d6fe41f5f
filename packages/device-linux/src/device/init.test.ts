import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WX_ERROR, WX_VOIP_SESSION_TYPE } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doorbellConfig, freshDataDir, freshNamespace, newDevice } from '../../test/harness.js';
import { WxError } from '../errors/wxError.js';
import { wxResult } from '../errors/wxResult.js';
import { LinuxDevice } from './linuxDevice.js';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  await platform.close();
});

async function rejection(promise: PromiseLike<unknown>): Promise<WxError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WxError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}

describe('wx_init', () => {
  it('connects, keeps a device key in data_dir and refuses a second init until stop', async () => {
    const ns = freshNamespace('init ok');
    const device = newDevice(platform, ns);
    const config = doorbellConfig('SN-LINUX-0001');
    await device.init(config);
    expect(device.initialised).toBe(true);
    expect(platform.tenant(ns).parties.list().map((p) => p.identity)).toEqual([expect.objectContaining({ kind: 'linuxDevice', sn: 'SN-LINUX-0001', flavor: 'develop', hardwareId: expect.stringMatching(/^hw-/) })]);
    expect((await rejection(device.init(config))).code).toBe(WX_ERROR.FAILED_PRECONDITION);
    await device.stop();
    expect(platform.tenant(ns).parties.list()).toEqual([]);
    await device.init(config);
    await device.stop();
  });

  it('refuses a config that breaks the wx_init_config_t rules with INVALID_ARGUMENT, naming the field', async () => {
    const device = newDevice(platform, freshNamespace('bad config'));
    const bad = await rejection(device.init({ ...doorbellConfig('SN-LINUX-0001'), product_id: 1 as 0 }));
    expect(bad.errorName).toBe('INVALID_ARGUMENT');
    expect(bad.message).toContain('product_id must be 0');
    const video = await rejection(device.init({ ...doorbellConfig('SN-LINUX-0001'), video_landscape: true, subscribe_video_length: 640 }));
    expect(video.message).toContain('subscribe_video_length 640 only works with video_landscape=false');
    expect(device.initialised).toBe(false);
  });

  it.each([
    ['ahead', 6_000],
    ['behind', -6_000],
  ])('refuses a local clock 6 s %s of the platform with FAILED_PRECONDITION ("Found local timestamp incorrect")', async (_, skewMs) => {
    const ns = freshNamespace(`skew ${skewMs}`);
    const log: string[] = [];
    const device = newDevice(platform, ns, { skewMs, log: (line) => log.push(line) });
    const error = await rejection(device.init(doorbellConfig('SN-LINUX-0001')));
    expect(error.code).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(error.message).toContain('Found local timestamp incorrect');
    expect(error.message).toContain(`6000 ms ${skewMs > 0 ? 'ahead of' : 'behind'}`);
    expect(log).toContain('Found local timestamp incorrect');
    expect(device.initialised).toBe(false);
    expect(platform.tenant(ns).parties.list()).toEqual([]);
  });

  it('accepts a local clock 4 s off', async () => {
    const device = newDevice(platform, freshNamespace('skew 4s'), { skewMs: 4_000 });
    expect(await wxResult(device.init(doorbellConfig('SN-LINUX-0001')))).toBe(WX_ERROR.OK);
    await device.stop();
  });

  it('answers RESOURCE_EXHAUSTED when data_dir cannot be written or the platform cannot be reached', async () => {
    const parent = freshDataDir();
    writeFileSync(join(parent, 'a-file'), 'x');
    const device = newDevice(platform, freshNamespace('no disk'));
    const disk = await rejection(device.init(doorbellConfig('SN-LINUX-0001', join(parent, 'a-file', 'data'))));
    expect(disk.errorName).toBe('RESOURCE_EXHAUSTED');
    expect(disk.message).toContain('cannot be written');

    const offline = new LinuxDevice({ platformUrl: 'http://127.0.0.1:1', now: () => platform.clock().now() });
    expect((await rejection(offline.init(doorbellConfig('SN-LINUX-0001')))).errorName).toBe('RESOURCE_EXHAUSTED');
  });

  it('answers FAILED_PRECONDITION for a mini program the platform does not know (device not onboarded)', async () => {
    const device = newDevice(platform, freshNamespace('unknown app'));
    const error = await rejection(device.init({ ...doorbellConfig('SN-LINUX-0001'), wxa_appid: 'wx_nobody' }));
    expect(error).toMatchObject({ errorName: 'FAILED_PRECONDITION', key: 'INVALID_APPID' });
  });
});

describe('before init and at stop', () => {
  it('every call needs init first (FAILED_PRECONDITION)', async () => {
    const device = newDevice(platform, freshNamespace('no init'));
    expect(() => device.deviceIsRegistered()).toThrow(WxError);
    expect(await wxResult(device.deviceRegister('ticket'))).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(await wxResult(device.listenerHangup('room', 11))).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(() => device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined })).toThrow(/wx_init has not completed/);
  });

  it('stop refuses while a session is alive and reports operations never released as leaks', async () => {
    const log: string[] = [];
    const device = newDevice(platform, freshNamespace('stop'), { log: (line) => log.push(line) });
    await device.init(doorbellConfig('SN-LINUX-0001'));
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: () => undefined });
    await expect(device.stop()).rejects.toMatchObject({ errorName: 'FAILED_PRECONDITION' });
    session.destroy();
    const leaked = device.listenerHangup('wxf830863afde621ebWmpfVoip0', 11);
    await expect.poll(() => leaked.done).toBe(true);
    expect(device.unreleasedOperations()).toEqual(['wx_voip_listener_hangup']);
    await device.stop();
    expect(log).toContain('Detected memory leak: wx_operation (wx_voip_listener_hangup): await, wait, cancel or destroy every operation');
    leaked.destroy();
  });
});

describe('session arguments', () => {
  it('checks self_member, the listener and the camera rules', async () => {
    const device = newDevice(platform, freshNamespace('session args'));
    const dir = freshDataDir();
    mkdirSync(dir, { recursive: true });
    await device.init(doorbellConfig('SN-LINUX-0001', dir));
    const listener = () => undefined;
    expect(() => device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener, self_member: { id: 'SN-OTHER' } })).toThrow(/self_member.id must be the device_id/);
    expect(() => device.sessionNew({ session_type: 5 as 0, listener })).toThrow(/session_type must be 0/);
    expect(() => device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener, camera: { width: 320, height: 240 } })).toThrow(/audio-only session takes no camera/);
    const odd = (() => {
      try {
        device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.VIDEO, listener, camera: { width: 322, height: 240 } });
      } catch (error) {
        return error as WxError;
      }
      return undefined;
    })();
    expect(odd).toMatchObject({ errorName: 'OUT_OF_RANGE' });
    expect(() => device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.VIDEO, listener, camera: { width: 2560, height: 1440 } })).toThrow(/at most 1080p/);
    const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.VIDEO, listener });
    expect(session.roomId()).toBe('');
    expect(session.status).toBe(0);
    session.destroy();
    expect(() => session.destroy()).toThrow(/already destroyed/);
    await device.stop();
  });
});
