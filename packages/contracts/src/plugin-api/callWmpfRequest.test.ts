import { describe, expect, expectTypeOf, it } from 'vitest';
import { CallWmpfRequest } from './callWmpfRequest.js';
import type { CallWmpfRequestInput } from './callWmpfRequest.js';

const minimal = { roomType: 'voice', sn: 'SN_0001', modelId: 'model-1', pushToken: 'push-token', nickName: 'Mum' } as const;

/** Lists the issues of a rejected input as `path: message`. */
function issuesOf(input: unknown) {
  const result = CallWmpfRequest.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('CallWmpfRequest (P §4.1)', () => {
  it('fills the documented defaults', () => {
    expect(CallWmpfRequest.parse(minimal)).toEqual({
      ...minimal,
      chargeType: 'license',
      enableCallerCamera: true,
      enableListenerCamera: true,
      envVersion: 'release',
    });
  });

  it('keeps every field it is given', () => {
    const full = {
      ...minimal,
      deviceName: 'Kitchen tablet',
      chargeType: 'duration',
      timeLimit: 30,
      enableCallerCamera: false,
      enableListenerCamera: false,
      envVersion: 'develop',
      customQuery: 'from=app',
    } as const;
    expect(CallWmpfRequest.parse(full)).toEqual(full);
  });

  it.each([
    [{ pushToken: undefined }, 'pushToken', 'pushToken is required'],
    [{ pushToken: '' }, 'pushToken', 'pushToken must not be empty'],
    [{ nickName: undefined }, 'nickName', 'nickName is required for callWMPF'],
    [{ nickName: '' }, 'nickName', 'nickName must not be empty'],
    [{ sn: 'a b' }, 'sn', '[0-9A-Za-z_-]'],
    [{ envVersion: 'developer' }, 'envVersion', "envVersion must be 'release', 'trial' or 'develop'"],
    [{ customQuery: 'a' }, 'customQuery', 'customQuery must be in the form a=1&b=2'],
    [{ timeLimit: Number.NaN }, 'timeLimit', 'timeLimit'],
    [{ enableListenerCamera: 0 }, 'enableListenerCamera', 'enableListenerCamera must be a boolean'],
  ])('rejects %j', (patch, path, message) => {
    expect(issuesOf({ ...minimal, ...patch })).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('rejects a non-object request', () => {
    expect(issuesOf('call')).toEqual([{ path: '', message: expect.stringContaining('callWMPF needs a request object') }]);
  });

  it('types: pushToken and nickName are required, defaults optional on input', () => {
    expectTypeOf<CallWmpfRequestInput['pushToken']>().toEqualTypeOf<string>();
    expectTypeOf<CallWmpfRequestInput['nickName']>().toEqualTypeOf<string>();
    expectTypeOf<CallWmpfRequestInput['envVersion']>().toEqualTypeOf<'release' | 'trial' | 'develop' | undefined>();
    expectTypeOf<CallWmpfRequest['envVersion']>().toEqualTypeOf<'release' | 'trial' | 'develop'>();
  });
});
