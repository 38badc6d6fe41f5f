import type {
  AuthorizationListQuery,
  AuthorizationView,
  DeviceVoipListData,
  DeviceVoipListItem,
  GetIotBindContactListRequest,
  IotBindContact,
  RequestAuthorizationBody,
  RequestDeviceVoipArgs,
  RevokeAuthorizationBody,
  RevokeAuthorizationResult,
} from '@wxvoip/contracts';
import { accept, type Outcome } from '../refusal.js';
import type { AppState, AuthorizationRecord } from '../tenant/entities.js';
import { authorizationKey } from '../tenant/loadSeed.js';
import type { TenantState } from '../tenant/tenantState.js';
import { runAuthorizationDialog } from './authorizationDialog.js';
import type { SnTicketService } from './snTicketService.js';
import { effectiveAuthorization, requireAuthorization, type AuthorizationCheck, type AuthorizationGrant } from './effectiveAuthorization.js';

/** The device (`sn`) or the group (`groupId`) an authorization is about. */
export type AuthorizationTargetRef = { readonly sn: string; readonly groupId?: undefined } | { readonly groupId: string; readonly sn?: undefined };

/**
 * User authorization of devices and device groups (D §5, P §8.2, §8.4).
 *
 * - {@link AuthorizationService.requestDeviceVoip} is the phone's `wx.requestDeviceVoIP`; the dialog answers with
 *   the user's `dialogDecision`. {@link AuthorizationService.requestAuthorization} is the control API's version,
 *   with an explicit decision and an optional snTicket. Both run {@link runAuthorizationDialog} (codes 1001, 19,
 *   −12001, 10025, 10008, 10001, 10021).
 * - {@link AuthorizationService.revoke}: `switchOff` (rejected, no dialog again) or `deleteFromRecent` (every
 *   authorization of the user in the app is erased, so the dialog shows again).
 * - {@link AuthorizationService.isAuthorized}: direct ∪ current group (D §5.2), with the failed rule in words.
 */
export class AuthorizationService {
  constructor(
    private readonly state: TenantState,
    private readonly snTickets: SnTicketService,
  ) {}

  /** Phone-side `wx.requestDeviceVoIP` of user `openId` (D §5.1): the authorization recorded, or the documented failure. */
  requestDeviceVoip(app: AppState, openId: string, args: RequestDeviceVoipArgs): Outcome<AuthorizationView> {
    const attempt =
      args.isGroup === true
        ? { openId, target: { kind: 'group', groupId: args.groupId } as const, modelId: undefined, snTicket: undefined, deviceName: undefined }
        : { openId, target: { kind: 'device', sn: args.sn } as const, modelId: args.modelId, snTicket: args.snTicket, deviceName: args.deviceName };
    return viewOutcome(runAuthorizationDialog(this.state, this.snTickets, app, { ...attempt, decision: undefined }));
  }

  /**
   * Control API `requestAuthorization`: the dialog with `body.decision` instead of the user's `dialogDecision`. The
   * device's own model is used; `snTicket` is checked only when given. [I] Without `deviceName` the record keeps
   * none (the phone form requires one).
   */
  requestAuthorization(app: AppState, body: RequestAuthorizationBody): Outcome<AuthorizationView> {
    const target: AuthorizationRecord['target'] = body.groupId !== undefined ? { kind: 'group', groupId: body.groupId } : { kind: 'device', sn: body.sn ?? '' };
    return viewOutcome(
      runAuthorizationDialog(this.state, this.snTickets, app, {
        openId: body.openId,
        target,
        modelId: undefined,
        snTicket: body.snTicket,
        deviceName: body.deviceName,
        decision: body.decision,
      }),
    );
  }

  /**
   * Control API `revokeAuthorization` (D §5.2). `switchOff` turns an `authorized` record `rejected` (changed 1); a
   * target the user never authorized, or already rejected, changes nothing (changed 0) [I: settings only list
   * authorized targets; use requestAuthorization with decision 'switchOff' to record one]. `deleteFromRecent` erases
   * every record of the user in this app (changed = how many). Never refuses.
   */
  revoke(app: AppState, body: RevokeAuthorizationBody): Outcome<RevokeAuthorizationResult> {
    const records = app.authorizations.get(body.openId);
    if (body.how === 'deleteFromRecent') {
      const changed = records?.size ?? 0;
      app.authorizations.delete(body.openId);
      return accept({ changed });
    }
    const target: AuthorizationRecord['target'] = body.groupId !== undefined ? { kind: 'group', groupId: body.groupId } : { kind: 'device', sn: body.sn ?? '' };
    const record = records?.get(authorizationKey(target));
    if (record?.state !== 'authorized') return accept({ changed: 0 });
    record.state = 'rejected';
    record.updatedAt = this.state.now();
    return accept({ changed: 1 });
  }

