import { z } from 'zod';
import { AppId, OpenId, RoomId, Sn } from '../common/identifiers.js';
import { PushConfig } from './pushConfig.js';
import { AuthorizationState, DialogDecision, SeedBilling, SeedGroup, SeedModel, SeedUser, VoipCapability } from './seedEntities.js';

/** An app as the control API shows it: settings, models, and how many of each entity it holds. */
export const AppView = z.object({
  appId: AppId,
  name: z.string().nullable(),
  originalId: z.string(),
  voipCapability: VoipCapability,
  pushConfig: PushConfig.nullable(),
  billing: SeedBilling,
  models: z.array(SeedModel),
  counts: z.object({
    devices: z.number().int().nonnegative(),
    users: z.number().int().nonnegative(),
    authorizations: z.number().int().nonnegative(),
    groups: z.number().int().nonnegative(),
    rooms: z.number().int().nonnegative(),
  }),
});
/** An app as the control API shows it. */
export type AppView = z.infer<typeof AppView>;
/** `AppView` as written, before defaults are applied. */
export type AppViewInput = z.input<typeof AppView>;

/**
 * Body of `updateApp`: change the secret (existing access_tokens stay valid until they expire), the capability
 * review, or the message push configuration (`null` removes it: callbacks then fail as undeliverable).
 *
 * @example
 * AppPatch.parse({ voipCapability: 'none' }); // every call now fails with errcode 12
 */
export const AppPatch = z
  .object({
    secret: z.string().regex(/^\S+$/, 'secret must be a non-empty string without spaces').optional(),
    voipCapability: VoipCapability.optional(),
    pushConfig: PushConfig.nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'an app patch must change at least one of secret, voipCapability, pushConfig',
  });
/** Body of `updateApp`. */
export type AppPatch = z.infer<typeof AppPatch>;

/** A user as the control API shows it: the seed fields plus whether they are in a call now (callee busy). */
export const UserView = SeedUser.extend({
  appId: AppId,
  currentRoomId: RoomId.nullable(),
});
/** A user as the control API shows it. */
export type UserView = z.infer<typeof UserView>;
/** `UserView` as written, before defaults are applied. */
export type UserViewInput = z.input<typeof UserView>;

/** Body of `putUser`: create or replace a user of the app (the openId comes from the path). */
export const PutUserBody = SeedUser.omit({ openId: true });
/** Body of `putUser`. */
export type PutUserBody = z.infer<typeof PutUserBody>;
/** `PutUserBody` as written, before defaults are applied. */
export type PutUserBodyInput = z.input<typeof PutUserBody>;

/** An authorization as the control API shows it (exactly one of `sn` and `groupId` is set). */
export const AuthorizationView = z.object({
  openId: OpenId,
  sn: Sn.nullable(),
  groupId: z.string().nullable(),
  state: AuthorizationState,
  deviceName: z.string().nullable(),
  updatedAt: z.number().int().nonnegative(),
});
/** An authorization as the control API shows it. */
export type AuthorizationView = z.infer<typeof AuthorizationView>;

/** Query of `listAuthorizations`: narrow by user or device. */
export const AuthorizationListQuery = z.object({ openId: OpenId.optional(), sn: Sn.optional() });
/** Query of `listAuthorizations`. */
export type AuthorizationListQuery = z.infer<typeof AuthorizationListQuery>;

/**
 * The user's move when the authorization dialog is simulated: `accept`, `reject` (taps deny), or `switchOff`
 * (accepts, then turns the reminder off in settings: the state ends up rejected and no dialog shows again).
 */
export const AuthorizationDecision = z.enum(['accept', 'reject', 'switchOff'], {
  errorMap: () => ({ message: "decision must be 'accept', 'reject' or 'switchOff'" }),
});
/** The user's move in a simulated authorization dialog. */
export type AuthorizationDecision = z.infer<typeof AuthorizationDecision>;

/** Exactly one target: a device `sn` or a `groupId`. */
function oneTarget(value: { sn?: string | undefined; groupId?: string | undefined }, ctx: z.RefinementCtx): void {
  if ((value.sn === undefined) === (value.groupId === undefined)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['sn'],
      message: 'name exactly one target: sn (one device) or groupId (a device group), not both or neither',
    });
  }
}

