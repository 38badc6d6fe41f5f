/**
 * Findings 2 and 3 of issue 13 through the server: a deeply nested body used to be journalled raw and made
 * `GET /__admin/journal` answer 500 (stack overflow) until the journal was cleared; 100 accepted 1 MB bodies stayed
 * resident and the newest 100 entries were a 100 MB answer. Bodies are journalled as safe summaries now, within a
 * byte budget, and the page says how many entries were dropped.
 */
import { JournalPage } from '@wxvoip/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockPlatform, type MockPlatform } from '../../platform/mockPlatform.js';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await createMockPlatform();
});
afterAll(() => platform.close());

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

async function journal(query: string): Promise<{ status: number; text: string }> {
  const res = await platform.app.inject({ method: 'GET', url: `/__admin/journal?${query}` });
  return { status: res.statusCode, text: res.body };
}

describe('a 100,000-deep body', () => {
  it('sent to routes without a body schema leaves the journal readable', async () => {
    const body = nested(100_000);
    const join = await platform.app.inject({ method: 'POST', url: '/__wxvoip/v1/rooms/x/join', headers: { 'content-type': 'application/json' }, payload: body });
    expect(join.statusCode).toBeLessThan(500);
    const leave = await platform.app.inject({ method: 'DELETE', url: '/__wxvoip/v1/parties/me', headers: { 'content-type': 'application/json' }, payload: body });
    expect(leave.statusCode).toBeLessThan(500);
    const page = await journal('limit=100');
    expect(page.status).toBe(200);
    JournalPage.parse(JSON.parse(page.text));
    const inspector = await platform.app.inject({ method: 'GET', url: '/__inspector' });
    expect(inspector.statusCode).toBe(200);
  });
});

describe('100 accepted 1 MB bodies', () => {
  it('are journalled as digests: the newest 100 entries are a small answer, the journal stays within its byte budget', async () => {
    const token = JSON.parse((await platform.app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret' })).body) as { access_token: string };
    const data = 'x'.repeat(1_000_000);
    for (let i = 0; i < 100; i++) {
      const payload = JSON.stringify({ template_id: 'tpl', to_openid_list: ['openid-alice'], sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', data: { pad: { value: data } }, lang: 'zh_CN' });
      const res = await platform.app.inject({ method: 'POST', url: `/cgi-bin/message/device/subscribe/send?access_token=${token.access_token}`, headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ errcode: 0 });
    }
    const probe = JournalPage.parse(JSON.parse((await journal('since=999999999&limit=1')).text));
    const newest = await journal(`since=${Math.max(0, probe.lastSeq - 100)}&limit=100`);
    const page = JournalPage.parse(JSON.parse(newest.text));
    expect(page.entries).toHaveLength(100);
    expect(newest.text.length).toBeLessThan(200_000);
    expect(page.entries.filter((entry) => 'requestDigest' in entry && entry.requestDigest?.reason === 'size').length).toBeGreaterThanOrEqual(99);
    expect(platform.tenant().state.journal.heldBytes).toBeLessThanOrEqual(platform.tenant().state.config.journalByteBudget);
  }, 60_000);

  it('past the byte budget, the oldest entries go and the page counts them', async () => {
    const small = await createMockPlatform({ config: { journalByteBudget: 20_000 } });
    try {
      for (let i = 0; i < 200; i++) await small.app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret' });
      const page = JournalPage.parse(JSON.parse((await small.app.inject({ method: 'GET', url: '/__admin/journal?limit=1000' })).body));
      expect(page.dropped).toBeGreaterThan(0);
      expect(page.entries.length + page.dropped).toBe(200);
    } finally {
      await small.close();
    }
  });
});
