import type { z } from 'zod';
import { BUSINESS_TYPES } from './businessType.js';
import type { BusinessType } from './businessType.js';

/**
 * Every businessType rule of `initByCaller` by id, with what it says (P §3.3, §3.4, §10.2). Issues raised by
 * these rules carry the id in `issue.params.rule`, so a simulator can map them to plugin error codes.
 */
export const INIT_BY_CALLER_RULES = {
  callerIdIsSn: 'businessType 1: caller.id is the calling device SN',
  listenerIdIsSn: 'businessType 2: listener.id is the called device SN',
  pushTokenRequired: "businessType 2: voipToken is the called device's WMPF pushToken",
  facePayVoipTokenRequired: 'businessType 0/3: voipToken is the voip_token of the WeChat Pay face-pay flow',
  deviceTokenRequired: 'businessType 1, device registered with the device-auth SDK: voipToken is its deviceToken',
  voipTokenForbidden: 'businessType 1, device registered with WMPF registerMiniProgramDevice: no voipToken (plugin ≥ 2.3.0)',
  hostMismatch: 'businessType 0/1/3 run inside WMPF on the device; businessType 2 runs inside the WeChat client',
  billingNotSupported: 'businessType 0 bills by duration, 2 by duration only (no license), 3 by license',
  licenseNeedsWmpfRegistration: 'license billing does not support devices registered with the device-auth SDK',
} as const;
/** Id of one `initByCaller` businessType rule. */
export type InitByCallerRule = keyof typeof INIT_BY_CALLER_RULES;

/** One broken `initByCaller` rule: which, where in the request, and a message naming it. */
export interface InitByCallerRuleIssue {
  /** The rule's id (a key of `INIT_BY_CALLER_RULES`). */
  readonly rule: InitByCallerRule;
  /** Path of the offending field in the request. */
  readonly path: readonly (string | number)[];
  /** What is wrong, why, and how to fix it. */
  readonly message: string;
}

/** "businessType 1 (Android WMPF device calls phone WeChat)": how messages name a businessType. */
export function describeBusinessType(businessType: BusinessType): string {
  return `businessType ${businessType} (${BUSINESS_TYPES[businessType].scenario})`;
}

/** Adds an `InitByCallerRuleIssue` to a zod refinement context as a custom issue tagged with its rule id. */
export function addRuleIssue(ctx: z.RefinementCtx, issue: InitByCallerRuleIssue): void {
  ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message, params: { rule: issue.rule } });
}
