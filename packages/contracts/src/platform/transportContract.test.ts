import type { TransportRefusal } from './transportResult.js';
import { isAppRoute } from '@ts-rest/core';
import type { AppRoute, AppRouter, ClientInferRequest, ServerInferResponses } from '@ts-rest/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { CallDeviceRequestInput, InitByCallerRequestInput } from '../plugin-api/index.js';
import { CallDeviceRequest, CallWmpfRequest, GetIotBindContactListRequest, InitByCallerRequest } from '../plugin-api/index.js';
import { TRANSPORT_PREFIX } from './prefixes.js';
import { platformTransportContract } from './transportContract.js';
import { isTransportOk } from './transportResult.js';

/** `[key, method, path]` of every route of a router, in declaration order. */
function routeTable(router: AppRouter): [string, string, string][] {
  return Object.entries(router).flatMap(([key, route]) => (isAppRoute(route as AppRoute) ? [[key, (route as AppRoute).method, (route as AppRoute).path] as [string, string, string]] : []));
}

const P = '/__wxvoip/v1';

describe('platformTransportContract', () => {
  it('has exactly this route table', () => {
    expect(routeTable(platformTransportContract)).toEqual([
      ['connectParty', 'POST', `${P}/parties`],
      ['getSelf', 'GET', `${P}/parties/me`],
      ['disconnectSelf', 'DELETE', `${P}/parties/me`],
      ['initByCaller', 'POST', `${P}/plugin/init-by-caller`],
      ['callDevice', 'POST', `${P}/plugin/call-device`],
      ['callWmpf', 'POST', `${P}/plugin/call-wmpf`],
      ['forceHangUp', 'POST', `${P}/plugin/force-hang-up`],
      ['getIotBindContactList', 'POST', `${P}/plugin/iot-bind-contact-list`],
      ['wxRequestDeviceVoip', 'POST', `${P}/wx/request-device-voip`],
      ['wxGetDeviceVoipList', 'GET', `${P}/wx/device-voip-list`],
      ['getRoomView', 'GET', `${P}/rooms/:roomId`],
      ['joinRoomAsCaller', 'POST', `${P}/rooms/:roomId/join`],
      ['answerRoom', 'POST', `${P}/rooms/:roomId/answer`],
      ['rejectRoom', 'POST', `${P}/rooms/:roomId/reject`],
      ['hangUpRoom', 'POST', `${P}/rooms/:roomId/hang-up`],
      ['abortRoom', 'POST', `${P}/rooms/:roomId/abort`],
      ['roomHeartbeat', 'POST', `${P}/rooms/:roomId/heartbeat`],
      ['registerDevice', 'POST', `${P}/device/register`],
      ['getDeviceRegistration', 'GET', `${P}/device/registration`],
      ['linuxSessionCall', 'POST', `${P}/linux/session/call`],
      ['linuxListenerJoin', 'POST', `${P}/linux/listener/join`],
      ['linuxListenerHangup', 'POST', `${P}/linux/listener/hangup`],
      ['rtosClientCall', 'POST', `${P}/rtos/client/call`],
      ['rtosClientJoin', 'POST', `${P}/rtos/client/join`],
      ['cloudSessionJoin', 'POST', `${P}/vendor-cloud/session/join`],
      ['cloudCallJoin', 'POST', `${P}/vendor-cloud/cloud-call/join`],
      ['cloudListenerHangup', 'POST', `${P}/vendor-cloud/listener/hangup`],
      ['wmpfGetDeviceToken', 'POST', `${P}/wmpf/device-token`],
      ['wmpfGetPushToken', 'POST', `${P}/wmpf/push-token`],
    ]);
    expect(P).toBe(TRANSPORT_PREFIX);
  });

  it('has no two routes with the same method and path', () => {
    const keys = routeTable(platformTransportContract).map(([, method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('takes the plugin-api request schemas as plugin call bodies', () => {
    expect(platformTransportContract.initByCaller.body).toBe(InitByCallerRequest);
    expect(platformTransportContract.callDevice.body).toBe(CallDeviceRequest);
    expect(platformTransportContract.callWmpf.body).toBe(CallWmpfRequest);
    expect(platformTransportContract.getIotBindContactList.body).toBe(GetIotBindContactListRequest);
  });

  it('declares 200, 400 and 401 on every route but connectParty, which has no 401', () => {
    for (const [key, route] of Object.entries(platformTransportContract)) {
      const statuses = Object.keys(route.responses).map(Number).sort();
      expect([key, statuses]).toEqual([key, key === 'connectParty' ? [200, 400] : [200, 400, 401]]);
      expect([key, route.strictStatusCodes]).toEqual([key, true]);
    }
  });

  it('requires "Bearer <token>" on authenticated routes and accepts an optional namespace', () => {
    const headers = platformTransportContract.callDevice.headers as z.ZodTypeAny;
    expect(headers.safeParse({ authorization: 'Bearer pt_0123456789' }).success).toBe(true);
    expect(headers.safeParse({ authorization: 'Bearer pt_0123456789', 'x-wxvoip-namespace': 'test-1' }).success).toBe(true);
    const missing = headers.safeParse({});
    expect(missing.error?.issues[0]?.path).toEqual(['authorization']);
    expect(missing.error?.issues[0]?.message).toContain('authorization header is required');
    const basic = headers.safeParse({ authorization: 'Basic dXNlcg==' });
    expect(basic.error?.issues[0]?.message).toContain('"Bearer <token>"');
    const connect = platformTransportContract.connectParty.headers as z.ZodTypeAny;
    expect(connect.safeParse({}).success).toBe(true);
  });

  it('answers refusals on the 200 status in WeChat shape, and successes with errcode 0', () => {
    const response = platformTransportContract.callDevice.responses[200];
    const room = {
      roomId: 'r-1', roomType: 'video', state: 'ringing', outcome: null, direction: 'phoneToDevice', transport: 'linux',
      businessType: null, chargeType: 'license', timeLimitSec: null, customQuery: null, createdAt: 1, ringingAt: 1,
      answeredAt: null, talkStartedAt: null, endedAt: null, keepTimeSec: 0, side: 'caller',
      caller: { kind: 'user', id: 'openid-alice', name: 'Alice', cameraStatus: 0, partyId: 'p-1', joinedAt: null },
      listener: { kind: 'device', id: 'SN-LINUX-0001', name: null, cameraStatus: 0, partyId: null, joinedAt: null },
    };
    expect(response.safeParse({ errcode: 0, errmsg: 'ok', roomId: 'r-1', room }).success).toBe(true);
    expect(response.safeParse({ errcode: 9, errmsg: 'not authorized' }).success).toBe(true);
    expect(response.safeParse({ errcode: 0, errmsg: 'ok' }).success).toBe(false);
  });
});

describe('transport types', () => {
  type CallDevice = typeof platformTransportContract.callDevice;

  it('infers the client request of callDevice from the plugin-api schema and the party headers', () => {
    type Request = ClientInferRequest<CallDevice>;
    expectTypeOf<Request['body']>().toEqualTypeOf<CallDeviceRequestInput>();
    expectTypeOf<Request['headers']>().toEqualTypeOf<{ authorization: string; 'x-wxvoip-namespace'?: string | undefined }>();
    expectTypeOf<ClientInferRequest<typeof platformTransportContract.initByCaller>['body']>().toEqualTypeOf<InitByCallerRequestInput>();
  });

  it('infers only the declared statuses for the server, and narrows a 200 body with isTransportOk', () => {
    type Responses = ServerInferResponses<CallDevice>;
    expectTypeOf<Responses['status']>().toEqualTypeOf<200 | 400 | 401>();
    type Ok = Extract<Responses, { status: 200 }>['body'];
    const body = { errcode: 0, errmsg: 'ok' } as unknown as Ok;
    if (isTransportOk(body)) {
      expectTypeOf(body.roomId).toEqualTypeOf<string>();
      expectTypeOf(body.errcode).toEqualTypeOf<0>();
    } else {
      expectTypeOf(body).toEqualTypeOf<TransportRefusal>();
    }
    expect(isTransportOk(body)).toBe(true);
    expect(isTransportOk({ errcode: 1005, errmsg: 'busy' })).toBe(false);
  });
});
