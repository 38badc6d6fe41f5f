import type { StateFile } from '@wxvoip/contracts';
import type { PlatformTenant } from '../platformTenant.js';
import { authorizationKey } from '../tenant/loadSeed.js';
import type { AccessTokenRecord, AuthorizationRecord } from '../tenant/entities.js';

/**
 * Puts the runtime part of a state file back into a tenant that was just created from the same file as its seed
 * (ADR 0015): the clock moves forward to the saved platform time if it is behind (time never goes back across a
 * restart), the id generator continues, the credentials still valid are issued again, registration, authorization,
 * group and license details return, and each room that was in flight is journalled as ended (aborted) with its talk
 * time billed up to the save. The journal starts with a `restored` entry that says what came back.
 *
 * @example
 * const tenant = new PlatformTenant({ namespace: file.namespace, seed: file });
 * restoreNamespace(tenant, file);
 */
export function restoreNamespace(tenant: PlatformTenant, file: StateFile): void {
  const state = tenant.state;
  const runtime = file.runtime;
  if (state.clock.now() < file.platformTime) state.clock.set(file.platformTime);
  state.ids.restore(runtime.ids);
  const now = state.now();

  for (const saved of runtime.apps) {
    const app = state.app(saved.appId);
    if (!app) continue;
    if (saved.billedDurationSec !== undefined) app.billing.billedDurationSec = saved.billedDurationSec;
    app.stableForceRefreshes.splice(0, app.stableForceRefreshes.length, ...saved.stableForceRefreshes);
    for (const d of saved.devices) {
      const device = app.devices.get(d.sn);
      if (!device) continue;
      device.registeredAt = device.registered ? (d.registeredAt ?? device.registeredAt) : undefined;
      device.registeredBy = d.registeredBy ?? undefined;
    }
    app.authorizations.clear();
    for (const a of saved.authorizations) {
      const target: AuthorizationRecord['target'] =
        a.sn !== undefined ? { kind: 'device', sn: a.sn, ...(a.modelId === undefined ? {} : { modelId: a.modelId }) } : { kind: 'group', groupId: a.groupId ?? '' };
      let records = app.authorizations.get(a.openId);
      if (!records) app.authorizations.set(a.openId, (records = new Map()));
      records.set(authorizationKey(target), { openId: a.openId, target, state: a.state, deviceName: a.deviceName, updatedAt: a.updatedAt });
    }
    for (const g of saved.groups) {
      const group = app.groups.get(g.groupId);
      if (!group) continue;
      group.province = g.province;
      group.city = g.city;
    }
    app.licenses.clear();
    for (const l of saved.licenses) {
      app.licenses.set(l.sn, { sn: l.sn, expireTime: l.expireTime, activeNumbers: [...l.activeNumbers], ...(l.pkgType === undefined ? {} : { pkgType: l.pkgType }) });
    }
  }

  let credentials = 0;
  for (const t of runtime.accessTokens) {
    const app = state.app(t.appId);
    if (!app || t.expiresAt <= now) continue;
    const record: AccessTokenRecord = { token: t.token, appId: t.appId, kind: t.kind, issuedAt: t.issuedAt, expiresAt: t.expiresAt, superseded: false };
    app.accessTokens[t.kind] = record;
    state.accessTokens.set(t.token, record);
    credentials++;
  }
  for (const t of runtime.snTickets) {
    if (t.expiresAt <= now || !state.app(t.appId)) continue;
    state.snTickets.set(t.ticket, { ...t });
    credentials++;
  }
  for (const t of runtime.deviceTokens) {
    const device = state.app(t.appId)?.devices.get(t.sn);
    if (!device || t.expiresAt <= now) continue;
    (device.deviceTokens ??= new Map()).set(t.token, { expiresAt: t.expiresAt });
    state.deviceTokens.set(t.token, { appId: t.appId, sn: t.sn });
    credentials++;
  }
  for (const t of runtime.pushTokens) {
    const device = state.app(t.appId)?.devices.get(t.sn);
    if (!device || t.expiresAt <= now) continue;
    device.pushToken = { token: t.token, expiresAt: t.expiresAt };
    state.pushTokens.set(t.token, { appId: t.appId, sn: t.sn });
    credentials++;
  }
  for (const d of runtime.runtimeDevices) if (state.app(d.appId)) state.runtimeDevices.set(d.id, d.appId);

  const devices = [...state.apps.values()].reduce((n, app) => n + app.devices.size, 0);
  const registered = [...state.apps.values()].reduce((n, app) => n + [...app.devices.values()].filter((d) => d.registered).length, 0);
  state.journal.append({
    kind: 'platform',
    event: 'restored',
    roomId: null,
    detail:
      `namespace restored from the state saved at ${file.savedAt} (platform time): ${state.apps.size} app(s), ${devices} device(s) of which ${registered} registered, ` +
      `${credentials} credential(s) still valid; parties must connect again, faults and the journal start empty`,
  });

  for (const room of runtime.roomsInFlight) {
    const app = state.app(room.appId);
    const talkMs = room.state === 'talking' && room.talkStartedAt !== null ? Math.max(0, file.platformTime - room.talkStartedAt) : 0;
    const billed = app ? tenant.billing.settle(app, room.chargeType, talkMs) : 0;
    state.journal.append({
      kind: 'platform',
      event: 'roomAborted',
      roomId: room.roomId,
      detail:
        `room ${room.roomId} (${room.direction}, device ${room.sn}, peer ${room.peer}) was ${room.state} when the platform stopped; ` +
        `it ended as aborted at this start (rooms are not kept across restarts)${billed > 0 ? `; ${billed} s of talk billed (${room.chargeType}) up to the last save` : ''}`,
    });
  }
}
