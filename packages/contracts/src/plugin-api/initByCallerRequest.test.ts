import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { InitByCallerRequest } from './initByCallerRequest.js';
import type { InitByCallerRequestInput } from './initByCallerRequest.js';

/** Parses `input`, expects failure, and lists the issues as `{ path, message, rule }`. */
function issuesOf(schema: z.ZodTypeAny, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
    rule: issue.code === 'custom' ? (issue.params?.['rule'] as unknown) : undefined,
  }));
}

const deviceCallsPhone = {
  roomType: 'video',
  businessType: 1,
  caller: { id: 'SN_0001' },
  listener: { id: 'o3x_listener_openid' },
} as const;

describe('InitByCallerRequest: the seed sample (seeds/initByCaller.md)', () => {
  // The seed's ids are prose placeholders ('Dialing party Id'); with businessType 1 the caller id is a
  // device SN, so a realistic SN stands in for it. Every other key and value is the seed's own.
  const seed = {
    caller: { id: 'SN_0001', name: 'Calling party name,' },
    listener: { id: 'the receiver Id', name: 'The name of the receiver' },
    roomType: 'video',
    businessType: 1,
    voipToken: 'xxxx*****xxxx',
    miniprogramState: 'developer',
  } as const;

  it('parses and fills the documented defaults', () => {
    const parsed = InitByCallerRequest.parse(seed);
    expect(parsed).toEqual({
      roomType: 'video',
      caller: { id: 'SN_0001', name: 'Calling party name,', cameraStatus: 0 },
      listener: { id: 'the receiver Id', name: 'The name of the receiver', cameraStatus: 0 },
      businessType: 1,
      voipToken: 'xxxx*****xxxx',
      miniprogramState: 'developer',
    });
    expect(parsed).not.toHaveProperty('timeLimit');
    expect(parsed).not.toHaveProperty('customQuery');
  });

  it('rejects the literal placeholder caller id, naming the businessType 1 SN rule', () => {
    const issues = issuesOf(InitByCallerRequest, { ...seed, caller: { id: 'Dialing party Id', name: 'Calling party name,' } });
    expect(issues).toEqual([
      { path: 'caller.id', message: expect.stringContaining('caller.id must be the device SN when businessType 1'), rule: 'callerIdIsSn' },
    ]);
    expect(issues[0]?.message).toContain('[0-9A-Za-z_-]');
  });
});

describe('InitByCallerRequest: fields and defaults (P §3.1)', () => {
  it('defaults businessType to 0, miniprogramState to formal and cameraStatus to 0', () => {
    const parsed = InitByCallerRequest.parse({
      roomType: 'voice',
      caller: { id: 'face_user_1' },
      listener: { id: 'o3x_parent' },
      voipToken: 'face-pay-token',
    });
    expect(parsed.businessType).toBe(0);
    expect(parsed.miniprogramState).toBe('formal');
    expect(parsed.caller.cameraStatus).toBe(0);
    expect(parsed.listener.cameraStatus).toBe(0);
  });

  it('keeps every optional field it is given', () => {
    const parsed = InitByCallerRequest.parse({
      ...deviceCallsPhone,
      caller: { id: 'SN_0001', name: 'ignored for devices', cameraStatus: 1 },
      listener: { id: 'o3x', name: 'Mum', cameraStatus: 1 },
      miniprogramState: 'trial',
      customQuery: 'callSeq=1700000000&from=door',
      timeLimit: 120,
    });
    expect(parsed).toMatchObject({
      caller: { cameraStatus: 1 },
      listener: { name: 'Mum', cameraStatus: 1 },
      miniprogramState: 'trial',
      customQuery: 'callSeq=1700000000&from=door',
      timeLimit: 120,
    });
  });

  it('drops undocumented keys such as chargeType (initByCaller has no chargeType input)', () => {
    expect(InitByCallerRequest.parse({ ...deviceCallsPhone, chargeType: 'license' })).not.toHaveProperty('chargeType');
  });

  it.each([
    ['roomType', { roomType: 'audio' }, 'roomType', "roomType must be 'voice' or 'video'"],
    ['businessType', { businessType: 4 }, 'businessType', 'businessType must be 0 (face-pay, duration), 1'],
    ['miniprogramState', { miniprogramState: 'release' }, 'miniprogramState', "miniprogramState must be 'formal' (release), 'trial' or 'developer'"],
    ['customQuery', { customQuery: '?a=1' }, 'customQuery', 'customQuery must be in the form a=1&b=2'],
    ['timeLimit', { timeLimit: 0 }, 'timeLimit', 'timeLimit must be greater than 0'],
    ['caller.cameraStatus', { caller: { id: 'SN_0001', cameraStatus: 2 } }, 'caller.cameraStatus', 'cameraStatus must be 0 (camera on) or 1 (camera off)'],
    ['listener.cameraStatus', { listener: { id: 'o3x', cameraStatus: true } }, 'listener.cameraStatus', 'cameraStatus must be 0 (camera on) or 1 (camera off)'],
    ['listener.id', { listener: { id: '' } }, 'listener.id', 'id must not be empty'],
    ['voipToken', { voipToken: 42 }, 'voipToken', 'voipToken must be a string'],
  ])('rejects a bad %s', (_field, patch, path, message) => {
    expect(issuesOf(InitByCallerRequest, { ...deviceCallsPhone, ...patch })).toContainEqual({
      path,
      message: expect.stringContaining(message),
      rule: undefined,
    });
  });

  it('requires roomType, caller and listener', () => {
    const issues = issuesOf(InitByCallerRequest, { businessType: 1 });
    expect(issues.map((issue) => issue.path)).toEqual(['roomType', 'caller', 'listener']);
    expect(issues[1]?.message).toContain('caller and listener are required');
  });
});

