import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  IOT_VOIP_NOTIFY_REQUIRED_MODE,
  NOTIFY_BODY_BY_MODE,
  NotifyCompatibleBody,
  NotifySecureBody,
  PushEncryptionMode,
  PushFormat,
  PushNotifyQuery,
  PushVerifyQuery,
  signatureBase,
} from './notifyEnvelope.js';
import type { IotVoipNotifyMessage } from './iotVoipNotify.js';

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

const sha = 'a'.repeat(40);

describe('notify bodies per mode (D §2.3, §4.13)', () => {
  it('secure mode carries ToUserName and Encrypt only, and is the mode iot_voip_notify requires', () => {
    expect(IOT_VOIP_NOTIFY_REQUIRED_MODE).toBe('secure');
    expect(NotifySecureBody.parse({ ToUserName: 'gh_1', Encrypt: 'QUJD' })).toEqual({ ToUserName: 'gh_1', Encrypt: 'QUJD' });
    const issue = NotifySecureBody.safeParse({ ToUserName: 'gh_1' }).error?.issues[0];
    expect(issue?.path).toEqual(['Encrypt']);
    expect(issue?.message).toContain('Encrypt is required');
  });

  it('compatible mode carries the plaintext fields and Encrypt', () => {
    expect(NotifyCompatibleBody.parse({ ...notifyExample, Encrypt: 'QUJD' }).Encrypt).toBe('QUJD');
    expect(NotifyCompatibleBody.safeParse(notifyExample).error?.issues[0]?.path).toEqual(['Encrypt']);
  });

  it('picks the body schema by mode', () => {
    expect(Object.keys(NOTIFY_BODY_BY_MODE)).toEqual(PushEncryptionMode.options);
    expect(NOTIFY_BODY_BY_MODE.plaintext.safeParse(notifyExample).success).toBe(true);
    expect(NOTIFY_BODY_BY_MODE.secure.safeParse(notifyExample).success).toBe(false);
  });

  it('names the modes and formats', () => {
    expect(PushEncryptionMode.safeParse('compat').error?.issues[0]?.message).toContain("'plaintext', 'compatible' or 'secure'");
    expect(PushFormat.options).toEqual(['json', 'xml']);
    expect(PushFormat.safeParse('yaml').error?.issues[0]?.message).toBe("push format must be 'json' or 'xml'");
  });
});

describe('PushVerifyQuery', () => {
  const query = { signature: sha, timestamp: '1700000000', nonce: 'n1', echostr: 'hello' };

  it('accepts the verification query', () => {
    expect(PushVerifyQuery.parse(query)).toEqual(query);
  });

  it.each([
    [{ ...query, signature: 'abc' }, ['signature'], '40 hexadecimal characters'],
    [{ ...query, timestamp: '17e8' }, ['timestamp'], 'decimal digits'],
    [{ ...query, echostr: undefined }, ['echostr'], 'echostr is required'],
    [{ ...query, nonce: '' }, ['nonce'], 'nonce must not be empty'],
  ])('rejects %j at %j', (value, path, message) => {
    const issue = PushVerifyQuery.safeParse(value).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });
});

describe('PushNotifyQuery', () => {
  const query = { signature: sha, timestamp: '1700000000', nonce: 'n1', openid: 'o_abc', encrypt_type: 'aes', msg_signature: 'B'.repeat(40) };

  it('accepts the secure-mode query, and a plaintext one without encryption fields', () => {
    expect(PushNotifyQuery.parse(query)).toEqual(query);
    expect(PushNotifyQuery.safeParse({ signature: sha, timestamp: '1', nonce: 'n' }).success).toBe(true);
  });

  it('requires msg_signature when encrypt_type=aes', () => {
    const issue = PushNotifyQuery.safeParse({ ...query, msg_signature: undefined }).error?.issues[0];
    expect(issue?.path).toEqual(['msg_signature']);
    expect(issue?.message).toContain('msg_signature is required when encrypt_type=aes');
  });

  it('rejects another encrypt_type', () => {
    const issue = PushNotifyQuery.safeParse({ ...query, encrypt_type: 'raw' }).error?.issues[0];
    expect(issue?.path).toEqual(['encrypt_type']);
    expect(issue?.message).toContain("encrypt_type must be 'aes'");
  });

  it('types the optional fields', () => {
    expectTypeOf<PushNotifyQuery['msg_signature']>().toEqualTypeOf<string | undefined>();
  });
});

describe('signatureBase', () => {
  it('sorts the parts and joins them without separator', () => {
    expect(signatureBase({ token: 'tok', timestamp: '1700000000', nonce: 'n1' })).toBe('1700000000n1tok');
    expect(signatureBase({ token: 'tok', timestamp: '1700000000', nonce: 'n1', encrypt: 'Enc' })).toBe('1700000000Encn1tok');
  });

  it('sorts by code unit, like the byte order WeChat uses for ASCII', () => {
    expect(signatureBase({ token: 'b', timestamp: 'B', nonce: 'a' })).toBe('Bab');
  });
});
