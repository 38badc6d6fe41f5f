import { PartyMessage, PUSH_CHANNEL_NAMESPACE_PARAM, PUSH_CHANNEL_PATH, PUSH_CHANNEL_TOKEN_PARAM } from '@wxvoip/contracts';
import { ws, type WebSocketData, type WebSocketHandler, type WebSocketHandlerConnection } from 'msw';
import type { PlatformCore } from '../core/platformCore.js';
import type { PlatformTenant } from '../core/platformTenant.js';
import { CHANNEL_REFUSED } from '../http/channelRefused.js';
import { DEFAULT_BASE_URL } from './defaults.js';
import { mswUrlPattern, parseQueryString, RouteTable } from './routing.js';

/** Options of {@link createPushChannelHandlers}. */
export interface PushChannelHandlersOptions {
  /** HTTP base URL of the platform; the channel is served at its `ws:`/`wss:` twin. Default `http://wxvoip.mock`. */
  readonly baseUrl?: string;
}

/** WebSocket close code of a handshake that found no route (what a client sees when the server answers the upgrade with 404). */
export const CHANNEL_NOT_FOUND = 1006;

type Client = WebSocketHandlerConnection['client'];

/** The `ws:` (or `wss:`) URL of an `http:` (or `https:`) base, without a trailing slash. */
export function webSocketBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const protocol = url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  return `${protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** A frame from the party as text (text frames, and binary frames read as UTF-8 like the fastify adapter does). */
async function frameText(data: WebSocketData): Promise<string> {
  if (typeof data === 'string') return data;
  if (data instanceof Blob) return data.text();
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/**
 * Closes after what is already queued: after the messages sent just before (a `bye`), and after the client has seen
 * `open` (a refused channel opens, then closes with 4401, as over a real socket).
 */
function closeLater(client: Client, code: number, reason: string): void {
  setTimeout(() => client.close(code, reason), 0);
}

/** Serves one connection as `registerPushChannel` does: authenticate, attach the party channel, read pongs, notice the close. */
function serveChannel(core: PlatformCore, client: Client, partyId: string, query: Record<string, string | string[]>): void {
  // Browsers cannot set WebSocket headers, so the namespace comes from the `namespace` query parameter [I]. A repeated
  // parameter (an array) is refused by the namespace check, as on the fastify adapter.
  const namespace = query[PUSH_CHANNEL_NAMESPACE_PARAM] as string | undefined;
  let tenant: PlatformTenant;
  try {
    tenant = core.tenant(namespace);
  } catch (error) {
    closeLater(client, CHANNEL_REFUSED, (error as Error).message.slice(0, 120));
    return;
  }
  const auth = tenant.parties.authenticate(query[PUSH_CHANNEL_TOKEN_PARAM] as string | undefined);
  if (!auth.ok || auth.value.partyId !== partyId) {
    closeLater(client, CHANNEL_REFUSED, auth.ok ? 'this credential belongs to another party' : auth.refusal.rule.slice(0, 120));
    return;
  }
  let open = true;
  tenant.parties.attachChannel(partyId, (message) => {
    if (!open) return;
    client.send(JSON.stringify(message));
    if (message.type === 'bye') {
      open = false;
      closeLater(client, 1000, message.reason);
    }
  });
  client.addEventListener('message', (event) => {
    void frameText(event.data).then((text) => {
      let parsed;
      try {
        parsed = PartyMessage.safeParse(JSON.parse(text));
      } catch {
        return;
      }
      if (parsed.success && parsed.data.type === 'pong') tenant.parties.pong(partyId, parsed.data.seq);
    });
  });
  client.addEventListener('close', () => {
    if (!open) return;
    open = false;
    tenant.parties.channelClosed(partyId);
  });
}

/**
 * msw's `ws.link()` adds a listener to one process-wide BroadcastChannel each time it is called and never removes it,
 * so a process that set up more than five platforms printed `MaxListenersExceededWarning`. A link only matches URLs;
 * each `addEventListener` makes an independent handler. So one link per URL pattern serves every platform of the
 * process. The cache lives on `globalThis`, like msw's channel: a test runner that loads this module afresh for each
 * test file still reuses the links of the files before.
 */
const LINKS = Symbol.for('@wxvoip/mock-platform/msw-ws-links');
const links: Map<string, ReturnType<typeof ws.link>> = ((globalThis as { [LINKS]?: Map<string, ReturnType<typeof ws.link>> })[LINKS] ??= new Map());

function linkFor(pattern: RegExp): ReturnType<typeof ws.link> {
  const key = pattern.toString();
  let link = links.get(key);
  if (link === undefined) {
    link = ws.link(pattern);
    links.set(key, link);
  }
  return link;
}

/**
 * The push channel through msw's `ws` API, the in-process twin of the fastify adapter's `registerPushChannel`:
 * `ws://<base>/__wxvoip/v1/parties/:partyId/channel?access_token=<credential>[&namespace=<ns>]` authenticates the
 * party, sends its numbered push messages as JSON text frames (hello, voipEvent, incomingCall, …, ping, bye), reads
 * `pong` frames back and treats a close by the client as a vanished party. A refused credential opens, then closes
 * with 4401 and the reason. Any other WebSocket URL under the base fails like an upgrade answered 404 (close 1006).
 * In Node, msw needs a global `WebSocket` class to intercept (Node 22+, or one installed before `server.listen()`).
 *
 * @example
 * const server = setupServer(...createPushChannelHandlers(core));
 */
export function createPushChannelHandlers(core: PlatformCore, options: PushChannelHandlersOptions = {}): WebSocketHandler[] {
  const wsBase = webSocketBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const prefix = new URL(wsBase).pathname.replace(/\/+$/, '');
  const table = new RouteTable([{ method: 'GET', path: PUSH_CHANNEL_PATH }]);

  /** The party id of a channel URL, or undefined when the URL is not exactly the channel route. */
  function route(url: URL): { partyId: string } | undefined {
    if (!url.pathname.startsWith(prefix)) return undefined;
    const match = table.match('GET', url.pathname.slice(prefix.length));
    return match.kind === 'route' ? { partyId: match.params['partyId'] ?? '' } : undefined;
  }

  const channel = linkFor(mswUrlPattern(wsBase, PUSH_CHANNEL_PATH)).addEventListener('connection', ({ client }) => {
    const found = route(client.url);
    if (found !== undefined) serveChannel(core, client, found.partyId, parseQueryString(client.url.search.slice(1)));
  });
  const elsewhere = linkFor(mswUrlPattern(wsBase)).addEventListener('connection', ({ client }) => {
    if (route(client.url) === undefined) client.close(CHANNEL_NOT_FOUND, '');
  });
  return [channel, elsewhere];
}
