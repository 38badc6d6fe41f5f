import { SendHardwareDeviceMessageRequest, type SendHardwareDeviceMessageRequestInput } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../refusal.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { DeviceRegistrationService } from './deviceRegistrationService.js';
import { DeviceService } from './deviceService.js';
import { SnTicketService } from './snTicketService.js';

const seed = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [
        { modelId: 'm-linux', kind: 'linux' as const, modelType: 'doorbell' },
        { modelId: 'm-linux2', kind: 'linux' as const, modelType: 'doorbell' },
      ],
      devices: [
        { sn: 'SN-SEEDED', modelId: 'm-linux', kind: 'linux' as const, registered: true },
        { sn: 'SN-FRESH', modelId: 'm-linux', kind: 'linux' as const },
      ],
      users: [{ openId: 'o-alice', nickname: 'Alice' }],
    },
    {
      appId: 'wx-other',
      secret: 's',
      models: [{ modelId: 'o-linux', kind: 'linux' as const, modelType: 'doorbell' }],
      devices: [{ sn: 'SN-OTHER', modelId: 'o-linux', kind: 'linux' as const }],
    },
  ],
};

function setup() {
  const state = createTenantState({ seed });
  const devices = new DeviceService(state);
  const tickets = new SnTicketService(state);
  const registration = new DeviceRegistrationService(state, tickets);
  const app = state.app('wx-app')!;
  /** Registers SN-FRESH from `hardwareId` the way a Linux party does. */
  const registerFresh = (hardwareId: string) => {
    const ticket = tickets.issue(app, 'SN-FRESH', 'm-linux');
    if (!ticket.ok) throw new Error(ticket.refusal.rule);
    return registration.register({ appId: 'wx-app', sn: 'SN-FRESH', modelId: 'm-linux', method: 'linuxSdk', hardwareId }, { snTicket: ticket.value.snTicket });
  };
  return { state, devices, app, registerFresh };
}

function codeOf(outcome: Outcome<unknown>): number | 'ok' {
  return outcome.ok ? 'ok' : outcome.refusal.code;
}

describe('DeviceService: deviceOf', () => {
  it('finds a device of the app, checking the model when given', () => {
    const { devices, app } = setup();
    const found = devices.deviceOf(app, 'SN-FRESH', 'm-linux');
    expect(found.ok && found.value.sn).toBe('SN-FRESH');
    expect(codeOf(devices.deviceOf(app, 'SN-FRESH'))).toBe('ok');
  });

  it('answers 2 for an unknown SN, another app\'s SN or a model mismatch', () => {
    const { devices, app } = setup();
    const unknown = devices.deviceOf(app, 'SN-NOPE');
    expect(unknown.ok ? null : [unknown.refusal.code, unknown.refusal.key, unknown.refusal.stage]).toEqual([2, 'DEVICE_ID_INVALID', 'notFound']);
    const foreign = devices.deviceOf(app, 'SN-OTHER');
    expect(foreign.ok ? '' : foreign.refusal.rule).toContain('wx-other');
    const mismatch = devices.deviceOf(app, 'SN-FRESH', 'm-linux2');
    expect(mismatch.ok ? null : [mismatch.refusal.code, mismatch.refusal.stage]).toEqual([2, 'arguments']);
  });
});

