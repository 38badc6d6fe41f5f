import type { AuthorizationOutcome, RequestAuthorizationBody } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import type { Refusal } from '../../core/refusal.js';
import type { AuthorizationService } from '../../core/services/authorizationService.js';
import type { AppState } from '../../core/tenant/entities.js';
import { notFoundProblem, refusalProblem } from '../problems.js';
import { appOrNotFound, withTenant, type ControlHandlers } from './controlContext.js';
import { userView } from '../../core/views/entityViews.js';

type UserRoutes = 'listUsers' | 'putUser' | 'updateUser' | 'listAuthorizations' | 'requestAuthorization' | 'revokeAuthorization';

/**
 * The users and authorizations of an app: list, create or replace and change users; list, request (the phone's
 * `wx.requestDeviceVoIP`) and revoke authorizations. An unknown appId (or, for `updateUser`, openId) is a 404.
 * A refused authorization request is not a problem: it is the `{ ok: false, errCode, errMsg }` the phone would see.
 */
export function userHandlers(core: PlatformCore): Pick<ControlHandlers, UserRoutes> {
  return {
    listUsers: (request) =>
      withTenant(core, 'listUsers', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const { app } = found;
        return { status: 200, body: { users: [...app.users.values()].map((user) => userView(context.tenant, app, user)) } };
      }),

    putUser: (request) =>
      withTenant(core, 'putUser', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const { app } = found;
        const user = { openId: request.params.openId, nickname: request.body.nickname, wechatVersion: request.body.wechatVersion, dialogDecision: request.body.dialogDecision };
        app.users.set(user.openId, user);
        return { status: 200, body: userView(context.tenant, app, user) };
      }),

    updateUser: (request) =>
      withTenant(core, 'updateUser', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const { app } = found;
        const user = app.users.get(request.params.openId);
        if (!user) return notFoundProblem(`user of ${app.appId}`, request.params.openId, context.namespace, context.instance);
        const patch = request.body;
        if (patch.nickname !== undefined) user.nickname = patch.nickname;
        if (patch.wechatVersion !== undefined) user.wechatVersion = patch.wechatVersion;
        if (patch.dialogDecision !== undefined) user.dialogDecision = patch.dialogDecision;
        return { status: 200, body: userView(context.tenant, app, user) };
      }),

    listAuthorizations: (request) =>
      withTenant(core, 'listAuthorizations', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        return 'missing' in found ? found.missing : { status: 200, body: { authorizations: context.tenant.authorization.list(found.app, request.query) } };
      }),

    requestAuthorization: (request) =>
      withTenant(core, 'requestAuthorization', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const outcome = context.tenant.authorization.requestAuthorization(found.app, request.body);
        const body: AuthorizationOutcome = outcome.ok
          ? { ok: true, errMsg: 'requestDeviceVoIP:ok', authorization: outcome.value }
          : authorizationFailure(context.tenant.authorization, found.app, request.body, outcome.refusal);
        return { status: 200, body };
      }),

    revokeAuthorization: (request) =>
      withTenant(core, 'revokeAuthorization', request, (context) => {
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const result = context.tenant.authorization.revoke(found.app, request.body);
        // revoke never refuses; a refusal here would be a core bug, so it is reported as one.
        return result.ok ? { status: 200, body: result.value } : refusalProblem('internal', result.refusal, context.instance);
      }),
  };
}

/**
 * What `wx.requestDeviceVoIP` reports for a refusal: the code, `requestDeviceVoIP:fail <message>` [I: the `<api>:fail`
 * form of every wx API failure; WeChat documents only the success errMsg, D §5.1], and the record as it stands now.
 */
function authorizationFailure(service: AuthorizationService, app: AppState, body: RequestAuthorizationBody, refusal: Refusal): AuthorizationOutcome {
  const target = body.groupId !== undefined ? { groupId: body.groupId } : { sn: body.sn ?? '' };
  return { ok: false, errCode: refusal.code, errMsg: `requestDeviceVoIP:fail ${refusal.message}`, authorization: service.find(app, body.openId, target) };
}
