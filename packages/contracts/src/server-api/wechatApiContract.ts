import { initContract } from '@ts-rest/core';
import { WechatAccessTokenQuery } from './accessTokenQuery.js';
import { GetAccessTokenQuery, GetAccessTokenResponse, GetStableAccessTokenRequest, GetStableAccessTokenResponse } from './accessToken.js';
import {
  AddIotGroupDeviceRequest,
  AddIotGroupDeviceResponse,
  CreateIotGroupIdRequest,
  CreateIotGroupIdResponse,
  ExpandGroupRequest,
  ExpandGroupResponse,
  GetIotGroupInfoRequest,
  GetIotGroupInfoResponse,
  RemoveIotGroupDeviceRequest,
  RemoveIotGroupDeviceResponse,
} from './deviceGroup.js';
import { SendHardwareDeviceMessageRequest, SendHardwareDeviceMessageResponse } from './deviceMessage.js';
import { IotVoipCallRequest, IotVoipCallResponse } from './iotVoipCall.js';
import {
  ActiveLicenseDeviceRequest,
  ActiveLicenseDeviceResponse,
  GetLicenseDeviceInfoRequest,
  GetLicenseDeviceInfoResponse,
  GetLicensePkgListRequest,
  GetLicensePkgListResponse,
} from './license.js';
import { GetSnTicketRequest, GetSnTicketResponse } from './snTicket.js';
import { AddRuntimeDeviceRequest, AddRuntimeDeviceResponse, PushAppMsgRequest, PushAppMsgResponse } from './wmpfRuntime.js';

const c = initContract();

const LICENSE_RETIRED =
  'Deprecated by WeChat: since 2024-09-09 activation consumes no license; the mock can answer the documented stub (expire_time 1893427200).';

/**
 * The emulated `api.weixin.qq.com` routes for hardware VoIP (D §4, §3.1, §3.4), with WeChat's exact methods, paths
 * and snake_case fields. Every route answers HTTP 200 with its success shape or {@link WechatErrorBody}
 * (`strictStatusCodes`). Token-protected routes take `?access_token=` in the query.
 *
 * @example
 * const client = initClient(wechatApiContract, { baseUrl: 'http://127.0.0.1:8080', baseHeaders: {} });
 * const res = await client.getSnTicket({ query: { access_token }, body: { sn: 'SN_0001', model_id: 'model-abc' } });
 */
