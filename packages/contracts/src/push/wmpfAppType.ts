import { z } from 'zod';

/**
 * `appType` of the WMPF push message: which build of the mini program the device opens (P §9.1, D §3.3).
 * Same numbering as the device SDKs' `wxa_flavor`.
 */
export const WMPF_APP_TYPE = {
  /** The released build. */
  RELEASE: 0,
  /** The develop build. */
  DEVELOP: 1,
  /** The trial build. */
  TRIAL: 2,
} as const;

/** A WMPF push `appType`: 0 release, 1 develop, 2 trial. */
export const WmpfAppType = z.nativeEnum(WMPF_APP_TYPE, {
  errorMap: () => ({ message: 'appType must be 0 (release), 1 (develop) or 2 (trial)' }),
});
/** A WMPF push `appType`. */
export type WmpfAppType = z.infer<typeof WmpfAppType>;

/** `callWMPF`'s `envVersion` vocabulary (P §4.1). */
export type WmpfEnvVersion = 'release' | 'develop' | 'trial';

/**
 * The push `appType` for a `callWMPF` `envVersion`. P §12.12 gives no mapping between the two vocabularies;
 * we match them by name (release 0, develop 1, trial 2) [I], see ADR 0004.
 *
 * @example
 * wmpfAppTypeOf('trial'); // 2
 */
export function wmpfAppTypeOf(envVersion: WmpfEnvVersion): WmpfAppType {
  return envVersion === 'release' ? WMPF_APP_TYPE.RELEASE : envVersion === 'develop' ? WMPF_APP_TYPE.DEVELOP : WMPF_APP_TYPE.TRIAL;
}

/** The `envVersion` name of a push `appType` (inverse of `wmpfAppTypeOf`). */
export function envVersionOf(appType: WmpfAppType): WmpfEnvVersion {
  return appType === WMPF_APP_TYPE.RELEASE ? 'release' : appType === WMPF_APP_TYPE.DEVELOP ? 'develop' : 'trial';
}
