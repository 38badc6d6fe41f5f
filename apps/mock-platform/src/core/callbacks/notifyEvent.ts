import type { IotVoipNotifyMessage } from '@wxvoip/contracts';
import type { Room } from '../rooms/room.js';
import type { AppState } from '../tenant/entities.js';

/**
 * The decrypted `iot_voip_notify` message of a cloud room (D §2.3): the app's original id, the phone user's openId
 * ([I] D §9.6 leaves open which openid; we send the user end's), the room's credentials, payload, model and SN,
 * created at the room's creation.
 */
export function notifyEventOf(app: AppState | undefined, room: Room): IotVoipNotifyMessage {
  const userEnd = room.direction === 'deviceToPhone' ? room.listener : room.caller;
  return {
    ToUserName: app?.originalId ?? `gh_${room.appId}`,
    FromUserName: userEnd.id,
    CreateTime: Math.floor(room.createdAt / 1000),
    MsgType: 'event',
    Event: 'iot_voip_notify',
    Action: 'join_voip_room',
    RoomId: room.roomId,
    SessionKey: room.sessionKey,
    ServerToken: room.serverToken,
    Payload: room.payload ?? '',
    ModelId: room.modelId,
    Sn: room.sn,
  };
}
