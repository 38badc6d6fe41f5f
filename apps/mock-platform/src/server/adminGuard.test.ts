/**
 * Finding 5 of issue 13: any web page could drive the control API (a cross-site text/plain POST needs no preflight,
 * the Host header was not checked, and `--host 0.0.0.0` opened it to the network). These requests are refused now,
 * with RFC 7807 problems that say why.
 */
import { demoSeed, ProblemDetails } from '@wxvoip/contracts';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { AdminTokenRequiredError, startMockPlatform } from '../platform/mockPlatform.js';
import { isLoopbackHost } from '../http/adminRefusal.js';
import { createServer } from './createServer.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function server(options: { adminToken?: string; loopback?: boolean } = {}): Promise<FastifyInstance> {
  app = await createServer({ core: new PlatformCore({ seed: demoSeed }), docs: false, ...options });
  return app;
}

function problemOf(body: string): ProblemDetails {
  return ProblemDetails.parse(JSON.parse(body));
}

describe('state-changing control requests must be JSON', () => {
  it('refuses a text/plain POST (no CORS preflight) with 415 and changes nothing', async () => {
    const a = await server();
    const res = await a.inject({ method: 'POST', url: '/__admin/faults', headers: { 'content-type': 'text/plain' }, payload: '{"kind":"error","operation":"wechat.getAccessToken","errcode":40013}' });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(problemOf(res.body)).toMatchObject({ type: 'urn:wxvoip:problem:unsupported-media-type', detail: expect.stringContaining('application/json') });
    const faults = await a.inject({ method: 'GET', url: '/__admin/faults' });
    expect(JSON.parse(faults.body)).toEqual({ faults: [] });
  });

  it('refuses a form post and a body with no Content-Type, accepts JSON and a bodyless POST', async () => {
    const a = await server();
    const form = await a.inject({ method: 'POST', url: '/__admin/reset', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'to=empty' });
    expect(form.statusCode).toBe(415);
    const untyped = await a.inject({ method: 'POST', url: '/__admin/reset', payload: Buffer.from('{"to":"empty"}') });
    expect(untyped.statusCode).toBe(415);
    const json = await a.inject({ method: 'POST', url: '/__admin/reset', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: '{"to":"seed"}' });
    expect(json.statusCode).toBe(200);
    // A bodyless POST passes the guard and reaches the route (which wants a body here: its validation answers).
    const bodyless = await a.inject({ method: 'POST', url: '/__admin/reset', headers: { 'content-type': 'text/plain' } });
    expect(problemOf(bodyless.body).type).toBe('urn:wxvoip:problem:validation');
  });

  it('leaves the emulated WeChat routes reading any Content-Type as JSON', async () => {
    const a = await server();
    const res = await a.inject({ method: 'POST', url: '/cgi-bin/stable_token', headers: { 'content-type': 'text/plain' }, payload: '{"grant_type":"client_credential","appid":"wx_demo_app","secret":"demo-app-secret"}' });
    expect(JSON.parse(res.body)).toMatchObject({ expires_in: 7200 });
  });
});

describe('Origin', () => {
  it('refuses a request from another origin with 403, even a GET', async () => {
    const a = await server();
    const post = await a.inject({ method: 'POST', url: '/__admin/reset', headers: { origin: 'http://evil.example', 'content-type': 'text/plain', host: '127.0.0.1:3000' }, payload: '{"to":"empty"}' });
    expect(post.statusCode).toBe(403);
    expect(problemOf(post.body)).toMatchObject({ type: 'urn:wxvoip:problem:foreign-origin', detail: expect.stringContaining('http://evil.example') });
    const get = await a.inject({ method: 'GET', url: '/__admin/seed', headers: { origin: 'null', host: '127.0.0.1:3000' } });
    expect(get.statusCode).toBe(403);
  });

  it("accepts the platform's own origin (the inspector page)", async () => {
    const a = await server();
    const res = await a.inject({ method: 'POST', url: '/__admin/clock/advance', headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'content-type': 'application/json' }, payload: '{"ms":1000}' });
    expect(res.statusCode).toBe(200);
  });
});

