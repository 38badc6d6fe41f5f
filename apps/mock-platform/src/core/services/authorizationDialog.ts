import { DEVICE_NAME_MAX_CHARS, type AuthorizationDecision } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, AuthorizationRecord, SnTicketRecord } from '../tenant/entities.js';
import { authorizationKey } from '../tenant/loadSeed.js';
import type { TenantState } from '../tenant/tenantState.js';
import type { SnTicketService } from './snTicketService.js';

/** One simulated `wx.requestDeviceVoIP` call, from the phone (transport) or from the control API. */
export interface AuthorizationAttempt {
  readonly openId: string;
  /** The device or the group to authorize. */
  readonly target: AuthorizationRecord['target'];
  /** The modelId the phone passed; undefined on the control API, which takes the device's own model. */
  readonly modelId: string | undefined;
  /** The snTicket to check; undefined skips the ticket check (control API only). */
  readonly snTicket: string | undefined;
  readonly deviceName: string | undefined;
  /** What the dialog answers: the user's `dialogDecision`, or the control API's `decision`. */
  readonly decision: AuthorizationDecision | undefined;
}

/**
 * Runs the authorization dialog of `wx.requestDeviceVoIP` (D §5.1, §7.5; P §8.2) and records its answer.
 *
 * Checks, in this order [I: WeChat documents the codes, not their order]:
 * 1. arguments, 1001: deviceName of 1–13 characters and only for a device, snTicket only for a device, the sn not
 *    bound to another mini program (D §0.1), the modelId equal to the device's own model;
 * 2. openId, 19: the user must exist in the app (the phone always has one; in the mock it is seeded) [I];
 * 3. capability, −12001 "invalid scope": app capability `none`, or the model (the group's model) unknown to the
 *    app or not approved;
 * 4. group, 10025: the groupId is not a group of this app [I: 10025 is seen with group authorization, meaning
 *    unknown (P §6.5); its catalogue fix names a foreign or unknown groupId];
 * 5. ticket, 10008: every problem {@link SnTicketService.check} finds (malformed, unknown, issued to another app,
 *    for another sn or modelId, expired, used up) [I: 10008 is the only ticket code of this API, P §6.5]. A dialog
 *    that shows counts one use of the ticket (only `snTicketMaxUses` > 0 limits uses);
 * 6. earlier answer: 10001 already authorized, 10021 rejected or switched off (no dialog again). Only the record
 *    of this target counts: a device covered by an authorized group still gets a direct dialog [I];
 * 7. the dialog: `accept` records `authorized`; `reject` records `rejected` and answers 10021 [I: the code of a
 *    first-time deny is undocumented, D §9.13, ADR 0007]; `switchOff` (control API) accepts, then switches the
 *    reminder off: the call succeeds and the record ends `rejected`.
 */
export function runAuthorizationDialog(state: TenantState, snTickets: SnTicketService, app: AppState, attempt: AuthorizationAttempt): Outcome<AuthorizationRecord> {
  const checked = checkAttempt(state, snTickets, app, attempt);
  if (!checked.ok) return checked;
  const { target, decision, ticket } = checked.value;
  const name = target.kind === 'device' ? `device ${target.sn}` : `group ${target.groupId}`;

  let records = app.authorizations.get(attempt.openId);
  const key = authorizationKey(target);
  const earlier = records?.get(key);
  if (earlier?.state === 'authorized') {
    return refuse('DEVICE_ALREADY_AUTHORIZED', 'authorization', `openId ${attempt.openId} already authorized ${name}; treat it as success`);
  }
  if (earlier?.state === 'rejected') {
    return refuse(
      'DEVICE_AUTHORIZATION_REJECTED',
      'authorization',
      `openId ${attempt.openId} rejected or switched off ${name} earlier, so no dialog shows again; the user must switch it on in the mini program's settings ("voice/video call reminders"), or delete the mini program from "recently used" (D §5.1, §5.2)`,
    );
  }

  if (ticket) snTickets.use(ticket);
  const record: AuthorizationRecord = {
    openId: attempt.openId,
    target,
    state: decision === 'accept' ? 'authorized' : 'rejected',
    deviceName: target.kind === 'device' ? attempt.deviceName : undefined,
    updatedAt: state.now(),
  };
  if (!records) app.authorizations.set(attempt.openId, (records = new Map()));
  records.set(key, record);
  if (decision === 'reject') {
    return refuse('DEVICE_AUTHORIZATION_REJECTED', 'authorization', `openId ${attempt.openId} tapped deny in the dialog for ${name} (the dialog's answer was 'reject': the user's dialogDecision, or the control API's decision); the state is now rejected and no dialog shows again`);
  }
  return accept(record);
}

