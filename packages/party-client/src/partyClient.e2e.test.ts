/** The party client over a real port: fastify on 127.0.0.1, `fetch` and the `ws` package's WebSocket. */
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { describeOrdering } from '../test/orderingCases.js';
import type { WebSocketConstructorLike } from './webSocketLike.js';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  await platform.close();
});

describeOrdering('over a port', { platform: () => platform, WebSocket: () => NodeWebSocket as unknown as WebSocketConstructorLike });
