import { PartyClient, type WebSocketConstructorLike } from '@wxvoip/party-client';
import NodeWebSocket from 'ws';
import type { PlatformClientOptions } from './platformClientOptions.js';

/**
 * The party client a simulated RTOS SDK talks to the platform through: the transport API (ts-rest, `fetch`
 * injected), its push channel (the given WebSocket class, else `ws`'s), every push acknowledged as the RTOS SDKs
 * always did, and answers ordered with pushes (ADR 0026).
 *
 * @example
 * const party = createPartyClient({ platformUrl: platform.url, namespace: 'test-1' });
 */
export function createPartyClient(options: PlatformClientOptions): PartyClient {
  return new PartyClient({
    baseUrl: options.platformUrl,
    namespace: options.namespace,
    fetch: options.fetch,
    WebSocket: options.WebSocket ?? (NodeWebSocket as unknown as WebSocketConstructorLike),
    acknowledgePushes: true,
  });
}
