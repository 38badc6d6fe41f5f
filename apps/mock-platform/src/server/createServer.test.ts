import { demoSeed } from '@wxvoip/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createServer } from './createServer.js';

const TOKEN_URL = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';

async function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  const app = await createServer({ core, docs: false });
  const token = async () => (JSON.parse((await app.inject({ method: 'GET', url: TOKEN_URL })).body) as { access_token: string }).access_token;
  return { core, app, token };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('createServer: emulated WeChat routes', () => {
  it('issues a token and a snTicket with HTTP 200 and WeChat bodies', async () => {
    const { app, token } = await setup();
    close = () => app.close();
    const accessToken = await token();
    const res = await app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${accessToken}`, payload: { sn: 'SN-LINUX-NEW', model_id: 'model-linux-doorbell' } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ errcode: 0, errmsg: 'ok', sn_ticket: expect.stringMatching(/^[0-9A-Za-z]{32}$/) });
  });

  it.each([
    ['a missing access_token', 'POST', '/wxa/getsnticket', '{"sn":"SN-1","model_id":"m"}', 41001],
    ['an SN with an illegal character', 'POST', '/wxa/getsnticket?access_token=TOKEN', '{"sn":"bad sn","model_id":"model-linux-doorbell"}', 9800002],
    ['an SN longer than 128 bytes', 'POST', '/wxa/getsnticket?access_token=TOKEN', JSON.stringify({ sn: 'x'.repeat(129), model_id: 'model-linux-doorbell' }), 9800001],
    ['malformed JSON', 'POST', '/wxa/getsnticket?access_token=TOKEN', '{"sn":', 47001],
    ['an empty body', 'POST', '/wxa/getsnticket?access_token=TOKEN', '', 44002],
    ['GET on a POST-only route', 'GET', '/wxa/getsnticket?access_token=TOKEN', undefined, 43002],
    ['an unknown model', 'POST', '/wxa/getsnticket?access_token=TOKEN', '{"sn":"SN-1","model_id":"nope"}', 9800003],
    ['a forged token', 'POST', '/wxa/getsnticket?access_token=forged', '{"sn":"SN-1","model_id":"m"}', 40014],
  ] as const)('answers %s in WeChat shape', async (_name, method, url, payload, errcode) => {
    const { app, token } = await setup();
    close = () => app.close();
    const accessToken = await token();
    const res = await app.inject({ method, url: url.replace('TOKEN', accessToken), headers: { 'content-type': 'application/json' }, ...(payload === undefined ? {} : { payload }) });
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { errcode: number; errmsg: string };
    expect(body.errcode).toBe(errcode);
    expect(Object.keys(body).sort()).toEqual(['errcode', 'errmsg']);
  });

  it('answers an invalid namespace header on a WeChat route with 47001, not a 500', async () => {
    const { app } = await setup();
    close = () => app.close();
    const res = await app.inject({ method: 'GET', url: TOKEN_URL, headers: { 'x-wxvoip-namespace': 'Bad NS' } });
    expect([res.statusCode, (JSON.parse(res.body) as { errcode: number }).errcode]).toEqual([200, 47001]);
  });

  it('keeps the journal readable after a token request for an appid that is not a valid AppId', async () => {
    const { app } = await setup();
    close = () => app.close();
    const refused = await app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=bad%20app&secret=x' });
    expect((JSON.parse(refused.body) as { errcode: number }).errcode).toBe(40013);
    const journal = await app.inject({ method: 'GET', url: '/__admin/journal?kind=refusal' });
    expect(journal.statusCode).toBe(200);
    expect(JSON.parse(journal.body)).toMatchObject({ entries: [expect.objectContaining({ operation: 'wechat.getAccessToken', appId: null, why: expect.objectContaining({ errcode: 40013 }) })] });
  });

  it('answers an unknown path in WeChat shape, never a fastify default body', async () => {
    const { app } = await setup();
    close = () => app.close();
    const res = await app.inject({ method: 'POST', url: '/wxa/no/such/api', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ errcode: -1, errmsg: expect.stringContaining('no such API') });
  });

  it('waits a latency fault matched on the request (sn) before answering', async () => {
    const core = new PlatformCore({ seed: demoSeed });
    const waits: number[] = [];
    const app = await createServer({ core, docs: false, delay: async (ms) => void waits.push(ms) });
    close = () => app.close();
    const fault = await app.inject({ method: 'POST', url: '/__admin/faults', payload: { kind: 'latency', operation: 'wechat.getSnTicket', ms: 2500, match: { sn: 'SN-LINUX-NEW' } } });
    expect(fault.statusCode).toBe(201);
    const token = (JSON.parse((await app.inject({ method: 'GET', url: TOKEN_URL })).body) as { access_token: string }).access_token;
    const ticket = (sn: string) => app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${token}`, payload: { sn, model_id: 'model-linux-doorbell' } });
    expect((await ticket('SN-LINUX-0002')).statusCode).toBe(200);
    expect(waits).toEqual([]);
    expect(JSON.parse((await ticket('SN-LINUX-NEW')).body)).toMatchObject({ errcode: 0 });
    expect(waits).toEqual([2500]);
  });

  it('answers unroutable paths and unparseable Content-Types in the API shape, never a fastify default body', async () => {
    const { app } = await setup();
    close = () => app.close();
    const badEscape = await app.inject({ method: 'POST', url: '/wxa/getsnticket%E0?access_token=x', payload: {} });
    expect([badEscape.statusCode, JSON.parse(badEscape.body)]).toEqual([200, { errcode: 47001, errmsg: 'data format error: the path has an invalid percent escape' }]);
    const longParam = await app.inject({ method: 'GET', url: `/__admin/rooms/${'r'.repeat(2000)}` });
    expect(longParam.statusCode).toBe(400);
    expect(JSON.parse(longParam.body)).toMatchObject({ type: 'urn:wxvoip:problem:validation', detail: expect.stringContaining('longer than 1024') });
    const garbageType = await app.inject({ method: 'POST', url: '/wxa/getsnticket?access_token=x', payload: '{"sn":"SN-1","model_id":"model-linux-doorbell"}', headers: { 'content-type': 'garbage' } });
    expect([garbageType.statusCode, (JSON.parse(garbageType.body) as { errcode: number }).errcode]).toEqual([200, 40014]);
    const unrouted = await app.inject({ method: 'POST', url: '/nope', payload: '{}', headers: { 'content-type': 'garbage' } });
    expect(unrouted.statusCode).toBe(404);
  });

  it('answers an oversized body with 47001, not a 413', async () => {
    const core = new PlatformCore({ seed: demoSeed });
    const app = await createServer({ core, docs: false, bodyLimit: 1024 });
    close = () => app.close();
    const res = await app.inject({ method: 'POST', url: '/wxa/getsnticket', payload: JSON.stringify({ sn: 'x'.repeat(5000) }), headers: { 'content-type': 'application/json' } });
    expect([res.statusCode, (JSON.parse(res.body) as { errcode: number }).errcode]).toEqual([200, 47001]);
  });
});

