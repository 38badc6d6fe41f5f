/**
 * The party client in-process: the platform behind msw (`setupMockPlatform`), the global `fetch` and the global
 * WebSocket class intercepted, no port. The same cases run over a real port in `partyClient.e2e.test.ts`.
 */
import type { MockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { describeOrdering } from '../test/orderingCases.js';
import type { WebSocketConstructorLike } from './webSocketLike.js';

const server = setupServer();
let platform: MockPlatform;
let InProcessWebSocket: WebSocketConstructorLike;

// Node 20 has no global WebSocket for msw to intercept: install `ws`'s before msw first listens.
const installedWebSocket = typeof globalThis.WebSocket === 'undefined';
beforeAll(async () => {
  if (installedWebSocket) Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });
  const setup = await setupMockPlatform();
  platform = setup.platform;
  server.use(...setup.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  InProcessWebSocket = globalThis.WebSocket as unknown as WebSocketConstructorLike;
});
afterAll(async () => {
  server.close();
  await platform.close();
  if (installedWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
});

describeOrdering('in-process through msw', { platform: () => platform, WebSocket: () => InProcessWebSocket });
