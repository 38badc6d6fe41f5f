import { NAMESPACE_HEADER, PartyMessage, PUSH_CHANNEL_NAMESPACE_PARAM, PUSH_CHANNEL_PATH, PUSH_CHANNEL_TOKEN_PARAM } from '@wxvoip/contracts';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { PlatformCore } from '../core/platformCore.js';
import { CHANNEL_REFUSED } from '../http/channelRefused.js';
import { preHandlerError, PUSH_CHANNEL_NEEDS_UPGRADE } from '../http/errorResponses.js';
import { releaseUpgrade } from './releaseUpgrade.js';

/** WebSocket close code for a refused channel (credential or path mismatch), in the application range. */
export { CHANNEL_REFUSED };

/**
 * The push channel: `GET /__wxvoip/v1/parties/:partyId/channel?access_token=<credential>` upgrades to a WebSocket.
 * The platform sends the party's numbered push messages as JSON text frames (hello, voipEvent, incomingCall,
 * deviceStatus, appMsg, ping, bye) and reads `pong`/`ack` frames back. A closed socket is a vanished party: its calls
 * abort. The namespace comes from the `x-wxvoip-namespace` header or, since browsers cannot set WebSocket headers, a
 * `namespace` query parameter [I]. The same path without a WebSocket upgrade answers 426 in the transport's shape
 * (a broken handshake is answered 400 by `routeUpgrades` before it gets here).
 */
export function registerPushChannel(app: FastifyInstance, core: PlatformCore): void {
  // What @fastify/websocket's default error handler does (log, terminate), shared by every channel: no closure per
  // socket holds the upgrade request.
  function onChannelError(this: WebSocket, error: Error): void {
    app.log.error(error);
    this.terminate();
  }
  app.route({
    method: 'GET',
    url: PUSH_CHANNEL_PATH,
    schema: { hide: true },
    handler: (request, reply) => {
      const { status, body } = preHandlerError('upgradeRequired', request.method, request.url, PUSH_CHANNEL_NEEDS_UPGRADE);
      return reply.status(status).header('upgrade', 'websocket').type('application/json').send(body);
    },
    wsHandler: (socket, request) => {
      releaseUpgrade(socket, request.raw.socket, onChannelError);
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
    },
  });
}
