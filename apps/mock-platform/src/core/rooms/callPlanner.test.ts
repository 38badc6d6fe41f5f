import {
  CallDeviceRequest,
  CallWmpfRequest,
  ConnectPartyRequest,
  demoSeed,
  InitByCallerRequest,
  IotVoipCallRequest,
  LinuxSessionCallBody,
  RtosClientCallBody,
  type ConnectPartyRequestInput,
  type PushMessage,
} from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { CallbackRequest } from '../callbacks/callbackDispatcher.js';
import { PlatformTenant } from '../platformTenant.js';
import type { Outcome } from '../refusal.js';

const APP = 'wx_demo_app';

/** The demo seed with recording channels and callback sender. */
function setup() {
  const tenant = new PlatformTenant({ seed: demoSeed });
  const inbox = new Map<string, PushMessage[]>();
  const callbacks: CallbackRequest[] = [];
  tenant.callbacks.sender = (request) => callbacks.push(request);
  const connect = (input: ConnectPartyRequestInput) => {
    const result = tenant.parties.connect(ConnectPartyRequest.parse(input));
    if (!result.ok) throw new Error(result.refusal.message);
    const messages: PushMessage[] = [];
    inbox.set(result.value.party.partyId, messages);
    tenant.parties.attachChannel(result.value.party.partyId, (m) => {
      messages.push(m);
      if (m.type === 'ping') tenant.parties.pong(result.value.party.partyId, m.seq);
    });
    return result.value.party;
  };
  const phone = (openId: string, extra: Partial<ConnectPartyRequestInput> = {}) => connect({ kind: 'wechatPlugin', appId: APP, openId, ...extra } as ConnectPartyRequestInput);
  const events = (partyId: string) => (inbox.get(partyId) ?? []).flatMap((m) => (m.type === 'voipEvent' ? [m.event.eventName] : [])).filter((n) => n !== 'calling');
  const pushes = (partyId: string, type: PushMessage['type']) => (inbox.get(partyId) ?? []).filter((m) => m.type === type);
  return { tenant, connect, phone, events, pushes, callbacks };
}

