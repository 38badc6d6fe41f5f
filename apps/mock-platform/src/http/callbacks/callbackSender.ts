import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { FlatXmlError, NotifyReply, parseFlatXml } from '@wxvoip/contracts';
import type { CallbackDelivery, CallbackOutcome, PushFormat } from '@wxvoip/contracts';
import type { CallbackReply, CallbackRequest } from '../../core/callbacks/callbackDispatcher.js';
import type { PlatformTenant } from '../../core/platformTenant.js';
import { buildCallbackRequest } from './buildCallbackRequest.js';
import type { BuiltCallbackRequest } from './buildCallbackRequest.js';
import type { CallbackLog } from '../../core/callbacks/callbackLog.js';

/** The part of the WHATWG `fetch` the sender uses; the global `fetch` fits, and so does a test fake. */
export type CallbackFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ readonly status: number; text(): Promise<string> }>;

/**
 * What the sender does when the app's push mode is not `secure`. D §2.3 says secure mode is required for
 * `iot_voip_notify`; what WeChat does otherwise is undocumented. [I] `requireSecure` (default): the attempt fails
 * at once with `{ outcome: 'error' }` and nothing is POSTed, so a misconfigured app shows up in tests; `asConfigured`:
 * the attempt is POSTed in the configured mode (plaintext or compatible), for exercising a receiver in those modes.
 */
export type CallbackModePolicy = 'requireSecure' | 'asConfigured';

/**
 * Which reply bodies the sender reads besides D §2.3's JSON `{ errcode, errmsg }`. [I] `whenXmlFormat` (default):
 * a flat XML reply `<xml><errcode>0</errcode>…</xml>` is also accepted when the app's push format is XML;
 * `always` accepts it for any format; `never` reads JSON only.
 */
export type XmlReplyPolicy = 'whenXmlFormat' | 'always' | 'never';

/** [I] Default reply deadline of one attempt: 5 s, the core's `callbackReplyTimeoutMs` default (D §9.5). */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 5_000;
/** [I] How much of a reply body a delivery record keeps: 4096 characters. */
export const DEFAULT_MAX_REPLY_CHARS = 4_096;

/** Options of {@link createCallbackSender}. */
export interface CallbackSenderOptions {
  /** Where each attempt's outcome goes; normally `tenant.callbacks.reply`. */
  readonly reply: (deliveryId: string, reply: CallbackReply) => unknown;
  /** HTTP client. Default: the global `fetch`. */
  readonly fetch?: CallbackFetch;
  /** Wall-time deadline of one attempt, enforced with a real timer and an `AbortController`. Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Time in ms for the query `timestamp` and the record's `sentAt`. Default `Date.now`. */
  readonly now?: () => number;
  /** Monotonic wall time in ms for the record's `durationMs`. Default `performance.now`. */
  readonly elapsed?: () => number;
  /** Random bytes for the nonce and the 16-byte plaintext prefix. Default `crypto.randomBytes`. */
  readonly randomBytes?: (size: number) => Uint8Array;
  /** Called with every delivery record (and the reason in words) before the reply reaches the dispatcher. Must not throw. */
  readonly onDelivery?: (delivery: CallbackDelivery, detail: string) => void;
  /** Behaviour for apps not in secure mode. Default `requireSecure`. */
  readonly modePolicy?: CallbackModePolicy;
  /** Which reply formats are read. Default `whenXmlFormat`. */
  readonly xmlReplies?: XmlReplyPolicy;
  /** Reply characters kept in a record. Default 4096. */
  readonly maxReplyChars?: number;
}

/**
 * The function the core's `CallbackDispatcher` calls for each attempt (its `sender`). It returns the attempt's
 * delivery record for callers that want to await it; the dispatcher ignores the promise, which never rejects
 * unless `onDelivery` throws.
 */
export interface CallbackSender {
  (request: CallbackRequest): Promise<CallbackDelivery>;
  /** Resolves when no attempt is in flight (including retries the dispatcher starts meanwhile). */
  idle(): Promise<void>;
  /** Attempts currently in flight. */
  readonly inFlight: number;
}

/** A reply body read into an errcode, or why it could not be read. */
export type ParsedNotifyReply = { readonly ok: true; readonly errcode: number } | { readonly ok: false; readonly detail: string };

/**
 * Reads the developer server's reply: JSON `{ errcode, errmsg? }` (D §2.3) and, when `acceptXml`, flat XML with an
 * integer `<errcode>` [I].
 *
 * @example
 * parseNotifyReplyBody('{"errcode":0,"errmsg":"ok"}', false); // { ok: true, errcode: 0 }
 */
