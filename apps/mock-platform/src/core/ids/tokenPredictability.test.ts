/**
 * Finding 6 of issue 13: on the real clock, ids came from a namespace-seeded sequence, so the first token after a
 * restart or a reset equalled the first one before it, and a captured token became valid again. Tokens on the real
 * clock now come from the CSPRNG; the manual clock (and `ids: 'deterministic'`) stays reproducible for tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMockPlatform, type MockPlatform } from '../../platform/mockPlatform.js';

const TOKEN_URL = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';
const open: MockPlatform[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((platform) => platform.close()));
});

async function platform(options: Parameters<typeof createMockPlatform>[0]): Promise<MockPlatform> {
  const created = await createMockPlatform(options);
  open.push(created);
  return created;
}

async function token(p: MockPlatform): Promise<string> {
  const res = await p.app.inject({ method: 'GET', url: TOKEN_URL });
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

async function ticket(p: MockPlatform, accessToken: string): Promise<string> {
  const res = await p.app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${accessToken}`, payload: { sn: 'SN-NEW-0001', model_id: 'model-linux-doorbell' } });
  return (JSON.parse(res.body) as { sn_ticket: string }).sn_ticket;
}

describe('on the real clock', () => {
  it('the first token and snTicket after a restart differ from the ones before it', async () => {
    const first = await platform({ clock: 'real' });
    const second = await platform({ clock: 'real' });
    const [a, b] = [await token(first), await token(second)];
    expect(a).not.toBe(b);
    expect(await ticket(first, a)).not.toBe(await ticket(second, b));
  });

  it('a token captured before a reset is not issued again after it (and stays refused)', async () => {
    const p = await platform({ clock: 'real' });
    const before = await token(p);
    p.reset();
    const after = await token(p);
    expect(after).not.toBe(before);
    const res = await p.app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${before}`, payload: { sn: 'SN-NEW-0001', model_id: 'model-linux-doorbell' } });
    expect(JSON.parse(res.body)).toMatchObject({ errcode: 40014 });
  });
});

describe('reproducible where tests need it', () => {
  it('the manual clock gives the same tokens on every run', async () => {
    expect(await token(await platform({ clock: 'manual' }))).toBe(await token(await platform({ clock: 'manual' })));
  });

  it("ids: 'deterministic' does too on the real clock, and ids: 'random' is unguessable on the manual clock", async () => {
    expect(await token(await platform({ clock: 'real', ids: 'deterministic' }))).toBe(await token(await platform({ clock: 'real', ids: 'deterministic' })));
    expect(await token(await platform({ clock: 'manual', ids: 'random' }))).not.toBe(await token(await platform({ clock: 'manual', ids: 'random' })));
  });
});
