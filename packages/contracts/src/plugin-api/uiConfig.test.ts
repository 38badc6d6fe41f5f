import { describe, expect, it } from 'vitest';
import { CameraRotation, ObjectFit, UIConfig } from './uiConfig.js';

describe('UIConfig (P §5.3)', () => {
  it('fills the documented defaults', () => {
    expect(UIConfig.parse({})).toEqual({
      cameraRotation: 0,
      aspectRatio: 4 / 3,
      horMirror: false,
      vertMirror: false,
      enableToggleCamera: true,
      objectFit: 'fill',
    });
  });

  it('accepts every documented value', () => {
    for (const rotation of [0, 90, 180, 270]) expect(CameraRotation.parse(rotation)).toBe(rotation);
    expect(ObjectFit.options).toEqual(['fill', 'contain']);
    expect(UIConfig.parse({ aspectRatio: 16 / 9, horMirror: true, objectFit: 'contain' })).toMatchObject({ aspectRatio: 16 / 9, objectFit: 'contain' });
  });

  it.each([
    [{ cameraRotation: 45 }, 'cameraRotation', 'cameraRotation must be 0, 90, 180 or 270'],
    [{ aspectRatio: 0 }, 'aspectRatio', 'aspectRatio must be greater than 0'],
    [{ horMirror: 'no' }, 'horMirror', 'horMirror must be a boolean'],
    [{ objectFit: 'cover' }, 'objectFit', "objectFit must be 'fill' or 'contain'"],
  ])('rejects %j', (input, path, message) => {
    const issue = UIConfig.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual([path]);
    expect(issue?.message).toContain(message);
  });
});
