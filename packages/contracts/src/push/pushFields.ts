import { z } from 'zod';

/** A required, non-empty string field of a pushed message; messages name the field and what it holds. */
export function pushText(field: string, meaning: string) {
  return z
    .string({ required_error: `${field} is required (${meaning})`, invalid_type_error: `${field} must be a string (${meaning})` })
    .min(1, `${field} must not be empty (${meaning})`);
}
