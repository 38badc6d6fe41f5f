import { CallDeviceRequest, ConnectPartyRequest, controlContract, demoSeed, type ControlRouteKey } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createControlHandlers } from './controlApi.js';
import type { ControlHandlers } from './control/controlContext.js';

type LooseHandler = (request: unknown) => { status: number; body: unknown };
interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: unknown[] } };
}

const isSchema = (value: unknown): value is SafeParser => typeof value === 'object' && value !== null && 'safeParse' in value;

/** Wraps every handler so that each answer must use a status the route declares and match its schema. */
function contractChecked(control: ControlHandlers, answered: Set<string>): ControlHandlers {
  const checked: Record<string, LooseHandler> = {};
  for (const [key, handler] of Object.entries(control) as [ControlRouteKey, LooseHandler][]) {
    checked[key] = (request) => {
      const response = handler(request);
      const schema = (controlContract[key].responses as Record<number, unknown>)[response.status];
      expect(schema, `${key} answered ${response.status}, a status it does not declare`).toBeDefined();
      if (isSchema(schema)) {
        const parsed = schema.safeParse(response.body);
        expect(parsed.success ? [] : parsed.error.issues, `${key} ${response.status} body`).toEqual([]);
      } else {
        expect(response.body, `${key} ${response.status} has no body`).toBeUndefined();
      }
      answered.add(key);
      return response;
    };
  }
  return checked as unknown as ControlHandlers;
}

describe('every control route answers what the contract declares', () => {
  it('in a scenario that calls each route once or more', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const answered = new Set<string>();
    const control = contractChecked(createControlHandlers(core), answered);
    const headers = { 'x-wxvoip-namespace': 'contract' };
    const app = { appId: 'wx_demo_app' };
    const tenant = core.tenant('contract');
    const phone = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
    if (!phone.ok) throw new Error(phone.refusal.rule);
    const call = () => {
      const room = tenant.calls.callDevice(phone.value.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true }));
      if (!room.ok) throw new Error(room.refusal.rule);
      return { roomId: room.value.roomId };
    };

    control.getInfo({ headers });
    control.exportSeed({ headers });
    control.listApps({ headers });
    control.getApp({ headers, params: app });
    control.getApp({ headers, params: { appId: 'wx_none' } });
    control.updateApp({ headers, params: app, body: { voipCapability: 'approved' } });
    control.expireAccessTokens({ headers, params: app });
    control.issueSnTicket({ headers, params: app, body: { sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell' } });
    control.issueSnTicket({ headers, params: app, body: { sn: 'SN-LINUX-NEW', modelId: 'model-none' } });
    control.listGroups({ headers, params: app });
    control.listUsers({ headers, params: app });
    control.putUser({ headers, params: { ...app, openId: 'openid-erin' }, body: { nickname: 'Erin', wechatVersion: '8.0.54', dialogDecision: 'accept' } });
    control.updateUser({ headers, params: { ...app, openId: 'openid-erin' }, body: { nickname: 'Erin B' } });
    control.listAuthorizations({ headers, params: app, query: {} });
    control.requestAuthorization({ headers, params: app, body: { openId: 'openid-erin', sn: 'SN-RTOS-0001', decision: 'accept' } });
    control.requestAuthorization({ headers, params: app, body: { openId: 'openid-erin', sn: 'SN-RTOS-0001', decision: 'accept' } });
    control.revokeAuthorization({ headers, params: app, body: { openId: 'openid-erin', how: 'deleteFromRecent' } });
    control.getBilling({ headers, params: app });
    control.updateBilling({ headers, params: app, body: { enforceLicenseOnCall: true } });
    control.setDeviceLicense({ headers, params: { ...app, sn: 'SN-LINUX-NEW' }, body: { expireTime: 1_900_000_000, activeNumbers: [] } });

    control.listDevices({ headers, query: {} });
    control.getDevice({ headers, params: { sn: 'SN-WMPF-0001' } });
    control.takeDeviceOffline({ headers, params: { sn: 'SN-WMPF-0001' }, body: { abortCalls: true } });
    control.bringDeviceOnline({ headers, params: { sn: 'SN-WMPF-0001' } });
    control.expireDeviceCredentials({ headers, params: { sn: 'SN-WMPF-0001' }, body: { what: ['pushToken', 'snTickets'] } });
    control.resetDeviceRegistration({ headers, params: { sn: 'SN-LINUX-0002' } });
    control.listParties({ headers });

    const answeredRoom = call();
    control.advanceClock({ headers, body: { ms: 5_000 } });
    tenant.callbacks.reply(tenant.callbacks.pending()[0]?.deliveryId ?? '', { errcode: 0 });
    control.listCallbacks({ headers, query: { limit: 100 } });
    control.simulateAnswer({ headers, params: answeredRoom, body: {} });
    control.simulateGoOffline({ headers, params: answeredRoom, body: { side: 'listener', errMsg: 'lost' } });
    control.simulateReject({ headers, params: answeredRoom, body: { busy: false } });
    const cancelled = call();
    control.advanceClock({ headers, body: { ms: 1_000 } });
    control.simulateHangUp({ headers, params: cancelled, body: { side: 'caller', origin: 'manual' } });
    control.placePhoneCall({ headers, params: { ...app, openId: 'openid-alice' }, body: { sn: 'SN-LINUX-0001', roomType: 'voice' } });
    control.placePhoneCall({ headers, params: { ...app, openId: 'openid-alice' }, body: { sn: 'SN-LINUX-0002', roomType: 'voice' } });
    control.placePhoneCall({ headers, params: { ...app, openId: 'openid-alice' }, body: { sn: 'SN-NOPE', roomType: 'voice' } });
    control.listRooms({ headers, query: { limit: 100 } });
    control.getRoom({ headers, params: cancelled });
    control.disconnectParty({ headers, params: { partyId: phone.value.party.partyId } });

    control.getClock({ headers });
    control.freezeClock({ headers });
    control.setClock({ headers, body: { mode: 'manual' } });
    control.setClock({ headers, body: { mode: 'real' } });
    const fault = control.addFault({ headers, body: { kind: 'latency', ms: 100, match: {} } });
    control.listFaults({ headers });
    control.deleteFault({ headers, params: { faultId: fault.status === 201 ? fault.body.faultId : '' } });
    control.clearFaults({ headers });
    control.getJournal({ headers, query: { limit: 1000 } });
    control.clearJournal({ headers });
    control.reset({ headers, body: { to: 'seed' } });
    control.wipeState({ headers, body: { scope: 'namespace' } });
    control.wipeState({ headers, body: { scope: 'all' } });
    control.loadSeed({ headers, body: { version: 1, apps: [] } });

    expect([...answered].sort()).toEqual(Object.keys(controlContract).sort());
  });
});