function code<T>(outcome: Outcome<T>): number | 'ok' {
  return outcome.ok ? 'ok' : outcome.refusal.code;
}

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.key} ${outcome.refusal.rule}`);
  return outcome.value;
}

const callLinux = (sn = 'SN-LINUX-0001', extra: Record<string, unknown> = {}) =>
  CallDeviceRequest.parse({ roomType: 'video', sn, modelId: sn.startsWith('SN-PROTO') ? 'model-linux-prototype' : 'model-linux-doorbell', ...extra });

describe('callDevice (phone → Linux, P §4.2)', () => {
  it('rings without telling the device; the device joins with listenerJoin and the call talks', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const room = value(h.tenant.calls.callDevice(alice, callLinux()));
    value(h.tenant.actions.joinAsCaller(alice, room.roomId));
    const device = h.connect({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    expect(h.pushes(device.partyId, 'incomingCall')).toEqual([]);
    value(h.tenant.actions.linuxListenerJoin(device, { roomId: room.roomId, cameraStatus: 0 }));
    expect(room.state).toBe('talking');
    expect(room.chargeType).toBe('license');
    expect(h.events(alice.partyId)).toEqual(['joinedRoomByCaller', 'startVoip']);
  });

  it.each([
    ['the plugin runs inside WMPF', 1007],
    ['the plugin is already in a call', 1005],
    ['the SN is unknown', 2],
    ['a Linux device is called with isCloud', 2],
    ['the device never registered', 2],
    ['the device license expired', 23],
    ['the app is in arrears (duration)', 15],
    ['a release build calls an unapproved model', 12],
    ['the app lacks the capability', 12],
    ['a pre-2.4.1 plugin calls a device its user rejected', 9],
    ['the user belongs to another mini program', 19],
  ])('refuses when %s (%i)', (name, expected) => {
    const h = setup();
    const app = h.tenant.state.app(APP)!;
    let party = h.phone('openid-alice');
    let request = callLinux();
    switch (name) {
      case 'the plugin runs inside WMPF':
        party = h.connect({ kind: 'wmpfPlugin', appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' });
        break;
      case 'the plugin is already in a call':
        value(h.tenant.calls.callDevice(party, callLinux('SN-LINUX-0001')));
        request = callLinux('SN-LINUX-0002');
        break;
      case 'the SN is unknown':
        request = callLinux('SN-NOPE');
        break;
      case 'a Linux device is called with isCloud':
        request = callLinux('SN-LINUX-0001', { isCloud: true });
        break;
      case 'the device never registered':
        request = callLinux('SN-LINUX-NEW');
        break;
      case 'the device license expired':
        request = callLinux('SN-LINUX-0002');
        break;
      case 'the app is in arrears (duration)':
        app.billing.inArrears = true;
        request = callLinux('SN-LINUX-0001', { chargeType: 'duration' });
        break;
      case 'a release build calls an unapproved model':
        request = callLinux('SN-PROTO-0001');
        break;
      case 'the app lacks the capability':
        app.voipCapability = 'none';
        break;
      case 'a pre-2.4.1 plugin calls a device its user rejected':
        party = h.phone('openid-bob', { pluginVersion: '2.4.0' });
        break;
      case 'the user belongs to another mini program':
        app.users.delete('openid-alice');
        h.tenant.state.app('wx_other_app')!.users.set('openid-alice', { openId: 'openid-alice', nickname: 'A', wechatVersion: '8.0.54', dialogDecision: 'accept' });
        break;
    }
    expect(code(h.tenant.calls.callDevice(party, request))).toBe(expected);
  });

  it('needs no authorization from plugin 2.4.1 on (P §8.2)', () => {
    const h = setup();
    const bob = h.phone('openid-bob');
    expect(code(h.tenant.calls.callDevice(bob, callLinux()))).toBe('ok');
  });
});

describe('callWMPF (phone → Android, P §4.1)', () => {
  it('pushes the call page path to the device, and refuses a stale pushToken with 14', () => {
    const h = setup();
    const panel = h.connect({ kind: 'wmpfPlugin', appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' });
    const token = value(h.tenant.wmpf.getPushToken({ appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' })).pushToken;
    const alice = h.phone('openid-alice');
    const request = CallWmpfRequest.parse({ roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken: token, nickName: 'Alice', customQuery: 'from=app' });
    const room = value(h.tenant.calls.callWmpf(alice, request));
    const [push] = h.pushes(panel.partyId, 'incomingCall');
    expect(push).toMatchObject({
      roomId: room.roomId,
      notice: { via: 'wmpfPush', pushToken: token, message: { appType: 0, appid: APP, path: expect.stringContaining(`groupId=${room.roomId}&listenerId=SN-WMPF-0001&callerName=Alice&from=app`) } },
    });
    value(h.tenant.actions.answer(panel, room.roomId, { autoAnswered: true }));
    expect(h.events(panel.partyId)).toEqual(['hangOnVoip']);

    const h2 = setup();
    const bob = h2.phone('openid-bob');
    expect(code(h2.tenant.calls.callWmpf(bob, { ...request, pushToken: 'not-a-push-token' }))).toBe(14);
  });
});

describe('initByCaller (P §3)', () => {
  const wmpfCaller = (h: ReturnType<typeof setup>, sn = 'SN-WMPF-0001', registrationMode: 'wmpf' | 'deviceAuthSdk' = 'wmpf') =>
    h.connect({ kind: 'wmpfPlugin', appId: APP, sn, modelId: 'model-wmpf-panel', registrationMode });
  const deviceCallsUser = (openId: string, extra: Record<string, unknown> = {}) =>
    InitByCallerRequest.parse({ roomType: 'voice', businessType: 1, caller: { id: 'SN-WMPF-0001' }, listener: { id: openId }, ...extra });

  it('businessType 1 rings the user with the authorized device name and bills by the model (duration)', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const room = value(h.tenant.calls.initByCaller(wmpfCaller(h), deviceCallsUser('openid-alice')));
    expect(room.chargeType).toBe('duration');
    expect(h.pushes(alice.partyId, 'incomingCall')[0]).toMatchObject({ notice: { via: 'wechatReminder', caller: { kind: 'device', name: 'Lobby panel door-panel' } } });
  });

  it.each([
    ['from the WeChat client', 1006],
    ['to a user who never authorized the device', 9],
    ['to a user of another mini program', 19],
    ['to an unknown openId', 20],
    ['with a voipToken from a WMPF-registered device', 13],
    ['without the deviceToken of an SDK-registered device', 13],
    ['in face-pay mode', 1011],
  ])('businessType 1 is refused %s (%i)', (name, expected) => {
    const h = setup();
    let party = wmpfCaller(h);
    let request = deviceCallsUser('openid-alice');
    if (name === 'from the WeChat client') party = h.phone('openid-alice');
    if (name === 'to a user who never authorized the device') request = deviceCallsUser('openid-carol');
    if (name === 'to a user of another mini program') request = deviceCallsUser('openid-dave');
    if (name === 'to an unknown openId') request = deviceCallsUser('openid-nobody');
    if (name === 'with a voipToken from a WMPF-registered device') request = deviceCallsUser('openid-alice', { voipToken: 'some-token' });
    if (name === 'without the deviceToken of an SDK-registered device') {
      party = wmpfCaller(h, 'SN-WMPF-LEGACY', 'deviceAuthSdk');
      request = { ...request, caller: { ...request.caller, id: 'SN-WMPF-LEGACY' } };
    }
    if (name === 'in face-pay mode') request = InitByCallerRequest.parse({ roomType: 'voice', businessType: 0, caller: { id: 'user-1' }, listener: { id: 'openid-alice' }, voipToken: 'vt' });
    expect(code(h.tenant.calls.initByCaller(party, request))).toBe(expected);
  });

  it('businessType 2 (phone → WMPF) needs authorization and always bills by duration', () => {
    const h = setup();
    h.connect({ kind: 'wmpfPlugin', appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' });
    const token = value(h.tenant.wmpf.getPushToken({ appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' })).pushToken;
    const request = (openId: string) =>
      InitByCallerRequest.parse({ roomType: 'video', businessType: 2, caller: { id: openId }, listener: { id: 'SN-WMPF-0001' }, voipToken: token });
    const room = value(h.tenant.calls.initByCaller(h.phone('openid-alice'), request('openid-alice')));
    expect([room.chargeType, room.businessType]).toEqual(['duration', 2]);
    expect(code(h.tenant.calls.initByCaller(h.phone('openid-carol'), request('openid-carol')))).toBe(9);
  });
});

describe('device calls (D §1.5, §2.2, §4.10)', () => {
  it('a Linux session call reminds the user; unregistered or busy devices get FAILED_PRECONDITION', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const door = h.connect({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    const call = LinuxSessionCallBody.parse({ roomType: 'voice', callee: { id: 'openid-alice' } });
    const room = value(h.tenant.calls.linuxSessionCall(door, call));
    expect(h.pushes(alice.partyId, 'incomingCall')).toHaveLength(1);
    expect(room.caller.joinedAt).not.toBeNull();
    const again = h.tenant.calls.linuxSessionCall(door, call);
    expect(again.ok ? null : again.refusal.key).toBe('WXERROR_FAILED_PRECONDITION');
    const garage = h.connect({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell' });
    const unregistered = h.tenant.calls.linuxSessionCall(garage, call);
    expect(unregistered.ok ? null : unregistered.refusal.key).toBe('WXERROR_FAILED_PRECONDITION');
  });

  it('a group authorization lets a device call the user (Carol via group-building-a)', () => {
    const h = setup();
    const door = h.connect({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    expect(code(h.tenant.calls.linuxSessionCall(door, LinuxSessionCallBody.parse({ roomType: 'voice', callee: { id: 'openid-carol' } })))).toBe('ok');
  });

  it('an RTOS client call rings only after the developer server accepts, then the vendor cloud joins as caller', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const camera = h.connect({ kind: 'rtosDevice', appId: APP, sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera' });
    const room = value(h.tenant.calls.rtosClientCall(camera, RtosClientCallBody.parse({ roomType: 'video', callee: { id: 'openid-alice' }, payload: 'stream-7' })));
    expect(h.pushes(alice.partyId, 'incomingCall')).toEqual([]);
    const [callback] = h.callbacks;
    expect(callback?.event).toMatchObject({ RoomId: room.roomId, Payload: 'stream-7', Sn: 'SN-RTOS-0001', ToUserName: 'gh_demo0000001' });
    h.tenant.callbacks.reply(callback!.deliveryId, { errcode: 0 });
    expect(h.pushes(alice.partyId, 'incomingCall')).toHaveLength(1);
    const cloud = h.connect({ kind: 'vendorCloud' });
    value(h.tenant.actions.cloudSessionJoin(cloud, { roomType: 'video', appId: APP, sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', serverToken: callback!.event.ServerToken }));
    value(h.tenant.actions.answer(alice, room.roomId, { autoAnswered: false }));
    expect(room.state).toBe('talking');
    h.tenant.state.clock.advance(4_000);
    value(h.tenant.actions.hangUp(alice, room.roomId, { origin: 'manual' }));
    expect(room.keepTimeSec).toBe(4);
  });

  it('callDevice with isCloud reaches an RTOS device through the vendor cloud; a busy vendor answer gives the caller busy', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const room = value(h.tenant.calls.callDevice(alice, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true, payload: 'p' })));
    h.tenant.callbacks.reply(h.callbacks[0]!.deliveryId, { errcode: 0 });
    const cloud = h.connect({ kind: 'vendorCloud' });
    value(h.tenant.actions.cloudListenerHangup(cloud, { appId: APP, sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', serverToken: room.serverToken, reason: 0, busy: true }));
    expect(room.outcome).toBe('busy');
    expect(h.events(alice.partyId)).toEqual(['busy', 'endVoip', 'finishVoip']);
  });

  it('iot/voip/call: the server makes the device call; the vendor cloud joins the device side with cloud_call_join', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const app = h.tenant.state.app(APP)!;
    const room = value(h.tenant.calls.iotVoipCall(app, IotVoipCallRequest.parse({ model_id: 'model-rtos-camera', sn: 'SN-RTOS-0001', openid: 'openid-alice', room_type: 'video' })));
    h.tenant.callbacks.reply(h.callbacks[0]!.deliveryId, { errcode: 0 });
    const cloud = h.connect({ kind: 'vendorCloud' });
    value(h.tenant.actions.cloudCallJoin(cloud, { roomType: 'video', appId: APP, roomId: room.roomId, serverToken: room.serverToken, sessionKey: room.sessionKey }));
    expect(room.caller.partyId).toBe(cloud.partyId);
    value(h.tenant.actions.answer(alice, room.roomId, { autoAnswered: false }));
    expect(room.state).toBe('talking');
    expect(code(h.tenant.calls.iotVoipCall(app, IotVoipCallRequest.parse({ model_id: 'model-rtos-camera', sn: 'SN-RTOS-0001', openid: 'openid-bob', room_type: 'video' })))).toBe(5);
  });
});

describe('room actions', () => {
  it('refuses a room that does not exist or is not the party’s with backend 1', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const carol = h.phone('openid-carol');
    const room = value(h.tenant.calls.callDevice(alice, callLinux()));
    expect(code(h.tenant.actions.hangUp(alice, 'no-such-room', { origin: 'manual' }))).toBe(1);
    expect(code(h.tenant.actions.hangUp(carol, room.roomId, { origin: 'manual' }))).toBe(1);
  });

  it('a Linux device reporting busy for a call the platform already ended busy is answered as done; a reject still gets 1 [I]', () => {
    const h = setup();
    const door = h.connect({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    const alice = h.phone('openid-alice');
    const talking = value(h.tenant.calls.callDevice(alice, callLinux()));
    value(h.tenant.actions.joinAsCaller(alice, talking.roomId));
    value(h.tenant.actions.linuxListenerJoin(door, { roomId: talking.roomId, cameraStatus: 0 }));
    const carol = h.phone('openid-carol');
    const busy = value(h.tenant.calls.callDevice(carol, callLinux()));
    value(h.tenant.actions.joinAsCaller(carol, busy.roomId));
    expect(busy.outcome).toBe('busy');
    expect(code(h.tenant.actions.linuxListenerHangup(door, { roomId: busy.roomId, reason: 11, busy: true }))).toBe('ok');
    expect(code(h.tenant.actions.linuxListenerHangup(door, { roomId: busy.roomId, reason: 11, busy: false }))).toBe(1);
    expect(talking.state).toBe('talking');
  });

  it('forceHangUpVoip ends only the current call, and ignores another roomId (P §5.1)', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const room = value(h.tenant.calls.callDevice(alice, callLinux()));
    expect(h.tenant.actions.forceHangUp(alice, 'stale-room')).toEqual({ ended: false, roomId: null });
    expect(h.tenant.actions.forceHangUp(alice, room.roomId)).toEqual({ ended: true, roomId: room.roomId });
    expect(h.events(alice.partyId)).toEqual(['cancelVoip', 'endVoip', 'finishVoip']);
  });
});

describe('the names and ids a call shows (issue 17)', () => {
  const endVoipOf = (h: ReturnType<typeof setup>, partyId: string) =>
    h.pushes(partyId, 'voipEvent').flatMap((m) => (m.type === 'voipEvent' && m.event.eventName === 'endVoip' ? [m.event.data] : []));

  it('callDevice and callWMPF show the deviceName the caller passed (P §4.1, §4.2: "shown in WeChat", plugin 2.4.1)', () => {
    const h = setup();
    const alice = h.phone('openid-alice');
    const room = value(h.tenant.calls.callDevice(alice, callLinux('SN-LINUX-0001', { deviceName: 'MyDoorbellX' })));
    expect(h.tenant.actions.forceHangUp(alice, room.roomId)).toEqual({ ended: true, roomId: room.roomId });
    expect(endVoipOf(h, alice.partyId)).toEqual([expect.objectContaining({ listenerName: 'MyDoorbellX' })]);

    const panel = h.connect({ kind: 'wmpfPlugin', appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' });
    const token = value(h.tenant.wmpf.getPushToken({ appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' })).pushToken;
    const wmpfRoom = value(h.tenant.calls.callWmpf(alice, CallWmpfRequest.parse({ roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken: token, nickName: 'Alice', deviceName: 'Hall screen' })));
    expect(wmpfRoom.listener.name).toBe('Hall screen');
    value(h.tenant.actions.answer(panel, wmpfRoom.roomId, { autoAnswered: true }));
    value(h.tenant.actions.hangUp(panel, wmpfRoom.roomId, { origin: 'manual' }));
    expect(endVoipOf(h, panel.partyId)).toEqual([expect.objectContaining({ listenerName: 'Hall screen', isCaller: false })]);
  });

  it('without deviceName the device keeps its own name [I]', () => {
    const h = setup();
    const room = value(h.tenant.calls.callDevice(h.phone('openid-alice'), callLinux()));
    expect(room.listener.name).toBe('Front door');
  });

  it('businessType 2 shows the listening device as its authorized deviceName plus the model type (P §3.3)', () => {
    const h = setup();
    h.connect({ kind: 'wmpfPlugin', appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' });
    const token = value(h.tenant.wmpf.getPushToken({ appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' })).pushToken;
    const alice = h.phone('openid-alice');
    const request = InitByCallerRequest.parse({ roomType: 'video', businessType: 2, caller: { id: 'openid-alice' }, listener: { id: 'SN-WMPF-0001', name: 'ignored' }, voipToken: token });
    const room = value(h.tenant.calls.initByCaller(alice, request));
    expect(room.listener.name).toBe('Lobby panel door-panel');
    h.tenant.actions.forceHangUp(alice, room.roomId);
    expect(endVoipOf(h, alice.partyId)).toEqual([expect.objectContaining({ listenerName: 'Lobby panel door-panel' })]);
  });

  it.each([
    ['SN-WMPF-0001', 'wmpf', 'SN-WMPF-LEGACY'],
    ['SN-WMPF-LEGACY', 'deviceAuthSdk', 'SN-WMPF-0001'],
  ] as const)('businessType 1 from %s (%s registration) refuses caller.id %s of another device with 2 (P §3.3)', (sn, mode, other) => {
    const h = setup();
    const party = h.connect({ kind: 'wmpfPlugin', appId: APP, sn, modelId: 'model-wmpf-panel', registrationMode: mode });
    const token = mode === 'deviceAuthSdk' ? value(h.tenant.deviceTokens.getDeviceToken({ appId: APP, sn, modelId: 'model-wmpf-panel', registrationMode: mode })).deviceToken : undefined;
    const request = InitByCallerRequest.parse({ roomType: 'voice', businessType: 1, caller: { id: other }, listener: { id: 'openid-alice' }, ...(token ? { voipToken: token } : {}) });
    const refused = h.tenant.calls.initByCaller(party, request);
    expect(refused.ok ? 'ok' : [refused.refusal.code, refused.refusal.key]).toEqual([2, 'DEVICE_ID_INVALID']);
    expect(code(h.tenant.calls.initByCaller(party, { ...request, caller: { ...request.caller, id: sn } }))).toBe('ok');
  });
});
