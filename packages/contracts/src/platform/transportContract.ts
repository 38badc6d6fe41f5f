import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { RoomId } from '../common/identifiers.js';
import { CallDeviceRequest, CallWmpfRequest, GetIotBindContactListRequest, InitByCallerRequest, IotBindContact } from '../plugin-api/index.js';
import { CallCreatedData, InitByCallerData, RoomActionData } from './callData.js';
import { RegisterDeviceBody, RegisterDeviceData, DeviceRegistration } from './deviceRegistration.js';
import { NamespaceHeaders, PartyHeaders } from './headers.js';
import { LinuxListenerHangupBody, LinuxListenerJoinBody, LinuxSessionCallBody } from './linuxOps.js';
import { ConnectPartyData, ConnectPartyRequest, PartyInfo } from './party.js';
import { DeviceVoipListData, RequestDeviceVoipArgs } from './phoneOps.js';
import { TRANSPORT_PREFIX } from './prefixes.js';
import { AbortRoomBody, AnswerRoomBody, ForceHangUpBody, ForceHangUpData, HangUpRoomBody, RejectRoomBody } from './roomActions.js';
import { RtosClientCallBody, RtosClientJoinBody } from './rtosOps.js';
import { CredentialRefusal, TransportValidationRefusal, transportResult } from './transportResult.js';
import { CloudCallJoinBody, CloudListenerHangupBody, CloudSessionJoinBody } from './vendorCloudOps.js';
import { DeviceTokenData, PushTokenData } from './wmpfOps.js';

const c = initContract();

/** The responses of an authenticated transport route: its 200 body, 400 (contract broken) and 401 (credential). */
function asParty<TOk extends z.ZodTypeAny>(ok: TOk) {
  return { 200: ok, 400: TransportValidationRefusal, 401: CredentialRefusal };
}

const roomParams = z.object({ roomId: RoomId });
const roomAction = transportResult(RoomActionData.shape);
const callCreated = transportResult(CallCreatedData.shape);

/**
 * The transport API under `/__wxvoip/v1`: how the plugin simulator (WeChat or WMPF host), the Linux and RTOS
 * device simulators and the vendor-cloud server-SDK simulator talk to the mock platform (ADR 0007).
 *
 * - `connectParty` is the only route without a credential; every other route takes `authorization: Bearer
 *   <token>` and answers HTTP 401 ({@link CredentialRefusal}) when it is missing, invalid or expired.
 * - Platform refusals are WeChat-shaped: HTTP 200 with `{ errcode ≠ 0, errmsg }` from the error catalogue.
 * - A body that breaks the contract gets HTTP 400 with errcode 47001 and the field issues.
 * - Optional header `x-wxvoip-namespace` selects the tenant namespace (parallel tests).
 *
 * @example
 * const client = initClient(platformTransportContract, { baseUrl: 'http://127.0.0.1:8080', baseHeaders: {} });
 * const res = await client.connectParty({ headers: {}, body: { kind: 'linuxDevice', appId, sn, modelId } });
 */