describe('Host on loopback (DNS rebinding)', () => {
  it('refuses a Host that is not a loopback name, and the inspector page too', async () => {
    const a = await server();
    for (const url of ['/__admin/seed', '/__inspector']) {
      const res = await a.inject({ method: 'GET', url, headers: { host: 'rebind.evil.example:3000' } });
      expect(res.statusCode).toBe(403);
      expect(problemOf(res.body)).toMatchObject({ type: 'urn:wxvoip:problem:host-not-allowed', detail: expect.stringContaining('rebind.evil.example') });
    }
  });

  it('accepts localhost, *.localhost, 127.x and [::1]', async () => {
    const a = await server();
    for (const host of ['localhost:3000', 'app.localhost', '127.0.0.1:3000', '127.1.2.3', '[::1]:3000']) {
      const res = await a.inject({ method: 'GET', url: '/__admin/info', headers: { host } });
      expect([host, res.statusCode]).toEqual([host, 200]);
    }
  });

  it('leaves WeChat and transport routes to any Host', async () => {
    const a = await server();
    const res = await a.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret', headers: { host: 'api.weixin.qq.com' } });
    expect(JSON.parse(res.body)).toMatchObject({ expires_in: 7200 });
  });

  it('knows which bind addresses are loopback', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.1.example.com', '1127.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('the admin token', () => {
  it('is required by startMockPlatform on any host but loopback (nothing listens without it)', async () => {
    await expect(startMockPlatform({ host: '0.0.0.0', port: 0 })).rejects.toBeInstanceOf(AdminTokenRequiredError);
    await expect(startMockPlatform({ host: '0.0.0.0', port: 0 })).rejects.toThrow(/--admin-token/);
  });

  it('guards every /__admin and /__inspector request off loopback: 401 with WWW-Authenticate, then Bearer, Basic or the header', async () => {
    const a = await server({ adminToken: 's3cret-token', loopback: false });
    const none = await a.inject({ method: 'GET', url: '/__admin/seed', headers: { host: '192.168.1.10:3000' } });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic realm="wxvoip admin"/);
    expect(problemOf(none.body)).toMatchObject({ type: 'urn:wxvoip:problem:admin-token-required', detail: expect.stringContaining('no admin token') });
    const wrong = await a.inject({ method: 'GET', url: '/__admin/seed', headers: { host: '192.168.1.10:3000', authorization: 'Bearer nope' } });
    expect(problemOf(wrong.body).detail).toContain('wrong');
    const inspector = await a.inject({ method: 'GET', url: '/__inspector', headers: { host: '192.168.1.10:3000' } });
    expect(inspector.statusCode).toBe(401);
    for (const headers of [{ authorization: 'Bearer s3cret-token' }, { authorization: `Basic ${Buffer.from('admin:s3cret-token').toString('base64')}` }, { 'x-wxvoip-admin-token': 's3cret-token' }]) {
      const ok = await a.inject({ method: 'GET', url: '/__admin/seed', headers: { host: '192.168.1.10:3000', ...headers } });
      expect(ok.statusCode).toBe(200);
    }
    const page = await a.inject({ method: 'GET', url: '/__inspector', headers: { host: '192.168.1.10:3000', authorization: 'Bearer s3cret-token' } });
    expect(page.statusCode).toBe(200);
    const wechat = await a.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret', headers: { host: '192.168.1.10:3000' } });
    expect(JSON.parse(wechat.body)).toMatchObject({ expires_in: 7200 });
  });

  it('is sent by the typed control client of a platform that has one', async () => {
    const { createMockPlatform } = await import('../platform/mockPlatform.js');
    const platform = await createMockPlatform({ adminToken: 't0ken' });
    try {
      const info = await platform.control().getInfo();
      expect(info.status).toBe(200);
      const bare = await platform.app.inject({ method: 'GET', url: '/__admin/info' });
      expect(bare.statusCode).toBe(401);
    } finally {
      await platform.close();
    }
  });
});
