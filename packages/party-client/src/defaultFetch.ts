import { nodeHttpAvailable, nodeHttpFetch } from './nodeHttpFetch.js';
import type { FetchLike } from './transportClient.js';

/** The global `fetch` last looked at, and whether it was Node's own (the check runs once per new global). */
let lastSeen: unknown;
let lastWasNodeOwn = false;

/**
 * True when `candidate` is Node's own global `fetch` (undici's, as Node installs it), not one that msw, a test double
 * or a polyfill put in its place. Node's is a plain function named `fetch` whose source loads undici.
 */
export function isNodeOwnFetch(candidate: unknown): boolean {
  if (typeof candidate !== 'function' || candidate.name !== 'fetch') return false;
  return /undici/i.test(Function.prototype.toString.call(candidate));
}

/**
 * The client's `fetch` when the SDK passes none (ADR 0043). In Node, while the global `fetch` is Node's own, requests go
 * through {@link nodeHttpFetch} (`node:http` with a keep-alive agent, about a third of undici's CPU per request); when
 * anything replaced the global `fetch` (msw's interception, a test double, a polyfill), and outside Node (a mini
 * program's engine, a browser), the global `fetch` at call time, exactly as before. msw intercepts either way: its
 * `setupServer` patches both `fetch` and `node:http`.
 *
 * @example
 * const transport = createTransportClient({ baseUrl: 'http://127.0.0.1:4123', fetch: defaultFetch });
 */
export const defaultFetch: FetchLike = (url, init) => {
  const current = globalThis.fetch;
  if (current !== lastSeen) {
    lastSeen = current;
    lastWasNodeOwn = isNodeOwnFetch(current) && nodeHttpAvailable();
  }
  return lastWasNodeOwn ? nodeHttpFetch(url, init) : current(url, init);
};