/**
 * Body of `requestAuthorization`: the phone-side `wx.requestDeviceVoIP` (D §5.1) simulated for `openId` with
 * the user's `decision`. `snTicket` is checked when given (10008 if wrong); without it the ticket step is
 * skipped. The documented failures still apply: 10001 already authorized, 10021 previously rejected or switched
 * off (no dialog), −12001 app or model without the VoIP capability.
 *
 * @example
 * RequestAuthorizationBody.parse({ openId: 'openid-carol', sn: 'SN-RTOS-0001', deviceName: 'Garden', decision: 'accept' });
 */
export const RequestAuthorizationBody = z
  .object({
    openId: OpenId,
    sn: Sn.optional(),
    groupId: z.string().min(1, 'groupId must not be empty').optional(),
    deviceName: z.string().optional(),
    snTicket: z.string().min(1, 'snTicket must not be empty; omit it to skip the ticket check').optional(),
    decision: AuthorizationDecision.default('accept'),
  })
  .superRefine(oneTarget);
/** Body of `requestAuthorization`. */
export type RequestAuthorizationBody = z.infer<typeof RequestAuthorizationBody>;
/** `RequestAuthorizationBody` as written, before defaults are applied. */
export type RequestAuthorizationBodyInput = z.input<typeof RequestAuthorizationBody>;

/**
 * Result of `requestAuthorization`: `ok` with the authorization, or the failure `wx.requestDeviceVoIP` reports
 * (`errCode`, `errMsg`). [I] A first-time "deny" is reported with 10021: the exact code is undocumented (D §9.13).
 */
export const AuthorizationOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), errMsg: z.literal('requestDeviceVoIP:ok'), authorization: AuthorizationView }),
  z.object({ ok: z.literal(false), errCode: z.number().int(), errMsg: z.string(), authorization: AuthorizationView.nullable() }),
]);
/** Result of `requestAuthorization`. */
export type AuthorizationOutcome = z.infer<typeof AuthorizationOutcome>;

/**
 * Body of `revokeAuthorization` (D §5.2): `switchOff` turns one authorization off in settings (state rejected,
 * no dialog again; needs a target); `deleteFromRecent` deletes the mini program from "recently used", erasing
 * every authorization of the user in this app.
 */
export const RevokeAuthorizationBody = z
  .object({
    openId: OpenId,
    how: z.enum(['switchOff', 'deleteFromRecent'], {
      errorMap: () => ({ message: "how must be 'switchOff' (one target) or 'deleteFromRecent' (all of the user's authorizations)" }),
    }),
    sn: Sn.optional(),
    groupId: z.string().min(1).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.how === 'switchOff') oneTarget(body, ctx);
    if (body.how === 'deleteFromRecent' && (body.sn !== undefined || body.groupId !== undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['sn'],
        message: 'deleteFromRecent erases every authorization of the user in this app: drop sn and groupId',
      });
    }
  });
/** Body of `revokeAuthorization`. */
export type RevokeAuthorizationBody = z.infer<typeof RevokeAuthorizationBody>;

/** Result of `revokeAuthorization`: how many authorizations changed. */
export const RevokeAuthorizationResult = z.object({ changed: z.number().int().nonnegative() });
/** Result of `revokeAuthorization`. */
export type RevokeAuthorizationResult = z.infer<typeof RevokeAuthorizationResult>;

/** A device group as the control API shows it (WeChat offers no list API; this one is for tests). */
export const GroupView = SeedGroup.extend({ modelType: z.string() });
/** A device group as the control API shows it. */
export type GroupView = z.infer<typeof GroupView>;
/** `GroupView` as written, before defaults are applied. */
export type GroupViewInput = z.input<typeof GroupView>;

/**
 * Body of `updateUser`: change the nickname, the WeChat version or what the user's next authorization dialogs
 * answer (`dialogDecision`).
 *
 * @example
 * UserPatch.parse({ dialogDecision: 'reject' });
 */
export const UserPatch = z
  .object({
    nickname: z.string().min(1, 'nickname must not be empty').optional(),
    wechatVersion: z.string().regex(/^\d+(?:\.\d+){1,3}$/, 'wechatVersion must be a dotted version number such as "8.0.54"').optional(),
    dialogDecision: DialogDecision.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'a user patch must change at least one of nickname, wechatVersion, dialogDecision',
  });
/** Body of `updateUser`. */
export type UserPatch = z.infer<typeof UserPatch>;
