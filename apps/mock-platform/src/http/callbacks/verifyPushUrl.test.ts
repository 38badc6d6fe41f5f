import { createHash } from 'node:crypto';
import { PushVerifyQuery } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { CallbackFetch } from './callbackSender.js';
import { buildVerifyRequest, verifyPushUrl } from './verifyPushUrl.js';

const CONFIG = { url: 'http://developer.test/wechat/callback', token: 'demoToken' };
const FIXED = { now: () => 1_767_225_600_999, nonce: '1234567890', echostr: '5838479218127813673' };
const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

/** A fake developer server: `respond` gets the query WeChat sent. */
function server(respond: (query: Record<string, string>) => { status: number; body: string }): { fetch: CallbackFetch; methods: string[] } {
  const methods: string[] = [];
  return {
    methods,
    fetch: async (url, init) => {
      methods.push(init.method);
      const { status, body } = respond(Object.fromEntries(new URL(url).searchParams));
      return { status, text: async () => body };
    },
  };
}

/** A well-behaved developer server: checks the signature independently and echoes. */
const honest = () =>
  server((q) =>
    q['signature'] === sha1(['demoToken', q['timestamp'] ?? '', q['nonce'] ?? '']) ? { status: 200, body: q['echostr'] ?? '' } : { status: 403, body: 'bad signature' },
  );

describe('buildVerifyRequest', () => {
  it('signs timestamp and nonce with the token, as D §4.13 says', () => {
    const { url, query } = buildVerifyRequest(CONFIG, { now: 1_767_225_600_999, nonce: '1234567890', echostr: 'echo-1' });
    expect(PushVerifyQuery.parse(query)).toEqual(query);
    expect(query).toEqual({ signature: '6894fd3ce849522b5ff8c4bd0da60ecd15e4ce54', timestamp: '1767225600', nonce: '1234567890', echostr: 'echo-1' });
    expect(url).toBe(`${CONFIG.url}?signature=${query.signature}&timestamp=1767225600&nonce=1234567890&echostr=echo-1`);
  });
});

describe('verifyPushUrl', () => {
  it('succeeds when the server GETs back exactly the echostr', async () => {
    const dev = honest();
    const result = await verifyPushUrl(CONFIG, { ...FIXED, fetch: dev.fetch });
    expect(result).toMatchObject({ ok: true, reason: 'echoed', status: 200, body: FIXED.echostr });
    expect(dev.methods).toEqual(['GET']);
  });

  it('generates a numeric nonce and echostr by default', async () => {
    const result = await verifyPushUrl(CONFIG, { fetch: honest().fetch });
    expect(result.ok).toBe(true);
    expect(result.query?.nonce).toMatch(/^\d{10}$/);
    expect(result.query?.echostr).toMatch(/^\d{19}$/);
  });

  it('fails with echoMismatch when the echo is not exact (a trailing newline, JSON quotes)', async () => {
    for (const body of [`${FIXED.echostr}\n`, JSON.stringify(FIXED.echostr), 'success']) {
      const result = await verifyPushUrl(CONFIG, { ...FIXED, fetch: server(() => ({ status: 200, body })).fetch });
      expect(result).toMatchObject({ ok: false, reason: 'echoMismatch', status: 200 });
      expect(result.detail).toContain('answer with the raw echostr only');
    }
  });

  it('fails with httpStatus when the server refuses the signature', async () => {
    const wrongToken = { ...CONFIG, token: 'otherToken' };
    const result = await verifyPushUrl(wrongToken, { ...FIXED, fetch: honest().fetch });
    expect(result).toMatchObject({ ok: false, reason: 'httpStatus', status: 403, body: 'bad signature' });
  });

  it('fails with network, timeout or badUrl, never throwing', async () => {
    const refused: CallbackFetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    };
    expect(await verifyPushUrl(CONFIG, { ...FIXED, fetch: refused })).toMatchObject({
      ok: false,
      reason: 'network',
      detail: `could not reach ${CONFIG.url}: fetch failed: connect ECONNREFUSED`,
    });
    const silent: CallbackFetch = () => new Promise(() => undefined);
    expect(await verifyPushUrl(CONFIG, { ...FIXED, fetch: silent, timeoutMs: 10 })).toMatchObject({ ok: false, reason: 'timeout', status: null });
    expect(await verifyPushUrl({ url: 'not a url', token: 'demoToken' }, { ...FIXED, fetch: honest().fetch })).toMatchObject({ ok: false, reason: 'badUrl', query: null });
  });
});
