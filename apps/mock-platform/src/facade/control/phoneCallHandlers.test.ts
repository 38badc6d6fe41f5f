import { demoSeed, ProblemDetails, RoomDetail } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';
import { CONTROL_PHONE_LABEL } from './phoneCallHandlers.js';

const headers = { 'x-wxvoip-namespace': 'phones' };

function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  const control = createControlHandlers(core);
  const call = (openId: string, body: { sn: string; roomType?: 'voice' | 'video'; modelId?: string }, appId = 'wx_demo_app') =>
    control.placePhoneCall({ headers, params: { appId, openId }, body: { roomType: 'voice', ...body } });
  return { core, tenant: core.tenant('phones'), call };
}

describe('placePhoneCall: a phone without code', () => {
  it('places callDevice as the user and joins as the caller: the Linux device is left to answer', () => {
    const { tenant, call } = setup();
    const response = call('openid-alice', { sn: 'SN-LINUX-0001' });
    expect(response.status).toBe(201);
    const room = RoomDetail.parse(response.body);
    expect(room).toMatchObject({ appId: 'wx_demo_app', sn: 'SN-LINUX-0001', direction: 'phoneToDevice', transport: 'linux', state: 'ringing' });
    const engineRoom = tenant.rooms.get(room.roomId)!;
    expect(engineRoom.caller).toMatchObject({ kind: 'user', id: 'openid-alice', phase: 'waiting' });
    const phone = tenant.parties.get(engineRoom.caller.partyId!)!;
    expect(phone.identity).toMatchObject({ kind: 'wechatPlugin', openId: 'openid-alice', label: CONTROL_PHONE_LABEL });
  });

  it('follows the real rules: an expired device license is refused with the catalogue error, and no phone is left behind', () => {
    const { tenant, call } = setup();
    const response = call('openid-alice', { sn: 'SN-LINUX-0002' });
    expect(response.status).toBe(409);
    const problem = ProblemDetails.parse(response.body);
    expect(problem.detail).toMatch(/core refusal [A-Z_]+, code 23\b/);
    expect(tenant.rooms.list()).toEqual([]);
    expect(tenant.parties.list()).toEqual([]);
  });

  it('reaches an RTOS device through the vendor cloud (isCloud), and refuses a WMPF device with a pointer to callWMPF', () => {
    const { call } = setup();
    const rtos = call('openid-alice', { sn: 'SN-RTOS-0001' });
    expect(rtos.status).toBe(201);
    expect(RoomDetail.parse(rtos.body)).toMatchObject({ transport: 'cloud', state: 'created' });
    const wmpf = call('openid-alice', { sn: 'SN-WMPF-0001' });
    expect(wmpf.status).toBe(409);
    expect(ProblemDetails.parse(wmpf.body).detail).toContain('callWMPF');
  });

  it('answers 404 for an unknown app or device; a call to a device already ringing ends busy, as WeChat does', () => {
    const { call } = setup();
    expect(call('openid-alice', { sn: 'SN-LINUX-0001' }, 'wx_nope').status).toBe(404);
    expect(call('openid-alice', { sn: 'SN-NOPE' }).status).toBe(404);
    expect(call('openid-alice', { sn: 'SN-LINUX-0001' }).status).toBe(201);
    const again = call('openid-carol', { sn: 'SN-LINUX-0001' });
    expect(again.status).toBe(201);
    expect(RoomDetail.parse(again.body)).toMatchObject({ state: 'ended', outcome: 'busy' });
  });

  it('disconnects the phone of an ended call when the next call is placed', () => {
    const { core, tenant, call } = setup();
    const first = RoomDetail.parse(call('openid-alice', { sn: 'SN-LINUX-0001' }).body);
    const hangUp = createControlHandlers(core).simulateHangUp({ headers, params: { roomId: first.roomId }, body: { side: 'caller', origin: 'manual' } });
    expect(hangUp.status).toBe(200);
    const firstPhone = tenant.rooms.get(first.roomId)!.caller.partyId!;
    expect(call('openid-alice', { sn: 'SN-LINUX-0001' }).status).toBe(201);
    expect(tenant.parties.get(firstPhone)?.active).toBe(false);
    expect(tenant.parties.list()).toHaveLength(1);
  });
});
