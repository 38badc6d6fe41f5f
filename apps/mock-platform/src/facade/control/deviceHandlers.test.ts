import { CallDeviceRequest, demoSeed, DeviceView, PartyInfo, type PushMessage } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createControlHandlers } from '../controlApi.js';
import { connectParty } from '../../../test/support/connectParty.js';
import { okBody } from '../../../test/support/okBody.js';

const headers = { 'x-wxvoip-namespace': 'devices' };
const linux = { appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' };
const wmpf = { appId: 'wx_demo_app', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' };

/** The demo namespace with Alice's phone ringing the Linux doorbell, whose device party is connected. */
function ringingDoorbell() {
  const core = new PlatformCore({ seed: demoSeed });
  const tenant = core.tenant('devices');
  const phone = connectParty(tenant, { kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' });
  const device = connectParty(tenant, { kind: 'linuxDevice', ...linux });
  const room = tenant.calls.callDevice(phone.party, CallDeviceRequest.parse({ roomType: 'voice', sn: linux.sn, modelId: linux.modelId }));
  if (!room.ok) throw new Error(room.refusal.rule);
  tenant.actions.joinAsCaller(phone.party, room.value.roomId);
  return { core, tenant, phone, device, room: room.value, control: createControlHandlers(core) };
}

const eventNames = (inbox: PushMessage[]) => inbox.flatMap((m) => (m.type === 'voipEvent' ? [m.event.eventName] : []));

describe('listDevices and getDevice', () => {
  it('lists devices filtered by app, kind and reachability', () => {
    const { control } = ringingDoorbell();
    const all = okBody(control.listDevices({ headers, query: {} })).devices;
    expect(all.map((d) => DeviceView.parse(d).sn)).toHaveLength(7);
    expect(okBody(control.listDevices({ headers, query: { kind: 'wmpf' } })).devices.map((d) => d.sn)).toEqual(['SN-WMPF-0001', 'SN-WMPF-LEGACY']);
    expect(okBody(control.listDevices({ headers, query: { appId: 'wx_other_app' } })).devices).toEqual([]);
    control.takeDeviceOffline({ headers, params: { sn: 'SN-RTOS-0001' }, body: { abortCalls: true } });
    expect(okBody(control.listDevices({ headers, query: { online: false } })).devices.map((d) => d.sn)).toEqual(['SN-RTOS-0001']);
  });

  it('shows a device with its party, call, group, license and tokens', () => {
    const { tenant, device, room, control } = ringingDoorbell();
    const view = control.getDevice({ headers, params: { sn: linux.sn } });
    expect(view.status === 200 && DeviceView.parse(view.body)).toMatchObject({
      appId: 'wx_demo_app',
      registration: { registered: true, method: 'linuxSdk' },
      partyIds: [device.partyId],
      currentRoomId: room.roomId,
      groupId: 'group-building-a',
      licenseExpireTime: 1_893_427_200,
      pushTokenExpiresAt: null,
      deviceTokenExpiresAt: null,
    });
    const pushToken = tenant.wmpf.getPushToken(wmpf);
    const deviceToken = tenant.deviceTokens.getDeviceToken({ ...wmpf, registrationMode: 'wmpf' });
    const panel = control.getDevice({ headers, params: { sn: wmpf.sn } });
    expect(panel.status === 200 && [panel.body.pushTokenExpiresAt, panel.body.deviceTokenExpiresAt]).toEqual([
      pushToken.ok && pushToken.value.expiresAt,
      deviceToken.ok && deviceToken.value.expiresAt,
    ]);
  });

  it('answers 404 for an unknown SN', () => {
    const { control } = ringingDoorbell();
    const response = control.getDevice({ headers, params: { sn: 'SN-NONE' } });
    expect(response.status === 404 && response.body.detail).toBe('device "SN-NONE" does not exist in namespace "devices"');
  });
});

describe('takeDeviceOffline and bringDeviceOnline', () => {
  it('aborts the active call as a network loss and says bye offline to the device parties', () => {
    const { phone, device, room, control } = ringingDoorbell();
    const response = control.takeDeviceOffline({ headers, params: { sn: linux.sn }, body: { abortCalls: true } });
    expect(response.status === 200 && response.body).toMatchObject({ online: false, partyIds: [], currentRoomId: null });
    expect(room.outcome).toBe('aborted');
    expect(room.timeline.find((e) => e.kind === 'action' && e.action === 'abort')).toMatchObject({ side: 'listener', cause: 'simulate' });
    expect(eventNames(phone.inbox).slice(-3)).toEqual(['abortVoip', 'endVoip', 'finishVoip']);
    expect(device.inbox.at(-1)).toMatchObject({ type: 'bye', reason: 'offline' });
  });

  it('with abortCalls false, leaves the call to its timers while the parties go', () => {
    const { tenant, device, room, control } = ringingDoorbell();
    control.takeDeviceOffline({ headers, params: { sn: linux.sn }, body: { abortCalls: false } });
    expect(device.inbox.at(-1)).toMatchObject({ type: 'bye', reason: 'offline' });
    expect(tenant.parties.get(device.partyId)?.active).toBe(false);
    expect(room.state).toBe('ringing');
    control.advanceClock({ headers, body: { ms: 60_000 } });
    expect(room.outcome).toBe('timeout');
  });

  it('brings a device back online, and answers 404 for unknown SNs', () => {
    const { control } = ringingDoorbell();
    control.takeDeviceOffline({ headers, params: { sn: wmpf.sn }, body: { abortCalls: true } });
    const back = control.bringDeviceOnline({ headers, params: { sn: wmpf.sn } });
    expect(back.status === 200 && back.body.online).toBe(true);
    expect(control.takeDeviceOffline({ headers, params: { sn: 'SN-NONE' }, body: { abortCalls: true } }).status).toBe(404);
    expect(control.bringDeviceOnline({ headers, params: { sn: 'SN-NONE' } }).status).toBe(404);
  });
});

describe('expireDeviceCredentials', () => {
  it('expires the kinds asked for, counting those still valid, so their next use fails', () => {
    const { tenant, control } = ringingDoorbell();
    const app = tenant.state.app('wx_demo_app')!;
    tenant.snTickets.issue(app, wmpf.sn, wmpf.modelId);
    const pushToken = tenant.wmpf.getPushToken(wmpf);
    tenant.deviceTokens.getDeviceToken({ ...wmpf, registrationMode: 'wmpf' });
    const response = control.expireDeviceCredentials({ headers, params: { sn: wmpf.sn }, body: { what: ['snTickets', 'pushToken', 'deviceToken', 'pushToken'] } });
    expect(response.status === 200 && response.body).toEqual({ expired: { snTickets: 1, pushToken: 1, deviceToken: 1 } });
    const check = tenant.wmpf.validatePushToken(app, wmpf.sn, pushToken.ok ? pushToken.value.pushToken : '');
    expect(check.ok ? 0 : check.refusal.code).toBe(14);
    expect(control.expireDeviceCredentials({ headers, params: { sn: wmpf.sn }, body: { what: ['snTickets'] } }).body).toEqual({ expired: { snTickets: 0 } });
    expect(control.expireDeviceCredentials({ headers, params: { sn: 'SN-NONE' }, body: { what: ['pushToken'] } }).status).toBe(404);
  });
});

describe('resetDeviceRegistration', () => {
  it('forgets the registration so the device must register again, or 404', () => {
    const { tenant, control } = ringingDoorbell();
    const response = control.resetDeviceRegistration({ headers, params: { sn: 'SN-LINUX-0002' } });
    expect(response.status === 200 && response.body.registration).toEqual({ registered: false, appId: null, sn: 'SN-LINUX-0002', modelId: null, method: null, registeredAt: null });
    expect(tenant.devices.isRegistered('SN-LINUX-0002')).toBe(false);
    expect(control.resetDeviceRegistration({ headers, params: { sn: 'SN-NONE' } }).status).toBe(404);
  });
});

describe('parties', () => {
  it('lists connected parties and disconnects one with bye kicked (204), or 404', () => {
    const { phone, device, control } = ringingDoorbell();
    const parties = okBody(control.listParties({ headers })).parties.map((p) => PartyInfo.parse(p));
    expect(parties.map((p) => [p.partyId, p.channel])).toEqual([
      [phone.partyId, 'open'],
      [device.partyId, 'open'],
    ]);
    const removed = control.disconnectParty({ headers, params: { partyId: device.partyId } });
    expect(removed).toEqual({ status: 204, body: undefined });
    expect(device.inbox.at(-1)).toMatchObject({ type: 'bye', reason: 'kicked' });
    expect(okBody(control.listParties({ headers })).parties).toHaveLength(1);
    const again = control.disconnectParty({ headers, params: { partyId: device.partyId } });
    expect(again.status === 404 && again.body.detail).toBe(`connected party "${device.partyId}" does not exist in namespace "devices"`);
  });
});