export const wechatApiContract = c.router(
  {
    getAccessToken: {
      method: 'GET',
      path: '/cgi-bin/token',
      query: GetAccessTokenQuery,
      responses: { 200: GetAccessTokenResponse },
      summary: 'getAccessToken: a 7200 s access_token for appid + secret',
    },
    getStableAccessToken: {
      method: 'POST',
      path: '/cgi-bin/stable_token',
      body: GetStableAccessTokenRequest,
      responses: { 200: GetStableAccessTokenResponse },
      summary: 'getStableAccessToken: the stable access_token, isolated from /cgi-bin/token',
    },
    getSnTicket: {
      method: 'POST',
      path: '/wxa/getsnticket',
      query: WechatAccessTokenQuery,
      body: GetSnTicketRequest,
      responses: { 200: GetSnTicketResponse },
      summary: 'getSnTicket: a 5-minute ticket for device registration and user authorization',
    },
    sendHardwareDeviceMessage: {
      method: 'POST',
      path: '/cgi-bin/message/device/subscribe/send',
      query: WechatAccessTokenQuery,
      body: SendHardwareDeviceMessageRequest,
      responses: { 200: SendHardwareDeviceMessageResponse },
      summary: 'sendHardwareDeviceMessage: a device subscription message to users',
    },
    createIotGroupId: {
      method: 'POST',
      path: '/wxa/business/group/createid',
      query: WechatAccessTokenQuery,
      body: CreateIotGroupIdRequest,
      responses: { 200: CreateIotGroupIdResponse },
      summary: 'createIotGroupId: a device group for one model type',
    },
    getIotGroupInfo: {
      method: 'POST',
      path: '/wxa/business/group/getinfo',
      query: WechatAccessTokenQuery,
      body: GetIotGroupInfoRequest,
      responses: { 200: GetIotGroupInfoResponse },
      summary: "getIotGroupInfo: a group's name, model and devices",
    },
    addIotGroupDevice: {
      method: 'POST',
      path: '/wxa/business/group/adddevice',
      query: WechatAccessTokenQuery,
      body: AddIotGroupDeviceRequest,
      responses: { 200: AddIotGroupDeviceResponse },
      summary: 'addIotGroupDevice: add devices to a group (force_add moves them from another group)',
    },
    removeIotGroupDevice: {
      method: 'POST',
      path: '/wxa/business/group/removedevice',
      query: WechatAccessTokenQuery,
      body: RemoveIotGroupDeviceRequest,
      responses: { 200: RemoveIotGroupDeviceResponse },
      summary: 'removeIotGroupDevice: remove devices from a group',
    },
    expandGroup: {
      method: 'POST',
      path: '/wxa/business/group/expand',
      query: WechatAccessTokenQuery,
      body: ExpandGroupRequest,
      responses: { 200: ExpandGroupResponse },
      summary: 'expandGroup: raise a group from 50 to 200 devices',
    },
    getLicensePkgList: {
      method: 'POST',
      path: '/wxa/business/license/getpkglist',
      query: WechatAccessTokenQuery,
      body: GetLicensePkgListRequest,
      responses: { 200: GetLicensePkgListResponse },
      summary: 'getLicensePkgList: license packages of one type',
      description: LICENSE_RETIRED,
      deprecated: true,
    },
    activeLicenseDevice: {
      method: 'POST',
      path: '/wxa/business/license/activedevice',
      query: WechatAccessTokenQuery,
      body: ActiveLicenseDeviceRequest,
      responses: { 200: ActiveLicenseDeviceResponse },
      summary: 'activeLicenseDevice: activate up to 100 devices',
      description: LICENSE_RETIRED,
      deprecated: true,
    },
    getLicenseDeviceInfo: {
      method: 'POST',
      path: '/wxa/business/license/getdeviceinfo',
      query: WechatAccessTokenQuery,
      body: GetLicenseDeviceInfoRequest,
      responses: { 200: GetLicenseDeviceInfoResponse },
      summary: "getLicenseDeviceInfo: devices' license expiry",
      description: LICENSE_RETIRED,
      deprecated: true,
    },
    addRuntimeDevice: {
      method: 'POST',
      path: '/wxa/business/runtime/adddevice',
      query: WechatAccessTokenQuery,
      body: AddRuntimeDeviceRequest,
      responses: { 200: AddRuntimeDeviceResponse },
      summary: "addDevice (WMPF): register Android device ids under a product, with the hostAppId's token",
    },
    pushAppMsg: {
      method: 'POST',
      path: '/wxa/business/runtime/pushappmsg',
      query: WechatAccessTokenQuery,
      body: PushAppMsgRequest,
      responses: { 200: PushAppMsgResponse },
      summary: 'pushAppMsg: push a message of at most 5 KB to a WMPF device',
    },
    iotVoipCall: {
      method: 'POST',
      path: '/wxa/business/iot/voip/call',
      query: WechatAccessTokenQuery,
      body: IotVoipCallRequest,
      responses: { 200: IotVoipCallResponse },
      summary: 'iot/voip/call: a server-initiated cloud call from a device to a user',
      description: 'Semi-documented: fields come from third-party integrations (D §4.10, §9.1).',
    },
  },
  { strictStatusCodes: true },
);

/** The type of {@link wechatApiContract}. */
export type WechatApiContract = typeof wechatApiContract;

/** The key of one emulated WeChat route, e.g. `'getSnTicket'`. */
export type WechatRouteKey = keyof WechatApiContract;
