import { NAMESPACE_HEADER, TRANSPORT_PREFIX, TransportRefusal } from '@wxvoip/contracts';
import type { PlatformClientOptions } from './platformClientOptions.js';

/** The part of a schema the client needs: `safeParse` (every contract schema has it). */
export interface ResponseSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

/**
 * What one transport request came to:
 * - `ok`: HTTP 200 with `errcode: 0`, the body parsed by the route's schema;
 * - `refused`: HTTP 200 with a WeChat-shaped refusal (`errcode`, `errmsg`, catalogue `key` and `domain`);
 * - `network`: no HTTP answer at all (platform unreachable);
 * - `credential`: HTTP 401, the party's credential is missing, invalid or expired (disconnected, platform reset);
 * - `invalid`: HTTP 400, the request broke the contract;
 * - `response`: any other status, or a body the contract does not describe.
 */
export type TransportOutcome<T> =
  | { readonly ok: true; readonly body: T }
  | { readonly ok: false; readonly failure: 'refused'; readonly refusal: TransportRefusal; readonly detail: string }
  | { readonly ok: false; readonly failure: 'network' | 'credential' | 'invalid' | 'response'; readonly detail: string };

/** A failed {@link TransportOutcome}. */
export type TransportFailure = Extract<TransportOutcome<unknown>, { ok: false }>;

/**
 * A small typed HTTP client of the platform's transport routes (`/__wxvoip/v1/...`), with the party credential
 * once there is one. Every answer is parsed with the contract's schema; nothing throws: failures come back as
 * {@link TransportOutcome} values.
 *
 * @example
 * const client = new TransportClient({ platformUrl });
 * const connected = await client.send('POST', '/parties', transportResult(ConnectPartyData.shape), { kind: 'vendorCloud' });
 */
export class TransportClient {
  /** The party credential sent as `authorization: Bearer <token>`, once connected. */
  token: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(readonly options: PlatformClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The platform's base URL without a trailing slash. */
  get baseUrl(): string {
    return this.options.platformUrl.replace(/\/+$/, '');
  }

  /** Sends one request to a transport route (path relative to `/__wxvoip/v1`) and parses the answer. */
  async send<T extends { errcode: number }>(method: 'GET' | 'POST' | 'DELETE', path: string, schema: ResponseSchema<T>, body?: unknown): Promise<TransportOutcome<Extract<T, { errcode: 0 }>>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token !== undefined) headers['authorization'] = `Bearer ${this.token}`;
    if (this.options.namespace !== undefined) headers[NAMESPACE_HEADER] = this.options.namespace;
    const url = `${this.baseUrl}${TRANSPORT_PREFIX}${path}`;
    let status: number;
    let text: string;
    try {
      const response = await this.fetchImpl(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { ok: false, failure: 'network', detail: `${method} ${url} got no answer (${error instanceof Error ? error.message : String(error)}${cause}): is the platform running at ${this.baseUrl}?` };
    }
    if (status === 401) return { ok: false, failure: 'credential', detail: `${method} ${path}: the platform refused the party credential (${text.slice(0, 200)}); initialise again` };
    if (status === 400) return { ok: false, failure: 'invalid', detail: `${method} ${path}: the request broke the transport contract (${text.slice(0, 400)})` };
    if (status !== 200) return { ok: false, failure: 'response', detail: `${method} ${path}: HTTP ${status} from the platform (${text.slice(0, 200)})` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, failure: 'response', detail: `${method} ${path}: the platform answered with something that is not JSON (${text.slice(0, 80)})` };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return { ok: false, failure: 'response', detail: `${method} ${path}: the answer does not match the transport contract (${parsed.error.issues[0]?.message ?? 'invalid'})` };
    }
    if (parsed.data.errcode === 0) return { ok: true, body: parsed.data as Extract<T, { errcode: 0 }> };
    const refusal = TransportRefusal.parse(parsed.data);
    return { ok: false, failure: 'refused', refusal, detail: `${method} ${path}: refused with errcode ${refusal.errcode}${refusal.key === undefined ? '' : ` (${refusal.key})`}: ${refusal.errmsg}` };
  }
}