  /**
   * Control API `listAuthorizations`: every record of the app, by user then in the order they were made. With
   * `sn`, the records of that device plus those of the group that holds it now (the ones that decide a call).
   */
  list(app: AppState, query: AuthorizationListQuery = {}): AuthorizationView[] {
    const groupOfSn = query.sn === undefined ? undefined : this.groupHolding(app, query.sn);
    const views: AuthorizationView[] = [];
    for (const [openId, records] of app.authorizations) {
      if (query.openId !== undefined && openId !== query.openId) continue;
      for (const record of records.values()) {
        const target = record.target;
        const matches = query.sn === undefined || (target.kind === 'device' ? target.sn === query.sn : target.groupId === groupOfSn);
        if (matches) views.push(toAuthorizationView(record));
      }
    }
    return views;
  }

  /** The record of one user and target, as the control API shows it, or null (for `AuthorizationOutcome`). */
  find(app: AppState, openId: string, target: AuthorizationTargetRef): AuthorizationView | null {
    const key = authorizationKey(target.groupId !== undefined ? { kind: 'group', groupId: target.groupId } : { kind: 'device', sn: target.sn });
    const record = app.authorizations.get(openId)?.get(key);
    return record ? toAuthorizationView(record) : null;
  }

  /** Effective authorization of `openId` for device `sn` (direct ∪ current group), with the failed rule if not. */
  isAuthorized(app: AppState, openId: string, sn: string): AuthorizationCheck {
    return effectiveAuthorization(app, openId, sn);
  }

  /** {@link AuthorizationService.isAuthorized} as an Outcome, refused with backend errCode 9 (`DEVICE_NOT_AUTHORIZED`). */
  requireAuthorized(app: AppState, openId: string, sn: string): Outcome<AuthorizationGrant> {
    return requireAuthorization(app, openId, sn);
  }

  /**
   * `wx.getDeviceVoIPList()` for `openId` (D §5.3): one entry per device or group the user answered, in the order
   * answered; devices carry `sn` and `model_id`, groups only `group_id`; `status` 1 authorized, 0 rejected or
   * switched off. Records only: a device covered through a group is not listed on its own.
   */
  getDeviceVoipList(app: AppState, openId: string): DeviceVoipListData {
    const list: DeviceVoipListItem[] = [];
    for (const record of app.authorizations.get(openId)?.values() ?? []) {
      const status = record.state === 'authorized' ? 1 : 0;
      const target = record.target;
      if (target.kind === 'group') {
        list.push({ group_id: target.groupId, status });
      } else {
        const modelId = target.modelId ?? app.devices.get(target.sn)?.modelId;
        list.push(modelId === undefined ? { sn: target.sn, status } : { sn: target.sn, model_id: modelId, status });
      }
    }
    return { list };
  }

  /**
   * Plugin `getIotBindContactList` (P §5.7, D §5.3): one item per openid of `openid_list`, in that order, with
   * `status` 1 when that user is effectively authorized for the device (direct ∪ current group), else 0.
   * [I] Items carry `openid`, `sn`, `model_id` and `status`, satisfying both readings of the item shape (P §12.10);
   * a `model_id` that is not the device's model, or an openId unknown to the app, gives status 0.
   */
  getIotBindContactList(app: AppState, request: GetIotBindContactListRequest): IotBindContact[] {
    const device = app.devices.get(request.sn);
    const modelMatches = device === undefined || device.modelId === request.model_id;
    return request.openid_list.map((openid) => ({
      openid,
      sn: request.sn,
      model_id: request.model_id,
      status: modelMatches && effectiveAuthorization(app, openid, request.sn).authorized ? 1 : 0,
    }));
  }

  private groupHolding(app: AppState, sn: string): string | undefined {
    for (const group of app.groups.values()) if (group.members.has(sn)) return group.groupId;
    return undefined;
  }
}

/** An authorization record as the control API shows it. */
export function toAuthorizationView(record: AuthorizationRecord): AuthorizationView {
  const target = record.target;
  return {
    openId: record.openId,
    sn: target.kind === 'device' ? target.sn : null,
    groupId: target.kind === 'group' ? target.groupId : null,
    state: record.state,
    deviceName: record.deviceName ?? null,
    updatedAt: record.updatedAt,
  };
}

function viewOutcome(outcome: Outcome<AuthorizationRecord>): Outcome<AuthorizationView> {
  return outcome.ok ? accept(toAuthorizationView(outcome.value)) : outcome;
}
