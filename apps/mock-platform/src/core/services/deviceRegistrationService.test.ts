import { AddRuntimeDeviceRequest, rtosReturnCode, type RegistrationMethod } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { PlatformConfig } from '../config.js';
import type { Outcome } from '../refusal.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { DeviceRegistrationService, type RegisteringDevice } from './deviceRegistrationService.js';
import { DeviceService } from './deviceService.js';
import { SnTicketService } from './snTicketService.js';
import { WmpfService } from './wmpfService.js';

const seed = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [
        { modelId: 'm-linux', kind: 'linux' as const, modelType: 'doorbell' },
        { modelId: 'm-linux2', kind: 'linux' as const, modelType: 'doorbell' },
        { modelId: 'm-rtos', kind: 'rtos' as const, modelType: 'camera' },
        { modelId: 'm-rtos2', kind: 'rtos' as const, modelType: 'camera' },
        { modelId: 'm-wmpf', kind: 'wmpf' as const, modelType: 'panel' },
        { modelId: 'm-wmpf2', kind: 'wmpf' as const, modelType: 'panel' },
      ],
      devices: [
        { sn: 'SN-SEEDED', modelId: 'm-linux', kind: 'linux' as const, registered: true },
        { sn: 'SN-PANEL', modelId: 'm-wmpf', kind: 'wmpf' as const },
        { sn: 'SN-PANEL-OFF', modelId: 'm-wmpf', kind: 'wmpf' as const, activated: false },
        { sn: 'SN-DECLARED', modelId: 'm-linux2', kind: 'linux' as const },
      ],
    },
    {
      appId: 'wx-other',
      secret: 's',
      models: [{ modelId: 'o-linux', kind: 'linux' as const, modelType: 'doorbell' }],
      devices: [{ sn: 'SN-OTHER', modelId: 'o-linux', kind: 'linux' as const }],
    },
  ],
};

function setup(config: Partial<PlatformConfig> = {}) {
  const state = createTenantState({ seed, config });
  const tickets = new SnTicketService(state);
  const devices = new DeviceService(state);
  const registration = new DeviceRegistrationService(state, tickets);
  const ticket = (sn: string, modelId: string) => {
    const issued = tickets.issue(state.app('wx-app')!, sn, modelId);
    if (!issued.ok) throw new Error(issued.refusal.rule);
    return { snTicket: issued.value.snTicket };
  };
  /** Registers `sn` of `modelId` from `hardwareId` with a fresh ticket (or `snTicket` when given). */
  const register = (method: RegistrationMethod, sn: string, modelId: string, hardwareId: string, snTicket?: string) => {
    const device: RegisteringDevice = { appId: 'wx-app', sn, modelId, method, hardwareId };
    return registration.register(device, snTicket === undefined ? ticket(sn, modelId) : { snTicket });
  };
  return { state, tickets, devices, registration, ticket, register };
}

function codeOf(outcome: Outcome<unknown>): number | 'ok' {
  return outcome.ok ? 'ok' : outcome.refusal.code;
}

function keyOf(outcome: Outcome<unknown>): string {
  return outcome.ok ? 'ok' : String(outcome.refusal.key);
}

/** What the RTOS SDK returns for an outcome: 0, a wx_error_t, or a negated backend code. */
function rtosCode(outcome: Outcome<unknown>): number {
  if (outcome.ok) return 0;
  const key = outcome.refusal.key;
  if (key === null) throw new Error('refusal without key');
  return rtosReturnCode(key as Parameters<typeof rtosReturnCode>[0]);
}

