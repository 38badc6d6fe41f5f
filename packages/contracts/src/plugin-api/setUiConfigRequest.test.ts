import { describe, expect, expectTypeOf, it } from 'vitest';
import { CustomBoxHeight, SetUIConfigRequest } from './setUiConfigRequest.js';
import type { SetUIConfigRequestInput } from './setUiConfigRequest.js';

describe('SetUIConfigRequest (P §5.3)', () => {
  it('fills the documented defaults and leaves absent UI configs absent', () => {
    expect(SetUIConfigRequest.parse({})).toEqual({ handsFree: true, isSelfWindowMax: false, customBoxHeight: '90vh' });
  });

  it('fills defaults inside a given callerUI / listenerUI', () => {
    const parsed = SetUIConfigRequest.parse({ btnText: 'Open door', listenerUI: { cameraRotation: 90 } });
    expect(parsed.listenerUI).toMatchObject({ cameraRotation: 90, objectFit: 'fill' });
    expect(parsed.btnText).toBe('Open door');
  });

  it('accepts only 70vh and 90vh as customBoxHeight', () => {
    expect(CustomBoxHeight.options).toEqual(['70vh', '90vh']);
    const issue = SetUIConfigRequest.safeParse({ customBoxHeight: '75vh' }).error?.issues[0];
    expect(issue).toMatchObject({ path: ['customBoxHeight'], message: expect.stringContaining("customBoxHeight must be '70vh' or '90vh'") });
  });

  it.each([
    [{ handsFree: 'yes' }, ['handsFree'], 'handsFree must be a boolean'],
    [{ isSelfWindowMax: 1 }, ['isSelfWindowMax'], 'isSelfWindowMax must be a boolean'],
    [{ callerUI: { cameraRotation: 30 } }, ['callerUI', 'cameraRotation'], 'cameraRotation must be 0, 90, 180 or 270'],
    [{ listenerUI: 'big' }, ['listenerUI'], 'callerUI and listenerUI must be objects'],
    [{ btnText: 3 }, ['btnText'], 'btnText must be a string'],
  ])('rejects %j', (input, path, message) => {
    expect(SetUIConfigRequest.safeParse(input).error?.issues[0]).toMatchObject({ path, message: expect.stringContaining(message) });
  });

  it('types: defaults optional on input', () => {
    expectTypeOf<SetUIConfigRequestInput['handsFree']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<SetUIConfigRequest['handsFree']>().toEqualTypeOf<boolean>();
    expectTypeOf<SetUIConfigRequest['customBoxHeight']>().toEqualTypeOf<'70vh' | '90vh'>();
  });
});
