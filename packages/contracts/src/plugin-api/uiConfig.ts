import { z } from 'zod';

/** Rotation of a rendered picture in degrees: `0` (default), `90`, `180` or `270` (P §5.3). */
export const CameraRotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)], {
  errorMap: () => ({ message: 'cameraRotation must be 0, 90, 180 or 270 (degrees)' }),
});
/** Rotation of a rendered picture in degrees. */
export type CameraRotation = z.infer<typeof CameraRotation>;

/** How a picture fills its container when the ratios differ (P §5.3, plugin ≥ 2.3.8). */
export const ObjectFit = z.enum(['fill', 'contain'], {
  errorMap: () => ({ message: "objectFit must be 'fill' or 'contain'" }),
});
/** How a picture fills its container. */
export type ObjectFit = z.infer<typeof ObjectFit>;

/**
 * How one side's video is rendered on the call page (`callerUI` / `listenerUI` of `setUIConfig`, P §5.3).
 * `enableToggleCamera` only matters in the WeChat client (WMPF always has its camera on, with no toggle).
 *
 * @example
 * UIConfig.parse({ cameraRotation: 90, objectFit: 'contain' });
 */
export const UIConfig = z.object(
  {
    cameraRotation: CameraRotation.default(0),
    aspectRatio: z
      .number({ invalid_type_error: 'aspectRatio must be a number (width / height of the picture container, e.g. 4/3)' })
      .finite('aspectRatio must be a finite number')
      .positive('aspectRatio must be greater than 0 (width / height of the picture container, e.g. 4/3)')
      .default(4 / 3),
    horMirror: z.boolean({ invalid_type_error: 'horMirror must be a boolean' }).default(false),
    vertMirror: z.boolean({ invalid_type_error: 'vertMirror must be a boolean' }).default(false),
    enableToggleCamera: z.boolean({ invalid_type_error: 'enableToggleCamera must be a boolean' }).default(true),
    objectFit: ObjectFit.default('fill'),
  },
  { invalid_type_error: 'callerUI and listenerUI must be objects like { cameraRotation, aspectRatio, objectFit, ... }' },
);
/** How one side's video is rendered, after defaults. */
export type UIConfig = z.infer<typeof UIConfig>;
/** How one side's video is rendered, as the caller writes it. */
export type UIConfigInput = z.input<typeof UIConfig>;
