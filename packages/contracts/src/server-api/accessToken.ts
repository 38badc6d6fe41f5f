import { z } from 'zod';
import { wechatResponse } from './wechatErrorBody.js';

const GrantType = z.literal('client_credential', {
  errorMap: () => ({ message: "grant_type must be 'client_credential', the only grant WeChat's token APIs accept" }),
});
const AppidField = z
  .string({ required_error: 'appid is required', invalid_type_error: 'appid must be a string' })
  .min(1, "appid must not be empty: pass the mini program's AppID");
const SecretField = z
  .string({ required_error: 'secret is required', invalid_type_error: 'secret must be a string' })
  .min(1, "secret must not be empty: pass the mini program's AppSecret");

/**
 * Query of `GET /cgi-bin/token` (getAccessToken, D §4.1).
 *
 * @example
 * GetAccessTokenQuery.parse({ grant_type: 'client_credential', appid: 'wx1234567890abcdef', secret: 's3cr3t' });
 */
export const GetAccessTokenQuery = z.object({ grant_type: GrantType, appid: AppidField, secret: SecretField });
/** Query of `GET /cgi-bin/token`. */
export type GetAccessTokenQuery = z.infer<typeof GetAccessTokenQuery>;

/**
 * Body of `POST /cgi-bin/stable_token` (getStableAccessToken, D §4.2); `force_refresh` defaults to false.
 *
 * @example
 * GetStableAccessTokenRequest.parse({ grant_type: 'client_credential', appid: 'wx1234567890abcdef', secret: 's3cr3t' });
 */
export const GetStableAccessTokenRequest = z.object({
  grant_type: GrantType,
  appid: AppidField,
  secret: SecretField,
  force_refresh: z
    .boolean({ invalid_type_error: 'force_refresh must be a boolean (true invalidates the current stable token)' })
    .default(false),
});
/** Body of `POST /cgi-bin/stable_token`, as parsed (defaults applied). */
export type GetStableAccessTokenRequest = z.infer<typeof GetStableAccessTokenRequest>;
/** Body of `POST /cgi-bin/stable_token`, as sent (`force_refresh` may be left out). */
export type GetStableAccessTokenRequestInput = z.input<typeof GetStableAccessTokenRequest>;

/**
 * Success of both token routes: `{ access_token, expires_in }`, with **no** errcode field (D §4.1, §4.2).
 * `expires_in` is 7200 for `/cgi-bin/token`; for the stable token it is the remaining lifetime (D §9.11).
 *
 * @example
 * AccessTokenSuccess.parse({ access_token: 'ACCESS_TOKEN', expires_in: 7200 });
 */
export const AccessTokenSuccess = z.object({
  access_token: z.string().min(1, 'access_token must not be empty'),
  expires_in: z.number().int('expires_in must be whole seconds').positive('expires_in must be a positive number of seconds'),
});
/** Success of both token routes. */
export type AccessTokenSuccess = z.infer<typeof AccessTokenSuccess>;

/** HTTP 200 body of `GET /cgi-bin/token`: the token or a WeChat error. */
export const GetAccessTokenResponse = wechatResponse(AccessTokenSuccess);
/** HTTP 200 body of `GET /cgi-bin/token`. */
export type GetAccessTokenResponse = z.infer<typeof GetAccessTokenResponse>;

/** HTTP 200 body of `POST /cgi-bin/stable_token`: the token or a WeChat error. */
export const GetStableAccessTokenResponse = wechatResponse(AccessTokenSuccess);
/** HTTP 200 body of `POST /cgi-bin/stable_token`. */
export type GetStableAccessTokenResponse = z.infer<typeof GetStableAccessTokenResponse>;
