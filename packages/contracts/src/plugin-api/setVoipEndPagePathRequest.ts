import { z } from 'zod';
import { queryStringField } from './customQuery.js';

/** Which flow an end page is for (P §5.5): `'Call'` after a call, `'BindContact'` after campus contact binding. */
export const EndPageKey = z.enum(['Call', 'BindContact'], {
  errorMap: () => ({ message: "key must be 'Call' (after a call) or 'BindContact' (after campus contact binding)" }),
});
/** Which flow an end page is for. */
export type EndPageKey = z.infer<typeof EndPageKey>;

/** How the plugin navigates to the end page (P §5.5, plugin ≥ 2.3.9; older plugins redirect). */
export const RouteType = z.enum(['redirectTo', 'switchTab', 'reLaunch'], {
  errorMap: () => ({ message: "routeType must be 'redirectTo', 'switchTab' or 'reLaunch'" }),
});
/** How the plugin navigates to the end page. */
export type RouteType = z.infer<typeof RouteType>;

/**
 * `setVoipEndPagePath(req)` argument (P §5.5). The final path is `url + '?' + options`.
 *
 * @example
 * SetVoipEndPagePathRequest.parse({ url: '/pages/home/home', key: 'Call', options: 'from=call' });
 */
export const SetVoipEndPagePathRequest = z.object(
  {
    url: z
      .string({ required_error: 'url is required: the page path to open when the flow ends' })
      .min(1, 'url must not be empty: it is the page path to open when the flow ends'),
    key: EndPageKey,
    options: queryStringField('options').optional(),
    routeType: RouteType.default('redirectTo'),
  },
  {
    required_error: 'setVoipEndPagePath needs a request object',
    invalid_type_error: 'setVoipEndPagePath needs a request object like { url, key, options?, routeType? }',
  },
);
/** `setVoipEndPagePath` argument after defaults. */
export type SetVoipEndPagePathRequest = z.infer<typeof SetVoipEndPagePathRequest>;
/** `setVoipEndPagePath` argument as the caller writes it. */
export type SetVoipEndPagePathRequestInput = z.input<typeof SetVoipEndPagePathRequest>;
