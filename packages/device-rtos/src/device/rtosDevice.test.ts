/**
 * The RTOS device client over real HTTP against a listening mock platform: every documented result of init,
 * registration and client_call, with the negated backend codes.
 */
import { RTOS_SN_TICKET_INVALID, WX_CLOUDVOIP_SESSION_TYPE, WX_ERROR } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectingReceiver, startHarness, TestPhone, type Harness } from '../../test/platformHarness.js';
import { RtosDevice, type RtosDeviceOptions } from './rtosDevice.js';

const { AUDIO, VIDEO } = WX_CLOUDVOIP_SESSION_TYPE;
const APP = 'wx_demo_app';
const MODEL = 'model-rtos-camera';

let h: Harness;
const devices: RtosDevice[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.platform.reset();
  h.setReceiver(collectingReceiver().receiver);
});
afterEach(async () => {
  for (const device of devices.splice(0)) await device.destroy();
});

function deviceWith(options: Partial<RtosDeviceOptions> = {}): RtosDevice {
  const device = new RtosDevice({ platformUrl: h.platform.url, ...options });
  devices.push(device);
  return device;
}

async function initialised(sn: string, options: Partial<RtosDeviceOptions> = {}): Promise<RtosDevice> {
  const device = deviceWith(options);
  expect(await device.init({ data_dir: '/data', device_id: sn, model_id: MODEL, wxa_appid: APP })).toBe(WX_ERROR.OK);
  return device;
}

describe('init (wx_init)', () => {
  it('refuses a bad wx_cloudvoip_config_t with INVALID_ARGUMENT and says which field', async () => {
    const device = deviceWith();
    expect(await device.init({ data_dir: '/data', device_id: 'SN with spaces', model_id: MODEL, wxa_appid: APP })).toBe(WX_ERROR.INVALID_ARGUMENT);
    expect(device.lastError).toMatchObject({ code: 3, key: 'WXERROR_INVALID_ARGUMENT' });
    expect(device.lastError?.message).toContain('device_id');
    expect(device.config).toBeNull();
  });

  it('answers FAILED_PRECONDITION before init and when initialised twice', async () => {
    const device = deviceWith();
    expect(await device.deviceRegister('x')).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(await device.deviceIsRegistered()).toEqual({ code: WX_ERROR.FAILED_PRECONDITION, registered: false });
    expect((await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, null)).code).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(await device.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: MODEL, wxa_appid: APP })).toBe(0);
    expect(await device.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: MODEL, wxa_appid: APP })).toBe(WX_ERROR.FAILED_PRECONDITION);
    await device.destroy();
    expect(await device.clientJoin('room', null)).toBe(WX_ERROR.FAILED_PRECONDITION);
  });

  it('answers RESOURCE_EXHAUSTED when the platform cannot be reached', async () => {
    const device = new RtosDevice({ platformUrl: 'http://127.0.0.1:1' });
    expect(await device.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: MODEL, wxa_appid: APP })).toBe(WX_ERROR.RESOURCE_EXHAUSTED);
    expect(device.lastError?.message).toContain('127.0.0.1:1');
  });
});

