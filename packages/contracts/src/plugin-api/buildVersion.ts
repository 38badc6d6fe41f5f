import { z } from 'zod';

/**
 * Which build of the mini program the listener opens from an `initByCaller` reminder (P §3.1).
 * Since plugin 2.1.8 a release build can only call a release build, so the field is ignored for
 * release callers.
 */
export const MiniprogramState = z.enum(['formal', 'trial', 'developer'], {
  errorMap: () => ({ message: "miniprogramState must be 'formal' (release), 'trial' or 'developer'" }),
});
/** Which build of the mini program the listener opens (initByCaller vocabulary). */
export type MiniprogramState = z.infer<typeof MiniprogramState>;

/**
 * Which build of the mini program the device opens from a `callWMPF` push (P §4.1). Same meaning as
 * {@link MiniprogramState}, different words (P §12.12).
 */
export const EnvVersion = z.enum(['release', 'trial', 'develop'], {
  errorMap: () => ({ message: "envVersion must be 'release', 'trial' or 'develop'" }),
});
/** Which build of the mini program the device opens (callWMPF vocabulary). */
export type EnvVersion = z.infer<typeof EnvVersion>;

/**
 * [I] The two build vocabularies mapped onto each other (P §12.12 notes no mapping is documented;
 * this one follows the words' meaning).
 */
export const ENV_VERSION_BY_MINIPROGRAM_STATE = {
  formal: 'release',
  trial: 'trial',
  developer: 'develop',
} as const satisfies Record<MiniprogramState, EnvVersion>;

/**
 * `appType` of the WMPF push message for each build (P §9.1: 0 release, 1 develop, 2 trial [D]; the
 * pairing with {@link EnvVersion} words is [I]).
 */
export const WMPF_APP_TYPE_BY_ENV_VERSION = {
  release: 0,
  develop: 1,
  trial: 2,
} as const satisfies Record<EnvVersion, number>;
