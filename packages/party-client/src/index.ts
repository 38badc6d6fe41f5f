/**
 * @wxvoip/party-client: the portable client every wxvoip SDK (plugin, Linux device, RTOS device and vendor cloud)
 * stands on. It depends on `@wxvoip/contracts` only and loads in a mini program's JavaScript engine.
 *
 * - {@link PartyClient}: connect, call transport routes (ts-rest `initClient` over the transport contract, `fetch`
 *   injected), open the push channel, with answers ordered before their pushes (ADR 0026);
 * - {@link PartyFailure}: the one failure type, returned in a {@link PartyResult}; each SDK maps it to its vocabulary;
 * - {@link PushChannel} and {@link decodePushFrame}: the push channel (hello, ping/pong, bye, limits) and its decoder;
 * - {@link reconnectAdvice}: what to do after a channel closed.
 *
 * @example
 * import { PartyClient } from '@wxvoip/party-client';
 * const party = new PartyClient({ baseUrl: 'http://127.0.0.1:4123' });
 */
export { PartyClient } from './partyClient.js';
export { createTransportClient, NotJsonAnswer } from './transportClient.js';
export { defaultFetch, isNodeOwnFetch } from './defaultFetch.js';
export { nodeHttpFetch } from './nodeHttpFetch.js';
// The check lives in @wxvoip/contracts (the platform checks with it too); re-exported where the clients document it.
export { contractCheck } from '@wxvoip/contracts';
export { describePartyFailure } from './partyFailure.js';
export { PushChannel, CHANNEL_REFUSED_CODE } from './pushChannel.js';
export { decodePushFrame } from './decodePushFrame.js';
export { PushOrder, LAST_SEQ } from './pushOrder.js';
export { RECONNECT_BASE_DELAY_MS, RECONNECT_MAX_DELAY_MS, reconnectAdvice, reconnectDelayMs } from './reconnectAdvice.js';
export { WEB_SOCKET_STATE } from './webSocketLike.js';

export type { PartyChannelHandlers, PartyClientOptions, PartyData, PartyRequestArgs, PartyRequestOptions, PartyRouteKey } from './partyClient.js';
export type { FetchLike, FetchResponseLike, TransportClient, TransportClientOptions } from './transportClient.js';
export type { CheckableSchema, ContractCheckResult } from '@wxvoip/contracts';
export type { ChannelCloseReason, PartyFailure, PartyFailureKind, PartyResult } from './partyFailure.js';
export type { PushChannelEvents, PushChannelOpened, PushChannelOpenOptions } from './pushChannel.js';
export type { DecodedPushFrame } from './decodePushFrame.js';
export type { Sequenced } from './pushOrder.js';
export type { ReconnectAdvice } from './reconnectAdvice.js';
export type { WebSocketCloseEventLike, WebSocketConstructorLike, WebSocketErrorEventLike, WebSocketLike, WebSocketMessageEventLike } from './webSocketLike.js';
