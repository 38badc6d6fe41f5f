import type { ZodIssue, ZodIssueCode } from 'zod';
import { findError } from '../errors/findError.js';
import type { WechatRouteKey } from './wechatApiContract.js';
import type { WechatErrorBody } from './wechatErrorBody.js';

/** Which WeChat errcode answers a failed check on one request field. */
export interface WechatIssueRule {
  /** Dot path of the field in the body (the query for `GET /cgi-bin/token`); it covers the field and everything under it. */
  readonly path: string;
  /** The zod issue codes the rule covers; every code when left out. */
  readonly issueCodes?: readonly ZodIssueCode[];
  /** Cover the field itself only, not the fields under it (a list's size rule must not answer for its items). */
  readonly exact?: boolean;
  /** The errcode WeChat answers for such a request. */
  readonly errcode: number;
}

/** How one route turns request validation issues into WeChat's error body: the first matching rule, else `fallback`. */
export interface WechatValidationRules {
  /** The errcode for an issue no rule covers (47001 "data format error" on most routes). */
  readonly fallback: number;
  /** Field rules, tried in order. */
  readonly rules: readonly WechatIssueRule[];
}

const MISSING: readonly ZodIssueCode[] = ['invalid_type', 'too_small'];

/**
 * Per route, which documented errcode answers a request that fails the contract's schema, so that the mock replies
 * in WeChat's shape (HTTP 200 `{ errcode, errmsg }`) instead of a validation 400. Which code WeChat gives for a
 * malformed field is documented for a few fields only (sn, group_name, msg, grant_type/appid/secret); the others
 * fall back to the route's generic "bad argument" code ([I], ADR 0006).
 */
export const wechatValidationRules: Readonly<Record<WechatRouteKey, WechatValidationRules>> = {
  getAccessToken: {
    fallback: 40002, // unreachable in practice: every query field has a rule
    rules: [
      { path: 'grant_type', errcode: 40002 },
      { path: 'appid', issueCodes: MISSING, errcode: 41002 },
      { path: 'appid', errcode: 40013 },
      { path: 'secret', errcode: 41004 },
    ],
  },
  getStableAccessToken: {
    fallback: 47001,
    rules: [
      { path: 'grant_type', errcode: 40002 },
      { path: 'appid', issueCodes: MISSING, errcode: 41002 },
      { path: 'secret', issueCodes: MISSING, errcode: 41004 },
    ],
  },
  getSnTicket: {
    fallback: 47001,
    rules: [
      { path: 'sn', issueCodes: ['too_big'], errcode: 9800001 },
      { path: 'sn', issueCodes: ['invalid_string'], errcode: 9800002 },
      { path: 'model_id', issueCodes: ['too_small'], errcode: 9800003 },
    ],
  },
  sendHardwareDeviceMessage: {
    fallback: 47003, // "argument invalid; errmsg names the field" (D §4.4)
    rules: [
      { path: 'to_openid_list', issueCodes: ['too_small'], errcode: 40032 },
      { path: 'template_id', issueCodes: ['too_small'], errcode: 40037 },
    ],
  },
  createIotGroupId: {
    fallback: 47001,
    rules: [
      { path: 'group_name', issueCodes: ['custom'], errcode: 9800012 },
      { path: 'model_id', issueCodes: ['too_small'], errcode: 9800003 },
    ],
  },
  getIotGroupInfo: { fallback: 47001, rules: [{ path: 'group_id', issueCodes: ['too_small'], errcode: 9800013 }] },
  addIotGroupDevice: {
    fallback: 47001,
    rules: [
      { path: 'group_id', issueCodes: ['too_small'], errcode: 9800013 },
      { path: 'device_list', issueCodes: ['too_big'], exact: true, errcode: 9800016 },
    ],
  },
  removeIotGroupDevice: { fallback: 47001, rules: [{ path: 'group_id', issueCodes: ['too_small'], errcode: 9800013 }] },
  expandGroup: { fallback: 47001, rules: [{ path: 'group_id', issueCodes: ['too_small'], errcode: 9800013 }] },
  getLicensePkgList: { fallback: 47001, rules: [] },
  activeLicenseDevice: { fallback: 47001, rules: [{ path: 'device_list', issueCodes: ['too_big'], exact: true, errcode: 9800020 }] },
  getLicenseDeviceInfo: { fallback: 47001, rules: [{ path: 'device_list', issueCodes: ['too_big'], exact: true, errcode: 9800020 }] },
  addRuntimeDevice: { fallback: 47001, rules: [] },
  pushAppMsg: {
    fallback: 40101, // "bad parameter" (D §3.4)
    rules: [{ path: 'msg', issueCodes: ['custom'], errcode: 45002 }],
  },
  iotVoipCall: { fallback: 47001, rules: [] },
};

const covers = (rule: WechatIssueRule, issue: ZodIssue): boolean => {
  const path = issue.path.join('.');
  const onField = path === rule.path || (rule.exact !== true && path.startsWith(`${rule.path}.`));
  return onField && (rule.issueCodes === undefined || rule.issueCodes.includes(issue.code));
};

/**
 * WeChat's error body for a request that failed the contract's schema: the first issue decides the errcode (see
 * {@link wechatValidationRules}); `errmsg` is WeChat's documented literal for that errcode where the catalogue has
 * one (`wireErrmsg`), otherwise the issue's message, with its path when the field is nested.
 *
 * @example
 * const result = GetSnTicketRequest.safeParse(body);
 * if (!result.success) return toWechatValidationError('getSnTicket', result.error.issues);
 * // → { errcode: 9800002, errmsg: 'sn包含非法字符,请参考文档' }
 */
export function toWechatValidationError(route: WechatRouteKey, issues: readonly ZodIssue[]): WechatErrorBody {
  const { fallback, rules } = wechatValidationRules[route];
  const [first] = issues;
  if (first === undefined) return { errcode: fallback, errmsg: 'invalid request' };
  const errcode = rules.find((rule) => covers(rule, first))?.errcode ?? fallback;
  // WeChat's documented wire literal wins (getsnticket's 9800001/9800002, D §4.3): backends log and match it.
  const entry = findError('server-api', errcode);
  if (entry !== undefined && 'wireErrmsg' in entry && typeof entry.wireErrmsg === 'string') return { errcode, errmsg: entry.wireErrmsg };
  const errmsg = first.path.length > 1 ? `${first.message} (at ${first.path.join('.')})` : first.message;
  return { errcode, errmsg };
}