describe('DeviceRegistrationService: Linux wx_device_register', () => {
  it('binds (appId, modelId, SN) to the hardware for good', () => {
    const { state, devices, register } = setup();
    const result = register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1');
    expect(result.ok && result.value).toEqual({
      registration: { registered: true, appId: 'wx-app', sn: 'SN-L1', modelId: 'm-linux', method: 'linuxSdk', registeredAt: state.now() },
      alreadyRegistered: false,
    });
    expect(state.device('SN-L1')?.device).toMatchObject({ kind: 'linux', registeredBy: 'hw-1', registrationMethod: 'linuxSdk' });
    expect(devices.isRegistered('SN-L1')).toBe(true);
  });

  it('reports alreadyRegistered (ALREADY_EXISTS) to the same hardware, without needing a ticket', () => {
    const { register } = setup();
    register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1');
    const again = register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1', 'not-a-ticket');
    expect(again.ok && again.value.alreadyRegistered).toBe(true);
  });

  it('answers PERMISSION_DENIED (backend 9) when other hardware registered the SN, or it belongs to another app', () => {
    const { register, ticket, registration } = setup();
    register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1');
    const stolen = register('linuxSdk', 'SN-L1', 'm-linux', 'hw-2');
    expect(stolen.ok ? null : [stolen.refusal.code, stolen.refusal.key, stolen.refusal.stage]).toEqual([7, 'WXERROR_PERMISSION_DENIED', 'registration']);
    expect(stolen.ok ? '' : stolen.refusal.message).toContain('errcode 9');
    const foreign = registration.register({ appId: 'wx-app', sn: 'SN-OTHER', modelId: 'm-linux', method: 'linuxSdk', hardwareId: 'hw-3' }, ticket('SN-OTHER', 'm-linux'));
    expect(codeOf(foreign)).toBe(7);
  });

  it('answers INVALID_ARGUMENT for an expired, unknown, malformed or foreign ticket, logging the backend code', () => {
    const { state, register, ticket } = setup();
    const expiring = ticket('SN-L1', 'm-linux').snTicket;
    state.clock.advance(300_000);
    const expired = register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1', expiring);
    expect(expired.ok ? null : [expired.refusal.code, expired.refusal.stage]).toEqual([3, 'tokens']);
    expect(expired.ok ? '' : expired.refusal.message).toContain('10008');
    expect(codeOf(register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1', 'B'.repeat(32)))).toBe(3);
    const malformed = register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1', 'ACCESS_TOKEN.with-dots');
    expect(malformed.ok ? '' : `${malformed.refusal.code} ${malformed.refusal.message}`).toMatch(/^3 .*9800011/);
    expect(codeOf(register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1', ticket('SN-L2', 'm-linux').snTicket))).toBe(3);
    expect(codeOf(register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1', ticket('SN-L1', 'm-linux2').snTicket))).toBe(3);
    expect(codeOf(register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1'))).toBe('ok');
  });

  it('refuses hardware that already holds another registration (ALREADY_EXISTS), a model of another kind and a seeded model', () => {
    const { register } = setup();
    register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1');
    const renamed = register('linuxSdk', 'SN-L2', 'm-linux', 'hw-1');
    expect(renamed.ok ? null : [renamed.refusal.key, renamed.refusal.code]).toEqual(['WXERROR_ALREADY_EXISTS', 6]);
    expect(codeOf(register('linuxSdk', 'SN-L3', 'm-rtos', 'hw-2'))).toBe(3);
    expect(codeOf(register('linuxSdk', 'SN-DECLARED', 'm-linux', 'hw-3'))).toBe(3);
    expect(codeOf(register('linuxSdk', 'SN-DECLARED', 'm-linux2', 'hw-3'))).toBe('ok');
  });

  it('lets the first hardware adopt a device seeded as registered; other hardware is then refused', () => {
    const { state, register } = setup();
    const adopted = register('linuxSdk', 'SN-SEEDED', 'm-linux', 'hw-1', 'no-ticket-needed');
    expect(adopted.ok && adopted.value.alreadyRegistered).toBe(true);
    expect(state.device('SN-SEEDED')?.device.registeredBy).toBe('hw-1');
    expect(codeOf(register('linuxSdk', 'SN-SEEDED', 'm-linux', 'hw-2'))).toBe(7);
  });

  it('counts a successful registration as a use of its ticket (snTicketMaxUses)', () => {
    const { register, ticket } = setup({ snTicketMaxUses: 1 });
    const { snTicket } = ticket('SN-L1', 'm-linux');
    expect(codeOf(register('linuxSdk', 'SN-L1', 'm-linux', 'hw-1', snTicket))).toBe('ok');
    // The ticket is used up, so other hardware hears about the ticket before the SN conflict.
    const reuse = register('linuxSdk', 'SN-L1', 'm-linux', 'hw-2', snTicket);
    expect(reuse.ok ? null : [reuse.refusal.code, reuse.refusal.stage]).toEqual([3, 'tokens']);
  });
});

describe('DeviceRegistrationService: RTOS wx_device_register', () => {
  it('is idempotent: registering again from the same hardware is OK', () => {
    const { register } = setup();
    expect(rtosCode(register('cloudSdk', 'SN-R1', 'm-rtos', 'hw-r'))).toBe(0);
    const again = register('cloudSdk', 'SN-R1', 'm-rtos', 'hw-r');
    expect(again.ok && again.value.alreadyRegistered).toBe(true);
  });

  it('returns −10008 for a bad ticket and −9800011 for a malformed one', () => {
    const { register } = setup();
    expect(rtosCode(register('cloudSdk', 'SN-R1', 'm-rtos', 'hw-r', 'C'.repeat(32)))).toBe(-10008);
    expect(rtosCode(register('cloudSdk', 'SN-R1', 'm-rtos', 'hw-r', 'short'))).toBe(-9800011);
  });

  it('returns INVALID_DEVICEID (19) when the stored SN or model differs, and −9 for an SN bound elsewhere', () => {
    const { register } = setup();
    register('cloudSdk', 'SN-R1', 'm-rtos', 'hw-r');
    const otherSn = register('cloudSdk', 'SN-R2', 'm-rtos', 'hw-r');
    expect([keyOf(otherSn), rtosCode(otherSn)]).toEqual(['WXERROR_INVALID_DEVICEID', 19]);
    expect(rtosCode(register('cloudSdk', 'SN-R1', 'm-rtos2', 'hw-r'))).toBe(19);
    expect(rtosCode(register('cloudSdk', 'SN-R1', 'm-rtos', 'hw-other'))).toBe(-9);
  });

  it('answers WXERROR_RESPONSE for a model that is not an RTOS model', () => {
    const { register } = setup();
    expect(rtosCode(register('cloudSdk', 'SN-R1', 'm-linux', 'hw-r'))).toBe(18);
  });
});

describe('DeviceRegistrationService: WMPF registerMiniProgramDevice and device-auth registerDevice', () => {
  it('registers an activated WMPF device; a second hardware gets −5, a renamed one −8', () => {
    const { register } = setup();
    const result = register('wmpf', 'SN-PANEL', 'm-wmpf', 'hw-w');
    expect(result.ok && result.value.registration.method).toBe('wmpf');
    expect(codeOf(register('wmpf', 'SN-PANEL', 'm-wmpf', 'hw-x'))).toBe(-5);
    const renamed = register('wmpf', 'SN-PANEL-2', 'm-wmpf', 'hw-w');
    expect([keyOf(renamed), codeOf(renamed)]).toEqual(['WMPF_REGISTER_SN_CONFLICT', -8]);
  });

  it('needs the device activated: −5 before runtime/adddevice, OK after (also for an SN never seeded)', () => {
    const { state, devices, register } = setup();
    const inactive = register('wmpf', 'SN-PANEL-OFF', 'm-wmpf', 'hw-w');
    expect(inactive.ok ? null : [inactive.refusal.code, inactive.refusal.stage]).toEqual([-5, 'state']);
    expect(codeOf(register('wmpf', 'SN-NEW', 'm-wmpf', 'hw-n'))).toBe(-5);
    const wmpf = new WmpfService(state, devices);
    wmpf.addRuntimeDevice(state.app('wx-app')!, AddRuntimeDeviceRequest.parse({ product_id: 1, device_id_list: ['SN-PANEL-OFF', 'SN-NEW'], model_name: 'panel' }));
    expect(codeOf(register('wmpf', 'SN-PANEL-OFF', 'm-wmpf', 'hw-w'))).toBe('ok');
    expect(codeOf(register('deviceAuthSdk', 'SN-NEW', 'm-wmpf', 'hw-n'))).toBe('ok');
    expect(state.device('SN-NEW')?.device).toMatchObject({ kind: 'wmpf', activated: true, registrationMethod: 'deviceAuthSdk' });
  });

  it('answers −1 for a bad ticket or a non-WMPF model, and −3 for mixed methods or another stored binding', () => {
    const { register } = setup();
    expect(codeOf(register('wmpf', 'SN-PANEL', 'm-wmpf', 'hw-w', 'D'.repeat(32)))).toBe(-1);
    expect(codeOf(register('wmpf', 'SN-PANEL', 'm-linux', 'hw-w'))).toBe(-1);
    register('wmpf', 'SN-PANEL', 'm-wmpf', 'hw-w');
    const mixed = register('deviceAuthSdk', 'SN-PANEL', 'm-wmpf', 'hw-w');
    expect([keyOf(mixed), codeOf(mixed)]).toEqual(['WMPF_REGISTER_KEY_MISMATCH', -3]);
    expect(codeOf(register('wmpf', 'SN-PANEL', 'm-wmpf2', 'hw-w'))).toBe(-3);
  });

  it('answers 9800004 to the device-auth SDK for a ticket of another model, where WMPF answers −1', () => {
    const { register, ticket } = setup();
    const otherModel = ticket('SN-PANEL', 'm-wmpf2').snTicket;
    const sdk = register('deviceAuthSdk', 'SN-PANEL', 'm-wmpf', 'hw-w', otherModel);
    expect([keyOf(sdk), codeOf(sdk)]).toEqual(['SN_NOT_REGISTERED', 9800004]);
    expect(codeOf(register('wmpf', 'SN-PANEL', 'm-wmpf', 'hw-w', otherModel))).toBe(-1);
  });
});
