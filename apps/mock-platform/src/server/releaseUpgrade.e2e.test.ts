/**
 * Issue 19 (memory per talking room): an open push channel must not keep its upgrade request and response alive.
 * @fastify/websocket's error listener and the response it assigned to the socket held them (about 13 KB per party);
 * the push channel now routes the handshake itself and detaches that response (ADR 0039). This counts, over real
 * sockets, how many upgrade requests are still reachable after a garbage collection.
 */
import type { IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { demoSeed, platformTransportContract, type PushMessage } from '@wxvoip/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PlatformCore } from '../core/platformCore.js';
import { createServer } from './createServer.js';

const CHANNELS = 6;

let app: FastifyInstance;
let url: string;
const upgrades: WeakRef<IncomingMessage>[] = [];

beforeAll(async () => {
  app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  app.server.prependListener('upgrade', (request: IncomingMessage) => upgrades.push(new WeakRef(request)));
});
afterAll(() => app.close());

/** Connects a phone and opens its push channel; resolves once `hello` arrived. */
async function openChannel(): Promise<{ socket: WebSocket; messages: PushMessage[] }> {
  const response = await fetch(`${url}${platformTransportContract.connectParty.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }),
  });
  const body = (await response.json()) as { credential: { token: string }; pushChannel: { path: string } };
  const socket = new WebSocket(`${url.replace('http', 'ws')}${body.pushChannel.path}?access_token=${encodeURIComponent(body.credential.token)}`);
  const messages: PushMessage[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as PushMessage;
      messages.push(message);
      if (message.type === 'hello') resolve();
    });
    socket.once('error', reject);
  });
  return { socket, messages };
}

/** A full garbage collection, between turns of the event loop so that weak references may clear. */
async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

it('open push channels keep none of their upgrade requests (or the responses that point to them)', async () => {
  const channels = [];
  for (let i = 0; i < CHANNELS; i++) channels.push(await openChannel());
  expect(upgrades).toHaveLength(CHANNELS);
  await collectGarbage();
  expect(upgrades.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);

  // The channels still work after their upgrade objects are gone: a pong is read, a close ends the party's channel.
  for (const { socket, messages } of channels) {
    expect(socket.readyState).toBe(WebSocket.OPEN);
    expect(messages[0]).toMatchObject({ type: 'hello', seq: 1 });
  }
  const closed = channels.map(({ socket }) => new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code))));
  for (const { socket } of channels) socket.close(1000);
  expect(await Promise.all(closed)).toEqual(Array.from({ length: CHANNELS }, () => 1000));
});

it('a broken frame on a released channel still fails the channel (1002), as @fastify/websocket did', async () => {
  const { socket } = await openChannel();
  await collectGarbage();
  const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
  // A masked text frame with a reserved bit set: the server's ws reports a protocol error and fails the connection.
  (socket as unknown as { _socket: { write(data: Buffer): void } })._socket.write(Buffer.from([0xc1, 0x80, 1, 2, 3, 4]));
  expect(await closed).toBe(1002);
});
