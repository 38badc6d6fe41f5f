import { z } from 'zod';

/**
 * Long edge, in pixels, of the video WeChat encodes for the device (P §4.2, D §1.8): `0` lets WeChat adapt
 * (default), or `320`, `480`, `640`. Device-side twin: `subscribe_video_length`.
 */
export const EncodeVideoFixedLength = z.union([z.literal(0), z.literal(320), z.literal(480), z.literal(640)], {
  errorMap: () => ({ message: 'encodeVideoFixedLength must be 0 (adaptive), 320, 480 or 640 (long edge in pixels)' }),
});
/** Long edge of WeChat's encoded video. */
export type EncodeVideoFixedLength = z.infer<typeof EncodeVideoFixedLength>;

/**
 * Rotation handling of WeChat's encoded video (P §4.2, D §1.8): `0` default, `1` send an upright stream,
 * `2` keep the camera's rotated stream.
 */
export const EncodeVideoRotation = z.union([z.literal(0), z.literal(1), z.literal(2)], {
  errorMap: () => ({ message: 'encodeVideoRotation must be 0 (default), 1 (upright stream) or 2 (keep the rotated stream)' }),
});
/** Rotation handling of WeChat's encoded video. */
export type EncodeVideoRotation = z.infer<typeof EncodeVideoRotation>;

/**
 * Aspect ratio of WeChat's encoded video as width / height × 100, e.g. `75` for 240×320; `0` = unset
 * (P §4.2, D §1.8). [I] Must be a whole number ≥ 0; no upper bound is documented.
 */
export const EncodeVideoRatio = z
  .number({ invalid_type_error: 'encodeVideoRatio must be a number (width / height × 100, e.g. 75 for 240x320)' })
  .int('encodeVideoRatio must be a whole number (width / height × 100, e.g. 75 for 240x320)')
  .nonnegative('encodeVideoRatio must be 0 (unset) or a positive whole number (width / height × 100)');
/** Aspect ratio of WeChat's encoded video (width / height × 100). */
export type EncodeVideoRatio = z.infer<typeof EncodeVideoRatio>;

/**
 * Maximum frame rate of WeChat's encoded video: `0` = unset, otherwise 8–15 (P §4.2). The Linux SDK header
 * says 5–15 for its own twin (D §9.10); the plugin's documented range is used here.
 */
export const EncodeVideoMaxFPS = z
  .number({ invalid_type_error: 'encodeVideoMaxFPS must be 0 (auto) or an integer from 8 to 15' })
  .refine((fps) => fps === 0 || (Number.isInteger(fps) && fps >= 8 && fps <= 15), {
    message: 'encodeVideoMaxFPS must be 0 (auto) or an integer from 8 to 15',
  });
/** Maximum frame rate of WeChat's encoded video. */
export type EncodeVideoMaxFPS = z.infer<typeof EncodeVideoMaxFPS>;

/**
 * The four `encodeVideo*` fields of `callDevice` with their documented defaults (all `0`), plugin ≥ 2.4.5
 * and WeChat ≥ 8.0.54 (P §4.2, §11; D §1.8). Spread into a request object's shape.
 */
export const encodeVideoFields = {
  encodeVideoFixedLength: EncodeVideoFixedLength.default(0),
  encodeVideoRotation: EncodeVideoRotation.default(0),
  encodeVideoRatio: EncodeVideoRatio.default(0),
  encodeVideoMaxFPS: EncodeVideoMaxFPS.default(0),
};