describe('DeviceService: registration queries', () => {
  it('requireRegistered answers WXERROR_FAILED_PRECONDITION before registration and for other hardware', () => {
    const { devices, registerFresh } = setup();
    const identity = { appId: 'wx-app', sn: 'SN-FRESH', modelId: 'm-linux' };
    const early = devices.requireRegistered(identity);
    expect(early.ok ? null : [early.refusal.key, early.refusal.code, early.refusal.stage]).toEqual(['WXERROR_FAILED_PRECONDITION', 9, 'registration']);
    registerFresh('hw-1');
    expect(codeOf(devices.requireRegistered(identity, 'hw-1'))).toBe('ok');
    expect(codeOf(devices.requireRegistered(identity))).toBe('ok');
    expect(codeOf(devices.requireRegistered(identity, 'hw-2'))).toBe(9);
    expect(codeOf(devices.requireRegistered({ ...identity, modelId: 'm-linux2' }, 'hw-1'))).toBe(9);
  });

  it('treats a device seeded as registered as registered for any hardware', () => {
    const { devices } = setup();
    expect(codeOf(devices.requireRegistered({ appId: 'wx-app', sn: 'SN-SEEDED', modelId: 'm-linux' }, 'hw-any'))).toBe('ok');
  });

  it('isRegistered and registrationOf report the binding; other hardware reads it as unregistered', () => {
    const { state, devices, registerFresh } = setup();
    expect(devices.isRegistered('SN-FRESH')).toBe(false);
    expect(devices.registrationOf('SN-NOPE')).toEqual({ registered: false, appId: null, sn: 'SN-NOPE', modelId: null, method: null, registeredAt: null });
    state.clock.advance(1234);
    registerFresh('hw-1');
    expect(devices.isRegistered('SN-FRESH')).toBe(true);
    const registered = { registered: true, appId: 'wx-app', sn: 'SN-FRESH', modelId: 'm-linux', method: 'linuxSdk', registeredAt: state.now() };
    expect(devices.registrationOf('SN-FRESH')).toEqual(registered);
    expect(devices.registrationOf('SN-FRESH', 'hw-1')).toEqual(registered);
    expect(devices.registrationOf('SN-FRESH', 'hw-2').registered).toBe(false);
  });
});

describe('DeviceService: setOnline', () => {
  it('takes a device offline and back; 2 for an unknown SN', () => {
    const { state, devices } = setup();
    expect(codeOf(devices.setOnline('SN-OTHER', false))).toBe('ok');
    expect(state.device('SN-OTHER')?.device.online).toBe(false);
    devices.setOnline('SN-OTHER', true);
    expect(state.device('SN-OTHER')?.device.online).toBe(true);
    expect(codeOf(devices.setOnline('SN-NOPE', false))).toBe(2);
  });
});

describe('DeviceService: POST /cgi-bin/message/device/subscribe/send', () => {
  const message = (overrides: Partial<SendHardwareDeviceMessageRequestInput> = {}) =>
    SendHardwareDeviceMessageRequest.parse({
      template_id: 'any-template',
      sn: 'SN-FRESH',
      modelId: 'm-linux',
      to_openid_list: ['o-alice'],
      data: { thing2: { value: 'door' } },
      lang: 'zh_CN',
      ...overrides,
    });

  it('accepts any template for a device of the app and its users, with either model field name', () => {
    const { devices, app } = setup();
    expect(devices.sendHardwareDeviceMessage(app, message())).toEqual({ ok: true, value: { errcode: 0, errmsg: 'ok' } });
    expect(codeOf(devices.sendHardwareDeviceMessage(app, message({ modelId: undefined, model_id: 'm-linux' })))).toBe('ok');
  });

  it('answers 47003 naming the field for empty data or an empty value', () => {
    const { devices, app } = setup();
    const empty = devices.sendHardwareDeviceMessage(app, message({ data: {} }));
    expect(empty.ok ? null : [empty.refusal.code, empty.refusal.message]).toEqual([47003, 'argument invalid: data']);
    const blank = devices.sendHardwareDeviceMessage(app, message({ data: { thing2: { value: '' } } }));
    expect(blank.ok ? '' : blank.refusal.message).toBe('argument invalid: data.thing2.value');
  });

  it('answers 9800006 when sn and model are not a device of the app, and 43101 for a stranger', () => {
    const { devices, app } = setup();
    expect(codeOf(devices.sendHardwareDeviceMessage(app, message({ sn: 'SN-OTHER' })))).toBe(9800006);
    expect(codeOf(devices.sendHardwareDeviceMessage(app, message({ modelId: 'm-linux2' })))).toBe(9800006);
    const stranger = devices.sendHardwareDeviceMessage(app, message({ to_openid_list: ['o-alice', 'o-mallory'] }));
    expect(stranger.ok ? null : [stranger.refusal.code, stranger.refusal.key]).toEqual([43101, 'USER_REFUSED_SUBSCRIPTION']);
  });
});
