import { describe, expect, expectTypeOf, it } from 'vitest';
import { IOT_VOIP_NOTIFY_FIELDS, IotVoipNotifyMessage } from './iotVoipNotify.js';

const notifyExample: IotVoipNotifyMessage = {
  ToUserName: 'gh_0123456789ab',
  FromUserName: 'o_abc',
  CreateTime: 1700000000,
  MsgType: 'event',
  Event: 'iot_voip_notify',
  Action: 'join_voip_room',
  RoomId: 'wxf830863afde621ebWmpfVoip112343434123434',
  SessionKey: 'session-key-1',
  ServerToken: 'server-token-1',
  Payload: 'stream-7',
  ModelId: 'model-1',
  Sn: 'SN_0002',
};

function issueOf(value: unknown) {
  const result = IotVoipNotifyMessage.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('IotVoipNotifyMessage (D §2.3)', () => {
  it('parses the documented message and lists its twelve fields in order', () => {
    expect(IotVoipNotifyMessage.parse(notifyExample)).toEqual(notifyExample);
    expect(Object.keys(notifyExample)).toEqual([...IOT_VOIP_NOTIFY_FIELDS]);
  });

  it('accepts an empty Payload and drops unknown keys', () => {
    expect(IotVoipNotifyMessage.parse({ ...notifyExample, Payload: '', Extra: 1 })).toEqual({ ...notifyExample, Payload: '' });
  });

  it.each([
    [{ ...notifyExample, ToUserName: 'wx0123' }, ['ToUserName'], "starts with 'gh_'"],
    [{ ...notifyExample, MsgType: 'text' }, ['MsgType'], "MsgType must be 'event'"],
    [{ ...notifyExample, Event: 'subscribe' }, ['Event'], "Event must be 'iot_voip_notify'"],
    [{ ...notifyExample, Action: 'leave_voip_room' }, ['Action'], "Action must be 'join_voip_room'"],
    [{ ...notifyExample, CreateTime: '1700000000' }, ['CreateTime'], 'CreateTime must be a number of Unix seconds'],
    [{ ...notifyExample, CreateTime: 1.5 }, ['CreateTime'], 'whole number of Unix seconds'],
    [{ ...notifyExample, RoomId: '' }, ['RoomId'], 'RoomId must not be empty'],
    [{ ...notifyExample, ServerToken: undefined }, ['ServerToken'], 'ServerToken is required'],
    [{ ...notifyExample, Payload: undefined }, ['Payload'], 'Payload is required'],
    [{ ...notifyExample, Sn: 'SN 2' }, ['Sn'], 'Sn (the SN) may only contain'],
  ])('rejects %j at %j', (value, path, message) => {
    const issue = issueOf(value);
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });

  it('types the literal fields', () => {
    expectTypeOf<IotVoipNotifyMessage['Event']>().toEqualTypeOf<'iot_voip_notify'>();
    expectTypeOf<IotVoipNotifyMessage['Action']>().toEqualTypeOf<'join_voip_room'>();
    expectTypeOf<IotVoipNotifyMessage['CreateTime']>().toBeNumber();
    expectTypeOf<IotVoipNotifyMessage>().toHaveProperty('ServerToken').toBeString();
  });
});