export const platformTransportContract = c.router(
  {
    connectParty: {
      method: 'POST',
      path: '/parties',
      headers: NamespaceHeaders,
      body: ConnectPartyRequest,
      responses: { 200: transportResult(ConnectPartyData.shape), 400: TransportValidationRefusal },
      summary: 'Connect a party (plugin instance, device or vendor-cloud process); returns its id, credential and push channel',
    },
    getSelf: {
      method: 'GET',
      path: '/parties/me',
      headers: PartyHeaders,
      responses: asParty(transportResult({ party: PartyInfo })),
      summary: 'The calling party as the platform sees it',
    },
    disconnectSelf: {
      method: 'DELETE',
      path: '/parties/me',
      headers: PartyHeaders,
      body: c.noBody(),
      responses: asParty(transportResult({})),
      summary: 'Disconnect the calling party: its calls abort, its credential dies, its channel gets "bye"',
    },
    initByCaller: {
      method: 'POST',
      path: '/plugin/init-by-caller',
      headers: PartyHeaders,
      body: InitByCallerRequest,
      responses: asParty(transportResult(InitByCallerData.shape)),
      summary: 'Plugin initByCaller (P §3): create a room; refusals carry the backend errCode',
    },
    callDevice: {
      method: 'POST',
      path: '/plugin/call-device',
      headers: PartyHeaders,
      body: CallDeviceRequest,
      responses: asParty(callCreated),
      summary: 'Plugin callDevice (P §4.2): the phone calls a Linux or RTOS device',
    },
    callWmpf: {
      method: 'POST',
      path: '/plugin/call-wmpf',
      headers: PartyHeaders,
      body: CallWmpfRequest,
      responses: asParty(callCreated),
      summary: 'Plugin callWMPF (P §4.1): the phone calls an Android WMPF device; WeChat pushes to the device',
    },
    forceHangUp: {
      method: 'POST',
      path: '/plugin/force-hang-up',
      headers: PartyHeaders,
      body: ForceHangUpBody,
      responses: asParty(transportResult(ForceHangUpData.shape)),
      summary: 'Plugin forceHangUpVoip(roomId?) (P §5.1)',
    },
    getIotBindContactList: {
      method: 'POST',
      path: '/plugin/iot-bind-contact-list',
      headers: PartyHeaders,
      body: GetIotBindContactListRequest,
      responses: asParty(transportResult({ contact_list: z.array(IotBindContact) })),
      summary: 'Plugin getIotBindContactList (P §5.7): which of these users authorized this device',
    },
    wxRequestDeviceVoip: {
      method: 'POST',
      path: '/wx/request-device-voip',
      headers: PartyHeaders,
      body: RequestDeviceVoipArgs,
      responses: asParty(transportResult({})),
      summary: "Phone-side wx.requestDeviceVoIP (D §5.1); the dialog's answer is set through the control API",
    },
    wxGetDeviceVoipList: {
      method: 'GET',
      path: '/wx/device-voip-list',
      headers: PartyHeaders,
      responses: asParty(transportResult(DeviceVoipListData.shape)),
      summary: "Phone-side wx.getDeviceVoIPList (D §5.3) for the party's user",
    },
    getRoomView: {
      method: 'GET',
      path: '/rooms/:roomId',
      pathParams: roomParams,
      headers: PartyHeaders,
      responses: asParty(roomAction),
      summary: "The party's view of one of its rooms",
    },
    joinRoomAsCaller: {
      method: 'POST',
      path: '/rooms/:roomId/join',
      pathParams: roomParams,
      headers: PartyHeaders,
      body: c.noBody(),
      responses: asParty(roomAction),
      summary: 'The caller joins the room it created (joinedRoomByCaller, P §9.2)',
    },
    answerRoom: {
      method: 'POST',
      path: '/rooms/:roomId/answer',
      pathParams: roomParams,
      headers: PartyHeaders,
      body: AnswerRoomBody,
      responses: asParty(roomAction),
      summary: 'The listener answers and joins (hangOnVoip, P §9.4)',
    },
    rejectRoom: {
      method: 'POST',
      path: '/rooms/:roomId/reject',
      pathParams: roomParams,
      headers: PartyHeaders,
      body: RejectRoomBody,
      responses: asParty(roomAction),
      summary: 'The listener refuses (or, for a device, reports busy) before connect',
    },
    hangUpRoom: {
      method: 'POST',
      path: '/rooms/:roomId/hang-up',
      pathParams: roomParams,
      headers: PartyHeaders,
      body: HangUpRoomBody,
      responses: asParty(roomAction),
      summary: 'End the call from this side: cancel, reject or hang up depending on phase (P §5.1)',
    },
    abortRoom: {
      method: 'POST',
      path: '/rooms/:roomId/abort',
      pathParams: roomParams,
      headers: PartyHeaders,
      body: AbortRoomBody,
      responses: asParty(roomAction),
      summary: 'This side failed locally (network, float ball, join failure): the room aborts (P §9.6)',
    },
    roomHeartbeat: {
      method: 'POST',
      path: '/rooms/:roomId/heartbeat',
      pathParams: roomParams,
      headers: PartyHeaders,
      body: c.noBody(),
      responses: asParty(roomAction),
      summary: 'Media keep-alive of a joined party; a party silent too long is treated as lost (abort)',
    },
    registerDevice: {
      method: 'POST',
      path: '/device/register',
      headers: PartyHeaders,
      body: RegisterDeviceBody,
      responses: asParty(transportResult(RegisterDeviceData.shape)),
      summary: 'Device registration with an snTicket: Linux/RTOS wx_device_register, WMPF registerMiniProgramDevice or registerDevice',
    },
    getDeviceRegistration: {
      method: 'GET',
      path: '/device/registration',
      headers: PartyHeaders,
      responses: asParty(transportResult({ registration: DeviceRegistration })),
      summary: 'wx_device_is_registered / getMiniProgramDeviceInfo for the calling device',
    },
    linuxSessionCall: {
      method: 'POST',
      path: '/linux/session/call',
      headers: PartyHeaders,
      body: LinuxSessionCallBody,
      responses: asParty(callCreated),
      summary: 'Linux wx_voip_session_call (D §1.5): the device calls a user',
    },
    linuxListenerJoin: {
      method: 'POST',
      path: '/linux/listener/join',
      headers: PartyHeaders,
      body: LinuxListenerJoinBody,
      responses: asParty(roomAction),
      summary: 'Linux wx_voip_listener_join(session, roomId) (D §1.2): answer a callDevice',
    },
    linuxListenerHangup: {
      method: 'POST',
      path: '/linux/listener/hangup',
      headers: PartyHeaders,
      body: LinuxListenerHangupBody,
      responses: asParty(roomAction),
      summary: 'Linux wx_voip_listener_hangup(roomId, reason) (D §1.2): refuse or report busy without a session',
    },
    rtosClientCall: {
      method: 'POST',
      path: '/rtos/client/call',
      headers: PartyHeaders,
      body: RtosClientCallBody,
      responses: asParty(callCreated),
      summary: 'RTOS wx_cloudvoip_client_call (D §2.1): the device calls a user; the developer callback comes first',
    },
    rtosClientJoin: {
      method: 'POST',
      path: '/rtos/client/join',
      headers: PartyHeaders,
      body: RtosClientJoinBody,
      responses: asParty(roomAction),
      summary: 'RTOS wx_cloudvoip_client_join(roomid, payload) (D §2.1, §9.2)',
    },
    cloudSessionJoin: {
      method: 'POST',
      path: '/vendor-cloud/session/join',
      headers: PartyHeaders,
      body: CloudSessionJoinBody,
      responses: asParty(roomAction),
      summary: 'Server SDK wx_cloudvoip_session_join (D §2.4): join a call the RTOS device started',
    },
    cloudCallJoin: {
      method: 'POST',
      path: '/vendor-cloud/cloud-call/join',
      headers: PartyHeaders,
      body: CloudCallJoinBody,
      responses: asParty(roomAction),
      summary: 'Server SDK wx_cloudvoip_session_cloud_call_join (D §2.4): answer a phone→RTOS or iot/voip/call room',
    },
    cloudListenerHangup: {
      method: 'POST',
      path: '/vendor-cloud/listener/hangup',
      headers: PartyHeaders,
      body: CloudListenerHangupBody,
      responses: asParty(roomAction),
      summary: 'Server SDK wx_cloudvoip_listener_hangup (D §2.4): refuse or report busy as the callee',
    },
    wmpfGetDeviceToken: {
      method: 'POST',
      path: '/wmpf/device-token',
      headers: PartyHeaders,
      body: c.noBody(),
      responses: asParty(transportResult(DeviceTokenData.shape)),
      summary: 'WMPF / device-auth SDK getDeviceToken (D §3.1): a voipToken valid about 1 h',
    },
    wmpfGetPushToken: {
      method: 'POST',
      path: '/wmpf/push-token',
      headers: PartyHeaders,
      body: c.noBody(),
      responses: asParty(transportResult(PushTokenData.shape)),
      summary: 'WMPF getPushToken (D §0.3): the token callWMPF and pushAppMsg address the device with',
    },
  },
  { pathPrefix: TRANSPORT_PREFIX, strictStatusCodes: true },
);

/** The type of {@link platformTransportContract}. */
export type PlatformTransportContract = typeof platformTransportContract;

/** The key of one transport route, e.g. `'callDevice'`. */
export type TransportRouteKey = keyof PlatformTransportContract;
