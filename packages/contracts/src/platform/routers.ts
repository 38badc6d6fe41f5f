import { controlContract } from './controlContract.js';
import { platformTransportContract } from './transportContract.js';

/**
 * The mock platform's own routers, for the OpenAPI document and the adapters: `transport` under
 * `/__wxvoip/v1`, `control` under `/__admin`.
 *
 * @example
 * for (const [name, router] of Object.entries(platformRouters)) register(name, router);
 */
export const platformRouters: PlatformRouters = {
  transport: platformTransportContract,
  control: controlContract,
} as const;

/** The type of {@link platformRouters} (spelled out: the inferred type is too long for a declaration file). */
export type PlatformRouters = {
  readonly transport: typeof platformTransportContract;
  readonly control: typeof controlContract;
};
