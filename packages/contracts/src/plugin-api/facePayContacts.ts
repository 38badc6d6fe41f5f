import { z } from 'zod';
import { OpenId } from '../common/identifiers.js';

/**
 * A WeChat Pay face-pay `user_id` (the child's id in the campus scenario, P §5.8). Its format is not
 * documented; it must not be empty.
 */
export const FacePayUserId = z
  .string({ required_error: 'userId is required: the face-pay user_id', invalid_type_error: 'userId must be a string (the face-pay user_id)' })
  .min(1, 'userId must not be empty: it is the face-pay user_id');
/** A WeChat Pay face-pay `user_id`. */
export type FacePayUserId = z.infer<typeof FacePayUserId>;

/** `bindVoipAdminContact(req)` argument: bind the current user as admin of `userId` (P §5.8). Needs `scope.voip`. */
export const BindVoipAdminContactRequest = z.object({ userId: FacePayUserId });
/** `bindVoipAdminContact` argument. */
export type BindVoipAdminContactRequest = z.infer<typeof BindVoipAdminContactRequest>;

/**
 * `getBindContactPath(req)` argument (P §5.8): child info for the share path. [I] Only `userId` is
 * required; the reference lists `userName` and `userAvatar` without saying whether they are.
 */
export const GetBindContactPathRequest = z.object({
  userId: FacePayUserId,
  userName: z.string({ invalid_type_error: 'userName must be a string (the child name shown on the share card)' }).optional(),
  userAvatar: z.string({ invalid_type_error: 'userAvatar must be a string (the child avatar URL)' }).optional(),
});
/** `getBindContactPath` argument. */
export type GetBindContactPathRequest = z.infer<typeof GetBindContactPathRequest>;

/** `getBindContactPath` result: a page path for `onShareAppMessage`; extra `&k=v` may be appended (P §5.8). */
export const GetBindContactPathResult = z.string().min(1, 'the bind-contact path must not be empty');
/** `getBindContactPath` result. */
export type GetBindContactPathResult = z.infer<typeof GetBindContactPathResult>;

/** `getVoipBindContactList(req)` argument: whose contacts to list (P §5.8). */
export const GetVoipBindContactListRequest = z.object({ userId: FacePayUserId });
/** `getVoipBindContactList` argument. */
export type GetVoipBindContactListRequest = z.infer<typeof GetVoipBindContactListRequest>;

/** One entry of `getVoipBindContactList`'s result (P §5.8): `is_ad` 1 = admin. */
export const VoipBindContact = z.object({
  user_id: z.string(),
  is_ad: z.union([z.literal(0), z.literal(1)], { errorMap: () => ({ message: 'is_ad must be 1 (admin) or 0 (contact)' }) }),
  openid_list: z.array(OpenId),
});
/** One entry of `getVoipBindContactList`'s result. */
export type VoipBindContact = z.infer<typeof VoipBindContact>;

/** `getVoipBindContactList` result; an admin sees every contact, itself included (P §5.8). */
export const GetVoipBindContactListResult = z.array(VoipBindContact);
/** `getVoipBindContactList` result. */
export type GetVoipBindContactListResult = z.infer<typeof GetVoipBindContactListResult>;

/** `deleteVoipBindContact(req)` argument (P §5.8): admin only; an admin cannot delete itself. */
export const DeleteVoipBindContactRequest = z.object({
  userId: FacePayUserId,
  openidList: z.array(OpenId, {
    required_error: 'openidList is required: the contacts to delete',
    invalid_type_error: 'openidList must be an array of openIds',
  }),
});
/** `deleteVoipBindContact` argument. */
export type DeleteVoipBindContactRequest = z.infer<typeof DeleteVoipBindContactRequest>;

/** `transerAdmin(req)` argument (P §5.8; WeChat's spelling): hand the admin role to another contact. Admin only. */
export const TranserAdminRequest = z.object({
  userId: FacePayUserId,
  newAdminOpenid: OpenId,
});
/** `transerAdmin` argument. */
export type TranserAdminRequest = z.infer<typeof TranserAdminRequest>;

/**
 * Result of `bindVoipAdminContact`, `deleteVoipBindContact` and `transerAdmin`: undocumented (P §12.17),
 * so nothing is assumed about it.
 */
export const FacePayContactResult = z.unknown();
/** Result of the undocumented face-pay contact calls. */
export type FacePayContactResult = z.infer<typeof FacePayContactResult>;
