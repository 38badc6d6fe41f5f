import type { SeedInput } from '@wxvoip/contracts';

/**
 * A seed of one app with `count` registered, licensed Linux doorbells (`SN-0`…) and as many users (`u-0`…), model
 * `m`, unmetered billing: what the room benchmarks and memory guards call with.
 *
 * @example
 * new PlatformTenant({ seed: doorbellSeed('wx-bench', 1000) });
 */
export function doorbellSeed(appId: string, count: number): SeedInput {
  const sns = Array.from({ length: count }, (_, i) => `SN-${i}`);
  return {
    apps: [
      {
        appId,
        secret: 's',
        billing: { durationBalanceSec: null },
        models: [{ modelId: 'm', kind: 'linux', modelType: 'doorbell' }],
        devices: sns.map((sn) => ({ sn, modelId: 'm', kind: 'linux' as const, registered: true })),
        users: sns.map((_, i) => ({ openId: `u-${i}`, nickname: `u-${i}` })),
        licenses: sns.map((sn) => ({ sn, expireTime: 1_893_427_200 })),
      },
    ],
  };
}
