import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AccessTokenSuccess,
  GetAccessTokenQuery,
  GetAccessTokenResponse,
  GetStableAccessTokenRequest,
  GetStableAccessTokenResponse,
  type GetStableAccessTokenRequestInput,
} from './accessToken.js';
import { ACCESS_TOKEN_EXPIRES_IN } from './serverApiLimits.js';

// Request and response examples built from the field lists of D §4.1 and §4.2.
const tokenQuery = { grant_type: 'client_credential', appid: 'wx1234567890abcdef', secret: 'APPSECRET' };

describe('GET /cgi-bin/token query (D §4.1)', () => {
  it('parses the documented grant_type, appid and secret', () => {
    expect(GetAccessTokenQuery.parse(tokenQuery)).toEqual(tokenQuery);
  });

  it.each([
    [{ ...tokenQuery, grant_type: 'authorization_code' }, 'grant_type', "grant_type must be 'client_credential'"],
    [{ grant_type: 'client_credential', secret: 'APPSECRET' }, 'appid', 'appid is required'],
    [{ ...tokenQuery, appid: '' }, 'appid', 'appid must not be empty'],
    [{ grant_type: 'client_credential', appid: 'wx1234567890abcdef' }, 'secret', 'secret is required'],
    [{ ...tokenQuery, secret: '' }, 'secret', 'secret must not be empty'],
  ])('rejects %j on %s', (query, path, message) => {
    const result = GetAccessTokenQuery.safeParse(query);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message: expect.stringContaining(message) }));
  });
});

describe('POST /cgi-bin/stable_token body (D §4.2)', () => {
  it('defaults force_refresh to false', () => {
    expect(GetStableAccessTokenRequest.parse(tokenQuery)).toEqual({ ...tokenQuery, force_refresh: false });
    expect(GetStableAccessTokenRequest.parse({ ...tokenQuery, force_refresh: true }).force_refresh).toBe(true);
  });

  it('rejects a force_refresh that is not a boolean', () => {
    const result = GetStableAccessTokenRequest.safeParse({ ...tokenQuery, force_refresh: 'true' });
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ path: ['force_refresh'], message: expect.stringContaining('force_refresh must be a boolean') }),
    );
  });

  it('takes force_refresh as optional on input and as a boolean once parsed', () => {
    expectTypeOf<GetStableAccessTokenRequestInput['force_refresh']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<GetStableAccessTokenRequest['force_refresh']>().toEqualTypeOf<boolean>();
  });
});

describe('token responses (D §4.1, §4.2)', () => {
  it('parse the success without an errcode field', () => {
    const classic = { access_token: 'ACCESS_TOKEN', expires_in: ACCESS_TOKEN_EXPIRES_IN };
    expect(GetAccessTokenResponse.parse(classic)).toEqual(classic);
    // The stable token answers its remaining lifetime (D §4.2 example: 345).
    expect(GetStableAccessTokenResponse.parse({ access_token: 'ACCESS_TOKEN', expires_in: 345 })).toEqual({
      access_token: 'ACCESS_TOKEN',
      expires_in: 345,
    });
    expectTypeOf<AccessTokenSuccess>().toEqualTypeOf<{ access_token: string; expires_in: number }>();
  });

  it('parse the error body', () => {
    expect(GetAccessTokenResponse.parse({ errcode: 40125, errmsg: 'invalid appsecret' })).toEqual({
      errcode: 40125,
      errmsg: 'invalid appsecret',
    });
  });

  it('reject an empty token or a non-positive lifetime', () => {
    expect(AccessTokenSuccess.safeParse({ access_token: '', expires_in: 7200 }).error?.issues[0]?.path).toEqual(['access_token']);
    const result = AccessTokenSuccess.safeParse({ access_token: 'T', expires_in: 0 });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ['expires_in'], message: expect.stringContaining('positive') }));
    expect(GetAccessTokenResponse.safeParse({ access_token: 'T', expires_in: 0 }).success).toBe(false);
  });
});
