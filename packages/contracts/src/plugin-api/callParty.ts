import { z } from 'zod';

/** Whether a party's camera is on when the call starts: `0` on (default), `1` off (P §3.1). */
export const CameraStatus = z.union([z.literal(0), z.literal(1)], {
  errorMap: () => ({ message: 'cameraStatus must be 0 (camera on) or 1 (camera off)' }),
});
/** Whether a party's camera is on when the call starts. */
export type CameraStatus = z.infer<typeof CameraStatus>;

/**
 * One side of an `initByCaller` call (`caller` or `listener`, P §3.1). What `id` holds depends on
 * `businessType` (see `BUSINESS_TYPES`); `name` is ignored when the party is a device (the phone shows the
 * authorized deviceName + model type name instead).
 */
export const CallParty = z.object(
  {
    id: z
      .string({ required_error: 'id is required (an SN, openId or face-pay user_id, depending on businessType)' })
      .min(1, 'id must not be empty (an SN, openId or face-pay user_id, depending on businessType)'),
    name: z.string({ invalid_type_error: 'name must be a string (the display name)' }).optional(),
    cameraStatus: CameraStatus.default(0),
  },
  {
    required_error: 'caller and listener are required: objects like { id, name?, cameraStatus? }',
    invalid_type_error: 'caller and listener must be objects like { id, name?, cameraStatus? }',
  },
);
/** One side of an `initByCaller` call, after defaults. */
export type CallParty = z.infer<typeof CallParty>;
/** One side of an `initByCaller` call, as the caller writes it. */
export type CallPartyInput = z.input<typeof CallParty>;
