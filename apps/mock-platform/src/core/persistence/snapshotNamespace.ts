import { STATE_FILE_FORMAT, STATE_FORMAT_VERSION, type AppRuntime, type NamespaceRuntime, type RoomInFlight, type SeedApp, type StateFile } from '@wxvoip/contracts';
import { exportSeed } from '../views/seedExport.js';
import type { PlatformTenant } from '../platformTenant.js';
import { deviceSide, endOf, otherSide } from '../rooms/room.js';
import type { AppState } from '../tenant/entities.js';

/**
 * The state of one namespace as plain data (ADR 0015): its entities as a seed, plus the credentials it issued that
 * are still valid now, registration, authorization and license details, the id generator, and the rooms in flight.
 * Left out on purpose: superseded and expired credentials, parties, faults, the journal, ended rooms, callback
 * deliveries and timers. Pure: no I/O, no clock reads beyond the platform clock.
 *
 * @example
 * const file = snapshotNamespace(core.tenant('default'));
 * JSON.stringify(file); // what `<data-dir>/namespaces/default.json` holds
 */
export function snapshotNamespace(tenant: PlatformTenant): StateFile {
  const state = tenant.state;
  const now = state.now();
  const seed = exportSeed(tenant);
  const runtime: NamespaceRuntime = {
    ids: state.ids.snapshot(),
    accessTokens: [...state.apps.values()].flatMap((app) =>
      (['classic', 'stable'] as const).flatMap((kind) => {
        const record = app.accessTokens[kind];
        return record && !record.superseded && record.expiresAt > now
          ? [{ token: record.token, appId: record.appId, kind, issuedAt: record.issuedAt, expiresAt: record.expiresAt }]
          : [];
      }),
    ),
    snTickets: [...state.snTickets.values()]
      .filter((t) => t.expiresAt > now)
      .map((t) => ({ ticket: t.ticket, appId: t.appId, sn: t.sn, modelId: t.modelId, expiresAt: t.expiresAt, uses: t.uses })),
    deviceTokens: [...state.deviceTokens].flatMap(([token, owner]) => {
      const expiresAt = state.app(owner.appId)?.devices.get(owner.sn)?.deviceTokens?.get(token)?.expiresAt;
      return expiresAt !== undefined && expiresAt > now ? [{ token, appId: owner.appId, sn: owner.sn, expiresAt }] : [];
    }),
    pushTokens: [...state.pushTokens].flatMap(([token, owner]) => {
      const current = state.app(owner.appId)?.devices.get(owner.sn)?.pushToken;
      return current?.token === token && current.expiresAt > now ? [{ token, appId: owner.appId, sn: owner.sn, expiresAt: current.expiresAt }] : [];
    }),
    runtimeDevices: [...state.runtimeDevices].map(([id, appId]) => ({ id, appId })),
    apps: [...state.apps.values()].map(appRuntime),
    roomsInFlight: tenant.rooms
      .list()
      .filter((room) => room.state !== 'ended')
      .map((room): RoomInFlight => {
        const device = deviceSide(room);
        return {
          roomId: room.roomId,
          appId: room.appId,
          state: room.state,
          direction: room.direction,
          chargeType: room.chargeType,
          sn: room.sn,
          peer: endOf(room, otherSide(device)).id,
          talkStartedAt: room.talkStartedAt,
        };
      }),
  };
  return {
    format: STATE_FILE_FORMAT,
    formatVersion: STATE_FORMAT_VERSION,
    namespace: state.namespace,
    savedAt: new Date(now).toISOString(),
    platformTime: now,
    version: seed.version,
    description: `saved state of namespace "${state.namespace}" of a wxvoip mock platform (also loads as a seed)`,
    ...(seed.clock === undefined ? {} : { clock: seed.clock }),
    apps: seed.apps.map((app) => seedable(app, state.apps.get(app.appId))),
    runtime,
  };
}

/**
 * The seed entry of an app without the authorizations a seed cannot hold (an SN that is not a device of the app,
 * a group that is not one of its groups); `runtime` keeps every authorization.
 */
function seedable(app: SeedApp, held: AppState | undefined): SeedApp {
  if (!held) return app;
  return { ...app, authorizations: app.authorizations.filter((a) => (a.sn !== undefined ? held.devices.has(a.sn) : held.groups.has(a.groupId ?? '')) && held.users.has(a.openId)) };
}

function appRuntime(app: AppState): AppRuntime {
  return {
    appId: app.appId,
    ...(app.billing.billedDurationSec === undefined ? {} : { billedDurationSec: app.billing.billedDurationSec }),
    stableForceRefreshes: [...app.stableForceRefreshes],
    devices: [...app.devices.values()].map((d) => ({ sn: d.sn, registeredAt: d.registeredAt ?? null, registeredBy: d.registeredBy ?? null })),
    authorizations: [...app.authorizations.values()].flatMap((records) =>
      [...records.values()].map((r) => ({
        openId: r.openId,
        ...(r.target.kind === 'device' ? { sn: r.target.sn, ...(r.target.modelId === undefined ? {} : { modelId: r.target.modelId }) } : { groupId: r.target.groupId }),
        state: r.state,
        ...(r.deviceName === undefined ? {} : { deviceName: r.deviceName }),
        updatedAt: r.updatedAt,
      })),
    ),
    groups: [...app.groups.values()].map((g) => ({ groupId: g.groupId, ...(g.province === undefined ? {} : { province: g.province }), ...(g.city === undefined ? {} : { city: g.city }) })),
    licenses: [...app.licenses.values()].map((l) => ({ sn: l.sn, expireTime: l.expireTime, activeNumbers: [...l.activeNumbers], ...(l.pkgType === undefined ? {} : { pkgType: l.pkgType }) })),
  };
}
