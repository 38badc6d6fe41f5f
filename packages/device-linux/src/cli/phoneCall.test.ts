/**
 * A phone without code: the control API's `placePhoneCall` (and the `wxvoip-device phone call` command on top of it)
 * places a phone → device call as a user over real HTTP; a Linux device simulator, told the roomId as the developer's
 * backend would tell it, answers and talks.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doorbellConfig, freshNamespace, newDevice, recorder } from '../../test/harness.js';
import { parsePhoneArgs } from './parsePhoneArgs.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'real' });
});
afterAll(async () => {
  await platform.close();
});

async function onlineDoorbell(ns: string) {
  const device = newDevice(platform, ns);
  await device.init(doorbellConfig('SN-LINUX-0001'));
  const seen = recorder();
  const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: seen.listener });
  return { device, session, seen };
}

describe('placePhoneCall over HTTP', () => {
  it('places the call as openid-alice; the Linux device answers and both ends talk', async () => {
    const ns = freshNamespace('phone route');
    const { device, session, seen } = await onlineDoorbell(ns);
    const placed = await platform.control(ns).placePhoneCall({ params: { appId: 'wx_demo_app', openId: 'openid-alice' }, body: { sn: 'SN-LINUX-0001' } });
    expect(placed.status).toBe(201);
    if (placed.status !== 201) return;
    expect(placed.body).toMatchObject({ state: 'ringing', caller: { id: 'openid-alice' }, listener: { id: 'SN-LINUX-0001' } });
    await session.listenerJoin(placed.body.roomId);
    await expect.poll(seen.statuses).toEqual([WX_VOIP_STATUS.TALKING]);
    const room = await platform.control(ns).getRoom({ params: { roomId: placed.body.roomId } });
    expect(room.body).toMatchObject({ state: 'talking' });
    session.destroy();
    await device.stop();
  });

  it('the command places it, prints the room to relay, and follows it until the device hangs up', { timeout: 30_000 }, async () => {
    const ns = freshNamespace('phone command');
    const { device, session, seen } = await onlineDoorbell(ns);
    const child = spawn(process.execPath, ['bin/wxvoip-device.js', 'phone', 'call', 'SN-LINUX-0001', '--as', 'openid-alice', '--platform', platform.url, '--namespace', ns], { cwd: PACKAGE_DIR, stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await expect.poll(() => /type "ring (\S+)"/.exec(out)?.[1], { timeout: 20_000 }).toBeDefined();
      const roomId = /type "ring (\S+)"/.exec(out)![1]!;
      expect(out).toContain(`openid-alice is calling SN-LINUX-0001: room ${roomId}: ringing`);
      await session.listenerJoin(roomId);
      await expect.poll(seen.statuses).toEqual([WX_VOIP_STATUS.TALKING]);
      await expect.poll(() => out, { timeout: 5_000 }).toContain(`room ${roomId}: talking`);
      await session.hangup(1);
      await expect.poll(() => out, { timeout: 5_000 }).toContain(`room ${roomId}: ended (hungUpByListener)`);
      expect(await exit).toBe(0);
      expect(err).toBe('');
    } finally {
      child.kill();
      session.destroy();
      await device.stop();
    }
  });

  it('the command says why the platform refused a call, and exits 1', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['bin/wxvoip-device.js', 'phone', 'call', 'SN-LINUX-0002', '--as', 'openid-alice', '--platform', platform.url, '--namespace', freshNamespace('refused')], { cwd: PACKAGE_DIR, stdio: 'pipe' });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/^error: the call was refused \(HTTP 409\): .*code 23\b/);
  });
});

describe('parsePhoneArgs', () => {
  it('needs "phone call <sn>" and --as, with the demo platform and app by default', () => {
    expect(parsePhoneArgs(['phone', 'call', 'SN-1', '--as', 'openid-alice'])).toEqual({ platform: 'http://127.0.0.1:3000', sn: 'SN-1', openId: 'openid-alice', appId: 'wx_demo_app', video: false, namespace: undefined, detach: false });
    expect(parsePhoneArgs(['phone', 'call', 'SN-1'])).toEqual({ error: 'missing --as <openId>: the user whose phone calls' });
    expect(parsePhoneArgs(['phone', 'dial', 'SN-1', '--as', 'x'])).toEqual({ error: 'expected "phone call <sn>", got "phone dial SN-1"' });
    expect(parsePhoneArgs(['phone', '--help'])).toBe('help');
  });
});
