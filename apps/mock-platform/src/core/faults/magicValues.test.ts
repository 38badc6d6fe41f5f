import {
  CallPayload,
  ConnectPartyRequest,
  ERROR_CATALOGUE,
  OpenId,
  Sn,
  platformTransportContract,
  wechatApiContract,
  type PlatformOperation,
} from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { MAGIC_OPERATIONS, type MagicField } from './magicOperations.js';
import { MAGIC_VALUES, codesWithoutMagicValue } from './magicValueExamples.js';
import { magicRefusal, magicRefusalFor, magicValue, parseMagicValue } from './magicValues.js';

describe('parseMagicValue', () => {
  it.each([
    ['magic-err-15', 15],
    ['magic-err--10008', -10008],
    ['magic-err--1', -1],
    ['magic-err-9800037', 9800037],
  ])('reads %s as %i', (value, code) => {
    expect(parseMagicValue(value)).toBe(code);
    expect(magicValue(code)).toBe(value);
  });

  it.each(['magic-err-0', 'magic-err-015', 'magic-err-', 'magic-err-1a', 'MAGIC-ERR-1', 'xmagic-err-1', 'magic-err-1 ', 'SN-0001'])('does not read %j', (value) => {
    expect(parseMagicValue(value)).toBeUndefined();
  });
});

describe('magicRefusal', () => {
  it('forces a catalogue code of the domain, at stage fault, with the field and value in the rule', () => {
    const refusal = magicRefusal({ openId: 'magic-err-15' }, 'backend');
    expect(refusal).toMatchObject({ key: 'ACCOUNT_IN_ARREARS', code: 15, message: 'in arrears (fee package exhausted)', stage: 'fault' });
    expect(refusal?.rule).toContain("openId 'magic-err-15'");
    expect(refusal?.faultId).toBeUndefined();
  });

  it('leaves a code the domain does not know an ordinary value', () => {
    expect(magicRefusal({ sn: 'magic-err-6' }, 'backend')).toBeUndefined();
    expect(magicRefusal({ sn: 'magic-err-1005' }, 'backend')).toBeUndefined();
    expect(magicRefusal({ sn: 'magic-err-1005' }, ['backend', 'plugin'])?.key).toBe('PLUGIN_BUSY');
  });

  it('reads the domains in order: 1 is a backend roomId error before the server-api contact-list code', () => {
    expect(magicRefusal({ sn: 'magic-err-1' }, ['backend', 'server-api'])?.key).toBe('ROOM_ID_INVALID');
    expect(magicRefusal({ sn: 'magic-err-1' }, ['server-api', 'backend'])?.key).toBe('VOIP_CONTACT_LIST_EMPTY');
  });

  it('reads a negative code unknown everywhere as the RTOS negated backend code, only where backend codes apply', () => {
    expect(magicRefusal({ sn: 'magic-err--10008' }, 'backend')).toMatchObject({ key: 'SN_TICKET_EXPIRED', code: 10008 });
    expect(magicRefusal({ sn: 'magic-err--10008' }, 'server-api')).toBeUndefined();
    expect(magicRefusal({ sn: 'magic-err--1' }, ['backend', 'server-api'])).toMatchObject({ key: 'SYSTEM_BUSY', code: -1 });
  });

  it('honours only the allowed codes when given', () => {
    expect(magicRefusal({ sn: 'magic-err-15' }, 'backend', [9, 10008])).toBeUndefined();
    expect(magicRefusal({ sn: 'magic-err-9' }, 'backend', [9, 10008])?.code).toBe(9);
  });

  it('checks sn, then openId, then payload, and the first magic value of a list', () => {
    expect(magicRefusal({ payload: 'magic-err-5', openId: 'magic-err-7', sn: 'magic-err-2' }, 'backend')?.code).toBe(2);
    expect(magicRefusal({ payload: 'magic-err-5', openId: 'magic-err-7' }, 'backend')?.code).toBe(7);
    expect(magicRefusal({ sn: ['SN-1', 'magic-err-0', 'magic-err-9800015', 'magic-err-9800016'] }, 'server-api')?.code).toBe(9800015);
    expect(magicRefusal({ sn: ['SN-1'], openId: [], payload: 'hello' }, 'backend')).toBeUndefined();
  });
});

describe('magicRefusalFor', () => {
  it('uses the fields, domains and codes of the operation', () => {
    expect(magicRefusalFor('transport.linuxSessionCall', { openId: 'magic-err-15' })?.code).toBe(15);
    expect(magicRefusalFor('transport.callWmpf', { payload: 'magic-err-15' })).toBeUndefined();
    expect(magicRefusalFor('wechat.getSnTicket', { sn: 'magic-err-9' })).toBeUndefined();
    expect(magicRefusalFor('wechat.getSnTicket', { sn: 'magic-err-9800002' })?.key).toBe('SN_ILLEGAL_CHARACTERS');
    expect(magicRefusalFor('transport.registerDevice', { sn: 'magic-err-15' })).toBeUndefined();
    expect(magicRefusalFor('wechat.getAccessToken', { sn: 'magic-err--1' })).toBeUndefined();
  });
});

