import { CallDeviceRequest, WechatPluginConnect } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import type { PlatformTenant } from '../../core/platformTenant.js';
import { notFoundProblem, problem, refusalProblem } from '../problems.js';
import { appOrNotFound, withTenant, type ControlHandlers } from './controlContext.js';
import { roomDetail } from '../../core/views/roomViews.js';

/** The label of the phone parties the control API connects, as the parties list and the inspector show it. */
export const CONTROL_PHONE_LABEL = 'control API phone';

/** Phone parties connected by `placePhoneCall`, per tenant, so that those whose call is over can be let go. */
const phonesOf = new WeakMap<PlatformTenant, Set<string>>();

/**
 * `placePhoneCall`: a phone without code. It connects a phone-side plugin party for the user in the path (a fresh
 * one per call, labelled {@link CONTROL_PHONE_LABEL}), places `callDevice` through the call planner exactly as the
 * plugin's transport route does (Linux devices directly, RTOS devices through the vendor cloud with `isCloud`), so
 * every check applies in its documented order (the user, the device and its registration, authorization, licenses,
 * busy), then joins the room as the caller. Answers 201 with the room, 404 for an unknown app or device, and a 409
 * `invalid-state` problem carrying the refusal's rule, key and code when a platform rule refuses the call. WMPF
 * devices are reached with `callWMPF` and the device's pushToken: use the plugin simulator for those.
 *
 * Phones of earlier calls whose rooms have ended are disconnected when the next call is placed.
 */
export function phoneCallHandlers(core: PlatformCore): Pick<ControlHandlers, 'placePhoneCall'> {
  return {
    placePhoneCall: (request) =>
      withTenant(core, 'placePhoneCall', request, (context) => {
        const { tenant } = context;
        const found = appOrNotFound(context, request.params.appId);
        if ('missing' in found) return found.missing;
        const { sn } = request.body;
        const device = tenant.state.device(sn);
        if (!device || device.app.appId !== found.app.appId) return notFoundProblem(`device of app ${found.app.appId}`, sn, context.namespace, context.instance);
        if (device.device.kind === 'wmpf') {
          return problem('invalidState', `device ${sn} is an Android WMPF device: a phone reaches it with callWMPF and the device's pushToken; use the plugin simulator's callWMPF`, { instance: context.instance });
        }
        releaseEndedPhones(tenant);
        const connected = tenant.parties.connect(WechatPluginConnect.parse({ kind: 'wechatPlugin', appId: found.app.appId, openId: request.params.openId, label: CONTROL_PHONE_LABEL }));
        if (!connected.ok) return refusalProblem('invalidState', connected.refusal, context.instance);
        const phone = connected.value.party;
        const body = CallDeviceRequest.parse({
          roomType: request.body.roomType,
          sn,
          modelId: request.body.modelId ?? device.device.modelId,
          isCloud: device.device.kind === 'rtos',
          ...(request.body.nickName === undefined ? {} : { nickName: request.body.nickName }),
          ...(request.body.payload === undefined ? {} : { payload: request.body.payload }),
        });
        const made = tenant.calls.callDevice(phone, body);
        if (!made.ok) {
          tenant.parties.disconnect(phone.partyId);
          return refusalProblem('invalidState', made.refusal, context.instance);
        }
        const room = made.value;
        const phones = phonesOf.get(tenant) ?? new Set<string>();
        phonesOf.set(tenant, phones.add(phone.partyId));
        // The plugin joins its own call at once (the listener waits at most 20 s for it, P §13.3).
        if (room.outcome === null) tenant.actions.joinAsCaller(phone, room.roomId);
        return { status: 201, body: roomDetail(room) };
      }),
  };
}

/** Disconnects the control phones whose call is over (they have nothing more to hear). */
function releaseEndedPhones(tenant: PlatformTenant): void {
  const phones = phonesOf.get(tenant);
  if (!phones) return;
  for (const partyId of phones) {
    const party = tenant.parties.get(partyId);
    const roomId = party?.currentRoomId ?? null;
    const room = roomId === null ? undefined : tenant.rooms.get(roomId);
    if (party?.active === true && room !== undefined && room.outcome === null) continue;
    if (party?.active === true) tenant.parties.disconnect(partyId);
    phones.delete(partyId);
  }
}
