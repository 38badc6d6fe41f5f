import type { DeviceCredentialKind, DeviceView } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import type { PlatformTenant } from '../../core/platformTenant.js';
import { deviceSide } from '../../core/rooms/room.js';
import type { AppState, DeviceState } from '../../core/tenant/entities.js';
import { notFoundProblem, type ProblemResponse } from '../problems.js';
import { withTenant, type ControlContext, type ControlHandlers } from './controlContext.js';
import { deviceView } from '../../core/views/entityViews.js';

type DeviceRoutes = 'listDevices' | 'getDevice' | 'takeDeviceOffline' | 'bringDeviceOnline' | 'expireDeviceCredentials' | 'resetDeviceRegistration' | 'listParties' | 'disconnectParty';

/** What a device SDK reports when the network goes away under a call (P §9.6): the room aborts with it. */
export const NETWORK_LOSS_ERRMSG = 'call interrupted due to native reason';

/**
 * The device and party routes: list and view devices, take them offline or online, expire their credentials, forget a
 * registration; list connected parties and disconnect one (`bye: kicked`). An unknown SN or partyId is a 404.
 *
 * - `takeDeviceOffline` marks the device offline and disconnects every party speaking for it with `bye: offline`.
 *   With `abortCalls` (default) its active call first aborts as a network loss (`abortVoip` with
 *   {@link NETWORK_LOSS_ERRMSG}, cause `simulate`); without it the call is left to its timers, so the parties are
 *   disconnected without the party registry's usual abort. Taking an offline device offline again (or an online one
 *   online) is not an error: the contract declares no 409 for these routes [I], so they are idempotent.
 * - `expireDeviceCredentials` counts, per kind asked for, the credentials that were still valid.
 * - `resetDeviceRegistration` forgets the registration (registered, method, time, hardware); tokens, group, license
 *   and an active call are left as they are [I].
 */
export function deviceHandlers(core: PlatformCore): Pick<ControlHandlers, DeviceRoutes> {
  return {
    listDevices: (request) =>
      withTenant(core, 'listDevices', request, ({ tenant }) => {
        const { appId, kind, online } = request.query;
        const devices: DeviceView[] = [];
        for (const app of tenant.state.apps.values()) {
          if (appId !== undefined && app.appId !== appId) continue;
          for (const device of app.devices.values()) {
            if ((kind === undefined || device.kind === kind) && (online === undefined || device.online === online)) devices.push(deviceView(tenant, app, device));
          }
        }
        return { status: 200, body: { devices } };
      }),

    getDevice: (request) =>
      withTenant(core, 'getDevice', request, (context) => {
        const found = deviceOrNotFound(context, request.params.sn);
        return 'missing' in found ? found.missing : { status: 200, body: deviceView(context.tenant, found.app, found.device) };
      }),

    takeDeviceOffline: (request) =>
      withTenant(core, 'takeDeviceOffline', request, (context) => {
        const found = deviceOrNotFound(context, request.params.sn);
        if ('missing' in found) return found.missing;
        takeOffline(context.tenant, found.app, found.device, request.body.abortCalls);
        return { status: 200, body: deviceView(context.tenant, found.app, found.device) };
      }),

    bringDeviceOnline: (request) =>
      withTenant(core, 'bringDeviceOnline', request, (context) => {
        const found = deviceOrNotFound(context, request.params.sn);
        if ('missing' in found) return found.missing;
        context.tenant.devices.setOnline(found.device.sn, true);
        return { status: 200, body: deviceView(context.tenant, found.app, found.device) };
      }),

    expireDeviceCredentials: (request) =>
      withTenant(core, 'expireDeviceCredentials', request, (context) => {
        const found = deviceOrNotFound(context, request.params.sn);
        if ('missing' in found) return found.missing;
        const { tenant } = context;
        const sn = found.device.sn;
        const expireFor: Record<DeviceCredentialKind, () => number> = {
          snTickets: () => tenant.snTickets.expireFor(sn),
          deviceToken: () => tenant.deviceTokens.expireFor(sn),
          pushToken: () => tenant.wmpf.expireFor(sn),
        };
        const expired: Partial<Record<DeviceCredentialKind, number>> = {};
        for (const kind of new Set(request.body.what)) expired[kind] = expireFor[kind]();
        return { status: 200, body: { expired } };
      }),

    resetDeviceRegistration: (request) =>
      withTenant(core, 'resetDeviceRegistration', request, (context) => {
        const found = deviceOrNotFound(context, request.params.sn);
        if ('missing' in found) return found.missing;
        const { device } = found;
        device.registered = false;
        device.registrationMethod = undefined;
        device.registeredAt = undefined;
        device.registeredBy = undefined;
        return { status: 200, body: deviceView(context.tenant, found.app, device) };
      }),

    listParties: (request) =>
      withTenant(core, 'listParties', request, ({ tenant }) => ({ status: 200, body: { parties: tenant.parties.list().map((party) => tenant.parties.info(party)) } })),

    disconnectParty: (request) =>
      withTenant(core, 'disconnectParty', request, (context) =>
        context.tenant.parties.disconnect(request.params.partyId, 'kicked')
          ? { status: 204, body: undefined }
          : notFoundProblem('connected party', request.params.partyId, context.namespace, context.instance),
      ),
  };
}

/** The device named in the path and its app, or the 404 problem. */
function deviceOrNotFound(context: ControlContext, sn: string): { app: AppState; device: DeviceState } | { missing: ProblemResponse<'notFound'> } {
  return context.tenant.state.device(sn) ?? { missing: notFoundProblem('device', sn, context.namespace, context.instance) };
}

/** See `takeDeviceOffline` in {@link deviceHandlers}. */
function takeOffline(tenant: PlatformTenant, app: AppState, device: DeviceState, abortCalls: boolean): void {
  tenant.devices.setOnline(device.sn, false);
  const room = tenant.rooms.activeRoomOf({ kind: 'device', sn: device.sn });
  if (room && abortCalls) tenant.rooms.abort(room, deviceSide(room), { errMsg: NETWORK_LOSS_ERRMSG, cause: 'simulate' });
  const parties = tenant.parties.devicesOf(app.appId, device.sn);
  if (abortCalls) {
    for (const party of parties) tenant.parties.disconnect(party.partyId, 'offline');
    return;
  }
  // The registry aborts the calls of a party that disconnects; here the call must outlive the parties.
  const onVanished = tenant.parties.onVanished;
  tenant.parties.onVanished = () => undefined;
  try {
    for (const party of parties) tenant.parties.disconnect(party.partyId, 'offline');
  } finally {
    tenant.parties.onVanished = onVanished;
  }
}
