import { AddRuntimeDeviceRequest } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../refusal.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { DeviceService } from './deviceService.js';
import { WmpfService } from './wmpfService.js';

const panel = { modelId: 'm-panel', kind: 'wmpf' as const, modelType: 'panel' };
const seed = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [panel, { modelId: 'm-linux', kind: 'linux' as const, modelType: 'doorbell' }],
      devices: [
        { sn: 'SN-PANEL', modelId: 'm-panel', kind: 'wmpf' as const, registered: true },
        { sn: 'SN-PANEL-2', modelId: 'm-panel', kind: 'wmpf' as const, registered: true },
        { sn: 'SN-INACTIVE', modelId: 'm-panel', kind: 'wmpf' as const, activated: false },
        { sn: 'SN-LINUX', modelId: 'm-linux', kind: 'linux' as const, registered: true },
      ],
    },
    { appId: 'wx-other', secret: 's', models: [{ ...panel, modelId: 'o-panel' }], devices: [{ sn: 'SN-FOREIGN', modelId: 'o-panel', kind: 'wmpf' as const }] },
    { appId: 'wx-linux-only', secret: 's', models: [{ modelId: 'l-linux', kind: 'linux' as const, modelType: 'doorbell' }] },
    { appId: 'wx-new', secret: 's', voipCapability: 'none' as const, models: [{ ...panel, modelId: 'n-panel' }] },
  ],
};

function setup() {
  const state = createTenantState({ seed });
  const devices = new DeviceService(state);
  const wmpf = new WmpfService(state, devices);
  const app = (appId = 'wx-app') => state.app(appId)!;
  const pushTokenOf = (sn: string, appId = 'wx-app', modelId = 'm-panel') => {
    const issued = wmpf.getPushToken({ appId, sn, modelId });
    if (!issued.ok) throw new Error(issued.refusal.rule);
    return issued.value;
  };
  const addDevices = (appId: string, ids: string[]) =>
    wmpf.addRuntimeDevice(app(appId), AddRuntimeDeviceRequest.parse({ product_id: 7, device_id_list: ids, model_name: 'panel' }));
  return { state, devices, wmpf, app, pushTokenOf, addDevices };
}

function codeOf(outcome: Outcome<unknown>): number | 'ok' {
  return outcome.ok ? 'ok' : outcome.refusal.code;
}

function ruleOf(outcome: Outcome<unknown>): string {
  return outcome.ok ? '' : outcome.refusal.rule;
}

describe('WmpfService: getPushToken', () => {
  it('issues a token valid pushTokenTtlMs; a new one supersedes it (14, "superseded")', () => {
    const { state, wmpf, app, pushTokenOf } = setup();
    const first = pushTokenOf('SN-PANEL');
    expect(first.expiresAt).toBe(state.now() + 24 * 3_600_000);
    expect(codeOf(wmpf.validatePushToken(app(), 'SN-PANEL', first.pushToken))).toBe('ok');
    const second = pushTokenOf('SN-PANEL');
    const old = wmpf.validatePushToken(app(), 'SN-PANEL', first.pushToken);
    expect([codeOf(old), ruleOf(old)]).toEqual([14, expect.stringContaining('superseded')]);
    expect(codeOf(wmpf.validatePushToken(app(), 'SN-PANEL', second.pushToken))).toBe('ok');
  });

  it('needs an activated WMPF device of the app: −5 inactive, 2 for Linux, unknown or mis-modelled SNs', () => {
    const { wmpf } = setup();
    const token = (sn: string, modelId = 'm-panel') => codeOf(wmpf.getPushToken({ appId: 'wx-app', sn, modelId }));
    expect(token('SN-INACTIVE')).toBe(-5);
    expect(token('SN-LINUX', 'm-linux')).toBe(2);
    expect(token('SN-UNKNOWN')).toBe(2);
    expect(token('SN-PANEL', 'm-linux')).toBe(2);
    expect(codeOf(wmpf.getPushToken({ appId: 'wx-gone', sn: 'SN-PANEL', modelId: 'm-panel' }))).toBe(2);
  });

  it('serves a device known only from runtime/adddevice, which becomes a device of the app', () => {
    const { state, addDevices, pushTokenOf } = setup();
    addDevices('wx-app', ['SN-ADDED']);
    expect(pushTokenOf('SN-ADDED').pushToken).not.toBe('');
    expect(state.device('SN-ADDED')).toMatchObject({ app: { appId: 'wx-app' }, device: { kind: 'wmpf', activated: true, registered: false } });
  });
});