function checkAttempt(
  state: TenantState,
  snTickets: SnTicketService,
  app: AppState,
  attempt: AuthorizationAttempt,
): Outcome<{ target: AuthorizationRecord['target']; decision: AuthorizationDecision; ticket: SnTicketRecord | undefined }> {
  const argumentError = (rule: string): Outcome<never> => refuse('AUTHORIZATION_PARAMETER_ERROR', 'arguments', rule);
  const { target } = attempt;
  /** The device's model; a group's model is known once the group is found (step 4). */
  let modelId: string | undefined;
  if (target.kind === 'device') {
    if (attempt.deviceName !== undefined && (attempt.deviceName.length === 0 || [...attempt.deviceName].length > DEVICE_NAME_MAX_CHARS)) {
      return argumentError(`deviceName "${attempt.deviceName}" must be 1 to ${DEVICE_NAME_MAX_CHARS} characters (the dialog shows "deviceName + model type", D §5.1)`);
    }
    const owner = state.deviceOwner.get(target.sn);
    if (owner !== undefined && owner !== app.appId) {
      return argumentError(`device ${target.sn} is bound to mini program ${owner}; a device works with one mini program only (D §0.1)`);
    }
    const device = app.devices.get(target.sn);
    const given = attempt.modelId ?? device?.modelId;
    if (given === undefined) {
      return refuse('AUTHORIZATION_PARAMETER_ERROR', 'notFound', `sn ${target.sn} is not a device of ${app.appId}: seed or register it, or authorize from the phone with its modelId`);
    }
    if (device && device.modelId !== given) {
      return argumentError(`modelId ${given} is not the model of device ${target.sn} (${device.modelId}): pass the device's own modelId`);
    }
    modelId = given;
  } else {
    if (attempt.deviceName !== undefined) return argumentError('deviceName only applies to one device: a group dialog shows the group name, which cannot be customized (D §5.1)');
    if (attempt.snTicket !== undefined) return argumentError('snTicket only applies to one device: authorize a group with { isGroup: true, groupId } (D §5.1)');
  }

  const user = app.users.get(attempt.openId);
  if (!user) return refuse('OPENID_APPID_MISMATCH', 'openId', `openId ${attempt.openId} is not a user of ${app.appId}: add it with putUser or in the seed`);

  if (app.voipCapability === 'none') {
    return refuse('INVALID_SCOPE', 'capability', `${app.appId} has no VoIP capability (voipCapability 'none'): finish device onboarding and the capability review first`);
  }
  if (target.kind === 'group') {
    const group = app.groups.get(target.groupId);
    if (!group) {
      return refuse('GROUP_AUTHORIZATION_UNKNOWN_10025', 'notFound', `groupId ${target.groupId} is not a device group of ${app.appId}: pass a group_id createIotGroupId returned to this app`);
    }
    modelId = group.modelId;
  }
  const model = modelId === undefined ? undefined : app.models.get(modelId);
  if (modelId === undefined || !model || !model.approved) {
    const why = model ? 'is not approved' : `is not a model of ${app.appId}`;
    return refuse('INVALID_SCOPE', 'capability', `model ${modelId ?? '(none)'} ${why}: only approved models of this mini program can be authorized (D §5.1)`);
  }

  let ticket: SnTicketRecord | undefined;
  if (target.kind === 'device' && attempt.snTicket !== undefined) {
    const check = snTickets.check(attempt.snTicket, { appId: app.appId, sn: target.sn, modelId });
    if (!check.ok) return refuse('AUTHORIZATION_SN_TICKET_WRONG', 'tokens', check.rule);
    ticket = check.record;
  }
  const stored: AuthorizationRecord['target'] = target.kind === 'device' ? { kind: 'device', sn: target.sn, modelId } : target;
  return accept({ target: stored, decision: attempt.decision ?? user.dialogDecision, ticket });
}