describe('MAGIC_VALUES', () => {
  it('each example answers its code and key through magicRefusalFor', () => {
    for (const e of MAGIC_VALUES) {
      const refusal = magicRefusalFor(e.operation, { [e.field]: e.value });
      expect([e.value, e.operation, refusal?.code, refusal?.key]).toEqual([e.value, e.operation, e.code, e.key]);
    }
  });

  it('covers every backend code, plugin 1000–1011 but 1008, and every authorization code', () => {
    const keys = new Set(MAGIC_VALUES.map((e) => e.key));
    const expected = ERROR_CATALOGUE.filter(
      (e) => e.domain === 'backend' || e.domain === 'authorization' || (e.domain === 'plugin' && e.code >= 1000 && e.code <= 1011 && e.code !== 1008),
    );
    expect(expected.length).toBeGreaterThan(30);
    for (const entry of expected) expect(keys.has(entry.key), `${entry.domain} ${String(entry.code)} ${entry.key}`).toBe(true);
    expect(MAGIC_VALUES.some((e) => e.value === 'magic-err--10008' && e.code === 10008)).toBe(true);
  });

  it('covers every server-api code a route with a magic field documents; the others are listed as unreachable', () => {
    const keys = new Set(MAGIC_VALUES.map((e) => e.key));
    const routes = Object.values(MAGIC_OPERATIONS).filter((rule) => rule.domains[0] === 'server-api');
    const honoured = new Set(routes.flatMap((rule) => rule.codes));
    for (const entry of ERROR_CATALOGUE.filter((e) => e.domain === 'server-api' && honoured.has(e.code))) {
      expect([entry.code, keys.has(entry.key)]).toEqual([entry.code, true]);
    }
    const unreachable = codesWithoutMagicValue().map((e) => e.key);
    expect(unreachable).toEqual(expect.arrayContaining(['INVALID_APPSECRET', 'PUSH_TOKEN_INVALID', 'CALL_INTERRUPTED', 'JOIN_FAILED']));
    expect(unreachable).not.toContain('ACCOUNT_IN_ARREARS');
  });

  it('every magic value passes its field schema (Sn, OpenId, payload)', () => {
    const schemas: Record<MagicField, Schema> = { sn: Sn, openId: OpenId, payload: CallPayload };
    for (const e of MAGIC_VALUES) expect(schemas[e.field].safeParse(e.value).success, e.value).toBe(true);
  });

  it("every magic value passes the body schema of its operation's route", () => {
    for (const e of MAGIC_VALUES) {
      const [schema, body] = routeBody(e.operation, e.field, e.value);
      const parsed = schema.safeParse(body);
      expect(parsed.success, `${e.operation} ${e.value}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });
});

/** What the tests need of a contract schema (zod is not a dependency of this package). */
type Schema = { safeParse(value: unknown): { success: true } | { success: false; error: { message: string } } };

/** A request of `operation` carrying `value` in `field`, with the schema the adapter validates it with. */
function routeBody(operation: PlatformOperation, field: MagicField, v: string): [Schema, unknown] {
  const pick = (f: MagicField, other: string) => (field === f ? v : other);
  const sn = pick('sn', 'SN-0001');
  const openId = pick('openId', 'openid-alice');
  const payload = pick('payload', 'p');
  const device = { model_id: 'model-1', sn };
  const cloud = { appId: 'wx_app', modelId: 'model-1', serverToken: 't', payload };
  const bodies: Partial<Record<PlatformOperation, unknown>> = {
    'transport.initByCaller': { roomType: 'voice', businessType: 1, caller: { id: sn }, listener: { id: openId } },
    'transport.callDevice': { roomType: 'video', sn, modelId: 'model-1', isCloud: true, payload },
    'transport.callWmpf': { roomType: 'video', sn, modelId: 'model-1', pushToken: 'pt', nickName: 'Mum' },
    'transport.wxRequestDeviceVoip': { sn, snTicket: 't', modelId: 'model-1', deviceName: 'Door' },
    'transport.linuxSessionCall': { roomType: 'voice', callee: { id: openId } },
    'transport.rtosClientCall': { roomType: 'voice', callee: { id: openId }, payload },
    'transport.rtosClientJoin': { roomId: 'room-1', payload },
    'transport.cloudSessionJoin': { ...cloud, roomType: 'voice', sn },
    'transport.cloudCallJoin': { ...cloud, roomType: 'voice', roomId: 'room-1', sessionKey: 'k' },
    'transport.cloudListenerHangup': { ...cloud, sn, reason: 11 },
    'wechat.getSnTicket': device,
    'wechat.sendHardwareDeviceMessage': { template_id: 'T', sn, to_openid_list: [openId], modelId: 'model-1', data: {}, lang: 'en_US' },
    'wechat.addIotGroupDevice': { group_id: 'G', device_list: [device] },
    'wechat.removeIotGroupDevice': { group_id: 'G', device_list: [device] },
    'wechat.activeLicenseDevice': { pkg_type: 1, device_list: [{ ...device, active_number: 1 }] },
    'wechat.getLicenseDeviceInfo': { device_list: [device] },
    'wechat.addRuntimeDevice': { product_id: 1, device_id_list: [sn], model_name: 'panel' },
    'wechat.iotVoipCall': { model_id: 'model-1', sn, openid: openId, room_type: 'video', payload },
  };
  if (operation === 'transport.registerDevice') return [ConnectPartyRequest, { kind: 'rtosDevice', appId: 'wx_app', sn, modelId: 'model-1' }];
  if (operation === 'transport.wmpfGetDeviceToken') {
    return [ConnectPartyRequest, { kind: 'wmpfPlugin', appId: 'wx_app', sn, modelId: 'model-1', registrationMode: 'wmpf' }];
  }
  const [router, key] = operation.split('.') as ['wechat' | 'transport', string];
  const route = (router === 'wechat' ? wechatApiContract : platformTransportContract) as unknown as Record<string, { body: Schema }>;
  const schema = route[key]?.body;
  if (!schema || !(operation in bodies)) throw new Error(`no test body for ${operation}`);
  return [schema, bodies[operation]];
}
