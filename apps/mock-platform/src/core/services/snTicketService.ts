import type { GetSnTicketRequest, GetSnTicketSuccess, IssuedSnTicket } from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, SnTicketRecord } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';
import type { DeviceIdentity } from './deviceService.js';

/** Length of issued snTickets: 32 alphanumeric characters, as observed (D §0.3). */
export const SN_TICKET_LENGTH = 32;
const WELL_FORMED = /^[0-9A-Za-z]{32}$/;

/** Why a ticket cannot serve a registration; each user of tickets maps it to its own code. */
export type SnTicketProblem = 'malformed' | 'unknown' | 'expired' | 'usedUp' | 'otherDevice' | 'otherModel';

/** The verdict of {@link SnTicketService.check}: the ticket, or the problem and the rule in words. */
export type SnTicketCheck =
  | { readonly ok: true; readonly record: SnTicketRecord }
  | { readonly ok: false; readonly problem: SnTicketProblem; readonly rule: string };

/**
 * snTickets (D §0.3, §4.3): `POST /wxa/getsnticket` and the checks registration uses.
 *
 * - Issue: 48001 when the app's VoIP capability is `none` (device onboarding not finished), checked first as the
 *   root cause; then 9800003 when `model_id` is not an approved model of the app. 9800001/9800002 (the SN rule) are
 *   contract errors answered before the core. The ticket is 32 alphanumeric characters, valid `snTicketTtlMs`.
 *   Any SN is accepted: WeChat cannot know a vendor's SNs before registration.
 * - Use: a ticket serves registrations until it expires; [I] with `snTicketMaxUses` > 0 it is used up after that
 *   many (WeChat documents only the lifetime, D §10.1).
 * - Malformed = not 32 alphanumeric characters (an access_token passed by mistake is the documented case, 9800011).
 */
export class SnTicketService {
  constructor(private readonly state: TenantState) {}

  /** `POST /wxa/getsnticket` for the app of the access_token. */
  getSnTicket(app: AppState, body: GetSnTicketRequest): Outcome<GetSnTicketSuccess> {
    const issued = this.issue(app, body.sn, body.model_id);
    return issued.ok ? accept({ errcode: 0, errmsg: 'ok', sn_ticket: issued.value.snTicket }) : issued;
  }

  /** Issues a ticket for (app, sn, modelId) under the getsnticket rules (also the control API's `issueSnTicket`). */
  issue(app: AppState, sn: string, modelId: string): Outcome<IssuedSnTicket> {
    if (app.voipCapability === 'none') {
      return refuse('API_UNAUTHORIZED', 'capability', `${app.appId} has not finished hardware device onboarding (voipCapability is 'none'): getsnticket is unauthorized (D §4.3)`);
    }
    const model = app.models.get(modelId);
    if (!model) {
      const known = [...app.models.keys()].join(', ') || 'none';
      return refuse('MODEL_ID_CHECK_FAILED', 'arguments', `model_id ${modelId} is not a model of ${app.appId} (its models: ${known})`);
    }
    if (!model.approved) {
      return refuse('MODEL_ID_CHECK_FAILED', 'arguments', `model_id ${modelId} of ${app.appId} is not approved yet: finish device onboarding for it`);
    }
    this.state.credentials.maybeSweep();
    // Map order is issue order: past the bound, the oldest tickets are forgotten.
    for (const ticket of this.state.snTickets.keys()) {
      if (this.state.snTickets.size < this.state.config.maxSnTicketsPerNamespace) break;
      this.state.snTickets.delete(ticket);
    }
    const record: SnTicketRecord = {
      ticket: this.state.ids.token(SN_TICKET_LENGTH),
      appId: app.appId,
      sn,
      modelId,
      expiresAt: this.state.now() + this.state.config.snTicketTtlMs,
      uses: 0,
    };
    this.state.snTickets.set(record.ticket, record);
    return accept({ snTicket: record.ticket, expiresAt: record.expiresAt });
  }

  /** Whether `ticket` can register `device` now: well-formed, issued to its app for its SN and model, unexpired, not used up. */
  check(ticket: string, device: DeviceIdentity): SnTicketCheck {
    if (!WELL_FORMED.test(ticket)) {
      return { ok: false, problem: 'malformed', rule: `an snTicket is ${SN_TICKET_LENGTH} letters and digits (this one has ${ticket.length} characters; an access_token passed by mistake?)` };
    }
    const record = this.state.snTickets.get(ticket);
    if (!record || record.appId !== device.appId) {
      return { ok: false, problem: 'unknown', rule: `snTicket ${ticket} was not issued to ${device.appId} by /wxa/getsnticket (or the namespace was reset)` };
    }
    if (record.sn !== device.sn) {
      return { ok: false, problem: 'otherDevice', rule: `snTicket was issued for sn ${record.sn}, not ${device.sn}: fetch one for this device's SN` };
    }
    if (record.modelId !== device.modelId) {
      return { ok: false, problem: 'otherModel', rule: `snTicket was issued for model_id ${record.modelId}, not ${device.modelId}: fetch it with the model the device registers with` };
    }
    if (this.state.now() >= record.expiresAt) {
      return { ok: false, problem: 'expired', rule: `snTicket expired at ${new Date(record.expiresAt).toISOString()} (valid ${this.state.config.snTicketTtlMs / 1000} s, D §4.3): fetch a new one` };
    }
    const maxUses = this.state.config.snTicketMaxUses;
    if (maxUses > 0 && record.uses >= maxUses) {
      return { ok: false, problem: 'usedUp', rule: `snTicket was already used ${record.uses} time(s), the limit of this platform (snTicketMaxUses): fetch a new one` };
    }
    return { ok: true, record };
  }

  /** Counts one use of a ticket that passed {@link SnTicketService.check}. */
  use(record: SnTicketRecord): void {
    record.uses += 1;
  }

  /** Makes every unexpired ticket of `sn` expire now (control API); returns how many. */
  expireFor(sn: string): number {
    const now = this.state.now();
    let count = 0;
    for (const record of this.state.snTickets.values()) {
      if (record.sn === sn && record.expiresAt > now) {
        record.expiresAt = now;
        count++;
      }
    }
    return count;
  }
}
