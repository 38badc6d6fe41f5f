import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransportClient, NotJsonAnswer, type FetchLike } from './transportClient.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A fetch answering every request with `body` and recording what it was asked. */
function fakeFetch(body: string, status = 200): FetchLike & { calls: Parameters<FetchLike>[] } {
  const calls: Parameters<FetchLike>[] = [];
  const fetch = (async (...args: Parameters<FetchLike>) => {
    calls.push(args);
    return { status, text: async () => body };
  }) as FetchLike & { calls: Parameters<FetchLike>[] };
  fetch.calls = calls;
  return fetch;
}

describe('createTransportClient', () => {
  it('sends the contract path, method, namespace header and JSON body through the injected fetch', async () => {
    const fetch = fakeFetch('{"errcode":0,"errmsg":"ok"}');
    const transport = createTransportClient({ baseUrl: 'http://platform.test/', namespace: 'ns-1', fetch });
    const res = await transport.connectParty({ body: { kind: 'vendorCloud', appId: 'wx_demo_app' } as never });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errcode: 0, errmsg: 'ok' });
    const [url, init] = fetch.calls[0]!;
    expect(url).toBe('http://platform.test/__wxvoip/v1/parties');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'x-wxvoip-namespace': 'ns-1', 'content-type': 'application/json' });
    expect(JSON.parse(init.body!)).toEqual({ kind: 'vendorCloud', appId: 'wx_demo_app' });
  });

  it('rejects a body that is not JSON with NotJsonAnswer', async () => {
    const transport = createTransportClient({ baseUrl: 'http://platform.test', fetch: fakeFetch('<html>', 502) });
    await expect(transport.getSelf({ headers: {} as never })).rejects.toBeInstanceOf(NotJsonAnswer);
  });

  it('constructs no Headers per answer: every answer carries the same empty, read-only headers (issue 19)', async () => {
    let constructed = 0;
    const Original = globalThis.Headers;
    vi.stubGlobal(
      'Headers',
      class CountingHeaders extends Original {
        constructor(init?: ConstructorParameters<typeof Headers>[0]) {
          super(init);
          constructed += 1;
        }
      },
    );
    const transport = createTransportClient({ baseUrl: 'http://platform.test', fetch: fakeFetch('{"errcode":0,"errmsg":"ok"}') });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await transport.getSelf({ headers: {} as never }));
    expect(constructed).toBe(0);
    expect(new Set(answers.map((answer) => answer.headers)).size).toBe(1);
    const headers = answers[0]!.headers;
    expect(headers.get('content-type')).toBeNull();
    expect(headers.has('content-type')).toBe(false);
    expect([...headers]).toEqual([]);
    expect(Object.isFrozen(headers)).toBe(true);
  });
});
