import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WX_ERROR } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, doorbellConfig, freshDataDir, freshNamespace, issueTicket, newDevice } from '../../test/harness.js';
import { WxError } from '../errors/wxError.js';
import { wxResult } from '../errors/wxResult.js';
import { REGISTRATION_FILE } from '../storage/dataDir.js';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  await platform.close();
});

async function failure(promise: PromiseLike<unknown>): Promise<WxError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WxError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}

/** Registration as the platform sees it for this SN. */
async function platformRegistration(ns: string, sn: string) {
  const res = await platform.control(ns).getDevice({ params: { sn } });
  return res.status === 200 ? res.body : undefined;
}

describe('wx_device_register', () => {
  it('OK: registers with a fresh snTicket, writes data_dir, and a restart keeps it', async () => {
    const ns = freshNamespace('register ok');
    const dir = freshDataDir();
    const device = newDevice(platform, ns);
    await device.init(doorbellConfig('SN-LINUX-NEW', dir));
    expect(device.deviceIsRegistered()).toBe(false);
    expect(await wxResult(device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW')))).toBe(WX_ERROR.OK);
    expect(device.deviceIsRegistered()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, REGISTRATION_FILE), 'utf8'))).toMatchObject({ appId: 'wx_demo_app', modelId: 'model-linux-doorbell', sn: 'SN-LINUX-NEW' });
    expect(await platformRegistration(ns, 'SN-LINUX-NEW')).toMatchObject({ registration: { registered: true, method: 'linuxSdk' } });
    await device.stop();

    const restarted = newDevice(platform, ns);
    await restarted.init(doorbellConfig('SN-LINUX-NEW', dir));
    expect(restarted.deviceIsRegistered()).toBe(true);
    expect(await wxResult(restarted.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW')))).toBe(WX_ERROR.ALREADY_EXISTS);
    await restarted.stop();
  });

  it('INVALID_ARGUMENT: a malformed or unknown ticket, and an expired one (5 minutes)', async () => {
    const ns = freshNamespace('register bad ticket');
    const ticket = await issueTicket(platform, ns, 'SN-LINUX-NEW');
    const device = newDevice(platform, ns);
    await device.init(doorbellConfig('SN-LINUX-NEW'));
    const malformed = await failure(device.deviceRegister('this is an access_token, not a ticket'));
    expect(malformed).toMatchObject({ errorName: 'INVALID_ARGUMENT', key: 'WXERROR_INVALID_ARGUMENT', domain: 'device-sdk' });
    expect(malformed.message).toContain('9800011');
    expect((await failure(device.deviceRegister(''))).errorName).toBe('INVALID_ARGUMENT');
    await device.stop();

    expect((await platform.control(ns).advanceClock({ body: { ms: 5 * 60_000 + 1 } })).status).toBe(200);
    await device.init(doorbellConfig('SN-LINUX-NEW'));
    const expired = await failure(device.deviceRegister(ticket));
    expect(expired.errorName).toBe('INVALID_ARGUMENT');
    expect(expired.message).toContain('10008');
    expect(device.deviceIsRegistered()).toBe(false);
    await device.stop();
  });

  it('ALREADY_EXISTS: the registration in data_dir, or one the platform holds for this device', async () => {
    const ns = freshNamespace('register twice');
    const device = newDevice(platform, ns);
    await device.init(doorbellConfig('SN-LINUX-NEW'));
    await device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW'));
    expect(await wxResult(device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW')))).toBe(WX_ERROR.ALREADY_EXISTS);
    await device.stop();

    // SN-LINUX-0001 is registered in the demo seed: the first device presenting it adopts the registration.
    const seeded = newDevice(platform, ns);
    await seeded.init(doorbellConfig('SN-LINUX-0001'));
    expect(seeded.deviceIsRegistered()).toBe(false);
    expect(await wxResult(seeded.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-0001')))).toBe(WX_ERROR.ALREADY_EXISTS);
    expect(seeded.deviceIsRegistered()).toBe(true);
    await seeded.stop();
  });

  it('PERMISSION_DENIED: the SN is registered by another device, including this one after its data_dir was wiped', async () => {
    const ns = freshNamespace('register elsewhere');
    const dir = freshDataDir();
    const first = newDevice(platform, ns);
    await first.init(doorbellConfig('SN-LINUX-NEW', dir));
    await first.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW'));
    await first.stop();

    const second = newDevice(platform, ns);
    await second.init(doorbellConfig('SN-LINUX-NEW'));
    const denied = await failure(second.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW')));
    expect(denied).toMatchObject({ errorName: 'PERMISSION_DENIED', key: 'WXERROR_PERMISSION_DENIED' });
    expect(denied.message).toContain('errcode 9');
    // The message names the way out (issue 17): its own SN, or freeing the SN on the mock.
    expect(denied.message).toContain('POST /__admin/devices/SN-LINUX-NEW/unregister frees the SN');
    expect(denied.message.match(/\[wxvoip\/device-linux\]/g)).toHaveLength(1);
    await second.stop();

    rmSync(dir, { recursive: true, force: true });
    const wiped = newDevice(platform, ns);
    await wiped.init(doorbellConfig('SN-LINUX-NEW', dir));
    expect(wiped.deviceIsRegistered()).toBe(false);
    expect(await wxResult(wiped.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW')))).toBe(WX_ERROR.PERMISSION_DENIED);
    await wiped.stop();
  });

  it('INVALID_DEVICEID: wx_init refuses a data_dir registered to another SN; the stored SN still starts (D §1.4)', async () => {
    const ns = freshNamespace('data dir bound');
    const dir = freshDataDir();
    const first = newDevice(platform, ns);
    await first.init(doorbellConfig('SN-LINUX-NEW', dir));
    await first.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW'));
    await first.stop();

    const renamed = newDevice(platform, ns);
    const refused = await failure(renamed.init(doorbellConfig('SN-LINUX-0002', dir)));
    expect(refused).toMatchObject({ errorName: 'INVALID_DEVICEID', code: 19 });
    expect(refused.message).toContain(`data_dir ${dir} holds the registration of SN-LINUX-NEW`);
    expect(renamed.initialised).toBe(false);
    expect(platform.tenant(ns).parties.list().filter((p) => p.active && 'sn' in p.identity && p.identity.sn === 'SN-LINUX-0002')).toEqual([]);

    const same = newDevice(platform, ns);
    await same.init(doorbellConfig('SN-LINUX-NEW', dir));
    expect(same.deviceIsRegistered()).toBe(true);
    await same.stop();
  });

  it('UNAVAILABLE: the network fails during registration; a later attempt succeeds', async () => {
    const ns = freshNamespace('register network');
    let network = false;
    const device = newDevice(platform, ns, {
      fetch: (url, init) => (!network && url.endsWith('/device/register') ? Promise.reject(new TypeError('fetch failed: ECONNRESET')) : fetch(url, init)),
    });
    await device.init(doorbellConfig('SN-LINUX-NEW'));
    const ticket = await issueTicket(platform, ns, 'SN-LINUX-NEW');
    const unavailable = await failure(device.deviceRegister(ticket));
    expect(unavailable.errorName).toBe('UNAVAILABLE');
    expect(unavailable.message).toContain('ECONNRESET');
    network = true;
    expect(await wxResult(device.deviceRegister(ticket))).toBe(WX_ERROR.OK);
    await device.stop();
  });

  it('wx_operation over HTTP: wait(ms) answers TIMEOUT while the platform is slow, cancel() aborts the request', async () => {
    const ns = freshNamespace('register slow');
    const device = newDevice(platform, ns);
    await device.init(doorbellConfig('SN-LINUX-NEW'));
    const ticket = await issueTicket(platform, ns, 'SN-LINUX-NEW');
    expect((await platform.control(ns).addFault({ body: { kind: 'latency', operation: 'transport.registerDevice', ms: 10_000, times: 1 } })).status).toBe(201);
    const op = device.deviceRegister(ticket);
    expect(await wxResult(op.wait(50))).toBe(WX_ERROR.TIMEOUT);
    expect(op.release).toBeUndefined();
    op.cancel();
    expect(await wxResult(op)).toBe(WX_ERROR.CANCELLED);
    await advance(platform, ns, 10_000);
    expect(device.deviceIsRegistered()).toBe(false);
    expect(await wxResult(device.deviceRegister(ticket))).toBe(WX_ERROR.ALREADY_EXISTS);
    expect(device.deviceIsRegistered()).toBe(true);
    expect(device.unreleasedOperations()).toEqual([]);
    await device.stop();
  });

  it('DATA_LOSS: the platform registered the device but data_dir could not keep it', async () => {
    const ns = freshNamespace('register data loss');
    const dir = freshDataDir();
    mkdirSync(join(dir, REGISTRATION_FILE));
    writeFileSync(join(dir, REGISTRATION_FILE, 'blocker'), 'x');
    const device = newDevice(platform, ns);
    await device.init(doorbellConfig('SN-LINUX-NEW', dir));
    expect(await wxResult(device.deviceRegister(await issueTicket(platform, ns, 'SN-LINUX-NEW')))).toBe(WX_ERROR.DATA_LOSS);
    expect(device.deviceIsRegistered()).toBe(false);
    await device.stop();
  });

  it('magic values reach every documented result: errcode 9 from the platform is PERMISSION_DENIED, 10008 INVALID_ARGUMENT', async () => {
    const ns = freshNamespace('register magic');
    for (const [sn, expected] of [
      ['magic-err-9', 'PERMISSION_DENIED'],
      ['magic-err-10008', 'INVALID_ARGUMENT'],
      ['magic-err-9800011', 'INVALID_ARGUMENT'],
    ] as const) {
      const device = newDevice(platform, ns);
      await device.init(doorbellConfig(sn));
      const error = await failure(device.deviceRegister('any-ticket-0000000000000000000000'));
      expect({ sn, errorName: error.errorName, domain: error.domain }).toEqual({ sn, errorName: expected, domain: 'backend' });
      await device.stop();
    }
    expect(existsSync(freshDataDir())).toBe(true);
  });
});