describe('registration (wx_device_register, wx_device_is_registered)', () => {
  it('registers with an snTicket, then answers OK at once (idempotent, no ticket needed)', async () => {
    const device = await initialised('SN-RTOS-NEW');
    expect(await device.deviceIsRegistered()).toEqual({ code: 0, registered: false });
    expect(await device.deviceRegister(await h.snTicket('SN-RTOS-NEW', MODEL))).toBe(0);
    expect(await device.deviceIsRegistered()).toEqual({ code: 0, registered: true });
    expect(await device.deviceRegister('a-ticket-that-would-be-refused')).toBe(0);
  });

  it('returns -10008 for a wrong, expired or empty snTicket, -9800011 for a malformed one', async () => {
    const device = await initialised('SN-RTOS-NEW');
    expect(await device.deviceRegister('a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6')).toBe(RTOS_SN_TICKET_INVALID);
    expect(device.lastError).toMatchObject({ code: -10008, key: 'SN_TICKET_EXPIRED' });
    const ticket = await h.snTicket('SN-RTOS-NEW', MODEL);
    await h.advance(5 * 60_000 + 1);
    expect(await device.deviceRegister(ticket)).toBe(-10008);
    expect(await device.deviceRegister('')).toBe(-10008);
    expect(await device.deviceRegister('an-access-token-by-mistake')).toBe(-9800011);
    expect(device.lastError?.key).toBe('SN_TICKET_MALFORMED');
    expect(await device.deviceIsRegistered()).toEqual({ code: 0, registered: false });
  });

  it('INVALID_DEVICEID when this hardware already holds another SN; -9 when another device holds this SN', async () => {
    const first = await initialised('SN-RTOS-NEW', { hardwareId: 'board-A' });
    expect(await first.deviceRegister(await h.snTicket('SN-RTOS-NEW', MODEL))).toBe(0);
    // wx_init itself refuses hardware registered as another device_id (D §2.1).
    const sameBoard = deviceWith({ hardwareId: 'board-A' });
    expect(await sameBoard.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: MODEL, wxa_appid: APP })).toBe(WX_ERROR.INVALID_DEVICEID);
    const otherBoard = await initialised('SN-RTOS-NEW', { hardwareId: 'board-B' });
    expect(await otherBoard.deviceRegister(await h.snTicket('SN-RTOS-NEW', MODEL))).toBe(-9);
  });

  it('-9 at registration explains the binding conflict, not the user authorization (D §1.4)', async () => {
    const first = await initialised('SN-RTOS-NEW', { hardwareId: 'board-A' });
    expect(await first.deviceRegister(await h.snTicket('SN-RTOS-NEW', MODEL))).toBe(0);
    const otherBoard = await initialised('SN-RTOS-NEW', { hardwareId: 'board-B' });
    expect(await otherBoard.deviceRegister(await h.snTicket('SN-RTOS-NEW', MODEL))).toBe(-9);
    expect(otherBoard.lastError?.message).toMatch(/already registered by another physical device/);
    expect(otherBoard.lastError?.message).toMatch(/POST \/__admin\/devices\/:sn\/unregister/);
    expect(otherBoard.lastError?.message).not.toMatch(/requestDeviceVoIP|authorize/);
  });
});

describe('init on registered hardware (D §2.1)', () => {
  it('INVALID_DEVICEID when the hardware is registered as another device_id or model_id; the stored one initialises', async () => {
    const board = await initialised('SN-RTOS-NEW', { hardwareId: 'board-A' });
    expect(await board.deviceRegister(await h.snTicket('SN-RTOS-NEW', MODEL))).toBe(0);
    await board.destroy();
    const renamed = deviceWith({ hardwareId: 'board-A' });
    expect(await renamed.init({ data_dir: '/data', device_id: 'SN-RTOS-0002', model_id: MODEL, wxa_appid: APP })).toBe(WX_ERROR.INVALID_DEVICEID);
    expect(renamed.lastError).toMatchObject({ code: 19, key: 'WXERROR_INVALID_DEVICEID' });
    expect(renamed.lastError?.message).toContain('SN-RTOS-NEW');
    expect(renamed.config).toBeNull();
    expect(await renamed.init({ data_dir: '/data', device_id: 'SN-RTOS-NEW', model_id: MODEL, wxa_appid: APP })).toBe(WX_ERROR.OK);
    expect(await renamed.deviceIsRegistered()).toEqual({ code: 0, registered: true });
  });
});

