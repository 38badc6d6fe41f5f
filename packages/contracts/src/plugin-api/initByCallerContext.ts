import { z } from 'zod';
import { BUSINESS_TYPES } from './businessType.js';
import { ChargeType } from './chargeType.js';
import { InitByCallerRequest } from './initByCallerRequest.js';
import { addRuleIssue, describeBusinessType } from './initByCallerRules.js';
import type { InitByCallerRuleIssue } from './initByCallerRules.js';
import { PluginHost } from './pluginHost.js';

/**
 * How an Android device was registered for VoIP (P §8.3, D §3.1): `'wmpf'` via WMPF
 * `registerMiniProgramDevice` (WMPF fetches the deviceToken itself), `'deviceAuthSdk'` via the older
 * device-auth SDK (`registerDevice` + `getDeviceToken`).
 */
export const RegistrationMode = z.enum(['wmpf', 'deviceAuthSdk'], {
  errorMap: () => ({ message: "registrationMode must be 'wmpf' (registerMiniProgramDevice) or 'deviceAuthSdk' (registerDevice + getDeviceToken)" }),
});
/** How an Android device was registered for VoIP. */
export type RegistrationMode = z.infer<typeof RegistrationMode>;

/**
 * Facts about a call that the `initByCaller` request cannot carry, but that decide whether it is valid:
 * the calling device's registration, the host the plugin runs in, and the billing mode the app needs.
 * Every field is optional; a rule whose fact is missing is not checked.
 */
export const InitByCallerContext = z.object({
  registrationMode: RegistrationMode.optional(),
  host: PluginHost.optional(),
  billing: ChargeType.optional(),
});
/** Facts about a call that the `initByCaller` request cannot carry. */
export type InitByCallerContext = z.infer<typeof InitByCallerContext>;

type TokenFields = Pick<InitByCallerRequest, 'businessType' | 'voipToken'>;

/**
 * The voipToken rule of businessType 1, which depends on how the calling device was registered (P §3.3):
 * a device-auth-SDK device must pass its deviceToken; a WMPF-registered device must not pass the field
 * (plugin ≥ 2.3.0). Other businessTypes are unaffected. Returns the broken rule, or `undefined`.
 *
 * @example
 * checkVoipTokenForRegistration({ businessType: 1, voipToken: 'tok' }, 'wmpf')?.rule; // 'voipTokenForbidden'
 */
export function checkVoipTokenForRegistration(req: TokenFields, mode: RegistrationMode): InitByCallerRuleIssue | undefined {
  if (BUSINESS_TYPES[req.businessType].voipToken !== 'deviceTokenUnlessWmpfRegistered') return undefined;
  if (mode === 'wmpf' && req.voipToken !== undefined) {
    return {
      rule: 'voipTokenForbidden',
      path: ['voipToken'],
      message: `voipToken must be omitted when ${describeBusinessType(req.businessType)} and the device was registered with WMPF registerMiniProgramDevice: WMPF fetches the deviceToken itself (plugin ≥ 2.3.0)`,
    };
  }
  if (mode === 'deviceAuthSdk' && (req.voipToken === undefined || req.voipToken === '')) {
    return {
      rule: 'deviceTokenRequired',
      path: ['voipToken'],
      message: `voipToken is required when ${describeBusinessType(req.businessType)} and the device was registered with the device-auth SDK: pass its deviceToken from getDeviceToken()`,
    };
  }
  return undefined;
}

/**
 * The businessType rules that need the {@link InitByCallerContext} (P §3.3, §3.4, §10.2): voipToken by
 * registration mode, the host each businessType runs in, and which billing modes it supports.
 */
export function checkInitByCallerContext(req: InitByCallerRequest, context: InitByCallerContext): InitByCallerRuleIssue[] {
  const info = BUSINESS_TYPES[req.businessType];
  const issues: InitByCallerRuleIssue[] = [];
  if (context.registrationMode) {
    const issue = checkVoipTokenForRegistration(req, context.registrationMode);
    if (issue) issues.push(issue);
  }
  if (context.host && context.host !== info.host) {
    issues.push({
      rule: 'hostMismatch',
      path: ['businessType'],
      message:
        info.host === 'wechat'
          ? `${describeBusinessType(req.businessType)} must be called inside the WeChat client on the phone, not inside WMPF; a device calls a phone with businessType 1`
          : `${describeBusinessType(req.businessType)} must be called inside WMPF on the device, not in the WeChat client; a phone calls a device with callWMPF or callDevice`,
    });
  }
  const chargeTypes: readonly ChargeType[] = info.chargeTypes;
  if (context.billing && !chargeTypes.includes(context.billing)) {
    const hint: Record<number, string> = {
      0: 'use businessType 3 for face-pay with license billing (plugin ≥ 2.3.8)',
      2: "it does not support license billing; use callWMPF, which bills by license by default",
      3: 'use businessType 0 for face-pay with duration billing',
    };
    issues.push({
      rule: 'billingNotSupported',
      path: ['businessType'],
      message: `${describeBusinessType(req.businessType)} cannot bill by ${context.billing}: ${hint[req.businessType] ?? 'pick another businessType'}`,
    });
  }
  if (req.businessType === 1 && context.billing === 'license' && context.registrationMode === 'deviceAuthSdk') {
    issues.push({
      rule: 'licenseNeedsWmpfRegistration',
      path: ['voipToken'],
      message:
        'license billing does not support devices registered with the device-auth SDK (voipToken = deviceToken): re-register the device with WMPF registerMiniProgramDevice and omit voipToken',
    });
  }
  return issues;
}

/**
 * `InitByCallerRequest` plus the rules that need the {@link InitByCallerContext}. Use it where the context
 * is known (the plugin simulator knows its host; the mock platform knows the device's registration).
 *
 * @example
 * initByCallerRequestFor({ registrationMode: 'wmpf', host: 'wmpf' }).parse(req);
 */
export function initByCallerRequestFor(context: InitByCallerContext) {
  const checked = InitByCallerContext.parse(context);
  return InitByCallerRequest.superRefine((req, ctx) => {
    for (const issue of checkInitByCallerContext(req, checked)) addRuleIssue(ctx, issue);
  });
}
