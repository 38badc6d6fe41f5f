import { controlContract, platformTransportContract } from '../src/platform/index.js';
import { wechatApiContract } from '../src/server-api/index.js';

/**
 * The routers the OpenAPI document describes, by name; each name becomes the tag and the operationId prefix of its
 * routes (`wechat.getSnTicket`, `transport.connectParty`, `control.advanceClock`).
 */
export const openApiRouters: OpenApiRouters = {
  wechat: wechatApiContract,
  transport: platformTransportContract,
  control: controlContract,
};

/** The record of routers {@link openApiRouters} holds (spelled out: the inferred type is too long for a declaration file). */
export type OpenApiRouters = {
  readonly wechat: typeof wechatApiContract;
  readonly transport: typeof platformTransportContract;
  readonly control: typeof controlContract;
};
