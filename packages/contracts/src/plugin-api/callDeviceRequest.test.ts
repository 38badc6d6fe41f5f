import { describe, expect, expectTypeOf, it } from 'vitest';
import { CallDeviceRequest } from './callDeviceRequest.js';
import type { CallDeviceRequestInput } from './callDeviceRequest.js';

/** Lists the issues of a rejected input as `path: message`. */
function issuesOf(input: unknown) {
  const result = CallDeviceRequest.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const minimal = { roomType: 'video', sn: 'SN_0001', modelId: 'model-1' } as const;

describe('CallDeviceRequest: the seed sample (seeds/callDevice.md)', () => {
  // The seed's sn is a placeholder ('设备 SN', "device SN") that breaks the SN rule; a real SN stands in.
  // modelId and nickName are the seed's own values.
  const seed = { roomType: 'video', sn: 'SN_0001', modelId: '设备 modelId', nickName: '设备端显示的微信用户名称' } as const;

  it('parses and fills every documented default', () => {
    expect(CallDeviceRequest.parse(seed)).toEqual({
      ...seed,
      chargeType: 'license',
      enableCallerCamera: true,
      enableListenerCamera: true,
      isCloud: false,
      encodeVideoFixedLength: 0,
      encodeVideoRotation: 0,
      encodeVideoRatio: 0,
      encodeVideoMaxFPS: 0,
    });
  });

  it('rejects the literal placeholder sn with the SN rule', () => {
    expect(issuesOf({ ...seed, sn: '设备 SN' })).toEqual([{ path: 'sn', message: expect.stringContaining('[0-9A-Za-z_-]') }]);
  });
});

describe('CallDeviceRequest fields (P §4.2)', () => {
  it('keeps every field it is given', () => {
    const full = {
      ...minimal,
      chargeType: 'duration',
      timeLimit: 60,
      enableCallerCamera: false,
      enableListenerCamera: false,
      nickName: 'Mum',
      deviceName: 'Front door',
      isCloud: true,
      payload: '{"door":1}',
      encodeVideoFixedLength: 320,
      encodeVideoRotation: 1,
      encodeVideoRatio: 75,
      encodeVideoMaxFPS: 15,
    } as const;
    expect(CallDeviceRequest.parse(full)).toEqual(full);
  });

  it.each([
    [{ sn: 'x'.repeat(129) }, 'sn', 'sn must be at most 128 bytes'],
    [{ sn: undefined }, 'sn', 'sn is required'],
    [{ modelId: '' }, 'modelId', 'modelId must not be empty'],
    [{ roomType: 'audio' }, 'roomType', "roomType must be 'voice' or 'video'"],
    [{ chargeType: 'free' }, 'chargeType', "chargeType must be 'duration' (minute quota) or 'license'"],
    [{ timeLimit: -5 }, 'timeLimit', 'timeLimit must be greater than 0'],
    [{ enableCallerCamera: 'yes' }, 'enableCallerCamera', 'enableCallerCamera must be a boolean'],
    [{ isCloud: 1 }, 'isCloud', 'isCloud must be a boolean'],
    [{ encodeVideoFixedLength: 720 }, 'encodeVideoFixedLength', 'encodeVideoFixedLength must be 0 (adaptive), 320, 480 or 640'],
    [{ encodeVideoRotation: 3 }, 'encodeVideoRotation', 'encodeVideoRotation must be 0 (default), 1 (upright stream) or 2'],
    [{ encodeVideoRatio: -1 }, 'encodeVideoRatio', 'encodeVideoRatio must be 0 (unset) or a positive whole number'],
    [{ encodeVideoMaxFPS: 7 }, 'encodeVideoMaxFPS', 'encodeVideoMaxFPS must be 0 (auto) or an integer from 8 to 15'],
  ])('rejects %j', (patch, path, message) => {
    expect(issuesOf({ ...minimal, ...patch })).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('accepts payload with or without isCloud (only the cloud callback carries it)', () => {
    expect(CallDeviceRequest.parse({ ...minimal, isCloud: true, payload: 'p' })).toMatchObject({ isCloud: true, payload: 'p' });
    expect(CallDeviceRequest.parse({ ...minimal, payload: 'p' })).toMatchObject({ isCloud: false, payload: 'p' });
    expect(issuesOf({ ...minimal, isCloud: true, payload: 42 })).toEqual([{ path: 'payload', message: expect.stringContaining('payload must be a string') }]);
  });

  it('has no envVersion, customQuery or pushToken (WeChat pushes nothing to the device)', () => {
    expect(CallDeviceRequest.parse({ ...minimal, envVersion: 'trial', customQuery: 'a=1', pushToken: 't' })).not.toHaveProperty('envVersion');
  });
});

describe('CallDeviceRequest types', () => {
  it('makes defaulted fields optional on input and present on output', () => {
    expectTypeOf<CallDeviceRequestInput['chargeType']>().toEqualTypeOf<'duration' | 'license' | undefined>();
    expectTypeOf<CallDeviceRequest['chargeType']>().toEqualTypeOf<'duration' | 'license'>();
    expectTypeOf<CallDeviceRequest['isCloud']>().toEqualTypeOf<boolean>();
    expectTypeOf<CallDeviceRequestInput['isCloud']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<CallDeviceRequest['encodeVideoFixedLength']>().toEqualTypeOf<0 | 320 | 480 | 640>();
    expectTypeOf<CallDeviceRequest['encodeVideoRotation']>().toEqualTypeOf<0 | 1 | 2>();
    expectTypeOf<CallDeviceRequest['encodeVideoMaxFPS']>().toEqualTypeOf<number>();
    expectTypeOf<CallDeviceRequest['sn']>().toEqualTypeOf<string>();
    expectTypeOf<CallDeviceRequest['nickName']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CallDeviceRequest>().not.toHaveProperty('pushToken');
    expectTypeOf<{ roomType: 'voice'; sn: string; modelId: string }>().toExtend<CallDeviceRequestInput>();
  });
});
