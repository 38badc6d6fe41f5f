import { describe, expect, it } from 'vitest';
import type { VerifyPushUrlResult } from '../http/callbacks/verifyPushUrl.js';
import { followingPushUrl } from '../platform/mockPlatform.js';
import { pushUrlLine } from './pushUrlLine.js';

const query = { signature: 's', timestamp: '1', nonce: 'n', echostr: 'e' };
const url = 'http://127.0.0.1:3001/wechat/callback?signature=s&timestamp=1&nonce=n&echostr=e';

describe('pushUrlLine', () => {
  it('says verified, or how to start a vendor cloud when nobody answers, without the query', () => {
    const ok: VerifyPushUrlResult = { ok: true, url, query, status: 200, body: 'e', reason: 'echoed', detail: '' };
    const down: VerifyPushUrlResult = { ok: false, url, query, status: null, body: null, reason: 'network', detail: 'ECONNREFUSED' };
    expect(pushUrlLine('http://127.0.0.1:3000', 'wx_demo_app', ok, 'npx')).toBe('http://127.0.0.1:3001/wechat/callback (verified: it echoed echostr)');
    expect(pushUrlLine('http://127.0.0.1:3000', 'wx_demo_app', down, 'pnpm exec')).toBe(
      'http://127.0.0.1:3001/wechat/callback: no vendor cloud there yet; start one: pnpm exec wxvoip-rtos vendor-cloud --platform http://127.0.0.1:3000',
    );
    expect(pushUrlLine('http://127.0.0.1:3000', 'wx_mine', down, 'npx')).toContain('--platform http://127.0.0.1:3000 --app wx_mine');
  });

  it('says what answered wrongly', () => {
    const wrong: VerifyPushUrlResult = { ok: false, url, query, status: 500, body: '', reason: 'httpStatus', detail: 'HTTP 500: the server must answer 200 with the raw echostr' };
    expect(pushUrlLine('http://127.0.0.1:3000', 'wx_demo_app', wrong, 'npx')).toBe('http://127.0.0.1:3001/wechat/callback: verification failed: HTTP 500: the server must answer 200 with the raw echostr');
  });
});

describe('followingPushUrl', () => {
  it('is the demo path one port above the platform, on a loopback address for a wildcard bind', () => {
    expect(followingPushUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3001/wechat/callback');
    expect(followingPushUrl('http://0.0.0.0:4000')).toBe('http://127.0.0.1:4001/wechat/callback');
    expect(followingPushUrl('http://127.0.0.1:65535')).toBe('http://127.0.0.1:65534/wechat/callback');
  });
});