export function parseNotifyReplyBody(body: string, acceptXml: boolean): ParsedNotifyReply {
  const text = body.trim();
  if (text === '') return { ok: false, detail: 'the reply body is empty; expected JSON {"errcode":0,"errmsg":"ok"}' };
  if (text.startsWith('<')) {
    if (!acceptXml) return { ok: false, detail: 'the reply is XML, but only JSON {"errcode":…} is read for this app' };
    let fields: Record<string, string>;
    try {
      fields = parseFlatXml(text);
    } catch (error) {
      if (error instanceof FlatXmlError) return { ok: false, detail: `the XML reply is unreadable: ${error.message}` };
      throw error;
    }
    const errcode = fields['errcode']?.trim();
    if (errcode === undefined || !/^-?\d+$/.test(errcode)) return { ok: false, detail: 'the XML reply has no integer <errcode>' };
    return { ok: true, errcode: Number(errcode) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detail: `the reply is not JSON: ${JSON.stringify(text.slice(0, 80))}` };
  }
  const reply = NotifyReply.safeParse(json);
  if (!reply.success) return { ok: false, detail: `the JSON reply is not {errcode, errmsg}: ${reply.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, errcode: reply.data.errcode };
}

/** The nonce of a push: [I] ten decimal digits, like WeChat's; the reference only says "a random string". */
function decimalNonce(random: (size: number) => Uint8Array): string {
  return Array.from(random(10), (byte) => String(byte % 10)).join('');
}

function acceptsXml(policy: XmlReplyPolicy, format: PushFormat): boolean {
  return policy === 'always' || (policy === 'whenXmlFormat' && format === 'xml');
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** A promise that rejects when the signal aborts (and never settles otherwise). */
function abortedPromise(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new Error('aborted: the reply deadline passed')), { once: true });
  });
}

/** The record's flat query (`CallbackDelivery.request.query`). */
function flatQuery(query: BuiltCallbackRequest['query']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') flat[name] = value;
  return flat;
}

/**
 * Creates the adapter that delivers `iot_voip_notify` attempts to the developer's server (D §2.2, §2.3, §4.13):
 * it builds the signed (and, in secure mode, encrypted) POST for the app's mode and format, sends it with `fetch`,
 * aborts it after `timeoutMs` of wall time, reads the reply and reports to the dispatcher:
 *
 * | what happened | reply to the dispatcher | record outcome |
 * |---|---|---|
 * | 2xx with errcode 0 / non-zero | `{ errcode }` | accepted / refused |
 * | HTTP status outside 2xx (redirects are not followed [I]) | `{ outcome: 'error' }` | error |
 * | unreadable body, network error | `{ outcome: 'error' }` | error |
 * | no answer within `timeoutMs` | `{ outcome: 'noReply' }` | noReply |
 * | no push configuration, or not secure under `requireSecure` | `{ outcome: 'error' }`, nothing POSTed | error |
 *
 * It never answers synchronously: the dispatcher calls it while the room engine is still creating the room, so
 * even the immediate failures are reported on a later microtask. Retries are the dispatcher's business.
 *
 * @example
 * tenant.callbacks.sender = createCallbackSender({ reply: (id, r) => tenant.callbacks.reply(id, r) });
 */
export function createCallbackSender(options: CallbackSenderOptions): CallbackSender {
  const fetchImpl: CallbackFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const elapsed = options.elapsed ?? (() => performance.now());
  const random = options.randomBytes ?? ((size: number) => nodeRandomBytes(size));
  const modePolicy = options.modePolicy ?? 'requireSecure';
  const xmlReplies = options.xmlReplies ?? 'whenXmlFormat';
  const maxReplyChars = options.maxReplyChars ?? DEFAULT_MAX_REPLY_CHARS;
  const inFlight = new Set<Promise<CallbackDelivery>>();

  async function deliver(request: CallbackRequest): Promise<CallbackDelivery> {
    const sentAt = Math.max(0, Math.floor(now()));
    const started = elapsed();
    const config = request.pushConfig;
    await Promise.resolve();

    let built: BuiltCallbackRequest | undefined;
    let reply: CallbackDelivery['reply'] = null;
    let result: { outcome: CallbackOutcome; detail: string; toDispatcher: CallbackReply };
    const fail = (detail: string, outcome: 'error' | 'noReply' = 'error', final = false) => ({ outcome, detail, toDispatcher: { outcome, detail, ...(final ? { final } : {}) } as const });

    if (config === undefined) {
      result = fail(`app ${request.appId} has no message push configuration (URL, Token, EncodingAESKey): nowhere to POST iot_voip_notify`, 'error', true);
    } else if (modePolicy === 'requireSecure' && config.mode !== 'secure') {
      result = fail(`app ${request.appId} pushes in '${config.mode}' mode, but iot_voip_notify requires secure mode (D §2.3); nothing was sent. Set pushConfig.mode to 'secure' (PATCH /__admin/apps/${request.appId})`, 'error', true);
    } else {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        built = buildCallbackRequest({ appId: request.appId, event: request.event, pushConfig: config }, { now: sentAt, nonce: decimalNonce(random), random: random(16) });
        const { url, contentType, body } = built;
        const exchange = (async () => {
          const response = await fetchImpl(url, { method: 'POST', headers: { 'content-type': contentType }, body, signal: controller.signal, redirect: 'manual' });
          return { status: response.status, text: await response.text() };
        })();
        // The deadline holds even against a fetch that ignores its signal; a late settlement is then dropped.
        exchange.catch(() => undefined);
        const { status, text } = await Promise.race([exchange, abortedPromise(controller.signal)]);
        const parsed = parseNotifyReplyBody(text, acceptsXml(xmlReplies, config.format));
        reply = { status, errcode: parsed.ok ? parsed.errcode : null, body: text.slice(0, maxReplyChars) };
        if (status < 200 || status > 299) {
          result = fail(`HTTP ${status} from ${config.url}: the reply must be HTTP 200 with {"errcode":0}`);
        } else if (!parsed.ok) {
          result = fail(`HTTP ${status} from ${config.url} with an unreadable body: ${parsed.detail}`);
        } else {
          const { errcode } = parsed;
          result = {
            outcome: errcode === 0 ? 'accepted' : 'refused',
            detail: errcode === 0 ? 'the developer server accepted the call (errcode 0)' : `the developer server refused the call (errcode ${errcode})`,
            toDispatcher: { errcode },
          };
        }
      } catch (error) {
        result = timedOut
          ? fail(`no reply from ${config.url} within ${timeoutMs} ms (the request was aborted)`, 'noReply')
          : fail(`could not deliver to ${config.url}: ${errorText(error)}`);
      } finally {
        clearTimeout(timer);
      }
    }

    const delivery: CallbackDelivery = {
      deliveryId: request.deliveryId,
      appId: request.appId,
      roomId: request.roomId,
      attempt: request.attempt,
      url: config?.url ?? '',
      // [I] Without a configuration the record shows PushConfig's defaults: secure, json.
      mode: config?.mode ?? 'secure',
      format: config?.format ?? 'json',
      sentAt,
      request: { query: built ? flatQuery(built.query) : {}, body: built?.body ?? '' },
      event: request.event,
      reply,
      outcome: result.outcome,
      durationMs: Math.max(0, Math.round(elapsed() - started)),
      detail: result.detail,
    };
    try {
      options.onDelivery?.(delivery, result.detail);
    } finally {
      options.reply(request.deliveryId, result.toDispatcher);
    }
    return delivery;
  }

  const sender = (request: CallbackRequest): Promise<CallbackDelivery> => {
    const attempt = deliver(request);
    inFlight.add(attempt);
    const forget = () => inFlight.delete(attempt);
    attempt.then(forget, forget);
    return attempt;
  };
  return Object.assign(sender, {
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    get inFlight(): number {
      return inFlight.size;
    },
  });
}

/** Options of {@link attachCallbackSender}: the sender's options without `reply`, plus the log to keep. */
export interface AttachCallbackSenderOptions extends Omit<CallbackSenderOptions, 'reply'> {
  /** The log that keeps this tenant's deliveries; it becomes the tenant's `callbacks.log`. Default: the tenant's own. */
  readonly log?: CallbackLog;
}

/** A sender attached to a tenant, with the tenant's delivery log and a way to detach. */
export interface AttachedCallbackSender {
  /** The sender now set as `tenant.callbacks.sender`. */
  readonly sender: CallbackSender;
  /** The tenant's delivery log (what the control API's `listCallbacks` lists). */
  readonly log: CallbackLog;
  /** Removes the sender from the tenant if it is still the one attached. */
  detach(): void;
}

/**
 * The delivery log of a tenant: the core's `tenant.callbacks.log` (a reset namespace is a new tenant with a new log).
 * Kept for callers of the sender's API; the log itself belongs to the core, where the control API reads it.
 */
export function callbackLogOf(tenant: PlatformTenant): CallbackLog {
  return tenant.callbacks.log;
}

/**
 * Sets a callback sender as the tenant's `callbacks.sender`. Defaults taken from the tenant: `now` is the tenant's
 * platform clock (so `timestamp`, `CreateTime` and `sentAt` agree, also on a manual clock) and `timeoutMs` is
 * `config.callbackReplyTimeoutMs`. Every delivery goes to the tenant's log, then to `onDelivery`.
 *
 * @example
 * const { log } = attachCallbackSender(tenant);
 * // … a cloud call is made, the developer server answers …
 * log.list({ roomId });
 */
export function attachCallbackSender(tenant: PlatformTenant, options: AttachCallbackSenderOptions = {}): AttachedCallbackSender {
  const { log: givenLog, onDelivery, ...rest } = options;
  const log = givenLog ?? tenant.callbacks.log;
  tenant.callbacks.log = log;
  tenant.callbacks.insecurePushModes = rest.modePolicy === 'asConfigured' ? 'allow' : 'refuse';
  const sender = createCallbackSender({
    ...rest,
    timeoutMs: rest.timeoutMs ?? tenant.state.config.callbackReplyTimeoutMs,
    now: rest.now ?? (() => tenant.state.now()),
    reply: (deliveryId, reply) => tenant.callbacks.reply(deliveryId, reply),
    onDelivery: (delivery, detail) => {
      log.add(delivery);
      onDelivery?.(delivery, detail);
    },
  });
  tenant.callbacks.sender = sender;
  return {
    sender,
    log,
    detach: () => {
      if (tenant.callbacks.sender === sender) tenant.callbacks.sender = undefined;
    },
  };
}
