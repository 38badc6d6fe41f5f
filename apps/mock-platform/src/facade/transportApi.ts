import type { ServerInferResponseBody } from '@ts-rest/core';
import {
  errorByKey,
  platformTransportContract,
  PUSH_CHANNEL_PATH,
  TRANSPORT_PROTOCOL_VERSION,
  type CredentialRefusal,
  type PlatformTransportContract,
  type TransportRouteKey,
} from '@wxvoip/contracts';
import type { MagicFields } from '../core/faults/magicValues.js';
import type { PartyState } from '../core/parties/partyRegistry.js';
import type { PlatformCore } from '../core/platformCore.js';
import type { PlatformTenant } from '../core/platformTenant.js';
import { accept, refuse, type Outcome, type Refusal } from '../core/refusal.js';
import { viewFor, type Room } from '../core/rooms/room.js';
import type { RoomAndSide } from '../core/rooms/roomActions.js';
import { namespaceOf, type RequestHeaders, type RouterHandlers } from './routeHandlers.js';
import { runOperation } from './runOperation.js';

/** What every transport handler reads of its validated request; each route's own request type (ts-rest's) has it. */
interface TransportRequest {
  readonly headers: RequestHeaders;
  readonly params?: { readonly roomId?: string };
  readonly body?: unknown;
}

/** The HTTP 200 bodies every authenticated route shares, as the contract declares them: success without data, or a refusal. */
type SharedBody = ServerInferResponseBody<PlatformTransportContract['disconnectSelf'], 200>;

/**
 * What an authenticated route answers: HTTP 200 with `{ errcode: 0, errmsg, ...data }` or a refusal, or HTTP 401 for
 * the credential. Each route's own response type (ts-rest's) accepts it when `T` is that route's data.
 */
type PartyAnswer<T> = { status: 200; body: (Extract<SharedBody, { errcode: 0 }> & T) | Exclude<SharedBody, { errcode: 0 }> } | { status: 401; body: CredentialRefusal };

/** A refusal as the transport answers it: WeChat's shape plus the catalogue key and domain. */
function refusalBody(refusal: Refusal) {
  const domain = refusal.key === null ? undefined : errorByKey(refusal.key).domain;
  return { errcode: refusal.code, errmsg: refusal.message, ...(refusal.key === null ? {} : { key: refusal.key }), ...(domain === undefined ? {} : { domain }) };
}

/** The HTTP 401 errcode of a credential refusal: 41001 (missing) and 42001 (expired) as refused, 40001 otherwise. */
function credentialErrcode(code: number): CredentialRefusal['errcode'] {
  return code === 41001 || code === 42001 ? code : 40001;
}

function bearer(headers: RequestHeaders): string | undefined {
  const value = headers['authorization'];
  return typeof value === 'string' && value.startsWith('Bearer ') ? value.slice('Bearer '.length) : undefined;
}

function roomData(found: RoomAndSide): { room: ReturnType<typeof viewFor> } {
  return { room: viewFor(found.room, found.side) };
}

function created(room: Room): { roomId: string; room: ReturnType<typeof viewFor> } {
  return { roomId: room.roomId, room: viewFor(room, 'caller') };
}

/**
 * The transport routes under `/__wxvoip/v1` (ADR 0007) over the platform core: how the plugin and device
 * simulators act. `connectParty` issues a credential; every other route authenticates it (HTTP 401 with
 * 41001/40001 otherwise), then applies faults and magic values, then acts. Refusals answer HTTP 200 in WeChat's
 * shape with the catalogue `key` and `domain`.
 */
