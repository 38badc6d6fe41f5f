import { describe, expect, it } from 'vitest';
import { ENCODING_AES_KEY_LENGTH, EncodingAesKey, PushConfig, PushToken, PushUrl } from './pushConfig.js';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

describe('EncodingAesKey', () => {
  it('accepts 43 base64 characters', () => {
    expect(KEY).toHaveLength(ENCODING_AES_KEY_LENGTH);
    expect(EncodingAesKey.parse(KEY)).toBe(KEY);
    expect(EncodingAesKey.parse(`${'+/'.repeat(21)}A`)).toHaveLength(43);
  });

  it.each([
    [KEY.slice(1), 'exactly 43 characters'],
    [`${KEY}=`, 'exactly 43 characters'],
    [`${KEY.slice(1)}=`, 'base64 characters'],
    [`${KEY.slice(1)}-`, 'base64 characters'],
  ])('rejects %j', (key, fragment) => {
    const message = EncodingAesKey.safeParse(key).error?.issues[0]?.message;
    expect(message).toContain('encodingAESKey');
    expect(message).toContain(fragment);
  });
});

describe('PushToken and PushUrl', () => {
  it('takes a 3–32 character alphanumeric token', () => {
    expect(PushToken.parse('demoToken')).toBe('demoToken');
    expect(PushToken.safeParse('ab').error?.issues[0]?.message).toContain('3–32 letters or digits');
    expect(PushToken.safeParse('has space').success).toBe(false);
  });

  it('takes an http(s) URL on any port', () => {
    expect(PushUrl.parse('http://127.0.0.1:3000/cb')).toBe('http://127.0.0.1:3000/cb');
    expect(PushUrl.safeParse('/cb').error?.issues[0]?.message).toContain('absolute URL');
    expect(PushUrl.safeParse('ftp://host/cb').error?.issues[0]?.message).toContain('http or https');
  });
});

describe('PushConfig', () => {
  it('defaults to secure JSON', () => {
    expect(PushConfig.parse({ url: 'https://dev.example.com/cb', token: 'tok', encodingAESKey: KEY })).toEqual({
      url: 'https://dev.example.com/cb',
      token: 'tok',
      encodingAESKey: KEY,
      mode: 'secure',
      format: 'json',
    });
  });

  it('names the failing field', () => {
    const issue = PushConfig.safeParse({ url: 'https://x.example/cb', token: 'tok', encodingAESKey: 'short' }).error?.issues[0];
    expect(issue?.path).toEqual(['encodingAESKey']);
    const mode = PushConfig.safeParse({ url: 'https://x.example/cb', token: 'tok', encodingAESKey: KEY, mode: 'aes' }).error?.issues[0];
    expect(mode?.path).toEqual(['mode']);
    expect(mode?.message).toContain("'plaintext', 'compatible' or 'secure'");
  });
});
