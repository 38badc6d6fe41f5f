/**
 * WebSocket close code of a refused push channel (a bad namespace, a credential that is unknown or belongs to another
 * party), in the application range. Both adapters (fastify's `registerPushChannel`, msw's `createPushChannelHandlers`)
 * close with it.
 */
export const CHANNEL_REFUSED = 4401;