export function createTransportHandlers(core: PlatformCore): RouterHandlers<PlatformTransportContract> {
  const tenantOf = (request: TransportRequest): PlatformTenant => core.tenant(namespaceOf(request.headers));

  /**
   * Wraps an authenticated route: credential → faults → magic → work → journal. `Req` is the route's own request type,
   * inferred from the handler slot the result fills (`RouterHandlers` of the transport contract).
   */
  function party<Req extends TransportRequest, T extends object>(key: TransportRouteKey, magic: (request: Req, party: PartyState) => MagicFields, work: (tenant: PlatformTenant, party: PartyState, request: Req) => Outcome<T>): (request: Req) => PartyAnswer<NoInfer<T>> {
    const route = platformTransportContract[key];
    // Built once per route: a string built per request is hashed again by every lookup keyed on it (issue 19).
    const operation = `transport.${key}` as const;
    return (request: Req) => {
      const tenant = tenantOf(request);
      const auth = tenant.parties.authenticate(bearer(request.headers));
      if (!auth.ok) {
        const body = { errcode: credentialErrcode(auth.refusal.code), errmsg: auth.refusal.message };
        tenant.state.journal.append({
          kind: 'refusal',
          operation,
          method: route.method,
          path: route.path,
          status: 401,
          partyId: null,
          appId: null,
          roomId: request.params?.roomId ?? null,
          durationMs: 0,
          requestBody: request.body,
          responseBody: body,
          why: { stage: auth.refusal.stage, errcode: auth.refusal.code, rule: auth.refusal.rule },
        });
        return { status: 401 as const, body };
      }
      const caller = auth.value;
      const identity = caller.identity;
      return runOperation(
        {
          tenant,
          operation,
          method: route.method,
          path: route.path,
          partyId: caller.partyId,
          appId: identity.kind === 'vendorCloud' ? null : identity.appId,
          roomId: request.params?.roomId ?? null,
          requestBody: request.body,
          faultContext: () => ({
            partyId: caller.partyId,
            ...(identity.kind === 'vendorCloud' ? {} : { appId: identity.appId }),
            ...('sn' in identity ? { sn: identity.sn } : {}),
            ...(identity.kind === 'wechatPlugin' ? { openId: identity.openId } : {}),
            ...(request.params?.roomId === undefined ? {} : { roomId: request.params.roomId }),
          }),
          magic: magic(request, caller),
        },
        () => work(tenant, caller, request),
        (outcome) => ({ status: 200 as const, body: { ...(outcome.ok ? { errcode: 0 as const, errmsg: 'ok', ...outcome.value } : refusalBody(outcome.refusal)), pushSeq: caller.lastSentSeq } }),
      );
    };
  }

  const none = () => ({});
  const roomId = (request: TransportRequest) => request.params?.roomId ?? '';
  const appOf = (tenant: PlatformTenant, p: PartyState) => {
    const app = p.identity.kind === 'vendorCloud' ? undefined : tenant.state.app(p.identity.appId);
    return app ? accept(app) : refuse('INVALID_APPID', 'credential', 'this party belongs to no mini program of this namespace');
  };
  const room = (outcome: Outcome<Room>) => (outcome.ok ? accept(created(outcome.value)) : outcome);
  const acted = (outcome: Outcome<RoomAndSide>) => (outcome.ok ? accept(roomData(outcome.value)) : outcome);
  const hardwareIdOf = (p: PartyState) => ('hardwareId' in p.identity && p.identity.hardwareId !== undefined ? p.identity.hardwareId : 'sn' in p.identity ? p.identity.sn : p.partyId);
  const ownSn = <R>(_: R, p: PartyState): MagicFields => ('sn' in p.identity ? { sn: p.identity.sn } : {});

  const handlers: RouterHandlers<PlatformTransportContract> = {
    connectParty: (request) => {
      const tenant = tenantOf(request);
      const route = platformTransportContract.connectParty;
      const identity = request.body;
      return runOperation(
        { tenant, operation: 'transport.connectParty', method: route.method, path: route.path, partyId: null, appId: identity.kind === 'vendorCloud' || !tenant.state.app(identity.appId) ? null : identity.appId, roomId: null, requestBody: identity, faultContext: identity.kind === 'vendorCloud' ? {} : { appId: identity.appId }, magic: {} },
        () => {
          // RTOS wx_init answers INVALID_DEVICEID when the hardware is registered with another deviceid/modelid (D §2.1).
          if (identity.kind === 'rtosDevice') {
            const held = tenant.registrations.hardwareConflict({ appId: identity.appId, sn: identity.sn, modelId: identity.modelId }, identity.hardwareId ?? identity.sn);
            if (!held.ok) return { ok: false as const, refusal: held.refusal };
          }
          return tenant.parties.connect(identity);
        },
        (outcome) => {
          if (!outcome.ok) return { status: 200 as const, body: refusalBody(outcome.refusal) };
          const { party: p, credential } = outcome.value;
          return {
            status: 200 as const,
            body: {
              errcode: 0 as const,
              errmsg: 'ok',
              party: tenant.parties.info(p),
              credential,
              pushChannel: { protocol: 'websocket' as const, path: PUSH_CHANNEL_PATH.replace(':partyId', p.partyId), tokenParam: 'access_token' as const, pingIntervalMs: tenant.state.config.pingIntervalMs },
              protocolVersion: TRANSPORT_PROTOCOL_VERSION,
              serverTime: tenant.state.now(),
              pushSeq: p.lastSentSeq,
            },
          };
        },
      );
    },
    getSelf: party('getSelf', none, (t, p) => accept({ party: t.parties.info(p) })),
    disconnectSelf: party('disconnectSelf', none, (t, p) => {
      t.parties.disconnect(p.partyId, 'disconnected');
      return accept({});
    }),
    initByCaller: party(
      'initByCaller',
      (r) => {
        const b = r.body;
        return b.businessType === 2 ? { sn: b.listener.id, openId: b.caller.id } : { sn: b.caller.id, openId: b.listener.id };
      },
      (t, p, r) => {
        const made = t.calls.initByCaller(p, r.body);
        return made.ok ? accept({ ...created(made.value), groupId: made.value.roomId, chargeType: made.value.chargeType }) : made;
      },
    ),
    callDevice: party('callDevice', (r) => ({ sn: r.body.sn, payload: r.body.payload }), (t, p, r) => room(t.calls.callDevice(p, r.body))),
    callWmpf: party('callWmpf', (r) => ({ sn: r.body.sn }), (t, p, r) => room(t.calls.callWmpf(p, r.body))),
    forceHangUp: party('forceHangUp', none, (t, p, r) => accept(t.actions.forceHangUp(p, r.body.roomId))),
    getIotBindContactList: party('getIotBindContactList', none, (t, p, r) => {
      const app = appOf(t, p);
      return app.ok ? accept({ contact_list: t.authorization.getIotBindContactList(app.value, r.body) }) : app;
    }),
    wxRequestDeviceVoip: party(
      'wxRequestDeviceVoip',
      (r) => {
        const b = r.body;
        return 'sn' in b && typeof b.sn === 'string' ? { sn: b.sn } : {};
      },
      (t, p, r) => {
        if (p.identity.kind !== 'wechatPlugin') return refuse('AUTHORIZATION_PARAMETER_ERROR', 'host', 'wx.requestDeviceVoIP runs in the WeChat client on the phone');
        const app = appOf(t, p);
        if (!app.ok) return app;
        const result = t.authorization.requestDeviceVoip(app.value, p.identity.openId, r.body);
        return result.ok ? accept({}) : result;
      },
    ),
    wxGetDeviceVoipList: party('wxGetDeviceVoipList', none, (t, p) => {
      if (p.identity.kind !== 'wechatPlugin') return refuse('AUTHORIZATION_PARAMETER_ERROR', 'host', 'wx.getDeviceVoIPList runs in the WeChat client on the phone');
      const app = appOf(t, p);
      return app.ok ? accept(t.authorization.getDeviceVoipList(app.value, p.identity.openId)) : app;
    }),
    getRoomView: party('getRoomView', none, (t, p, r) => acted(t.actions.locate(p, roomId(r)))),
    joinRoomAsCaller: party('joinRoomAsCaller', none, (t, p, r) => acted(t.actions.joinAsCaller(p, roomId(r)))),
    answerRoom: party('answerRoom', none, (t, p, r) => acted(t.actions.answer(p, roomId(r), r.body))),
    rejectRoom: party('rejectRoom', none, (t, p, r) => acted(t.actions.reject(p, roomId(r), r.body))),
    hangUpRoom: party('hangUpRoom', none, (t, p, r) => acted(t.actions.hangUp(p, roomId(r), r.body))),
    abortRoom: party('abortRoom', none, (t, p, r) => acted(t.actions.abort(p, roomId(r), r.body))),
    roomHeartbeat: party('roomHeartbeat', none, (t, p, r) => acted(t.actions.locate(p, roomId(r)))),
    registerDevice: party('registerDevice', ownSn, (t, p, r) => {
      const identity = p.identity;
      if (identity.kind === 'wechatPlugin' || identity.kind === 'vendorCloud') return refuse('WXERROR_FAILED_PRECONDITION', 'host', 'only a device party (Linux, RTOS or WMPF) registers');
      const method = identity.kind === 'linuxDevice' ? 'linuxSdk' : identity.kind === 'rtosDevice' ? 'cloudSdk' : identity.registrationMode;
      return t.registrations.register({ appId: identity.appId, sn: identity.sn, modelId: identity.modelId, method, hardwareId: hardwareIdOf(p) }, r.body);
    }),
    getDeviceRegistration: party('getDeviceRegistration', none, (t, p) => {
      if (!('sn' in p.identity)) return refuse('WXERROR_FAILED_PRECONDITION', 'host', 'only a device party has a registration');
      return accept({ registration: t.devices.registrationOf(p.identity.sn, hardwareIdOf(p)) });
    }),
    linuxSessionCall: party('linuxSessionCall', (r) => ({ openId: r.body.callee.id }), (t, p, r) => room(t.calls.linuxSessionCall(p, r.body))),
    linuxListenerJoin: party('linuxListenerJoin', none, (t, p, r) => acted(t.actions.linuxListenerJoin(p, r.body))),
    linuxListenerHangup: party('linuxListenerHangup', none, (t, p, r) => acted(t.actions.linuxListenerHangup(p, r.body))),
    rtosClientCall: party(
      'rtosClientCall',
      (r) => ({ openId: r.body.callee.id, payload: r.body.payload }),
      (t, p, r) => room(t.calls.rtosClientCall(p, r.body)),
    ),
    rtosClientJoin: party('rtosClientJoin', (r) => ({ payload: r.body.payload }), (t, p, r) => acted(t.actions.rtosClientJoin(p, r.body))),
    cloudSessionJoin: party(
      'cloudSessionJoin',
      (r) => ({ sn: r.body.sn, payload: r.body.payload }),
      (t, p, r) => acted(t.actions.cloudSessionJoin(p, r.body)),
    ),
    cloudCallJoin: party('cloudCallJoin', (r) => ({ payload: r.body.payload }), (t, p, r) => acted(t.actions.cloudCallJoin(p, r.body))),
    cloudListenerHangup: party(
      'cloudListenerHangup',
      (r) => ({ sn: r.body.sn, payload: r.body.payload }),
      (t, p, r) => acted(t.actions.cloudListenerHangup(p, r.body)),
    ),
    wmpfGetDeviceToken: party('wmpfGetDeviceToken', ownSn, (t, p) => {
      if (p.identity.kind !== 'wmpfPlugin') return refuse('DEVICE_TOKEN_FETCH_FAILED', 'host', 'getDeviceToken runs on an Android WMPF device');
      return t.deviceTokens.getDeviceToken({ appId: p.identity.appId, sn: p.identity.sn, modelId: p.identity.modelId, registrationMode: p.identity.registrationMode });
    }),
    wmpfGetPushToken: party('wmpfGetPushToken', none, (t, p) => {
      if (p.identity.kind !== 'wmpfPlugin') return refuse('WMPF_REGISTER_PERMISSION_ERROR', 'host', 'getPushToken runs on an Android WMPF device');
      return t.wmpf.getPushToken({ appId: p.identity.appId, sn: p.identity.sn, modelId: p.identity.modelId });
    }),
  };
  return handlers;
}
