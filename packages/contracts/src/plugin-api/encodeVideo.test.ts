import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EncodeVideoFixedLength, EncodeVideoMaxFPS, EncodeVideoRatio, EncodeVideoRotation, encodeVideoFields } from './encodeVideo.js';

describe('encodeVideo* (P §4.2, D §1.8)', () => {
  it('EncodeVideoFixedLength: 0, 320, 480 or 640', () => {
    for (const value of [0, 320, 480, 640]) expect(EncodeVideoFixedLength.parse(value)).toBe(value);
    for (const value of [240, 720, '320']) {
      expect(EncodeVideoFixedLength.safeParse(value).error?.issues[0]?.message).toBe('encodeVideoFixedLength must be 0 (adaptive), 320, 480 or 640 (long edge in pixels)');
    }
  });

  it('EncodeVideoRotation: 0, 1 or 2', () => {
    for (const value of [0, 1, 2]) expect(EncodeVideoRotation.parse(value)).toBe(value);
    expect(EncodeVideoRotation.safeParse(90).error?.issues[0]?.message).toContain('encodeVideoRotation must be 0 (default), 1 (upright stream) or 2');
  });

  it('EncodeVideoRatio: a whole number ≥ 0', () => {
    for (const value of [0, 75, 133]) expect(EncodeVideoRatio.parse(value)).toBe(value);
    expect(EncodeVideoRatio.safeParse(-1).error?.issues[0]?.message).toContain('encodeVideoRatio must be 0 (unset) or a positive whole number');
    expect(EncodeVideoRatio.safeParse(0.75).error?.issues[0]?.message).toContain('encodeVideoRatio must be a whole number');
  });

  it('EncodeVideoMaxFPS: 0 or an integer from 8 to 15', () => {
    for (const value of [0, 8, 12, 15]) expect(EncodeVideoMaxFPS.parse(value)).toBe(value);
    for (const value of [5, 7, 16, 10.5, -8]) {
      expect(EncodeVideoMaxFPS.safeParse(value).error?.issues[0]?.message).toBe('encodeVideoMaxFPS must be 0 (auto) or an integer from 8 to 15');
    }
  });

  it('encodeVideoFields default every field to 0', () => {
    expect(z.object(encodeVideoFields).parse({})).toEqual({
      encodeVideoFixedLength: 0,
      encodeVideoRotation: 0,
      encodeVideoRatio: 0,
      encodeVideoMaxFPS: 0,
    });
  });
});