describe('WmpfService: validatePushToken and checkWmpfCallee (callWMPF)', () => {
  it('answers 14 for an unknown, expired or other device token', () => {
    const { state, wmpf, app, pushTokenOf } = setup();
    const { pushToken } = pushTokenOf('SN-PANEL');
    const refusal = wmpf.validatePushToken(app(), 'SN-PANEL', 'forged');
    expect(refusal.ok ? null : [refusal.refusal.code, refusal.refusal.stage]).toEqual([14, 'tokens']);
    expect(codeOf(wmpf.validatePushToken(app(), 'SN-PANEL-2', pushToken))).toBe(14);
    state.clock.advance(24 * 3_600_000 - 1);
    expect(codeOf(wmpf.validatePushToken(app(), 'SN-PANEL', pushToken))).toBe('ok');
    state.clock.advance(1);
    expect(ruleOf(wmpf.validatePushToken(app(), 'SN-PANEL', pushToken))).toContain('expired');
  });

  it('accepts an activated, online WMPF device with its pushToken', () => {
    const { wmpf, app, pushTokenOf } = setup();
    const callee = wmpf.checkWmpfCallee(app(), 'SN-PANEL', 'm-panel', pushTokenOf('SN-PANEL').pushToken);
    expect(callee.ok && callee.value.sn).toBe('SN-PANEL');
  });

  it('answers 2 for an unknown, non-WMPF or inactive device and 14 for a bad token or an offline device', () => {
    const { state, devices, wmpf, app, pushTokenOf } = setup();
    const { pushToken } = pushTokenOf('SN-PANEL');
    expect(codeOf(wmpf.checkWmpfCallee(app(), 'SN-UNKNOWN', 'm-panel', pushToken))).toBe(2);
    expect(codeOf(wmpf.checkWmpfCallee(app(), 'SN-LINUX', 'm-linux', pushToken))).toBe(2);
    expect(codeOf(wmpf.checkWmpfCallee(app(), 'SN-INACTIVE', 'm-panel', pushToken))).toBe(2);
    expect(codeOf(wmpf.checkWmpfCallee(app(), 'SN-PANEL', 'm-panel', 'forged'))).toBe(14);
    devices.setOnline('SN-PANEL', false);
    const offline = wmpf.checkWmpfCallee(app(), 'SN-PANEL', 'm-panel', pushToken);
    expect(offline.ok ? null : [offline.refusal.code, offline.refusal.stage]).toEqual([14, 'state']);
    expect(state.device('SN-PANEL')?.device.online).toBe(false);
  });

  it('expireFor makes the current pushToken expire now', () => {
    const { wmpf, app, pushTokenOf } = setup();
    const { pushToken } = pushTokenOf('SN-PANEL');
    expect(wmpf.expireFor('SN-PANEL')).toBe(1);
    expect(wmpf.expireFor('SN-PANEL')).toBe(0);
    expect(codeOf(wmpf.validatePushToken(app(), 'SN-PANEL', pushToken))).toBe(14);
  });
});

describe('WmpfService: POST /wxa/business/runtime/adddevice', () => {
  it('activates the listed WMPF devices', () => {
    const { state, addDevices } = setup();
    expect(addDevices('wx-app', ['SN-INACTIVE'])).toEqual({ ok: true, value: { errcode: 0, errmsg: 'ok' } });
    expect(state.device('SN-INACTIVE')?.device.activated).toBe(true);
  });

  it('answers 48001 for an app without onboarding and 50093 for an app with no WMPF model (no host app)', () => {
    const { addDevices } = setup();
    const unauthorized = addDevices('wx-new', ['SN-X']);
    expect(unauthorized.ok ? null : [unauthorized.refusal.code, unauthorized.refusal.stage]).toEqual([48001, 'capability']);
    expect(codeOf(addDevices('wx-linux-only', ['SN-X']))).toBe(50093);
  });
});

describe('WmpfService: POST /wxa/business/runtime/pushappmsg', () => {
  it('returns the delivery for the device that holds the pushToken', () => {
    const { wmpf, app, pushTokenOf } = setup();
    const { pushToken } = pushTokenOf('SN-PANEL');
    expect(wmpf.pushAppMsg(app(), { msg: '{"type":"ring"}', push_token: pushToken })).toEqual({
      ok: true,
      value: { appId: 'wx-app', sn: 'SN-PANEL', pushToken, msg: '{"type":"ring"}' },
    });
  });

  it("answers 48012 for an unknown, expired or another app's pushToken", () => {
    const { state, wmpf, app, pushTokenOf } = setup();
    const refusal = wmpf.pushAppMsg(app(), { msg: 'hi', push_token: 'forged' });
    expect(refusal.ok ? null : [refusal.refusal.code, refusal.refusal.key]).toEqual([48012, 'PUSH_TOKEN_INVALID']);
    const foreign = pushTokenOf('SN-FOREIGN', 'wx-other', 'o-panel').pushToken;
    expect(codeOf(wmpf.pushAppMsg(app(), { msg: 'hi', push_token: foreign }))).toBe(48012);
    expect(codeOf(wmpf.pushAppMsg(app('wx-other'), { msg: 'hi', push_token: foreign }))).toBe('ok');
    const { pushToken } = pushTokenOf('SN-PANEL');
    state.clock.advance(24 * 3_600_000);
    expect(codeOf(wmpf.pushAppMsg(app(), { msg: 'hi', push_token: pushToken }))).toBe(48012);
  });
});
