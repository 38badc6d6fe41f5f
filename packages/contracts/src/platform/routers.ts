import { controlContract } from './control-contract.js';
import { platformTransportContract } from './transport-contract.js';

/**
 * The mock platform's own routers, for the OpenAPI document and the adapters: `transport` under
 * `/__wxvoip/v1`, `control` under `/__admin`.
 *
 * @example
 * for (const [name, router] of Object.entries(platformRouters)) register(name, router);
 */
export const platformRouters = {
  transport: platformTransportContract,
  control: controlContract,
} as const;

/** The type of {@link platformRouters}. */
export type PlatformRouters = typeof platformRouters;
