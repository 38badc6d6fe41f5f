import { z } from 'zod';

/**
 * Maximum talk time of a call, counted from `startVoip` (P §3.1, §4, §9.6). Must be > 0.
 *
 * [I] The unit is never documented (P §12.1); this contract treats it as seconds, as integrators do.
 * Fractions are accepted because the reference only says "a number > 0".
 *
 * @example
 * TimeLimit.parse(300); // a five-minute cap
 */
export const TimeLimit = z
  .number({
    invalid_type_error: 'timeLimit must be a number of seconds greater than 0',
  })
  .finite('timeLimit must be a finite number of seconds greater than 0')
  .positive('timeLimit must be greater than 0 (maximum talk time in seconds); omit it for no limit');
/** Maximum talk time of a call, in seconds. */
export type TimeLimit = z.infer<typeof TimeLimit>;
