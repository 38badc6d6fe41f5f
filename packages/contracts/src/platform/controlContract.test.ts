import { isAppRoute } from '@ts-rest/core';
import type { AppRoute, AppRouter, ClientInferRequest, ServerInferResponses } from '@ts-rest/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { controlContract } from './controlContract.js';
import type { FaultSpecInput } from './faults.js';
import { CONTROL_PREFIX } from './prefixes.js';
import { ProblemDetails } from './problemDetails.js';
import { Seed } from './seed.js';
import type { SeedInput } from './seed.js';

/** `[key, method, path]` of every route of a router, in declaration order. */
function routeTable(router: AppRouter): [string, string, string][] {
  return Object.entries(router).flatMap(([key, route]) => (isAppRoute(route as AppRoute) ? [[key, (route as AppRoute).method, (route as AppRoute).path] as [string, string, string]] : []));
}

const A = '/__admin';

describe('controlContract', () => {
  it('has exactly this route table', () => {
    expect(routeTable(controlContract)).toEqual([
      ['getInfo', 'GET', `${A}/info`],
      ['loadSeed', 'PUT', `${A}/seed`],
      ['exportSeed', 'GET', `${A}/seed`],
      ['reset', 'POST', `${A}/reset`],
      ['wipeState', 'POST', `${A}/state/wipe`],
      ['listApps', 'GET', `${A}/apps`],
      ['getApp', 'GET', `${A}/apps/:appId`],
      ['updateApp', 'PATCH', `${A}/apps/:appId`],
      ['expireAccessTokens', 'POST', `${A}/apps/:appId/access-tokens/expire`],
      ['issueSnTicket', 'POST', `${A}/apps/:appId/sn-tickets`],
      ['listGroups', 'GET', `${A}/apps/:appId/groups`],
      ['listUsers', 'GET', `${A}/apps/:appId/users`],
      ['putUser', 'PUT', `${A}/apps/:appId/users/:openId`],
      ['updateUser', 'PATCH', `${A}/apps/:appId/users/:openId`],
      ['listAuthorizations', 'GET', `${A}/apps/:appId/authorizations`],
      ['requestAuthorization', 'POST', `${A}/apps/:appId/authorizations`],
      ['revokeAuthorization', 'POST', `${A}/apps/:appId/authorizations/revoke`],
      ['placePhoneCall', 'POST', `${A}/apps/:appId/users/:openId/calls`],
      ['getBilling', 'GET', `${A}/apps/:appId/billing`],
      ['updateBilling', 'PATCH', `${A}/apps/:appId/billing`],
      ['setDeviceLicense', 'PUT', `${A}/apps/:appId/licenses/:sn`],
      ['listDevices', 'GET', `${A}/devices`],
      ['getDevice', 'GET', `${A}/devices/:sn`],
      ['takeDeviceOffline', 'POST', `${A}/devices/:sn/offline`],
      ['bringDeviceOnline', 'POST', `${A}/devices/:sn/online`],
      ['expireDeviceCredentials', 'POST', `${A}/devices/:sn/expire`],
      ['resetDeviceRegistration', 'POST', `${A}/devices/:sn/unregister`],
      ['listParties', 'GET', `${A}/parties`],
      ['disconnectParty', 'DELETE', `${A}/parties/:partyId`],
      ['getClock', 'GET', `${A}/clock`],
      ['setClock', 'PUT', `${A}/clock`],
      ['freezeClock', 'POST', `${A}/clock/freeze`],
      ['advanceClock', 'POST', `${A}/clock/advance`],
      ['listFaults', 'GET', `${A}/faults`],
      ['addFault', 'POST', `${A}/faults`],
      ['deleteFault', 'DELETE', `${A}/faults/:faultId`],
      ['clearFaults', 'DELETE', `${A}/faults`],
      ['getJournal', 'GET', `${A}/journal`],
      ['clearJournal', 'DELETE', `${A}/journal`],
      ['listRooms', 'GET', `${A}/rooms`],
      ['getRoom', 'GET', `${A}/rooms/:roomId`],
      ['simulateAnswer', 'POST', `${A}/rooms/:roomId/simulate/answer`],
      ['simulateReject', 'POST', `${A}/rooms/:roomId/simulate/reject`],
      ['simulateHangUp', 'POST', `${A}/rooms/:roomId/simulate/hang-up`],
      ['simulateGoOffline', 'POST', `${A}/rooms/:roomId/simulate/go-offline`],
      ['listCallbacks', 'GET', `${A}/callbacks`],
    ]);
    expect(A).toBe(CONTROL_PREFIX);
  });

  it('answers problems on 400 and 500 everywhere, 404 where a path names an entity, 409 for state changes', () => {
    for (const [key, route] of Object.entries(controlContract)) {
      const responses = route.responses as Record<number, unknown>;
      expect([key, responses[400], responses[500]]).toEqual([key, ProblemDetails, ProblemDetails]);
      expect([key, route.strictStatusCodes]).toEqual([key, true]);
      if (route.path.includes('/:')) expect([key, responses[404]]).toEqual([key, ProblemDetails]);
    }
    const conflicts = Object.entries(controlContract)
      .filter(([, route]) => 409 in route.responses)
      .map(([key]) => key);
    expect(conflicts).toEqual(['issueSnTicket', 'placePhoneCall', 'advanceClock', 'simulateAnswer', 'simulateReject', 'simulateHangUp', 'simulateGoOffline']);
  });

  it('takes the optional namespace header on every route', () => {
    for (const route of Object.values(controlContract)) {
      const headers = route.headers as z.ZodTypeAny;
      expect(headers.safeParse({}).success).toBe(true);
      expect(headers.safeParse({ 'x-wxvoip-namespace': 'Bad NS' }).error?.issues[0]?.path).toEqual(['x-wxvoip-namespace']);
    }
  });

  it('loads seeds with the Seed schema', () => {
    expect(controlContract.loadSeed.body).toBe(Seed);
  });
});

describe('control types', () => {
  it('infers the client request of loadSeed and addFault', () => {
    expectTypeOf<ClientInferRequest<typeof controlContract.loadSeed>['body']>().toEqualTypeOf<SeedInput>();
    expectTypeOf<ClientInferRequest<typeof controlContract.addFault>['body']>().toEqualTypeOf<FaultSpecInput>();
    expectTypeOf<ClientInferRequest<typeof controlContract.getRoom>['params']>().toEqualTypeOf<{ roomId: string }>();
  });

  it('infers exactly the declared statuses', () => {
    expectTypeOf<ServerInferResponses<typeof controlContract.simulateAnswer>['status']>().toEqualTypeOf<200 | 400 | 404 | 409 | 500>();
    expectTypeOf<ServerInferResponses<typeof controlContract.addFault>['status']>().toEqualTypeOf<201 | 400 | 500>();
    expectTypeOf<ServerInferResponses<typeof controlContract.deleteFault>['status']>().toEqualTypeOf<204 | 400 | 404 | 500>();
    type Problem = Extract<ServerInferResponses<typeof controlContract.getRoom>, { status: 404 }>['body'];
    expectTypeOf<Problem['type']>().toEqualTypeOf<z.input<typeof ProblemDetails>['type']>();
    expect(Object.keys(controlContract.getRoom.responses).map(Number).sort()).toEqual([200, 400, 404, 500]);
  });
});
