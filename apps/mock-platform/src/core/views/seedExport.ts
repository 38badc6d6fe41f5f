import type { Seed, SeedApp, SeedAuthorization, SeedClock, SeedSummary } from '@wxvoip/contracts';
import type { PlatformTenant } from '../platformTenant.js';
import type { AppState } from '../tenant/entities.js';
import { authorizationCount, billingSettings } from './entityViews.js';

/**
 * The namespace's current entities as a seed (`GET /__admin/seed`): loading it elsewhere gives the same apps, models,
 * devices (registration, activation, reachability), users, authorizations, groups, licenses and packages, and the
 * same clock (a manual clock at its current time). Not part of a seed, so not exported: tokens, snTickets, pushTokens,
 * deviceTokens, rooms, parties, faults, the journal, billed totals, and group province/city.
 * [I] Licenses of SNs that are not devices of the app (legacy activations) are left out: a seed cannot hold them
 * (`licenseDeviceExists`).
 */
export function exportSeed(tenant: PlatformTenant): Seed {
  const clock = tenant.state.clock;
  const seedClock: SeedClock = clock.mode === 'real' ? { mode: 'real' } : { mode: 'manual', now: clock.now() };
  return {
    version: 1,
    description: `exported from namespace "${tenant.state.namespace}" at ${new Date(clock.now()).toISOString()}`,
    clock: seedClock,
    apps: [...tenant.state.apps.values()].map(exportApp),
  };
}

/** What a seed load (or a reset) left in the namespace: counts per entity and the platform time. */
export function seedSummary(tenant: PlatformTenant): SeedSummary {
  const counts = { apps: 0, models: 0, devices: 0, users: 0, authorizations: 0, groups: 0, licenses: 0 };
  for (const app of tenant.state.apps.values()) {
    counts.apps++;
    counts.models += app.models.size;
    counts.devices += app.devices.size;
    counts.users += app.users.size;
    counts.authorizations += authorizationCount(app);
    counts.groups += app.groups.size;
    counts.licenses += app.licenses.size;
  }
  return { namespace: tenant.state.namespace, loadedAt: tenant.state.now(), counts };
}

function exportApp(app: AppState): SeedApp {
  return {
    appId: app.appId,
    secret: app.secret,
    originalId: app.originalId,
    ...(app.name === undefined ? {} : { name: app.name }),
    voipCapability: app.voipCapability,
    ...(app.pushConfig === undefined ? {} : { pushConfig: { ...app.pushConfig } }),
    billing: billingSettings(app),
    models: [...app.models.values()].map((m) => ({ modelId: m.modelId, kind: m.kind, modelType: m.modelType, approved: m.approved, billing: m.billing })),
    devices: [...app.devices.values()].map((d) => ({
      sn: d.sn,
      modelId: d.modelId,
      kind: d.kind,
      ...(d.name === undefined ? {} : { name: d.name }),
      registered: d.registered,
      ...(d.registered && d.registrationMethod !== undefined ? { registrationMethod: d.registrationMethod } : {}),
      activated: d.activated,
      online: d.online,
    })),
    users: [...app.users.values()].map((u) => ({ openId: u.openId, nickname: u.nickname, wechatVersion: u.wechatVersion, dialogDecision: u.dialogDecision })),
    authorizations: [...app.authorizations.values()].flatMap((records) =>
      [...records.values()].map((record): SeedAuthorization => {
        const target = record.target;
        return target.kind === 'device'
          ? { openId: record.openId, sn: target.sn, state: record.state, ...(record.deviceName === undefined ? {} : { deviceName: record.deviceName }) }
          : { openId: record.openId, groupId: target.groupId, state: record.state };
      }),
    ),
    groups: [...app.groups.values()].map((g) => ({ groupId: g.groupId, name: g.name, modelId: g.modelId, maxDeviceCount: g.maxDeviceCount, members: [...g.members] })),
    licenses: [...app.licenses.values()].filter((l) => app.devices.has(l.sn)).map((l) => ({ sn: l.sn, expireTime: l.expireTime, activeNumbers: [...l.activeNumbers] })),
    licensePackages: [...app.licensePackages.values()].map((p) => ({ pkgId: p.pkgId, pkgType: p.pkgType, startTime: p.startTime, endTime: p.endTime, all: p.all, used: p.used })),
  };
}
