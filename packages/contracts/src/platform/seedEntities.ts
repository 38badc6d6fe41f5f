import { z } from 'zod';
import { ModelId, OpenId, Sn } from '../common/identifiers.js';
import { ChargeType } from '../plugin-api/index.js';
import {
  GROUP_DEFAULT_MAX_DEVICE_COUNT,
  GROUP_EXPANDED_MAX_DEVICE_COUNT,
  GROUP_NAME_MAX_BYTES,
  LicensePkgType,
  utf8ByteLength,
} from '../server-api/index.js';
import { RegistrationMethod } from './deviceRegistration.js';
import { DEVICE_NAME_MAX_CHARS } from './phoneOps.js';

/** Which SDK family a model's devices use (D §0.2): Linux direct, RTOS cloud-to-cloud, or Android WMPF. */
export const DeviceKind = z.enum(['linux', 'rtos', 'wmpf'], {
  errorMap: () => ({ message: "kind must be 'linux', 'rtos' or 'wmpf'" }),
});
/** Which SDK family a model's devices use. */
export type DeviceKind = z.infer<typeof DeviceKind>;

/** The VoIP capability review of an app (D §10.1): none, trial (dev/trial builds only) or approved. */
export const VoipCapability = z.enum(['none', 'trial', 'approved'], {
  errorMap: () => ({ message: "voipCapability must be 'none', 'trial' (develop/trial builds only) or 'approved'" }),
});
/** The VoIP capability review of an app. */
export type VoipCapability = z.infer<typeof VoipCapability>;

/**
 * How the deprecated license APIs answer (D §4.11): `stub2024` = the post-2024-09-09 stub (always ok,
 * expire_time 1893427200), `legacy` = the documented package and activation rules with their errcodes.
 */
export const LicenseApiMode = z.enum(['stub2024', 'legacy'], {
  errorMap: () => ({ message: "licenseApis must be 'stub2024' (current stub answers) or 'legacy' (documented errcodes)" }),
});
/** How the deprecated license APIs answer. */
export type LicenseApiMode = z.infer<typeof LicenseApiMode>;

/**
 * An app's billing state (D §10.1, §10.2; the numbers are [I]). `durationBalanceSec: null` = unlimited minutes;
 * `inArrears` forces errcode 15; `enforceLicenseOnCall` checks device licenses at room creation (errcodes 23/24).
 * [I] Whether WeChat still checks licenses after 2024-09-09 is unclear (P §12.13): on by default, switchable.
 */
export const SeedBilling = z.object({
  durationBalanceSec: z.number().int().nonnegative('durationBalanceSec must be 0 or more seconds (null = unlimited)').nullable().default(null),
  inArrears: z.boolean().default(false),
  licenseApis: LicenseApiMode.default('stub2024'),
  enforceLicenseOnCall: z.boolean().default(true),
});
/** An app's billing state. */
export type SeedBilling = z.infer<typeof SeedBilling>;
/** `SeedBilling` as written, before defaults are applied. */
export type SeedBillingInput = z.input<typeof SeedBilling>;

/**
 * A device model of the app (D §10.1): its SDK family, its category (`modelType`, e.g. "门禁机"; groups only hold
 * one type), whether its VoIP capability is approved (errcode 12 when not), and `billing`, the charge type the
 * platform picks when the caller cannot choose (initByCaller, device-initiated calls) [I].
 */
export const SeedModel = z.object({
  modelId: ModelId,
  kind: DeviceKind,
  modelType: z.string({ required_error: 'modelType is required: the device category shown to users, e.g. "doorbell"' }).min(1, 'modelType must not be empty'),
  approved: z.boolean().default(true),
  billing: ChargeType.default('license'),
});
/** A device model of the app. */
export type SeedModel = z.infer<typeof SeedModel>;
/** `SeedModel` as written, before defaults are applied. */
export type SeedModelInput = z.input<typeof SeedModel>;

