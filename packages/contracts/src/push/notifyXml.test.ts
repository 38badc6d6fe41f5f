import { describe, expect, expectTypeOf, it } from 'vitest';
import { ZodError } from 'zod';
import { FlatXmlError } from './flatXml.js';
import type { IotVoipNotifyMessage } from './iotVoipNotify.js';
import { parseNotifyXml, parseSecureNotifyXml, safeParseNotifyXml, toNotifyXml, toSecureNotifyXml } from './notifyXml.js';

const message: IotVoipNotifyMessage = {
  ToUserName: 'gh_0123456789ab',
  FromUserName: 'o_abc',
  CreateTime: 1700000000,
  MsgType: 'event',
  Event: 'iot_voip_notify',
  Action: 'join_voip_room',
  RoomId: 'wxf830863afde621ebWmpfVoip112343434123434',
  SessionKey: 'session-key-1',
  ServerToken: 'server-token-1',
  Payload: '{"stream":7,"tag":"<a>&]]>"}',
  ModelId: 'model-1',
  Sn: 'SN_0002',
};

describe('toNotifyXml / parseNotifyXml', () => {
  it('writes the fields in documented order, CreateTime as a number', () => {
    const xml = toNotifyXml(message);
    expect(xml.startsWith('<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName>')).toBe(true);
    expect(xml).toContain('<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>');
    expect(xml.endsWith('<Sn><![CDATA[SN_0002]]></Sn></xml>')).toBe(true);
  });

  it('round-trips a message, payload with XML specials included', () => {
    expect(parseNotifyXml(toNotifyXml(message))).toEqual(message);
    expect(parseNotifyXml(toNotifyXml({ ...message, Payload: '' }))).toEqual({ ...message, Payload: '' });
  });

  it('reads a hand-written WeChat-style body with CreateTime in CDATA', () => {
    const xml = toNotifyXml(message).replace('<CreateTime>1700000000</CreateTime>', '<CreateTime><![CDATA[1700000000]]></CreateTime>');
    expect(parseNotifyXml(xml).CreateTime).toBe(1700000000);
  });

  it('throws a FlatXmlError for malformed XML', () => {
    const broken = toNotifyXml(message).replace('</Sn>', '</SN>');
    expect(() => parseNotifyXml(broken)).toThrow(FlatXmlError);
    expect(() => parseNotifyXml(broken)).toThrow('expected </Sn> but found </SN>');
  });

  it('throws a ZodError with the path for a field that breaks a rule', () => {
    const xml = toNotifyXml(message).replace('<![CDATA[join_voip_room]]>', '<![CDATA[leave_room]]>');
    try {
      parseNotifyXml(xml);
      expect.unreachable('parseNotifyXml should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual(['Action']);
      expect((error as ZodError).issues[0]?.message).toContain("Action must be 'join_voip_room'");
    }
  });

  it('rejects a non-numeric CreateTime with the field rule', () => {
    const xml = toNotifyXml(message).replace('<CreateTime>1700000000</CreateTime>', '<CreateTime>soon</CreateTime>');
    const result = safeParseNotifyXml(xml);
    expect(result.success).toBe(false);
    if (!result.success && result.error instanceof ZodError) {
      expect(result.error.issues[0]?.path).toEqual(['CreateTime']);
      expect(result.error.issues[0]?.message).toContain('CreateTime must be a number of Unix seconds');
    } else {
      expect.unreachable('expected a ZodError');
    }
  });

  it('safeParseNotifyXml never throws on bad input', () => {
    expect(safeParseNotifyXml(toNotifyXml(message))).toEqual({ success: true, data: message });
    const malformed = safeParseNotifyXml('<xml><Sn>');
    expect(malformed.success).toBe(false);
    expect(!malformed.success && malformed.error).toBeInstanceOf(FlatXmlError);
  });

  it('types the parsed message', () => {
    expectTypeOf(parseNotifyXml).returns.toEqualTypeOf<IotVoipNotifyMessage>();
    expectTypeOf(parseNotifyXml).returns.toHaveProperty('Payload').toBeString();
  });
});

describe('secure-mode outer XML', () => {
  it('round-trips { ToUserName, Encrypt }', () => {
    const body = { ToUserName: 'gh_0123456789ab', Encrypt: 'bXkgc2VjcmV0+/=' };
    const xml = toSecureNotifyXml(body);
    expect(xml).toBe('<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt><![CDATA[bXkgc2VjcmV0+/=]]></Encrypt></xml>');
    expect(parseSecureNotifyXml(xml)).toEqual(body);
  });

  it('requires Encrypt', () => {
    expect(() => parseSecureNotifyXml('<xml><ToUserName>gh_1</ToUserName></xml>')).toThrow('Encrypt is required');
  });
});
