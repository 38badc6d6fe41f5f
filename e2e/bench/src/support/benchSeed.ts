import type { SeedInput } from '@wxvoip/contracts';

/** The bench app. */
export const BENCH_APP = 'wx_bench_app';
/** The bench doorbells' model. */
export const BENCH_MODEL = 'model-bench-doorbell';
/** The n-th bench doorbell. */
export const benchSn = (i: number): string => `SN-BENCH-${i}`;
/** The n-th bench user. */
export const benchOpenId = (i: number): string => `openid-bench-${i}`;

/**
 * A seed with `pairs` licensed Linux doorbells and as many users, so that `pairs` phone → doorbell calls can run at
 * once (each phone calls its own doorbell; `callDevice` needs no authorization since plugin 2.4.1, P §8.2).
 */
export function benchSeed(pairs: number): SeedInput {
  const indexes = Array.from({ length: pairs }, (_, i) => i);
  return {
    version: 1,
    description: `wxvoip bench: ${pairs} doorbells and their users`,
    apps: [
      {
        appId: BENCH_APP,
        secret: 'bench-secret',
        voipCapability: 'approved',
        billing: { durationBalanceSec: 36_000, inArrears: false, licenseApis: 'stub2024', enforceLicenseOnCall: true },
        models: [{ modelId: BENCH_MODEL, kind: 'linux', modelType: 'doorbell', approved: true, billing: 'license' }],
        devices: indexes.map((i) => ({ sn: benchSn(i), modelId: BENCH_MODEL, kind: 'linux' as const, registered: true })),
        users: indexes.map((i) => ({ openId: benchOpenId(i), nickname: `User ${i}` })),
        licenses: indexes.map((i) => ({ sn: benchSn(i), expireTime: 1_893_427_200, activeNumbers: [10_000 + i] })),
      },
    ],
  };
}
