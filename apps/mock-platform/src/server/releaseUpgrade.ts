import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Lets go of the upgrade's HTTP response once `ws` owns the socket, so that an open channel holds its socket and
 * nothing of its upgrade (issue 19, ADR 0034: about 13 KB per party, 27 KB per talking room).
 *
 * The upgrade is routed through fastify with a `ServerResponse` assigned to the TCP socket (so that fastify's own
 * answers, such as a 503 while closing, reach the client); the socket keeps that response, and through it the
 * request, for its whole life unless the response is detached. The wire is unchanged: the 101 is already written
 * and the socket belongs to `ws`.
 */
export function releaseUpgrade(response: ServerResponse, socket: Duplex): void {
  if (response.socket === socket) response.detachSocket(socket as NonNullable<ServerResponse['socket']>);
}
