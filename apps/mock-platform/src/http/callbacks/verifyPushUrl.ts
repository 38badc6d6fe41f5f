import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { PushConfig, PushVerifyQuery } from '@wxvoip/contracts';
import type { CallbackFetch } from './callbackSender.js';
import { DEFAULT_CALLBACK_TIMEOUT_MS, DEFAULT_MAX_REPLY_CHARS } from './callbackSender.js';
import { signature } from './messagePushCrypto.js';

/** The fixed or generated parts of one verification GET. */
export interface VerifyRequestOptions {
  /** Time in ms; `timestamp` is `floor(now / 1000)`. */
  readonly now: number;
  /** The `nonce` query value. */
  readonly nonce: string;
  /** The string the developer server must echo. */
  readonly echostr: string;
}

/**
 * The URL-verification GET of D §4.13: `url?signature&timestamp&nonce&echostr` with
 * `signature = sha1(sort([token, timestamp, nonce]).join(''))`. An existing query in `url` is kept.
 *
 * @example
 * buildVerifyRequest({ url, token }, { now: Date.now(), nonce: '1234567890', echostr: '5838479218127813673' });
 */
export function buildVerifyRequest(config: Pick<PushConfig, 'url' | 'token'>, options: VerifyRequestOptions): { url: string; query: PushVerifyQuery } {
  const timestamp = String(Math.floor(options.now / 1000));
  const query: PushVerifyQuery = { signature: signature(config.token, timestamp, options.nonce), timestamp, nonce: options.nonce, echostr: options.echostr };
  const url = new URL(config.url);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return { url: url.toString(), query };
}

/** Options of {@link verifyPushUrl}. */
export interface VerifyPushUrlOptions {
  /** HTTP client. Default: the global `fetch`. */
  readonly fetch?: CallbackFetch;
  /** Wall-time deadline of the exchange. Default 5000 ms [I]. */
  readonly timeoutMs?: number;
  /** Time in ms for `timestamp`. Default `Date.now`. */
  readonly now?: () => number;
  /** Random bytes for the nonce and echostr. Default `crypto.randomBytes`. */
  readonly randomBytes?: (size: number) => Uint8Array;
  /** A fixed nonce (tests). Default: [I] ten random decimal digits. */
  readonly nonce?: string;
  /** A fixed echostr (tests). Default: [I] nineteen random decimal digits. */
  readonly echostr?: string;
}

/** Why a verification failed: bad URL, non-2xx status, wrong echo, network error or no answer in time. */
export type VerifyPushUrlFailure = 'badUrl' | 'httpStatus' | 'echoMismatch' | 'network' | 'timeout';

/** The outcome of a verification exchange, with what was sent and what came back. */
export type VerifyPushUrlResult =
  | { readonly ok: true; readonly url: string; readonly query: PushVerifyQuery; readonly status: number; readonly body: string; readonly reason: 'echoed'; readonly detail: string }
  | {
      readonly ok: false;
      readonly url: string;
      readonly query: PushVerifyQuery | null;
      readonly status: number | null;
      readonly body: string | null;
      readonly reason: VerifyPushUrlFailure;
      readonly detail: string;
    };

function digits(random: (size: number) => Uint8Array, count: number): string {
  return Array.from(random(count), (byte) => String(byte % 10)).join('');
}

/**
 * Performs WeChat's URL verification against a developer server (D §4.13): sends the signed GET and succeeds when
 * the server answers with a 2xx status [I] and a body equal to `echostr` exactly (no trimming, no quotes).
 * Never throws; the result says why it failed.
 *
 * @example
 * const result = await verifyPushUrl({ url: 'http://127.0.0.1:3000/wechat/callback', token: 'demoToken' });
 * if (!result.ok) console.log(result.reason, result.detail);
 */
export async function verifyPushUrl(config: Pick<PushConfig, 'url' | 'token'>, options: VerifyPushUrlOptions = {}): Promise<VerifyPushUrlResult> {
  const random = options.randomBytes ?? ((size: number) => nodeRandomBytes(size));
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
  let request: { url: string; query: PushVerifyQuery };
  try {
    request = buildVerifyRequest(config, {
      now: (options.now ?? Date.now)(),
      nonce: options.nonce ?? digits(random, 10),
      echostr: options.echostr ?? digits(random, 19),
    });
  } catch (error) {
    const detail = `the push URL ${JSON.stringify(config.url)} cannot be requested: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, url: config.url, query: null, status: null, body: null, reason: 'badUrl', detail };
  }
  const { url, query } = request;
  const fetchImpl: CallbackFetch = options.fetch ?? ((target, init) => fetch(target, init));
  const controller = new AbortController();
  let timedOut = false;
  let rejectOnTimeout: (error: Error) => void = () => undefined;
  const deadline = new Promise<never>((_, reject) => {
    rejectOnTimeout = reject;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    rejectOnTimeout(new Error(`no answer within ${timeoutMs} ms`));
  }, timeoutMs);
  try {
    const exchange = (async () => {
      const response = await fetchImpl(url, { method: 'GET', headers: {}, signal: controller.signal, redirect: 'manual' });
      return { status: response.status, body: await response.text() };
    })();
    exchange.catch(() => undefined);
    const { status, body } = await Promise.race([exchange, deadline]);
    const kept = body.slice(0, DEFAULT_MAX_REPLY_CHARS);
    if (status < 200 || status > 299) {
      return { ok: false, url, query, status, body: kept, reason: 'httpStatus', detail: `HTTP ${status}: the server must answer 200 with the raw echostr` };
    }
    if (body !== query.echostr) {
      const detail = `the body ${JSON.stringify(body.slice(0, 80))} is not the echostr ${JSON.stringify(query.echostr)}: answer with the raw echostr only`;
      return { ok: false, url, query, status, body: kept, reason: 'echoMismatch', detail };
    }
    return { ok: true, url, query, status, body, reason: 'echoed', detail: 'the server echoed echostr' };
  } catch (error) {
    if (timedOut) return { ok: false, url, query, status: null, body: null, reason: 'timeout', detail: `no answer from ${config.url} within ${timeoutMs} ms` };
    const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error);
    return { ok: false, url, query, status: null, body: null, reason: 'network', detail: `could not reach ${config.url}: ${message}` };
  } finally {
    clearTimeout(timer);
  }
}
