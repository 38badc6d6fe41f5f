import type { AppRoute, ClientInferRequest, ServerInferRequest, ServerInferResponses } from '@ts-rest/core';
import { isAppRoute } from '@ts-rest/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ZodTypeAny } from 'zod';
import type { GetSnTicketResponse } from './snTicket.js';
import { wechatApiContract, type WechatApiContract, type WechatRouteKey } from './wechatApiContract.js';
import { WechatAccessTokenQuery } from './accessTokenQuery.js';

// WeChat's documented methods and paths (D §4.1–§4.11, §3.1, §3.4), written out literally.
const documentedRoutes: ReadonlyArray<readonly [WechatRouteKey, 'GET' | 'POST', string]> = [
  ['getAccessToken', 'GET', '/cgi-bin/token'],
  ['getStableAccessToken', 'POST', '/cgi-bin/stable_token'],
  ['getSnTicket', 'POST', '/wxa/getsnticket'],
  ['sendHardwareDeviceMessage', 'POST', '/cgi-bin/message/device/subscribe/send'],
  ['createIotGroupId', 'POST', '/wxa/business/group/createid'],
  ['getIotGroupInfo', 'POST', '/wxa/business/group/getinfo'],
  ['addIotGroupDevice', 'POST', '/wxa/business/group/adddevice'],
  ['removeIotGroupDevice', 'POST', '/wxa/business/group/removedevice'],
  ['expandGroup', 'POST', '/wxa/business/group/expand'],
  ['getLicensePkgList', 'POST', '/wxa/business/license/getpkglist'],
  ['activeLicenseDevice', 'POST', '/wxa/business/license/activedevice'],
  ['getLicenseDeviceInfo', 'POST', '/wxa/business/license/getdeviceinfo'],
  ['addRuntimeDevice', 'POST', '/wxa/business/runtime/adddevice'],
  ['pushAppMsg', 'POST', '/wxa/business/runtime/pushappmsg'],
  ['iotVoipCall', 'POST', '/wxa/business/iot/voip/call'],
];

const routeKeys = Object.keys(wechatApiContract) as WechatRouteKey[];
const tokenless: readonly WechatRouteKey[] = ['getAccessToken', 'getStableAccessToken'];

describe('wechatApiContract', () => {
  it('has exactly the documented routes', () => {
    expect([...routeKeys].sort()).toEqual(documentedRoutes.map(([key]) => key).sort());
  });

  it.each(documentedRoutes)('%s is %s %s', (key, method, path) => {
    const route = wechatApiContract[key];
    expect(isAppRoute(route)).toBe(true);
    expect(route.method).toBe(method);
    expect(route.path).toBe(path);
  });

  it.each(routeKeys)('%s answers only HTTP 200, with strict status codes', (key) => {
    const route = wechatApiContract[key];
    expect(Object.keys(route.responses)).toEqual(['200']);
    expect(route.strictStatusCodes).toBe(true);
  });

  it.each(routeKeys)("%s's 200 body accepts WeChat's generic error body", (key) => {
    const body = wechatApiContract[key].responses[200] as ZodTypeAny;
    expect(body.parse({ errcode: -1, errmsg: 'system busy' })).toEqual({ errcode: -1, errmsg: 'system busy' });
    expect(body.safeParse({ errcode: 0 }).success).toBe(false);
  });

  it.each(routeKeys.filter((key) => !tokenless.includes(key)))('%s takes an optional access_token in the query', (key) => {
    const route = wechatApiContract[key];
    expect('query' in route && route.query).toBe(WechatAccessTokenQuery);
    expect(WechatAccessTokenQuery.parse({})).toEqual({});
    expect(WechatAccessTokenQuery.parse({ access_token: 'ACCESS_TOKEN' })).toEqual({ access_token: 'ACCESS_TOKEN' });
  });

  it('keeps the token routes free of access_token', () => {
    expect('query' in wechatApiContract.getStableAccessToken).toBe(false);
    const query = wechatApiContract.getAccessToken.query as ZodTypeAny;
    expect(query.parse({ grant_type: 'client_credential', appid: 'wx1', secret: 's', access_token: 'x' })).not.toHaveProperty('access_token');
  });

  it('marks the retired license routes deprecated (D §4.11)', () => {
    const deprecated = routeKeys.filter((key) => {
      const route: AppRoute = wechatApiContract[key];
      return route.deprecated === true;
    });
    expect(deprecated.sort()).toEqual(['activeLicenseDevice', 'getLicenseDeviceInfo', 'getLicensePkgList']);
  });

  it('infers the client request of getSnTicket from the schemas', () => {
    type Request = ClientInferRequest<WechatApiContract['getSnTicket']>;
    expectTypeOf<Request['body']>().toEqualTypeOf<{ sn: string; model_id: string }>();
    expectTypeOf<Request['query']>().toEqualTypeOf<{ access_token?: string | undefined }>();
    type TokenRequest = ClientInferRequest<WechatApiContract['getAccessToken']>;
    expectTypeOf<TokenRequest['query']>().toEqualTypeOf<{ grant_type: 'client_credential'; appid: string; secret: string }>();
  });

  it('lets a client leave out force_refresh, while the server sees it', () => {
    type ClientBody = ClientInferRequest<WechatApiContract['getStableAccessToken']>['body'];
    type ServerBody = ServerInferRequest<WechatApiContract['getStableAccessToken']>['body'];
    expectTypeOf<ClientBody['force_refresh']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ServerBody['force_refresh']>().toEqualTypeOf<boolean>();
  });

  it('infers 200-only server responses whose body is the success or the error', () => {
    type Responses = ServerInferResponses<WechatApiContract['getSnTicket']>;
    expectTypeOf<Responses['status']>().toEqualTypeOf<200>();
    expectTypeOf<Responses['body']>().toEqualTypeOf<GetSnTicketResponse>();
    expectTypeOf<GetSnTicketResponse>().toEqualTypeOf<
      { errcode: 0; errmsg: string; sn_ticket: string } | { errcode: number; errmsg: string }
    >();
    type TokenBody = ServerInferResponses<WechatApiContract['getAccessToken']>['body'];
    expectTypeOf<TokenBody>().toEqualTypeOf<{ access_token: string; expires_in: number } | { errcode: number; errmsg: string }>();
  });
});
