import type { RoomDetail } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import type { Outcome } from '../../core/refusal.js';
import type { Room } from '../../core/rooms/room.js';
import { notFoundProblem, refusalProblem, type ProblemResponse } from '../problems.js';
import { withTenant, type ControlContext, type ControlHandlers } from './controlContext.js';
import { listRooms, roomDetail, sideParties } from '../../core/views/roomViews.js';

type RoomRoutes = 'listRooms' | 'getRoom' | 'simulateAnswer' | 'simulateReject' | 'simulateHangUp' | 'simulateGoOffline';

/**
 * Rooms and the simulate actions of the inspector. Each action acts as the room's side through the room engine, with
 * cause `simulate` on the timeline, and answers the room afterwards. An unknown roomId is a 404; an action the room's
 * phase does not allow (answer a call that is not ringing, reject a talking call, anything on an ended room) is a 409
 * `invalid-state` problem carrying the engine's refusal.
 *
 * - answer: the listener answers as its party would (see `sideParties` for which party); a plugin listener (a phone,
 *   or the plugin inside WMPF) gets `hangOnVoip` first, a Linux or RTOS device does not (its SDK joins directly).
 * - reject: the listener refuses before talking, or reports busy.
 * - hang up: `side` ends the call: cancel, reject or hang up, by phase, with `origin`.
 * - go offline: the room aborts with `errMsg` on that side (its `abortVoip`), then that side's parties lose their push
 *   channel: they stay connected and receive what was queued once they attach again.
 */
export function roomHandlers(core: PlatformCore): Pick<ControlHandlers, RoomRoutes> {
  return {
    listRooms: (request) => withTenant(core, 'listRooms', request, ({ tenant }) => ({ status: 200, body: { rooms: listRooms(tenant, request.query) } })),

    getRoom: (request) =>
      withTenant(core, 'getRoom', request, (context) => {
        const room = context.tenant.rooms.get(request.params.roomId);
        return room ? { status: 200, body: roomDetail(room) } : notFoundProblem('room', request.params.roomId, context.namespace, context.instance);
      }),

    simulateAnswer: (request) =>
      withTenant(core, 'simulateAnswer', request, (context) =>
        simulate(context, request.params.roomId, (room) => {
          const cameraStatus = request.body.cameraStatus;
          const hangOn = room.direction === 'deviceToPhone' || room.transport === 'wmpf';
          const partyId = sideParties(context.tenant, room, 'listener')[0] ?? null;
          return context.tenant.rooms.answer(room, partyId, { hangOn, cause: 'simulate', ...(cameraStatus === undefined ? {} : { cameraStatus }) });
        }),
      ),

    simulateReject: (request) =>
      withTenant(core, 'simulateReject', request, (context) =>
        simulate(context, request.params.roomId, (room) =>
          context.tenant.rooms.reject(room, sideParties(context.tenant, room, 'listener')[0] ?? null, { busy: request.body.busy, cause: 'simulate' }),
        ),
      ),

    simulateHangUp: (request) =>
      withTenant(core, 'simulateHangUp', request, (context) =>
        simulate(context, request.params.roomId, (room) => {
          const { side, origin } = request.body;
          return context.tenant.rooms.hangUp(room, side, sideParties(context.tenant, room, side)[0] ?? null, { origin, cause: 'simulate' });
        }),
      ),

    simulateGoOffline: (request) =>
      withTenant(core, 'simulateGoOffline', request, (context) =>
        simulate(context, request.params.roomId, (room) => {
          const { side, errMsg } = request.body;
          const parties = sideParties(context.tenant, room, side);
          const aborted = context.tenant.rooms.abort(room, side, { errMsg, cause: 'simulate' });
          if (aborted.ok) for (const partyId of parties) context.tenant.parties.channelClosed(partyId);
          return aborted;
        }),
      ),
  };
}

/** Runs one simulate action on the room named in the path and answers the room afterwards, or the problem. */
function simulate(
  context: ControlContext,
  roomId: string,
  act: (room: Room) => Outcome<Room>,
): { status: 200; body: RoomDetail } | ProblemResponse<'notFound'> | ProblemResponse<'invalidState'> {
  const room = context.tenant.rooms.get(roomId);
  if (!room) return notFoundProblem('room', roomId, context.namespace, context.instance);
  const outcome = act(room);
  return outcome.ok ? { status: 200, body: roomDetail(room) } : refusalProblem('invalidState', outcome.refusal, context.instance);
}
