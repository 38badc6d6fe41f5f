import { z } from 'zod';

/**
 * The documented `a=1&b=2` form: one or more `key=value` pairs joined by `&`.
 * [I] Keys are non-empty and hold no `=`, `&`, `?`, `#` or whitespace; values may be empty and hold no
 * `&`, `#` or whitespace (encode them with `encodeURIComponent`). A leading `?` is not part of the form.
 */
const QUERY_STRING_FORM = /^[^&=?#\s]+=[^&#\s]*(?:&[^&=?#\s]+=[^&#\s]*)*$/;

/**
 * Builds the schema of a query-string field in the `a=1&b=2` form, with messages naming `field`.
 *
 * @example
 * queryStringField('options').parse('from=call&id=7');
 */
export function queryStringField(field: string) {
  return z
    .string({ invalid_type_error: `${field} must be a string in the form a=1&b=2` })
    .regex(
      QUERY_STRING_FORM,
      `${field} must be in the form a=1&b=2: key=value pairs joined by '&', with no leading '?' and no spaces or '#' (encode values with encodeURIComponent)`,
    );
}

/**
 * Query appended to the plugin page path on the listener side (P §3.1, §4.1); the listener reads it with
 * `getPluginOnloadOptions` / `getPluginEnterOptions`.
 *
 * @example
 * CustomQuery.parse('callSeq=1700000000&from=door');
 */
export const CustomQuery = queryStringField('customQuery');
/** Query appended to the plugin page path on the listener side. */
export type CustomQuery = z.infer<typeof CustomQuery>;
