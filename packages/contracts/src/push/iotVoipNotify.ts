import { z } from 'zod';
import { deviceIdField } from '../device/cFields.js';
import { pushText } from './pushFields.js';

/**
 * The decrypted `iot_voip_notify` message WeChat posts to the developer server for cloud (RTOS) calls, in
 * both directions (D §2.3, §2.5, P §4.2; the phone→RTOS direction, `callDevice({ isCloud: true })` from plugin 2.4.3, is
 * documented [D] on the official call-cloud_device page), with WeChat's field names. `Action` is always `join_voip_room`. The
 * developer accepts with `{ errcode: 0 }` (the phone rings) or refuses with a non-zero errcode.
 * Unknown keys are dropped so that fields WeChat may add later do not break parsing.
 *
 * @example
 * IotVoipNotifyMessage.parse({
 *   ToUserName: 'gh_0123456789ab', FromUserName: 'o_abc', CreateTime: 1700000000, MsgType: 'event',
 *   Event: 'iot_voip_notify', Action: 'join_voip_room', RoomId: 'r1', SessionKey: 'sk', ServerToken: 'st',
 *   Payload: 'stream-7', ModelId: 'm1', Sn: 'SN_0002',
 * });
 */
export const IotVoipNotifyMessage = z.object(
  {
    ToUserName: pushText('ToUserName', "the mini program's original id, gh_…").startsWith(
      'gh_',
      "ToUserName must be the mini program's original id, which starts with 'gh_'",
    ),
    FromUserName: pushText('FromUserName', 'an openid'),
    CreateTime: z
      .number({ required_error: 'CreateTime is required (Unix seconds)', invalid_type_error: 'CreateTime must be a number of Unix seconds' })
      .int('CreateTime must be a whole number of Unix seconds')
      .nonnegative('CreateTime must be 0 or more (Unix seconds)'),
    MsgType: z.literal('event', { errorMap: () => ({ message: "MsgType must be 'event' for iot_voip_notify" }) }),
    Event: z.literal('iot_voip_notify', { errorMap: () => ({ message: "Event must be 'iot_voip_notify'" }) }),
    Action: z.literal('join_voip_room', {
      errorMap: () => ({ message: "Action must be 'join_voip_room' (the only documented action of iot_voip_notify)" }),
    }),
    RoomId: pushText('RoomId', 'the room of this call'),
    SessionKey: pushText('SessionKey', 'the session key of this call'),
    ServerToken: pushText('ServerToken', 'the server SDK credential for joining this call'),
    Payload: z.string({
      required_error: 'Payload is required (the caller payload; an empty string when none was given)',
      invalid_type_error: 'Payload must be a string (the opaque caller payload)',
    }),
    ModelId: pushText('ModelId', 'the device model id'),
    Sn: deviceIdField('Sn'),
  },
  { required_error: 'the iot_voip_notify message is required', invalid_type_error: 'the iot_voip_notify message must be an object' },
);
/** The decrypted `iot_voip_notify` message. */
export type IotVoipNotifyMessage = z.infer<typeof IotVoipNotifyMessage>;

/** The message's fields in the order D §2.3 lists them; `toNotifyXml` writes them in this order. */
export const IOT_VOIP_NOTIFY_FIELDS = [
  'ToUserName',
  'FromUserName',
  'CreateTime',
  'MsgType',
  'Event',
  'Action',
  'RoomId',
  'SessionKey',
  'ServerToken',
  'Payload',
  'ModelId',
  'Sn',
] as const satisfies readonly (keyof IotVoipNotifyMessage)[];