describe('createServer: transport and control', () => {
  it('refuses a transport route without a credential with 401 / 41001', async () => {
    const { app } = await setup();
    close = () => app.close();
    const res = await app.inject({ method: 'GET', url: '/__wxvoip/v1/parties/me' });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ errcode: 41001 });
  });

  it('connects a party and places a call; the refusal carries the catalogue key', async () => {
    const { app } = await setup();
    close = () => app.close();
    const connected = JSON.parse((await app.inject({ method: 'POST', url: '/__wxvoip/v1/parties', payload: { kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' } })).body) as {
      errcode: number;
      credential: { token: string };
    };
    expect(connected.errcode).toBe(0);
    const auth = { authorization: `Bearer ${connected.credential.token}` };
    const ok = await app.inject({ method: 'POST', url: '/__wxvoip/v1/plugin/call-device', headers: auth, payload: { roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' } });
    expect(JSON.parse(ok.body)).toMatchObject({ errcode: 0, roomId: expect.stringMatching(/^wxf830863afde621ebWmpfVoip\d+$/), room: { state: 'ringing', side: 'caller' } });
    const busy = await app.inject({ method: 'POST', url: '/__wxvoip/v1/plugin/call-device', headers: auth, payload: { roomType: 'voice', sn: 'SN-LINUX-0002', modelId: 'model-linux-doorbell' } });
    expect(JSON.parse(busy.body)).toEqual({ errcode: 1005, errmsg: expect.any(String), key: 'PLUGIN_BUSY', domain: 'plugin', pushSeq: 0 });
    const invalid = await app.inject({ method: 'POST', url: '/__wxvoip/v1/plugin/call-device', headers: auth, payload: { roomType: 'audio' } });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ errcode: 47001, errors: expect.arrayContaining([expect.objectContaining({ path: 'roomType' })]) });
  });

  it('answers control API validation failures with an RFC 7807 problem', async () => {
    const { app } = await setup();
    close = () => app.close();
    const res = await app.inject({ method: 'POST', url: '/__admin/clock/advance', payload: { ms: -5 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ type: expect.stringContaining('validation'), status: 400, errors: expect.any(Array) });
  });
});