describe('InitByCallerRequest: businessType rules (P §3.3)', () => {
  it('businessType 1: caller.id is the device SN, listener.id an openId', () => {
    expect(InitByCallerRequest.safeParse(deviceCallsPhone).success).toBe(true);
    expect(issuesOf(InitByCallerRequest, { ...deviceCallsPhone, caller: { id: 'x'.repeat(129) } })).toEqual([
      { path: 'caller.id', message: expect.stringContaining('at most 128 bytes'), rule: 'callerIdIsSn' },
    ]);
  });

  it('businessType 1 leaves voipToken to the registration-mode rule (both forms parse)', () => {
    expect(InitByCallerRequest.safeParse({ ...deviceCallsPhone, voipToken: 'device-token' }).success).toBe(true);
    expect(InitByCallerRequest.safeParse(deviceCallsPhone).success).toBe(true);
  });

  const phoneCallsWmpf = {
    roomType: 'video',
    businessType: 2,
    caller: { id: 'o3x_caller_openid' },
    listener: { id: 'SN_0002' },
    voipToken: 'push-token',
  } as const;

  it('businessType 2: listener.id is the device SN and voipToken its pushToken', () => {
    expect(InitByCallerRequest.safeParse(phoneCallsWmpf).success).toBe(true);
    expect(issuesOf(InitByCallerRequest, { ...phoneCallsWmpf, listener: { id: 'not an sn' } })).toEqual([
      { path: 'listener.id', message: expect.stringContaining('listener.id must be the device SN when businessType 2'), rule: 'listenerIdIsSn' },
    ]);
  });

  it.each([undefined, ''])('businessType 2 rejects voipToken %j, asking for the pushToken', (voipToken) => {
    expect(issuesOf(InitByCallerRequest, { ...phoneCallsWmpf, voipToken })).toEqual([
      { path: 'voipToken', message: expect.stringContaining("voipToken is required when businessType 2 (phone WeChat calls Android WMPF device): pass the device's WMPF pushToken"), rule: 'pushTokenRequired' },
    ]);
  });

  it.each([0, 3] as const)('businessType %i (face-pay): ids are free-form, voipToken is required', (businessType) => {
    const facePay = { roomType: 'voice', businessType, caller: { id: 'face user 1' }, listener: { id: 'o3x_parent' } };
    expect(InitByCallerRequest.safeParse({ ...facePay, voipToken: 'voip_token' }).success).toBe(true);
    expect(issuesOf(InitByCallerRequest, facePay)).toEqual([
      { path: 'voipToken', message: expect.stringContaining(`voipToken is required when businessType ${businessType} (campus face-pay`), rule: 'facePayVoipTokenRequired' },
    ]);
  });

  it('points out that businessType defaults to 0 when a device call forgets it', () => {
    const issues = issuesOf(InitByCallerRequest, { roomType: 'video', caller: { id: 'SN_0001' }, listener: { id: 'o3x' } });
    expect(issues[0]?.message).toContain('businessType defaults to 0; set businessType 1');
  });
});

describe('InitByCallerRequest types', () => {
  it('has optional defaults on input and filled, narrowed values on output', () => {
    expectTypeOf<InitByCallerRequestInput['businessType']>().toEqualTypeOf<0 | 1 | 2 | 3 | undefined>();
    expectTypeOf<InitByCallerRequest['businessType']>().toEqualTypeOf<0 | 1 | 2 | 3>();
    expectTypeOf<InitByCallerRequestInput['miniprogramState']>().toEqualTypeOf<'formal' | 'trial' | 'developer' | undefined>();
    expectTypeOf<InitByCallerRequest['miniprogramState']>().toEqualTypeOf<'formal' | 'trial' | 'developer'>();
    expectTypeOf<InitByCallerRequestInput['caller']['cameraStatus']>().toEqualTypeOf<0 | 1 | undefined>();
    expectTypeOf<InitByCallerRequest['caller']['cameraStatus']>().toEqualTypeOf<0 | 1>();
    expectTypeOf<InitByCallerRequest['roomType']>().toEqualTypeOf<'voice' | 'video'>();
    expectTypeOf<InitByCallerRequest['voipToken']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<InitByCallerRequest['timeLimit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<InitByCallerRequest>().not.toHaveProperty('chargeType');
  });
});
