import { wechatApiContract, type WechatApiContract, type WechatErrorBody, type WechatRouteKey } from '@wxvoip/contracts';
import type { MagicFields } from '../core/faults/magicValues.js';
import type { PlatformCore } from '../core/platformCore.js';
import type { PlatformTenant } from '../core/platformTenant.js';
import { refuse, type Outcome, type Refusal } from '../core/refusal.js';
import type { AppState } from '../core/tenant/entities.js';
import { namespaceOf, type RequestHeaders, type RouterHandlers } from './routeHandlers.js';
import { runOperation } from './runOperation.js';

/** WeChat's error body for a refusal. */
function errorBody(refusal: Refusal): WechatErrorBody {
  return { errcode: refusal.code, errmsg: refusal.message };
}

type Body<K extends WechatRouteKey> = WechatApiContract[K] extends { body: infer B } ? (B extends { _output: infer O } ? O : never) : never;

/**
 * The emulated api.weixin.qq.com hardware routes (D §4) over the platform core: every route answers HTTP 200 with
 * the success body or `{ errcode, errmsg }`, like WeChat. Token-protected routes check `access_token` first
 * (41001, 40014, 40001, 42001); then faults and magic values; then the service.
 *
 * The namespace comes from the optional `x-wxvoip-namespace` header (real WeChat clients send none and get the
 * default namespace).
 */