describe('client call (wx_cloudvoip_client_call)', () => {
  it('returns OK and the room; the phone rings once the vendor cloud accepts', async () => {
    const phone = await TestPhone.connect(h.platform.url, 'openid-alice');
    const device = await initialised('SN-RTOS-0001');
    const call = await device.clientCall(VIDEO, { id: 'SN-RTOS-0001', camera_status: 1 }, { id: 'openid-alice', name: 'Alice' }, 'callId=7', 'p');
    expect(call.code).toBe(0);
    expect(device.lastError).toBeNull();
    await expect.poll(() => phone.rings()).toEqual([call.roomId]);
    const incoming = phone.messages.find((m) => m.type === 'incomingCall');
    expect(incoming).toMatchObject({ notice: { roomType: 'video', customQuery: 'callId=7' } });
    phone.close();
  });

  it('resolves only once the vendor cloud answered iot_voip_notify: success means the phone now rings (D §2.1)', async () => {
    const phone = await TestPhone.connect(h.platform.url, 'openid-alice');
    const answered: number[] = [];
    const slow = collectingReceiver(() => {
      answered.push(Date.now());
      return { errcode: 0, errmsg: 'ok' };
    });
    h.setReceiver(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return slow.receiver(request);
    });
    const device = await initialised('SN-RTOS-0001');
    const call = await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, 'p');
    const returned = Date.now();
    expect(call.code).toBe(0);
    expect(answered).toHaveLength(1);
    expect(returned).toBeGreaterThanOrEqual(answered[0]!);
    expect((await h.room(call.roomId!)).state).toBe('ringing');
    await expect.poll(() => phone.rings()).toEqual([call.roomId]);
    phone.close();
  });

  it('returns -5 when the vendor cloud refuses iot_voip_notify (errcode 5): the phone never rings [I]', async () => {
    const phone = await TestPhone.connect(h.platform.url, 'openid-alice');
    const refusing = collectingReceiver(() => ({ errcode: 5, errmsg: 'no media slot' }));
    h.setReceiver(refusing.receiver);
    const device = await initialised('SN-RTOS-0001');
    const call = await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, 'p');
    expect(call).toEqual({ code: -5, roomId: null });
    expect(refusing.notifies).toHaveLength(1);
    expect(device.lastError).toMatchObject({ code: -5, key: 'ROOM_CREATE_FAILED' });
    expect(device.lastError?.message).toMatch(/vendor cloud refused iot_voip_notify/);
    expect(phone.rings()).toEqual([]);
    phone.close();
  });

  it('returns negated backend codes: -9 not authorized, -20 unknown openId', async () => {
    const device = await initialised('SN-RTOS-0001');
    expect(await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-carol' }, null, null)).toEqual({ code: -9, roomId: null });
    expect(device.lastError).toMatchObject({ code: -9, key: 'DEVICE_NOT_AUTHORIZED' });
    expect(device.lastError?.message).toMatch(/Fix: /);
    expect((await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-nobody' }, null, null)).code).toBe(-20);
  });

  it('FAILED_PRECONDITION when the device is not registered, or already in a call', async () => {
    const unregistered = await initialised('SN-RTOS-NEW');
    expect((await unregistered.clientCall(AUDIO, { id: 'SN-RTOS-NEW' }, { id: 'openid-alice' }, null, null)).code).toBe(WX_ERROR.FAILED_PRECONDITION);
    const device = await initialised('SN-RTOS-0001');
    expect((await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, null)).code).toBe(0);
    expect((await device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, null)).code).toBe(WX_ERROR.FAILED_PRECONDITION);
  });

  it('INVALID_ARGUMENT for arguments the SDK rejects, without asking the platform', async () => {
    const device = await initialised('SN-RTOS-0001');
    const invalid = [
      () => device.clientCall(5 as 0, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, null, null),
      () => device.clientCall(AUDIO, { id: 'SN-OTHER' }, { id: 'openid-alice' }, null, null),
      () => device.clientCall(AUDIO, { id: 'SN-RTOS-0001', name: 'Camera' as '' }, { id: 'openid-alice' }, null, null),
      () => device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: '' }, null, null),
      () => device.clientCall(AUDIO, { id: 'SN-RTOS-0001' }, { id: 'openid-alice' }, '?a=1', null),
    ];
    for (const call of invalid) expect((await call()).code).toBe(WX_ERROR.INVALID_ARGUMENT);
    const journal = await h.platform.control().getJournal({ query: { limit: 1000 } });
    const operations = journal.status === 200 ? journal.body.entries.flatMap((e) => ('operation' in e ? [e.operation] : [])) : [];
    expect(operations).toContain('transport.connectParty');
    expect(operations).not.toContain('transport.rtosClientCall');
  });
});

describe('client join (wx_cloudvoip_client_join)', () => {
  it('the device accepts a ringing phone call by roomId; an unknown room gives -1', async () => {
    const phone = await TestPhone.connect(h.platform.url, 'openid-alice');
    const roomId = await phone.callDevice({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: MODEL, isCloud: true });
    await phone.joinAsCaller(roomId);
    await expect.poll(async () => (await h.room(roomId)).state).toBe('ringing');
    const device = await initialised('SN-RTOS-0001');
    expect(await device.clientJoin(roomId, null)).toBe(0);
    await expect.poll(() => phone.events()).toEqual(['joinedRoomByCaller', 'startVoip']);
    expect(await device.clientJoin('wx_no_such_room', null)).toBe(-1);
    phone.close();
  });
});
