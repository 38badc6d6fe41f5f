import { describe, expect, it } from 'vitest';
import type { PlatformConfig } from '../config.js';
import type { Outcome } from '../refusal.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { SnTicketService } from './snTicketService.js';

const seed = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [
        { modelId: 'm-linux', kind: 'linux' as const, modelType: 'doorbell' },
        { modelId: 'm-pending', kind: 'linux' as const, modelType: 'doorbell', approved: false },
      ],
    },
    { appId: 'wx-new', secret: 's', voipCapability: 'none' as const, models: [{ modelId: 'm-new', kind: 'linux' as const, modelType: 'doorbell' }] },
  ],
};

function setup(config: Partial<PlatformConfig> = {}) {
  const state = createTenantState({ seed, config });
  const app = (appId: string) => state.app(appId)!;
  return { state, app, tickets: new SnTicketService(state) };
}

function codeOf(outcome: Outcome<unknown>): number | 'ok' {
  return outcome.ok ? 'ok' : outcome.refusal.code;
}

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused ${outcome.refusal.code}: ${outcome.refusal.rule}`);
  return outcome.value;
}

const device = { appId: 'wx-app', sn: 'SN-1', modelId: 'm-linux' };

describe('SnTicketService: POST /wxa/getsnticket', () => {
  it('issues a 32-character alphanumeric ticket for a model of the app, valid 5 minutes', () => {
    const { state, app, tickets } = setup();
    const body = value(tickets.getSnTicket(app('wx-app'), { sn: 'SN-1', model_id: 'm-linux' }));
    expect(body.errcode).toBe(0);
    expect(body.sn_ticket).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(state.snTickets.get(body.sn_ticket)).toMatchObject({ appId: 'wx-app', sn: 'SN-1', modelId: 'm-linux', expiresAt: state.now() + 300_000 });
  });

  it('answers 9800003 for a model of no app or an unapproved one, and 48001 for an app without onboarding', () => {
    const { app, tickets } = setup();
    expect(codeOf(tickets.getSnTicket(app('wx-app'), { sn: 'SN-1', model_id: 'm-unknown' }))).toBe(9800003);
    expect(codeOf(tickets.getSnTicket(app('wx-app'), { sn: 'SN-1', model_id: 'm-pending' }))).toBe(9800003);
    const unonboarded = tickets.getSnTicket(app('wx-new'), { sn: 'SN-1', model_id: 'm-new' });
    expect(unonboarded.ok ? null : [unonboarded.refusal.code, unonboarded.refusal.stage]).toEqual([48001, 'capability']);
  });
});

describe('SnTicketService: check', () => {
  it('accepts the ticket for its own app, SN and model until it is 5 minutes old', () => {
    const { state, app, tickets } = setup();
    const { snTicket } = value(tickets.issue(app('wx-app'), 'SN-1', 'm-linux'));
    state.clock.advance(299_999);
    expect(tickets.check(snTicket, device).ok).toBe(true);
    state.clock.advance(1);
    const late = tickets.check(snTicket, device);
    expect(late.ok ? null : late.problem).toBe('expired');
  });

  it('names the problem of a malformed, unknown or foreign ticket', () => {
    const { app, tickets } = setup();
    const { snTicket } = value(tickets.issue(app('wx-app'), 'SN-1', 'm-linux'));
    const problem = (ticket: string, who = device) => {
      const verdict = tickets.check(ticket, who);
      return verdict.ok ? 'ok' : verdict.problem;
    };
    expect(problem('an-access-token-passed-by-mistake')).toBe('malformed');
    expect(problem('A'.repeat(32))).toBe('unknown');
    expect(problem(snTicket, { ...device, appId: 'wx-new' })).toBe('unknown');
    expect(problem(snTicket, { ...device, sn: 'SN-2' })).toBe('otherDevice');
    expect(problem(snTicket, { ...device, modelId: 'm-pending' })).toBe('otherModel');
  });

  it('lets a ticket serve any number of uses by default, and snTicketMaxUses of them when set', () => {
    const unlimited = setup();
    const reusable = value(unlimited.tickets.issue(unlimited.app('wx-app'), 'SN-1', 'm-linux')).snTicket;
    for (let i = 0; i < 3; i++) {
      const verdict = unlimited.tickets.check(reusable, device);
      if (!verdict.ok) throw new Error(verdict.rule);
      unlimited.tickets.use(verdict.record);
    }
    expect(unlimited.tickets.check(reusable, device).ok).toBe(true);

    const single = setup({ snTicketMaxUses: 1 });
    const once = value(single.tickets.issue(single.app('wx-app'), 'SN-1', 'm-linux')).snTicket;
    const first = single.tickets.check(once, device);
    if (!first.ok) throw new Error(first.rule);
    single.tickets.use(first.record);
    const second = single.tickets.check(once, device);
    expect(second.ok ? null : second.problem).toBe('usedUp');
  });

  it('expireFor makes the outstanding tickets of one SN expire now', () => {
    const { app, tickets } = setup();
    const mine = value(tickets.issue(app('wx-app'), 'SN-1', 'm-linux')).snTicket;
    value(tickets.issue(app('wx-app'), 'SN-1', 'm-linux'));
    const other = value(tickets.issue(app('wx-app'), 'SN-2', 'm-linux')).snTicket;
    expect(tickets.expireFor('SN-1')).toBe(2);
    expect(tickets.expireFor('SN-1')).toBe(0);
    const verdict = tickets.check(mine, device);
    expect(verdict.ok ? null : verdict.problem).toBe('expired');
    expect(tickets.check(other, { ...device, sn: 'SN-2' }).ok).toBe(true);
  });
});