export function createWechatHandlers(core: PlatformCore): RouterHandlers<WechatApiContract> {
  /** The namespace's tenant, or WeChat's 47001 for an invalid namespace header (WeChat routes declare no header schema). */
  const tenantOf = (headers: RequestHeaders): PlatformTenant | { status: 200; body: WechatErrorBody } => {
    try {
      return core.tenant(namespaceOf(headers));
    } catch (error) {
      return { status: 200, body: { errcode: 47001, errmsg: `data format error: ${(error as Error).message}` } };
    }
  };
  /** The journal names an app only when it exists (the entry's appId must be a valid AppId). */
  const knownApp = (tenant: PlatformTenant, appId: string): string | null => (tenant.state.app(appId) ? appId : null);

  /**
   * 48001 on every token-protected route of an app whose VoIP capability is `none` (device onboarding or the
   * capability review not finished): D §10.3 lists it for any token-protected API. Checked after the token.
   */
  const unauthorized = (app: AppState, path: string): Outcome<never> =>
    refuse('API_UNAUTHORIZED', 'capability', `${app.appId} has not finished hardware device onboarding (voipCapability is 'none'): ${path} is unauthorized until the capability is approved`);

  function protectedRoute<K extends Exclude<WechatRouteKey, 'getAccessToken' | 'getStableAccessToken'>, T>(
    key: K,
    magic: (body: Body<K>) => MagicFields,
    work: (tenant: PlatformTenant, app: AppState, body: Body<K>) => Outcome<T>,
  ): (request: { query: { access_token?: string | undefined }; body: Body<K>; headers: RequestHeaders }) => { status: 200; body: NoInfer<T> | WechatErrorBody } {
    const name: WechatRouteKey = key;
    const route = wechatApiContract[name];
    // Built once per route: a string built per request is hashed again by every lookup keyed on it (issue 19).
    const operation = `wechat.${key}` as const;
    return (request) => {
      const tenant = tenantOf(request.headers);
      if ('status' in tenant) return tenant;
      const auth = tenant.tokens.authenticate(request.query.access_token);
      const appId = auth.ok ? auth.value.appId : null;
      return runOperation(
        {
          tenant,
          operation,
          method: route.method,
          path: route.path,
          partyId: null,
          appId,
          roomId: null,
          requestBody: request.body,
          faultContext: () => ({ ...(appId === null ? {} : { appId }), ...snAndOpenId(request.body) }),
          magic: auth.ok ? magic(request.body) : {},
        },
        () => (!auth.ok ? auth : auth.value.voipCapability === 'none' ? unauthorized(auth.value, route.path) : work(tenant, auth.value, request.body)),
        (outcome) => ({ status: 200 as const, body: outcome.ok ? outcome.value : errorBody(outcome.refusal) }),
      );
    };
  }

  const deviceListSns = (body: { device_list: readonly { sn: string }[] }) => ({ sn: body.device_list.map((d) => d.sn) });

  const handlers: RouterHandlers<WechatApiContract> = {
    getAccessToken: (request) => {
      const tenant = tenantOf(request.headers);
      if ('status' in tenant) return tenant;
      const route = wechatApiContract.getAccessToken;
      return runOperation(
        { tenant, operation: 'wechat.getAccessToken', method: route.method, path: route.path, partyId: null, appId: knownApp(tenant, request.query.appid), roomId: null, requestBody: request.query, faultContext: { appId: request.query.appid }, magic: {} },
        () => tenant.tokens.getAccessToken(request.query),
        (outcome) => ({ status: 200 as const, body: outcome.ok ? outcome.value : errorBody(outcome.refusal) }),
      );
    },
    getStableAccessToken: (request) => {
      const tenant = tenantOf(request.headers);
      if ('status' in tenant) return tenant;
      const route = wechatApiContract.getStableAccessToken;
      return runOperation(
        { tenant, operation: 'wechat.getStableAccessToken', method: route.method, path: route.path, partyId: null, appId: knownApp(tenant, request.body.appid), roomId: null, requestBody: request.body, faultContext: { appId: request.body.appid }, magic: {} },
        () => tenant.tokens.getStableAccessToken(request.body),
        (outcome) => ({ status: 200 as const, body: outcome.ok ? outcome.value : errorBody(outcome.refusal) }),
      );
    },
    getSnTicket: protectedRoute('getSnTicket', (b) => ({ sn: b.sn }), (t, app, b) => t.snTickets.getSnTicket(app, b)),
    sendHardwareDeviceMessage: protectedRoute(
      'sendHardwareDeviceMessage',
      (b) => ({ sn: b.sn, openId: b.to_openid_list }),
      (t, app, b) => t.devices.sendHardwareDeviceMessage(app, b),
    ),
    createIotGroupId: protectedRoute('createIotGroupId', () => ({}), (t, app, b) => t.groups.createIotGroupId(app, b)),
    getIotGroupInfo: protectedRoute('getIotGroupInfo', () => ({}), (t, app, b) => t.groups.getIotGroupInfo(app, b)),
    addIotGroupDevice: protectedRoute('addIotGroupDevice', deviceListSns, (t, app, b) => t.groups.addIotGroupDevice(app, b)),
    removeIotGroupDevice: protectedRoute('removeIotGroupDevice', deviceListSns, (t, app, b) => t.groups.removeIotGroupDevice(app, b)),
    expandGroup: protectedRoute('expandGroup', () => ({}), (t, app, b) => t.groups.expandGroup(app, b)),
    getLicensePkgList: protectedRoute('getLicensePkgList', () => ({}), (t, app, b) => t.licenses.getPkgList(app, b)),
    activeLicenseDevice: protectedRoute('activeLicenseDevice', deviceListSns, (t, app, b) => t.licenses.activateDevices(app, b)),
    getLicenseDeviceInfo: protectedRoute('getLicenseDeviceInfo', deviceListSns, (t, app, b) => t.licenses.getDeviceInfo(app, b)),
    addRuntimeDevice: protectedRoute('addRuntimeDevice', (b) => ({ sn: b.device_id_list }), (t, app, b) => t.wmpf.addRuntimeDevice(app, b)),
    pushAppMsg: protectedRoute('pushAppMsg', () => ({}), (t, app, b) => {
      const delivered = t.wmpf.pushAppMsg(app, b);
      if (!delivered.ok) return delivered;
      const { appId, sn, pushToken, msg } = delivered.value;
      for (const device of t.parties.devicesOf(appId, sn).filter((p) => p.identity.kind === 'wmpfPlugin')) {
        t.parties.send(device.partyId, { type: 'appMsg', pushToken, msg, appid: appId });
      }
      return { ok: true as const, value: { errcode: 0 as const, errmsg: 'ok' } };
    }),
    iotVoipCall: protectedRoute(
      'iotVoipCall',
      (b) => ({ sn: b.sn, openId: b.openid, payload: b.payload }),
      (t, app, b) => {
        const room = t.calls.iotVoipCall(app, b);
        return room.ok ? { ok: true as const, value: { errcode: 0 as const, errmsg: 'ok' } } : room;
      },
    ),
  };
  return handlers;
}

function snAndOpenId(body: unknown): { sn?: string; openId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  return {
    ...(typeof record['sn'] === 'string' ? { sn: record['sn'] } : {}),
    ...(typeof record['openid'] === 'string' ? { openId: record['openid'] } : {}),
  };
}
