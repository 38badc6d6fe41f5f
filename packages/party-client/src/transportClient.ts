import { initClient, type ApiFetcherArgs } from '@ts-rest/core';
import { NAMESPACE_HEADER, platformTransportContract } from '@wxvoip/contracts';
import { defaultFetch } from './defaultFetch.js';

/** What {@link FetchLike} resolves to: the part of a WHATWG `Response` the client reads. */
export interface FetchResponseLike {
  /** HTTP status. */
  readonly status: number;
  /** The body as text. */
  text(): Promise<string>;
}

/** The `fetch` the client uses: the global one, msw's interception of it, or any WHATWG-compatible function. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<FetchResponseLike>;

/** Options of {@link createTransportClient}. */
export interface TransportClientOptions {
  /** Base URL of the platform, e.g. `http://127.0.0.1:4123` (no trailing slash needed). */
  readonly baseUrl: string;
  /** Tenant namespace, sent as the `x-wxvoip-namespace` header; absent = the default namespace. */
  readonly namespace?: string | undefined;
  /**
   * The fetch to use. Default: {@link defaultFetch}, `node:http` with a keep-alive agent while the global `fetch` is
   * Node's own, otherwise the global `fetch` at call time (msw, test doubles, browsers, mini programs).
   */
  readonly fetch?: FetchLike | undefined;
}

/** An HTTP answer whose body is not JSON (thrown by the fetcher, read by the party client). */
export class NotJsonAnswer extends Error {
  override readonly name = 'NotJsonAnswer';

  constructor(
    /** HTTP status. */
    readonly status: number,
    /** The start of the body. */
    readonly text: string,
  ) {
    super(`HTTP ${status} with a body that is not JSON: ${text.slice(0, 120)}`);
  }
}

/**
 * ts-rest's `initClient` over `platformTransportContract` (ADR 0007): one typed function per transport route, paths
 * and methods from the contract, the namespace header on every request, `fetch` injected. It answers `{ status, body }`
 * as ts-rest does; {@link PartyClient} adds the credential, checks each body against the contract and orders answers
 * with pushes. A body that is not JSON rejects with {@link NotJsonAnswer}; no answer rejects with the fetch error.
 *
 * @example
 * const transport = createTransportClient({ baseUrl: 'http://127.0.0.1:4123', namespace: 'test-1' });
 * const res = await transport.connectParty({ body: { kind: 'vendorCloud' } });
 */
export function createTransportClient(options: TransportClientOptions) {
  const fetchImpl: FetchLike = options.fetch ?? defaultFetch;
  return initClient(platformTransportContract, {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    baseHeaders: options.namespace === undefined ? {} : { [NAMESPACE_HEADER]: options.namespace },
    throwOnUnknownStatus: false,
    validateResponse: false,
    api: async (args: ApiFetcherArgs) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(args.headers)) if (typeof value === 'string' && value !== '') headers[name] = value;
      const signal = args.fetchOptions?.signal ?? undefined;
      const response = await fetchImpl(args.path, {
        method: args.method,
        headers,
        ...(typeof args.body === 'string' ? { body: args.body } : {}),
        ...(signal === undefined || signal === null ? {} : { signal }),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new NotJsonAnswer(response.status, text);
      }
      return { status: response.status, body, headers: NO_HEADERS };
    },
  });
}

/** The ts-rest client of the transport API. */
export type TransportClient = ReturnType<typeof createTransportClient>;

/**
 * The response headers ts-rest's fetcher type asks for: one shared, empty and read-only stand-in for every answer. The
 * client reads none, ts-rest reads none, and a mini program's engine has no `Headers` class; building a `Headers` per
 * answer cost a construction each (under msw's `setupServer`, a Proxy construct and a property definition too).
 */
const NO_HEADERS: Headers = Object.freeze({
  get: () => null,
  has: () => false,
  getSetCookie: () => [],
  forEach: () => undefined,
  entries: () => [][Symbol.iterator](),
  keys: () => [][Symbol.iterator](),
  values: () => [][Symbol.iterator](),
  [Symbol.iterator]: () => [][Symbol.iterator](),
}) as unknown as Headers;
