import { z } from 'zod';
import type { ChargeType } from './chargeType.js';
import type { PluginHost } from './pluginHost.js';

/**
 * `initByCaller` business mode (P §3.3): `0` campus face-pay with duration billing (the default!),
 * `1` Android WMPF device calls phone, `2` phone calls Android WMPF device, `3` campus face-pay with
 * license billing (plugin ≥ 2.3.8).
 */
export const BusinessType = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  errorMap: () => ({
    message: 'businessType must be 0 (face-pay, duration), 1 (device calls phone), 2 (phone calls WMPF device) or 3 (face-pay, license)',
  }),
});
/** `initByCaller` business mode. */
export type BusinessType = z.infer<typeof BusinessType>;

/** What an `initByCaller` party id holds: a device SN, a WeChat openId, or a WeChat Pay face-pay `user_id`. */
export type PartyIdKind = 'sn' | 'openId' | 'facePayUserId';

/** What `voipToken` must be for one businessType. */
export type VoipTokenKind = 'facePayVoipToken' | 'deviceTokenUnlessWmpfRegistered' | 'pushToken';

/** One row of the businessType table (P §3.3, §3.4, §10.2). */
export interface BusinessTypeInfo {
  /** Short name of the scenario. */
  readonly scenario: string;
  /** What `caller.id` holds. */
  readonly callerId: PartyIdKind;
  /** What `listener.id` holds. */
  readonly listenerId: PartyIdKind;
  /** What `voipToken` must be. */
  readonly voipToken: VoipTokenKind;
  /** Billing modes the backend may use for it. */
  readonly chargeTypes: readonly ChargeType[];
  /** Where `initByCaller` must be called for it. */
  readonly host: PluginHost;
  /** First plugin version supporting it; `null` = older than the changelog (which starts at 2.3.8). */
  readonly since: string | null;
  /** Preconditions the backend checks that the request itself cannot show. */
  readonly backendChecks: readonly string[];
}

const FACE_PAY_CHECKS = [
  'caller is a WeChat Pay face-recognition device (Android, WMPF ≤ 2.0); device calls phone only',
  "listener granted scope.voip via wx.authorize, else errCode 8",
  'listener is a bound contact of the caller user_id, else errCode 9',
] as const;

/**
 * The businessType table as data (P §3.3; host from §3.4; billing from §10.2). The request refinements of
 * `InitByCallerRequest` and `checkInitByCallerContext` are driven by it.
 */
export const BUSINESS_TYPES = {
  0: {
    scenario: 'campus face-pay, duration billing',
    callerId: 'facePayUserId',
    listenerId: 'openId',
    voipToken: 'facePayVoipToken',
    chargeTypes: ['duration'],
    host: 'wmpf',
    since: null,
    backendChecks: FACE_PAY_CHECKS,
  },
  1: {
    scenario: 'Android WMPF device calls phone WeChat',
    callerId: 'sn',
    listenerId: 'openId',
    voipToken: 'deviceTokenUnlessWmpfRegistered',
    chargeTypes: ['duration', 'license'],
    host: 'wmpf',
    since: null,
    backendChecks: ['listener openId authorized the device with wx.requestDeviceVoIP, else errCode 9'],
  },
  2: {
    scenario: 'phone WeChat calls Android WMPF device',
    callerId: 'openId',
    listenerId: 'sn',
    voipToken: 'pushToken',
    chargeTypes: ['duration'],
    host: 'wechat',
    since: null,
    backendChecks: [
      'caller openId authorized the device with wx.requestDeviceVoIP, else errCode 9',
      'listener is an Android WMPF device (Linux devices: use callDevice)',
    ],
  },
  3: {
    scenario: 'campus face-pay, license billing',
    callerId: 'facePayUserId',
    listenerId: 'openId',
    voipToken: 'facePayVoipToken',
    chargeTypes: ['license'],
    host: 'wmpf',
    since: '2.3.8',
    backendChecks: FACE_PAY_CHECKS,
  },
} as const satisfies Record<BusinessType, BusinessTypeInfo>;
