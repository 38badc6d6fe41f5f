import { CONTROL_PREFIX } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import type { TenantState } from '../../core/tenant/tenantState.js';
import { refusalProblem, validationProblem } from '../problems.js';
import { appOrNotFound, withTenant, type ControlHandlers } from './controlContext.js';
import { appView } from '../../core/views/entityViews.js';

type AppRoutes = 'listApps' | 'getApp' | 'updateApp' | 'expireAccessTokens' | 'issueSnTicket' | 'listGroups' | 'getBilling' | 'updateBilling' | 'setDeviceLicense';

/**
 * The app routes: view and change an app, expire its access_tokens, issue an snTicket, list its groups, and its
 * billing and device licenses. An unknown appId is a 404 `not-found` problem.
 *
 * - `updateApp` applies the given fields. Changing the secret leaves issued access_tokens valid until they expire, as
 *   `AppPatch` documents; `expireAccessTokens` ends them at once. A new push configuration is handed to the tenant's
 *   `onPushConfigChanged` (a listening platform re-verifies the URL, D §4.13).
 * - `issueSnTicket` follows the `getsnticket` rules; a refusal (capability `none`, a model that is not an approved model
 *   of the app) is a 409 `invalid-state` problem with the core refusal's key, code and rule in its detail [I: the
 *   contract declares 404 and 409 only].
 */
export function appHandlers(core: PlatformCore): Pick<ControlHandlers, AppRoutes> {
  return {
    listApps: (request) =>
      withTenant(core, 'listApps', request, ({ tenant }) => ({ status: 200, body: { apps: [...tenant.state.apps.values()].map((app) => appView(tenant, app)) } })),

    getApp: (request) =>
      withTenant(core, 'getApp', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        return 'missing' in found ? found.missing : { status: 200, body: appView(context.tenant, found.app) };
      }),

    updateApp: (request) =>
      withTenant(core, 'updateApp', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const { app } = found;
        const patch = request.body;
        const mode = patch.pushConfig?.mode;
        if (mode !== undefined && mode !== 'secure' && context.tenant.callbacks.insecurePushModes === 'refuse') {
          // D §2.3: iot_voip_notify is sent in secure mode only; any other mode would make every cloud call fail later.
          return validationProblem(
            [{ path: ['pushConfig', 'mode'], message: `pushConfig.mode '${mode}' cannot carry iot_voip_notify: WeChat sends it in secure mode only (D §2.3), so every cloud call would end callbackRefused. Use 'secure'` }],
            `${CONTROL_PREFIX}/apps/${request.params.appId}`,
          );
        }
        if (patch.secret !== undefined) app.secret = patch.secret;
        if (patch.voipCapability !== undefined) app.voipCapability = patch.voipCapability;
        if (patch.pushConfig !== undefined) app.pushConfig = patch.pushConfig ?? undefined;
        if (patch.pushConfig) context.tenant.onPushConfigChanged(app);
        return { status: 200, body: appView(context.tenant, app) };
      }),

    expireAccessTokens: (request) =>
      withTenant(core, 'expireAccessTokens', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        return { status: 200, body: { expired: expireAccessTokens(context.tenant.state, found.app.appId) } };
      }),

    issueSnTicket: (request) =>
      withTenant(core, 'issueSnTicket', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const issued = context.tenant.snTickets.issue(found.app, request.body.sn, request.body.modelId);
        return issued.ok ? { status: 201, body: issued.value } : refusalProblem('invalidState', issued.refusal, context.instance);
      }),

    listGroups: (request) =>
      withTenant(core, 'listGroups', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        return 'missing' in found ? found.missing : { status: 200, body: { groups: context.tenant.groups.list(found.app) } };
      }),

    getBilling: (request) =>
      withTenant(core, 'getBilling', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        return 'missing' in found ? found.missing : { status: 200, body: context.tenant.billing.billingView(found.app) };
      }),

    updateBilling: (request) =>
      withTenant(core, 'updateBilling', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        return 'missing' in found ? found.missing : { status: 200, body: context.tenant.billing.updateBilling(found.app, request.body) };
      }),

    setDeviceLicense: (request) =>
      withTenant(core, 'setDeviceLicense', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const result = context.tenant.billing.setDeviceLicense(found.app, request.params.sn, request.body);
        return result.ok ? { status: 200, body: result.value } : refusalProblem('notFound', result.refusal, context.instance);
      }),
  };
}

/**
 * Makes every valid access_token of the app (the current classic and stable ones) expire now, so the next use
 * answers 42001; returns how many. Superseded and already expired tokens are not counted.
 */
export function expireAccessTokens(state: TenantState, appId: string): number {
  const now = state.now();
  let expired = 0;
  for (const record of state.accessTokens.values()) {
    if (record.appId !== appId || record.superseded || record.expiresAt <= now) continue;
    record.expiresAt = now;
    expired++;
  }
  return expired;
}
