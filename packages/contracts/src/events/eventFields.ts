import { z } from 'zod';

/**
 * A required string field whose messages name the field (`<field> is required`, `<field> must be a string`).
 *
 * @example
 * text('callerId').parse('o_abc');
 */
export function text(field: string) {
  return z.string({ required_error: `${field} is required`, invalid_type_error: `${field} must be a string` });
}

/**
 * A `keepTime` duration in seconds: a finite number ≥ 0. P §12.1 never states the unit; integrators
 * treat it as seconds, and so do we (ADR 0004). It is not forced to an integer, so that a fractional
 * value from a real host still parses.
 */
export function keepTimeSeconds(meaning: string) {
  return z
    .number({ required_error: `keepTime is required (${meaning})`, invalid_type_error: `keepTime must be a number of seconds (${meaning})` })
    .finite(`keepTime must be a finite number of seconds (${meaning})`)
    .nonnegative(`keepTime must be 0 or more seconds (${meaning})`);
}

/**
 * The `data` of an event that documents no payload: absent, or an empty object. Any key is rejected
 * with a message naming the event. Accepting `{}` is our choice (ADR 0004): P §7 says "none".
 */
export function noData(eventName: string) {
  return z
    .record(
      z.string(),
      z.never({ message: `${eventName} carries no data fields: remove this key (P §7 documents no payload for ${eventName})` }),
      { invalid_type_error: `${eventName} carries no data: omit data or pass an empty object` },
    )
    .optional();
}
