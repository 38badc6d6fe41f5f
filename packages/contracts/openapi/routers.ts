import { controlContract, platformTransportContract } from '../src/platform/index.js';
import { wechatApiContract } from '../src/server-api/index.js';

/**
 * The routers the OpenAPI document describes, by name; each name becomes the tag and the operationId prefix of its
 * routes (`wechat.getSnTicket`, `transport.connectParty`, `control.advanceClock`).
 */
export const openApiRouters = {
  wechat: wechatApiContract,
  transport: platformTransportContract,
  control: controlContract,
};

/** The record of routers {@link openApiRouters} holds. */
export type OpenApiRouters = typeof openApiRouters;
