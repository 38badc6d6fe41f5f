import { z } from 'zod';
import { RoomType, Sn } from '../common/identifiers.js';
import { BUSINESS_TYPES, BusinessType } from './businessType.js';
import { MiniprogramState } from './buildVersion.js';
import { CallParty } from './callParty.js';
import { CustomQuery } from './customQuery.js';
import { addRuleIssue, describeBusinessType } from './initByCallerRules.js';
import type { InitByCallerRuleIssue } from './initByCallerRules.js';
import { TimeLimit } from './timeLimit.js';

/** The fields of an `initByCaller` request before the businessType rules (P §3.1). */
const InitByCallerFields = z.object(
  {
    roomType: RoomType,
    caller: CallParty,
    listener: CallParty,
    businessType: BusinessType.default(0),
    voipToken: z.string({ invalid_type_error: 'voipToken must be a string' }).optional(),
    miniprogramState: MiniprogramState.default('formal'),
    customQuery: CustomQuery.optional(),
    timeLimit: TimeLimit.optional(),
  },
  {
    required_error: 'initByCaller needs a request object',
    invalid_type_error: 'initByCaller needs a request object like { roomType, caller, listener, businessType, ... }',
  },
);

type Fields = z.infer<typeof InitByCallerFields>;

/** Checks that a party id holds an SN where the businessType says so; returns the issue if not. */
function snIdIssue(req: Fields, side: 'caller' | 'listener'): InitByCallerRuleIssue | undefined {
  const parsed = Sn.safeParse(req[side].id);
  if (parsed.success) return undefined;
  const detail = parsed.error.issues.map((issue) => issue.message).join('; ');
  return {
    rule: side === 'caller' ? 'callerIdIsSn' : 'listenerIdIsSn',
    path: [side, 'id'],
    message: `${side}.id must be the device SN when ${describeBusinessType(req.businessType)}: ${detail}`,
  };
}

/**
 * The businessType rules the request alone can show (P §3.3): which id is an SN, and when `voipToken` is
 * required. Rules that need to know the device's registration, the host or the billing mode are in
 * `checkInitByCallerContext`.
 */
export function checkInitByCallerRequest(req: Fields): InitByCallerRuleIssue[] {
  const info = BUSINESS_TYPES[req.businessType];
  const issues: InitByCallerRuleIssue[] = [];
  for (const side of ['caller', 'listener'] as const) {
    const kind = side === 'caller' ? info.callerId : info.listenerId;
    const issue = kind === 'sn' ? snIdIssue(req, side) : undefined;
    if (issue) issues.push(issue);
  }
  const hasToken = req.voipToken !== undefined && req.voipToken !== '';
  if (!hasToken && info.voipToken === 'pushToken') {
    issues.push({
      rule: 'pushTokenRequired',
      path: ['voipToken'],
      message: `voipToken is required when ${describeBusinessType(req.businessType)}: pass the device's WMPF pushToken (or use callWMPF)`,
    });
  }
  if (!hasToken && info.voipToken === 'facePayVoipToken') {
    issues.push({
      rule: 'facePayVoipTokenRequired',
      path: ['voipToken'],
      message:
        `voipToken is required when ${describeBusinessType(req.businessType)}: pass the voip_token of the WeChat Pay face-pay flow` +
        (req.businessType === 0 ? ' (businessType defaults to 0; set businessType 1 for a device calling a phone)' : ''),
    });
  }
  return issues;
}

/**
 * `initByCaller(req)` arguments (P §3.1) with the businessType rules of P §3.3 as refinements.
 *
 * Defaults: `businessType` 0 (campus face-pay!), `miniprogramState` `'formal'`, `cameraStatus` 0.
 * `initByCaller` takes no `chargeType`: the backend picks it and reports it in the result.
 * [I] Undocumented keys are dropped, not rejected, as the plugin is not known to reject them.
 *
 * @example
 * InitByCallerRequest.parse({
 *   roomType: 'video', businessType: 1,
 *   caller: { id: 'SN_0001' }, listener: { id: 'o3x_openid' },
 * });
 */
export const InitByCallerRequest = InitByCallerFields.superRefine((req, ctx) => {
  for (const issue of checkInitByCallerRequest(req)) addRuleIssue(ctx, issue);
});
/** `initByCaller` arguments after defaults. */
export type InitByCallerRequest = z.infer<typeof InitByCallerRequest>;
/** `initByCaller` arguments as the caller writes them. */
export type InitByCallerRequestInput = z.input<typeof InitByCallerRequest>;
