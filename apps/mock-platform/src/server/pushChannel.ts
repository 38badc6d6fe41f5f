import type { IncomingMessage } from 'node:http';
import { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { NAMESPACE_HEADER, PartyMessage, PUSH_CHANNEL_NAMESPACE_PARAM, PUSH_CHANNEL_PATH, PUSH_CHANNEL_TOKEN_PARAM, MAX_PARTY_FRAME_BYTES } from '@wxvoip/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { PlatformCore } from '../core/platformCore.js';
import { CHANNEL_REFUSED } from '../http/channelRefused.js';
import { preHandlerError, PUSH_CHANNEL_NEEDS_UPGRADE } from '../http/errorResponses.js';
import { lazyWebSocketServer } from './lazyWebSocketServer.js';
import { releaseUpgrade } from './releaseUpgrade.js';

/** WebSocket close code for a refused channel (credential or path mismatch), in the application range. */
export { CHANNEL_REFUSED };

/** Marks a raw request that arrived as an `'upgrade'`: the socket and the bytes read past its head. */
const UPGRADE = Symbol('wxvoip.upgrade');

/** A raw request routed through fastify from the server's `'upgrade'` event. */
interface UpgradeRequest extends IncomingMessage {
  [UPGRADE]?: { readonly socket: Duplex; readonly head: Buffer };
}

/** Guards a socket between the `'upgrade'` event and `ws` taking it over (Node removed its own error listener). */
function destroyOnError(this: Duplex): void {
  this.destroy();
}

/**
 * The push channel: `GET /__wxvoip/v1/parties/:partyId/channel?access_token=<credential>` upgrades to a WebSocket.
 * The platform sends the party's numbered push messages as JSON text frames (hello, voipEvent, incomingCall,
 * deviceStatus, appMsg, ping, bye) and reads `pong`/`ack` frames back. A closed socket is a vanished party: its calls
 * abort. The namespace comes from the `x-wxvoip-namespace` header or, since browsers cannot set WebSocket headers, a
 * `namespace` query parameter [I]. The same path without a WebSocket upgrade answers 426 in the transport's shape
 * (a broken handshake is answered 400 by `routeUpgrades` before it gets here).
 *
 * The handshake goes through fastify's routing like any request (its hooks, path errors, 503 while closing), as
 * @fastify/websocket did: the server's `'upgrade'` listener (put behind `routeUpgrades`) hands the request to
 * `app.routing` with a response on the socket, and the route answers it with `ws` in `noServer` mode, which the first
 * handshake loads (ADR 0039). A frame larger than the largest legal party message closes the channel (1009) instead
 * of being buffered. Closing the server closes the open channels.
 */
export function registerPushChannel(app: FastifyInstance, core: PlatformCore): void {
  const webSockets = lazyWebSocketServer({ maxPayload: MAX_PARTY_FRAME_BYTES });
  // Logs and terminates, shared by every channel: no closure per socket holds the upgrade request (ADR 0034).
  function onChannelError(this: WebSocket, error: Error): void {
    app.log.error(error);
    this.terminate();
  }

  app.server.on('upgrade', (request: UpgradeRequest, socket: Duplex, head: Buffer) => {
    socket.on('error', destroyOnError);
    request[UPGRADE] = { socket, head };
    const response = new ServerResponse(request);
    try {
      response.assignSocket(socket as IncomingMessage['socket']);
      app.routing(request, response);
    } catch (error) {
      app.log.warn({ err: error }, 'websocket upgrade failed');
    }
  });
  app.addHook('preClose', (done) => {
    webSockets.close();
    done();
  });

  app.route({
    method: 'GET',
    url: PUSH_CHANNEL_PATH,
    schema: { hide: true },
    handler: (request, reply) => {
      const upgrade = (request.raw as UpgradeRequest)[UPGRADE];
      if (upgrade === undefined) {
        const { status, body } = preHandlerError('upgradeRequired', request.method, request.url, PUSH_CHANNEL_NEEDS_UPGRADE);
        return reply.status(status).header('upgrade', 'websocket').type('application/json').send(body);
      }
      reply.hijack();
      const { socket, head } = upgrade;
      // `ws` adds its own error listener in handleUpgrade.
      socket.removeListener('error', destroyOnError);
      webSockets.handleUpgrade(request.raw, socket, head, (webSocket) => {
        webSocket.on('error', onChannelError);
        releaseUpgrade(reply.raw, socket);
        try {
          openChannel(webSocket, request);
        } catch (error) {
          onChannelError.call(webSocket, error as Error);
        }
      });
      return reply;
    },
  });

  /** Authenticates the channel (or closes it with {@link CHANNEL_REFUSED}) and attaches it to its party. */
  function openChannel(socket: WebSocket, request: FastifyRequest): void {
    const params = request.params as { partyId?: string };
    const query = request.query as Record<string, string | undefined>;
    const header = request.headers[NAMESPACE_HEADER];
    const namespace = (typeof header === 'string' ? header : undefined) ?? query[PUSH_CHANNEL_NAMESPACE_PARAM];
    let tenant;
    try {
      tenant = core.tenant(namespace);
    } catch (error) {
      socket.close(CHANNEL_REFUSED, (error as Error).message.slice(0, 120));
      return;
    }
    const auth = tenant.parties.authenticate(query[PUSH_CHANNEL_TOKEN_PARAM]);
    if (!auth.ok || auth.value.partyId !== params.partyId) {
      socket.close(CHANNEL_REFUSED, auth.ok ? 'this credential belongs to another party' : auth.refusal.rule.slice(0, 120));
      return;
    }
    const partyId = auth.value.partyId;
    let open = true;
    tenant.parties.attachChannel(partyId, (message) => {
      if (!open) return;
      socket.send(JSON.stringify(message));
      if (message.type === 'bye') {
        open = false;
        socket.close(1000, message.reason);
      }
    });
    socket.on('message', (data: Buffer) => {
      let parsed;
      try {
        parsed = PartyMessage.safeParse(JSON.parse(data.toString('utf8')));
      } catch {
        return;
      }
      if (parsed.success && parsed.data.type === 'pong') tenant.parties.pong(partyId, parsed.data.seq);
    });
    socket.on('close', () => {
      if (!open) return;
      open = false;
      tenant.parties.channelClosed(partyId);
    });
  }
}
