import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it, vi } from 'vitest';
import { defaultFetch, isNodeOwnFetch } from './defaultFetch.js';

const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' };

describe('isNodeOwnFetch', () => {
  it("recognizes Node's own global fetch", () => {
    expect(isNodeOwnFetch(globalThis.fetch)).toBe(true);
  });

  it('refuses a test double, a look-alike named fetch, and what is not a function', () => {
    expect(isNodeOwnFetch(vi.fn())).toBe(false);
    expect(isNodeOwnFetch(async function fetch() {
      return new Response('{}');
    })).toBe(false);
    expect(isNodeOwnFetch(undefined)).toBe(false);
    expect(isNodeOwnFetch('fetch')).toBe(false);
  });
});

describe('defaultFetch', () => {
  it('calls a global fetch that replaced Node\'s own (a test double), at call time', async () => {
    const double = vi.fn(async () => new Response('{"errcode":0}', { status: 200 }));
    vi.stubGlobal('fetch', double);
    try {
      const res = await defaultFetch('http://platform.test/x', init);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{"errcode":0}');
      expect(double).toHaveBeenCalledWith('http://platform.test/x', init);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("is intercepted by msw's setupServer, which replaces the global fetch", async () => {
    const server = setupServer(http.post('http://platform.test/echo', async ({ request }) => HttpResponse.json({ got: await request.json() })));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const res = await defaultFetch('http://platform.test/echo', init);
      expect(JSON.parse(await res.text())).toEqual({ got: { a: 1 } });
    } finally {
      server.close();
    }
  });
});
