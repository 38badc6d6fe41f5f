import { z } from 'zod';

/**
 * A developer query string appended to the plugin call page path, in the form `a=1&b=2` (P §3.1, §4.1, D §2.1).
 * It is appended as given, so it must not start with `?` or `&` and must not contain `#`. An empty string
 * means "no custom query". Looser than plugin-api's `queryStringField` on purpose: it also reads back whatever a
 * WMPF path or an RTOS device carries (e.g. a bare `flag` without `=`).
 *
 * @example
 * customQueryField('custom_query').parse('callId=42&ratio=16:9');
 */
export function customQueryField(field: string) {
  return z
    .string({ invalid_type_error: `${field} must be a query string like a=1&b=2` })
    .refine((q) => !q.startsWith('?') && !q.startsWith('&'), {
      message: `${field} must be a query string like a=1&b=2, without a leading '?' or '&' (it is appended after the plugin's own parameters)`,
    })
    .refine((q) => !q.includes('#'), { message: `${field} must not contain '#': it would cut the call page path short` });
}

