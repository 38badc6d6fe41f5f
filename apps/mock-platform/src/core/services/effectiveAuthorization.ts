import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, AuthorizationRecord } from '../tenant/entities.js';
import { authorizationKey } from '../tenant/loadSeed.js';

/** How a user is allowed to be called by a device: a direct device authorization, or the group that holds it now. */
export type AuthorizationGrant = { readonly via: 'device'; readonly sn: string } | { readonly via: 'group'; readonly sn: string; readonly groupId: string };

/**
 * Which rule refused an effective authorization:
 * - `notRequested`: the user holds no record for the device nor for the group it is in;
 * - `rejected`: the user rejected or switched off the device (or its current group), and no group grant covers it;
 * - `notInAuthorizedGroup`: the user authorized one or more groups, but the device is not (or no longer) a member.
 */
export type NotAuthorizedReason = 'notRequested' | 'rejected' | 'notInAuthorizedGroup';

/** The answer of {@link effectiveAuthorization}: the grant, or the reason and the rule in words. */
export type AuthorizationCheck =
  | ({ readonly authorized: true } & AuthorizationGrant)
  | { readonly authorized: false; readonly reason: NotAuthorizedReason; readonly rule: string };

/**
 * Effective authorization of `openId` for device `sn` in `app` (D §5.2, P §8.4): direct device authorization ∪
 * (an authorized group that holds the device *now*). A device removed from a group, or moved away with
 * `force_add`, loses the group-based grant at once; a direct authorization survives group changes.
 *
 * [I] D §5.2 gives the union only: a rejected or switched-off direct record does not veto an authorized group that
 * holds the device, and a rejected group does not veto a direct authorization.
 */
export function effectiveAuthorization(app: AppState, openId: string, sn: string): AuthorizationCheck {
  const records = app.authorizations.get(openId);
  const direct = records?.get(authorizationKey({ kind: 'device', sn }));
  if (direct?.state === 'authorized') return { authorized: true, via: 'device', sn };

  const groupRecords = [...(records?.values() ?? [])].filter((r): r is AuthorizationRecord & { target: { kind: 'group' } } => r.target.kind === 'group');
  const holding = groupRecords.find((r) => app.groups.get(r.target.groupId)?.members.has(sn) === true);
  if (holding?.state === 'authorized') return { authorized: true, via: 'group', sn, groupId: holding.target.groupId };

  const who = `openId ${openId} has not authorized device ${sn}`;
  if (direct?.state === 'rejected' || holding?.state === 'rejected') {
    const what = direct?.state === 'rejected' ? `device ${sn}` : `group ${holding?.target.groupId ?? ''}, which holds ${sn}`;
    return {
      authorized: false,
      reason: 'rejected',
      rule: `${who}: the user rejected or switched off ${what}; no dialog shows again, so the user must switch it back on in the mini program's settings (D §5.1)`,
    };
  }
  const authorizedGroups = groupRecords.filter((r) => r.state === 'authorized').map((r) => r.target.groupId);
  if (authorizedGroups.length > 0) {
    return {
      authorized: false,
      reason: 'notInAuthorizedGroup',
      rule: `${who}: the user authorized group ${authorizedGroups.join(', ')}, but the device is not (or no longer) a member; removing or moving a device withdraws the group's authorization for it (D §5.2)`,
    };
  }
  return {
    authorized: false,
    reason: 'notRequested',
    rule: `${who}: no authorization of the device or of a group holding it; call wx.requestDeviceVoIP on the phone first (D §5.1)`,
  };
}

/** {@link effectiveAuthorization} as an {@link Outcome}: refused with backend errCode 9 (`DEVICE_NOT_AUTHORIZED`). */
export function requireAuthorization(app: AppState, openId: string, sn: string): Outcome<AuthorizationGrant> {
  const check = effectiveAuthorization(app, openId, sn);
  if (!check.authorized) return refuse('DEVICE_NOT_AUTHORIZED', 'authorization', check.rule);
  return accept(check.via === 'device' ? { via: 'device', sn } : { via: 'group', sn, groupId: check.groupId });
}
