import { z } from 'zod';
import { SN_MAX_BYTES } from '../common/identifiers.js';

/** A required C string field (`char*`): a non-empty string whose messages name the C field. */
export function cString(field: string, meaning: string) {
  return z
    .string({ required_error: `${field} is required (${meaning})`, invalid_type_error: `${field} must be a string (${meaning})` })
    .min(1, `${field} must not be empty (${meaning})`);
}

/** A C string field that may be NULL: a string, or `null` for NULL. */
export function cNullableString(field: string, meaning: string) {
  return z
    .string({ invalid_type_error: `${field} must be a string or null for NULL (${meaning})` })
    .min(1, `${field} must not be empty: pass null for NULL (${meaning})`)
    .nullable();
}

/** A `device_id` field: the device SN, 1–128 bytes of `[0-9A-Za-z_-]` (D §0.3). */
export function deviceIdField(field = 'device_id') {
  return cString(field, 'the device SN')
    .max(SN_MAX_BYTES, `${field} (the SN) must be at most ${SN_MAX_BYTES} bytes`)
    .regex(/^[0-9A-Za-z_-]+$/, `${field} (the SN) may only contain [0-9A-Za-z_-]`);
}

/** A `wxa_appid` field: the mini program that places and receives the calls. */
export function wxaAppIdField(field = 'wxa_appid') {
  return cString(field, 'the mini program AppID').regex(/^[0-9A-Za-z_-]+$/, `${field} may only contain [0-9A-Za-z_-]`);
}

/** An opaque developer `payload` (`char*`): any string, or `null` for NULL; defaults to NULL. */
export function payloadField(field = 'payload') {
  return z
    .string({ invalid_type_error: `${field} must be a string, or null for NULL (an opaque developer string)` })
    .nullable()
    .default(null);
}
