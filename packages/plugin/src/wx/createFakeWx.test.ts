/** Fake wx.requestDeviceVoIP / wx.getDeviceVoIPList: callback style, documented results (D §5.1, §5.3), same platform. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWmpfVoipTesting } from '../testing/index.js';
import type { RequestDeviceVoIPDeviceOption } from '../types/wxDeviceVoip.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });

/** Calls requestDeviceVoIP and collects which callbacks ran with what. */
async function request(option: Omit<RequestDeviceVoIPDeviceOption, 'success' | 'fail' | 'complete'>, wx = t.wx) {
  const calls: [string, unknown][] = [];
  wx.requestDeviceVoIP({ ...option, success: (r) => calls.push(['success', r]), fail: (r) => calls.push(['fail', r]), complete: (r) => calls.push(['complete', r]) });
  await wx.idle();
  return calls;
}

async function snTicket(sn: string, modelId: string): Promise<string> {
  const token = (await (await fetch(`${t.platform.url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`)).json()) as { access_token: string };
  const ticket = (await (await fetch(`${t.platform.url}/wxa/getsnticket?access_token=${token.access_token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sn, model_id: modelId }) })).json()) as { sn_ticket: string };
  return ticket.sn_ticket;
}

describe('wx.requestDeviceVoIP', () => {
  it('succeeds with requestDeviceVoIP:ok, after which the device is in getDeviceVoIPList', async () => {
    const ticket = await snTicket('SN-LINUX-0002', 'model-linux-doorbell');
    expect(await request({ sn: 'SN-LINUX-0002', snTicket: ticket, modelId: 'model-linux-doorbell', deviceName: 'Back door' })).toEqual([
      ['success', { errMsg: 'requestDeviceVoIP:ok' }],
      ['complete', { errMsg: 'requestDeviceVoIP:ok' }],
    ]);
    const lists: unknown[] = [];
    t.wx.getDeviceVoIPList({ success: (r) => lists.push(r) });
    await t.wx.idle();
    expect(lists).toEqual([{ errMsg: 'getDeviceVoIPList:ok', list: expect.arrayContaining([{ sn: 'SN-LINUX-0002', model_id: 'model-linux-doorbell', status: 1 }]) }]);
  });

  it('fails with errCode 10001 when already authorized and 10021 after a refusal', async () => {
    const ticket = await snTicket('SN-LINUX-0001', 'model-linux-doorbell');
    expect((await request({ sn: 'SN-LINUX-0001', snTicket: ticket, modelId: 'model-linux-doorbell', deviceName: 'Front door' }))[0]).toEqual(['fail', { errMsg: expect.stringMatching(/^requestDeviceVoIP:fail /), errCode: 10001 }]);
    const bob = await t.bed.phone({ openId: 'openid-bob' });
    expect((await request({ sn: 'SN-LINUX-0001', snTicket: ticket, modelId: 'model-linux-doorbell', deviceName: 'Front door' }, t.bed.wx(bob)))[0]).toEqual(['fail', expect.objectContaining({ errCode: 10021 })]);
  });

  it('fails with errno 1001 without deviceName: a required parameter (D §5.1; P §6.5, checked 2026-12)', async () => {
    const ticket = await snTicket('SN-LINUX-0002', 'model-linux-doorbell');
    const missing = { sn: 'SN-LINUX-0002', snTicket: ticket, modelId: 'model-linux-doorbell' } as unknown as Omit<RequestDeviceVoIPDeviceOption, 'success' | 'fail' | 'complete'>;
    expect((await request(missing))[0]).toEqual(['fail', { errMsg: 'requestDeviceVoIP:fail parameter error', errno: 1001 }]);
  });

  it('fails with errno 1001 for wrong parameters (a deviceName over 13 characters)', async () => {
    expect((await request({ sn: 'SN-LINUX-0001', snTicket: 'x', modelId: 'model-linux-doorbell', deviceName: 'A very long device name' }))[0]).toEqual(['fail', { errMsg: 'requestDeviceVoIP:fail parameter error', errno: 1001 }]);
  });

  it('can be merged into a global wx', async () => {
    const globalWx = { getSystemInfoSync: () => ({ platform: 'devtools' }) };
    const merged = { ...globalWx, ...t.wx };
    expect(typeof merged.requestDeviceVoIP).toBe('function');
    expect(merged.getSystemInfoSync()).toEqual({ platform: 'devtools' });
  });
});
