import { z } from 'zod';
import { ERROR_CATALOGUE } from './catalogue.js';
import type { CatalogueEntry } from './catalogue.js';

const KNOWN_KEYS: ReadonlySet<string> = new Set(ERROR_CATALOGUE.map((entry) => entry.key));

/**
 * True when `value` is a key of the error catalogue.
 *
 * @example
 * isErrorKey('DEVICE_NOT_AUTHORIZED'); // true
 * isErrorKey('NOPE');                  // false
 */
export function isErrorKey(value: unknown): value is CatalogueEntry['key'] {
  return typeof value === 'string' && KNOWN_KEYS.has(value);
}

/**
 * A key of the error catalogue (SCREAMING_SNAKE, e.g. `DEVICE_NOT_AUTHORIZED`); the list is in docs/errors.md.
 *
 * @example
 * ErrorKey.parse('PLUGIN_BUSY'); // 'PLUGIN_BUSY'
 */
export const ErrorKey = z.custom<CatalogueEntry['key']>(isErrorKey, {
  message: 'errorKey must be a key of the error catalogue, e.g. DEVICE_NOT_AUTHORIZED (see docs/errors.md for the list)',
});
/** A key of the error catalogue. */
export type ErrorKey = z.infer<typeof ErrorKey>;
