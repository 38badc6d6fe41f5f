import type { AppView, DeviceView, SeedBilling, UserView } from '@wxvoip/contracts';
import type { PlatformTenant } from '../platformTenant.js';
import { deviceRegistration } from '../services/deviceService.js';
import type { AppState, DeviceState, UserState } from '../tenant/entities.js';

/** An app's billing settings in the seed's shape (without the billed total, which only `BillingView` shows). */
export function billingSettings(app: AppState): SeedBilling {
  const { durationBalanceSec, inArrears, licenseApis, enforceLicenseOnCall } = app.billing;
  return { durationBalanceSec, inArrears, licenseApis, enforceLicenseOnCall };
}

/** Number of authorization records of an app (every user, every target). */
export function authorizationCount(app: AppState): number {
  let count = 0;
  for (const records of app.authorizations.values()) count += records.size;
  return count;
}

/** An app as the control API shows it: settings, models and how many devices, users, authorizations, groups and rooms it holds. */
export function appView(tenant: PlatformTenant, app: AppState): AppView {
  return {
    appId: app.appId,
    name: app.name ?? null,
    originalId: app.originalId,
    voipCapability: app.voipCapability,
    pushConfig: app.pushConfig ?? null,
    billing: billingSettings(app),
    models: [...app.models.values()].map((m) => ({ modelId: m.modelId, kind: m.kind, modelType: m.modelType, approved: m.approved, billing: m.billing })),
    counts: {
      devices: app.devices.size,
      users: app.users.size,
      authorizations: authorizationCount(app),
      groups: app.groups.size,
      rooms: tenant.rooms.list().filter((room) => room.appId === app.appId).length,
    },
  };
}

/** A user as the control API shows it, with the active call it is in (what makes it busy), if any. */
export function userView(tenant: PlatformTenant, app: AppState, user: UserState): UserView {
  return {
    appId: app.appId,
    openId: user.openId,
    nickname: user.nickname,
    wechatVersion: user.wechatVersion,
    dialogDecision: user.dialogDecision,
    currentRoomId: tenant.rooms.activeRoomOf({ kind: 'user', appId: app.appId, openId: user.openId })?.roomId ?? null,
  };
}

/**
 * A device as the control API shows it: registration, reachability, the connected parties that speak for it, its
 * active call, group, license expiry (Unix s) and token expiries (platform ms; for deviceTokens the latest one).
 */
export function deviceView(tenant: PlatformTenant, app: AppState, device: DeviceState): DeviceView {
  const deviceTokenExpiries = [...(device.deviceTokens?.values() ?? [])].map((token) => token.expiresAt);
  return {
    appId: app.appId,
    sn: device.sn,
    modelId: device.modelId,
    kind: device.kind,
    name: device.name ?? null,
    registration: deviceRegistration(app.appId, device.sn, device),
    activated: device.activated,
    online: device.online,
    partyIds: tenant.parties.devicesOf(app.appId, device.sn).map((party) => party.partyId),
    currentRoomId: tenant.rooms.activeRoomOf({ kind: 'device', sn: device.sn })?.roomId ?? null,
    groupId: device.groupId ?? null,
    licenseExpireTime: app.licenses.get(device.sn)?.expireTime ?? null,
    pushTokenExpiresAt: device.pushToken?.expiresAt ?? null,
    deviceTokenExpiresAt: deviceTokenExpiries.length === 0 ? null : Math.max(...deviceTokenExpiries),
  };
}
