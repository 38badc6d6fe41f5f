import { describe, expect, it } from 'vitest';
import { CallParty, CameraStatus } from './callParty.js';

describe('CameraStatus', () => {
  it('accepts 0 (on) and 1 (off)', () => {
    expect([CameraStatus.parse(0), CameraStatus.parse(1)]).toEqual([0, 1]);
  });

  it.each([2, '0', true])('rejects %j', (value) => {
    expect(CameraStatus.safeParse(value).error?.issues[0]?.message).toBe('cameraStatus must be 0 (camera on) or 1 (camera off)');
  });
});

describe('CallParty (P §3.1)', () => {
  it('defaults cameraStatus to 0 and keeps name', () => {
    expect(CallParty.parse({ id: 'o3x', name: 'Mum' })).toEqual({ id: 'o3x', name: 'Mum', cameraStatus: 0 });
  });

  it.each([
    [{}, 'id', 'id is required'],
    [{ id: '' }, 'id', 'id must not be empty'],
    [{ id: 'o3x', name: 7 }, 'name', 'name must be a string'],
  ])('rejects %j', (input, path, message) => {
    const issue = CallParty.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual([path]);
    expect(issue?.message).toContain(message);
  });

  it('rejects a non-object', () => {
    expect(CallParty.safeParse('o3x').error?.issues[0]?.message).toContain('caller and listener must be objects');
  });
});
