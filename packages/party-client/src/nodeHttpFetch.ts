import type { FetchLike, FetchResponseLike } from './transportClient.js';

/** The part of a `node:http` / `node:https` module the transport uses (typed here: this package loads no Node types). */
interface NodeHttpModule {
  request(url: string, options: { method: string; headers: Record<string, string>; agent: unknown; signal?: AbortSignal }, onResponse: (res: NodeResponseLike) => void): NodeRequestLike;
  Agent: new (options: { keepAlive: boolean }) => unknown;
}

/** The part of an `http.IncomingMessage` the transport reads. */
interface NodeResponseLike {
  readonly statusCode?: number;
  setEncoding(encoding: 'utf8'): void;
  on(event: 'data', listener: (chunk: string) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

/** The part of an `http.ClientRequest` the transport drives. */
interface NodeRequestLike {
  /** True when the request went out on a kept-alive socket that served an earlier request. */
  readonly reusedSocket: boolean;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): void;
  end(body?: string): void;
}

/** One protocol's module and its keep-alive agent. */
interface NodeClient {
  readonly module: NodeHttpModule;
  readonly agent: unknown;
}

/** `process.getBuiltinModule` (Node 20.16+, 22.3+), looked up without naming a Node global: absent outside Node. */
function builtinModule(id: string): unknown {
  const processLike = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof processLike?.getBuiltinModule === 'function' ? processLike.getBuiltinModule(id) : undefined;
}

const clients = new Map<string, NodeClient | null>();

/** The `node:http` or `node:https` client with its process-wide keep-alive agent, made on first use; null outside Node. */
function clientFor(protocol: 'http' | 'https'): NodeClient | null {
  let client = clients.get(protocol);
  if (client === undefined) {
    const module = builtinModule(`node:${protocol}`) as NodeHttpModule | undefined;
    client = module === undefined ? null : { module, agent: new module.Agent({ keepAlive: true }) };
    clients.set(protocol, client);
  }
  return client;
}

/** True where {@link nodeHttpFetch} can run: Node with `process.getBuiltinModule`. */
export function nodeHttpAvailable(): boolean {
  return clientFor('http') !== null;
}

/**
 * A {@link FetchLike} on `node:http` / `node:https` with one keep-alive agent per protocol for the whole process (idle
 * sockets are unref'd by Node and closed before the server's announced keep-alive timeout). It is what
 * {@link defaultFetch} uses in Node when the global `fetch` is Node's own: undici's `fetch` costs about three times the
 * CPU of a `node:http` request on the client side (issue 19, ADR 0043: ~500-650 µs against ~150-200 µs on the 2-core
 * machine). A request on a kept-alive socket that the server closed meanwhile (ECONNRESET before any answer) is sent
 * once more on a new socket, as Node's documentation advises. A network error rejects like `fetch`: a `TypeError`
 * "fetch failed" whose `cause` is the socket error.
 *
 * @example
 * const party = new PartyClient({ baseUrl: 'http://127.0.0.1:4123', fetch: nodeHttpFetch });
 */
export const nodeHttpFetch: FetchLike = (url, init) => {
  const client = clientFor(url.startsWith('https:') ? 'https' : 'http');
  if (client === null) return Promise.reject(new TypeError('fetch failed', { cause: new Error('node:http is not available in this runtime') }));
  return send(client, url, init, true);
};

function send(client: NodeClient, url: string, init: Parameters<FetchLike>[1], retryStale: boolean): Promise<FetchResponseLike> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = client.module.request(url, { method: init.method, headers: init.headers, agent: client.agent, ...(init.signal === undefined ? {} : { signal: init.signal }) }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(text) }));
    });
    req.on('error', (error) => {
      if (retryStale && !answered && req.reusedSocket && error.code === 'ECONNRESET' && init.signal?.aborted !== true) {
        send(client, url, init, false).then(resolve, reject);
        return;
      }
      reject(new TypeError('fetch failed', { cause: error }));
    });
    req.end(init.body);
  });
}
