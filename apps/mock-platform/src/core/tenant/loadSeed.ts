import type { Seed, SeedApp } from '@wxvoip/contracts';
import type { AppState, AuthorizationRecord } from './entities.js';
import type { TenantState } from './tenantState.js';

/** Target key of an authorization: `sn:<sn>` for a device, `group:<groupId>` for a device group. */
export function authorizationKey(target: AuthorizationRecord['target']): string {
  return target.kind === 'device' ? `sn:${target.sn}` : `group:${target.groupId}`;
}

/**
 * Adds the apps of a parsed seed to a tenant. The seed was validated by the contract's `Seed` schema (cross
 * references included), so this only translates; an app that already exists is replaced.
 */
export function loadSeed(state: TenantState, seed: Seed): void {
  for (const app of seed.apps) loadApp(state, app);
}

function loadApp(state: TenantState, seed: SeedApp): void {
  const previous = state.apps.get(seed.appId);
  if (previous) for (const sn of previous.devices.keys()) state.deviceOwner.delete(sn);

  const now = state.now();
  const app: AppState = {
    appId: seed.appId,
    secret: seed.secret,
    originalId: seed.originalId ?? `gh_${seed.appId.replace(/[^0-9A-Za-z_]/g, '_')}`,
    name: seed.name,
    voipCapability: seed.voipCapability,
    pushConfig: seed.pushConfig,
    billing: { ...seed.billing },
    models: new Map(seed.models.map((m) => [m.modelId, { ...m }])),
    devices: new Map(),
    users: new Map(seed.users.map((u) => [u.openId, { ...u }])),
    authorizations: new Map(),
    groups: new Map(),
    licenses: new Map(seed.licenses.map((l) => [l.sn, { sn: l.sn, expireTime: l.expireTime, activeNumbers: [...l.activeNumbers] }])),
    licensePackages: new Map(seed.licensePackages.map((p) => [p.pkgId, { ...p }])),
    accessTokens: { classic: undefined, stable: undefined },
    stableForceRefreshes: [],
  };
  state.apps.set(app.appId, app);

  for (const d of seed.devices) {
    state.addDevice(app, {
      sn: d.sn,
      modelId: d.modelId,
      kind: d.kind,
      name: d.name,
      registered: d.registered,
      registrationMethod: d.registered ? (d.registrationMethod ?? defaultRegistrationMethod(d.kind)) : undefined,
      registeredAt: d.registered ? now : undefined,
      registeredBy: undefined,
      activated: d.activated,
      online: d.online,
      groupId: undefined,
      deviceTokens: undefined,
      pushToken: undefined,
    });
  }

  for (const g of seed.groups) {
    const model = app.models.get(g.modelId);
    app.groups.set(g.groupId, {
      groupId: g.groupId,
      name: g.name,
      modelId: g.modelId,
      modelType: model?.modelType ?? '',
      maxDeviceCount: g.maxDeviceCount,
      province: undefined,
      city: undefined,
      members: new Set(g.members),
    });
    for (const sn of g.members) {
      const device = app.devices.get(sn);
      if (device) device.groupId = g.groupId;
    }
  }

  for (const a of seed.authorizations) {
    const target: AuthorizationRecord['target'] = a.sn !== undefined ? { kind: 'device', sn: a.sn } : { kind: 'group', groupId: a.groupId! };
    let byTarget = app.authorizations.get(a.openId);
    if (!byTarget) app.authorizations.set(a.openId, (byTarget = new Map()));
    byTarget.set(authorizationKey(target), { openId: a.openId, target, state: a.state, deviceName: a.deviceName, updatedAt: now });
  }
}

function defaultRegistrationMethod(kind: 'linux' | 'rtos' | 'wmpf'): 'linuxSdk' | 'cloudSdk' | 'wmpf' {
  return kind === 'linux' ? 'linuxSdk' : kind === 'rtos' ? 'cloudSdk' : 'wmpf';
}