/** The registration methods each device kind can use (D §1.4, §2.1, §3.1). */
export const REGISTRATION_METHODS_BY_KIND = {
  linux: ['linuxSdk'],
  rtos: ['cloudSdk'],
  wmpf: ['wmpf', 'deviceAuthSdk'],
} as const satisfies Record<DeviceKind, readonly RegistrationMethod[]>;

/**
 * A device of the app (D §10.1). `registered: true` means the (appId, modelId, SN) binding exists already;
 * `registrationMethod` defaults to the kind's usual method. `activated` and `online` matter for WMPF devices
 * (callWMPF needs an activated, online device, D §3.3).
 */
export const SeedDevice = z
  .object({
    sn: Sn,
    modelId: ModelId,
    kind: DeviceKind,
    name: z.string().optional(),
    registered: z.boolean().default(false),
    registrationMethod: RegistrationMethod.optional(),
    activated: z.boolean().default(true),
    online: z.boolean().default(true),
  })
  .superRefine((device, ctx) => {
    const allowed: readonly RegistrationMethod[] = REGISTRATION_METHODS_BY_KIND[device.kind];
    if (device.registrationMethod !== undefined && !allowed.includes(device.registrationMethod)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['registrationMethod'],
        message: `registrationMethod '${device.registrationMethod}' is not available to a ${device.kind} device: use ${allowed.map((m) => `'${m}'`).join(' or ')}`,
      });
    }
    if (device.registrationMethod !== undefined && !device.registered) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['registrationMethod'],
        message: 'registrationMethod needs registered: true (an unregistered device has no registration method yet)',
      });
    }
  });
/** A device of the app. */
export type SeedDevice = z.infer<typeof SeedDevice>;
/** `SeedDevice` as written, before defaults are applied. */
export type SeedDeviceInput = z.input<typeof SeedDevice>;

/**
 * What the user answers when the authorization dialog of `wx.requestDeviceVoIP` appears (D §5.1): accept or
 * reject. Turning the reminder off in settings is the separate `switchOff` revocation.
 */
export const DialogDecision = z.enum(['accept', 'reject'], {
  errorMap: () => ({ message: "dialogDecision must be 'accept' or 'reject'" }),
});
/** What the user answers in the authorization dialog. */
export type DialogDecision = z.infer<typeof DialogDecision>;

/** A WeChat user of the app (openIds are per app, D §0.3), with the answer their dialog will give. */
export const SeedUser = z.object({
  openId: OpenId,
  nickname: z.string({ required_error: 'nickname is required: the name the device shows for this user' }).min(1, 'nickname must not be empty'),
  wechatVersion: z.string().regex(/^\d+(?:\.\d+){1,3}$/, 'wechatVersion must be a dotted version number such as "8.0.54"').default('8.0.54'),
  dialogDecision: DialogDecision.default('accept'),
});
/** A WeChat user of the app. */
export type SeedUser = z.infer<typeof SeedUser>;
/** `SeedUser` as written, before defaults are applied. */
export type SeedUserInput = z.input<typeof SeedUser>;

/** State of an authorization (D §10.1): granted, or refused/switched off (no dialog appears again, D §5.1). */
export const AuthorizationState = z.enum(['authorized', 'rejected'], {
  errorMap: () => ({ message: "state must be 'authorized' or 'rejected'" }),
});
/** State of an authorization. */
export type AuthorizationState = z.infer<typeof AuthorizationState>;

/**
 * One user × device (or × group) authorization (D §5.2). Exactly one of `sn` and `groupId`; `deviceName`
 * (≤ 13 characters, shown as "deviceName + model type") only for a device.
 */
export const SeedAuthorization = z
  .object({
    openId: OpenId,
    sn: Sn.optional(),
    groupId: z.string().min(1, 'groupId must not be empty').optional(),
    state: AuthorizationState.default('authorized'),
    deviceName: z
      .string()
      .min(1, 'deviceName must not be empty')
      .refine((name) => [...name].length <= DEVICE_NAME_MAX_CHARS, `deviceName must be at most ${DEVICE_NAME_MAX_CHARS} characters (authorization dialog limit)`)
      .optional(),
  })
  .superRefine((auth, ctx) => {
    if ((auth.sn === undefined) === (auth.groupId === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['sn'],
        message: 'an authorization names exactly one target: set sn (one device) or groupId (a device group), not both or neither',
      });
    }
    if (auth.deviceName !== undefined && auth.groupId !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['deviceName'],
        message: 'deviceName only applies to a device authorization: a group shows its own name (D §5.1)',
      });
    }
  });
