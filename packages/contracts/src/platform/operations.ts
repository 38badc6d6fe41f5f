import { z } from 'zod';
import { wechatApiContract } from '../server-api/index.js';
import type { WechatRouteKey } from '../server-api/index.js';
import { platformTransportContract } from './transportContract.js';
import type { TransportRouteKey } from './transportContract.js';

/**
 * An operation the platform serves, named after its router and route key: `wechat.<key>` for each emulated
 * api.weixin.qq.com route, `transport.<key>` for each transport route. Faults and journal entries use these.
 */
export type PlatformOperationName = `wechat.${WechatRouteKey}` | `transport.${TransportRouteKey}`;

/** Every emulated WeChat operation, derived from `wechatApiContract` so that none can be missed. */
export const WECHAT_OPERATIONS = (Object.keys(wechatApiContract) as WechatRouteKey[]).map(
  (key) => `wechat.${key}` as const,
);

/** Every transport operation, derived from `platformTransportContract` so that none can be missed. */
export const TRANSPORT_OPERATIONS = (Object.keys(platformTransportContract) as TransportRouteKey[]).map(
  (key) => `transport.${key}` as const,
);

const ALL_OPERATIONS = [...WECHAT_OPERATIONS, ...TRANSPORT_OPERATIONS] as [PlatformOperationName, ...PlatformOperationName[]];

/**
 * One operation of the platform (`wechat.getSnTicket`, `transport.callDevice`, …).
 *
 * @example
 * PlatformOperation.parse('transport.linuxSessionCall');
 */
export const PlatformOperation = z.enum(ALL_OPERATIONS, {
  errorMap: () => ({
    message: "operation must be 'wechat.<route>' or 'transport.<route>' naming a route of wechatApiContract or platformTransportContract (e.g. 'transport.callDevice')",
  }),
});
/** One operation of the platform. */
export type PlatformOperation = z.infer<typeof PlatformOperation>;
