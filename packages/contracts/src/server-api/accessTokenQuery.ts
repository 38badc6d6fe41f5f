import { z } from 'zod';

/**
 * The query string of every token-protected route: `?access_token=…` (D §4 conventions).
 *
 * `access_token` is optional here on purpose ([I], ADR 0006): a request without it is still routed, so that the
 * mock answers WeChat's own `{ errcode: 41001, errmsg: 'access_token missing' }` instead of a validation 400.
 */
export const WechatAccessTokenQuery = z.object({
  access_token: z
    .string({ invalid_type_error: 'access_token must be a single query-string value' })
    .optional()
    .describe('The access_token from /cgi-bin/token or /cgi-bin/stable_token; when missing WeChat answers errcode 41001'),
});
/** The query string of every token-protected route. */
export type WechatAccessTokenQuery = z.infer<typeof WechatAccessTokenQuery>;