/** One user × device (or × group) authorization. */
export type SeedAuthorization = z.infer<typeof SeedAuthorization>;
/** `SeedAuthorization` as written, before defaults are applied. */
export type SeedAuthorizationInput = z.input<typeof SeedAuthorization>;

/**
 * A device group (D §4.5–§4.9, §8.4): a name of 1–32 UTF-8 bytes, the model it was created with, capacity 50
 * (or 200 after expand) and its member SNs.
 */
export const SeedGroup = z.object({
  groupId: z.string({ required_error: 'groupId is required' }).min(1, 'groupId must not be empty'),
  name: z
    .string({ required_error: 'name is required (the group_name, 1–32 bytes)' })
    .refine((name) => {
      const bytes = utf8ByteLength(name);
      return bytes >= 1 && bytes <= GROUP_NAME_MAX_BYTES;
    }, `name must be 1–${GROUP_NAME_MAX_BYTES} bytes in UTF-8 (group_name rule, D §4.5)`),
  modelId: ModelId,
  maxDeviceCount: z
    .union([z.literal(GROUP_DEFAULT_MAX_DEVICE_COUNT), z.literal(GROUP_EXPANDED_MAX_DEVICE_COUNT)], {
      errorMap: () => ({
        message: `maxDeviceCount must be ${GROUP_DEFAULT_MAX_DEVICE_COUNT} (default) or ${GROUP_EXPANDED_MAX_DEVICE_COUNT} (expanded)`,
      }),
    })
    .default(GROUP_DEFAULT_MAX_DEVICE_COUNT),
  members: z.array(Sn).default([]),
});
/** A device group. */
export type SeedGroup = z.infer<typeof SeedGroup>;
/** `SeedGroup` as written, before defaults are applied. */
export type SeedGroupInput = z.input<typeof SeedGroup>;

/** A device's license (D §4.11): expiry in Unix seconds and the activation numbers used (at most 3). */
export const SeedLicense = z.object({
  sn: Sn,
  expireTime: z.number({ required_error: 'expireTime is required (Unix seconds)' }).int('expireTime must be whole Unix seconds').nonnegative(),
  activeNumbers: z.array(z.number().int().nonnegative()).max(3, 'activeNumbers must hold at most 3 numbers (≤ 3 years per device, D §4.11)').default([]),
});
/** A device's license. */
export type SeedLicense = z.infer<typeof SeedLicense>;
/** `SeedLicense` as written, before defaults are applied. */
export type SeedLicenseInput = z.input<typeof SeedLicense>;

/** A legacy license package (D §4.11) for `getpkglist` in `legacy` mode: type, validity (Unix s) and usage. */
export const SeedLicensePackage = z
  .object({
    pkgId: z.string().min(1, 'pkgId must not be empty'),
    pkgType: LicensePkgType,
    startTime: z.number().int().nonnegative(),
    endTime: z.number().int().nonnegative(),
    all: z.number().int().nonnegative(),
    used: z.number().int().nonnegative().default(0),
  })
  .superRefine((pkg, ctx) => {
    if (pkg.endTime <= pkg.startTime) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['endTime'], message: 'endTime must be after startTime' });
    }
    if (pkg.used > pkg.all) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['used'], message: `used (${pkg.used}) must not exceed all (${pkg.all}) licenses of the package` });
    }
  });
/** A legacy license package. */
export type SeedLicensePackage = z.infer<typeof SeedLicensePackage>;
/** `SeedLicensePackage` as written, before defaults are applied. */
export type SeedLicensePackageInput = z.input<typeof SeedLicensePackage>;
