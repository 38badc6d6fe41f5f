import { z } from 'zod';

/**
 * Which build of the mini program the device talks to (`wxa_flavor`, D §1.3, §2.1): release, develop ("DEBUG")
 * or trial ("DEMO"). Use DEBUG or DEMO while developing: release only works after hardware review, and the
 * develop/trial builds come with trial call time. The WMPF push `appType` uses the same numbers.
 */
export const WX_WXA_FLAVOR = {
  /** `WX_WXA_FLAVOR_RELEASE`: the released build. */
  RELEASE: 0,
  /** `WX_WXA_FLAVOR_DEBUG`: the develop build. */
  DEBUG: 1,
  /** `WX_WXA_FLAVOR_DEMO`: the trial build. */
  DEMO: 2,
} as const;

/** A `wxa_flavor` number: 0 release, 1 develop, 2 trial. */
export const WxWxaFlavor = z.nativeEnum(WX_WXA_FLAVOR, {
  errorMap: () => ({ message: 'wxa_flavor must be 0 (WX_WXA_FLAVOR_RELEASE), 1 (WX_WXA_FLAVOR_DEBUG) or 2 (WX_WXA_FLAVOR_DEMO)' }),
});
/** A `wxa_flavor` number. */
export type WxWxaFlavor = z.infer<typeof WxWxaFlavor>;
