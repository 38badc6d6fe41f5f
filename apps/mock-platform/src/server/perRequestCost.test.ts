import { demoSeed, wechatApiContract } from '@wxvoip/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZodType } from 'zod';
import { PlatformCore } from '../core/platformCore.js';
import { createServer, type ServerOptions } from './createServer.js';
import type { ResponseValidation } from '../http/responseValidation.js';

/**
 * Regression guards for per-request costs found by profiling (issue 19, ADR 0023). They count work, never time it:
 * a count that grows means a cost that every request pays has come back.
 */

const TOKEN_URL = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';
const REQUESTS = 20;

async function platform(responseValidation: ResponseValidation, logging: Pick<ServerOptions, 'logger' | 'logRequests'> = {}) {
  const core = new PlatformCore({ seed: demoSeed });
  const app = await createServer({ core, docs: false, inspector: false, responseValidation, ...logging });
  const token = (JSON.parse((await app.inject({ method: 'GET', url: TOKEN_URL })).body) as { access_token: string }).access_token;
  const snTicket = async () => {
    const res = await app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${token}`, payload: { sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell' } });
    expect(JSON.parse(res.body)).toMatchObject({ errcode: 0, sn_ticket: expect.any(String) });
  };
  return { core, app, snTicket };
}

const QUERY = { access_token: 'x' };
const BODY = { sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell' };

/**
 * zod parse steps (`_parseSync`: one per `safeParse`, plus one per nested union option, array item or effect) taken
 * while `run` runs. (`safeParse` itself cannot be spied on: zod binds it to each schema when the schema is built.)
 */
async function zodParsesDuring(run: () => Promise<void> | void): Promise<number> {
  const spy = vi.spyOn(ZodType.prototype, '_parseSync');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Parse steps of checking one snTicket request (its query and body), and of checking one ticket response. */
async function schemaCosts(): Promise<{ request: number; response: number }> {
  const route = wechatApiContract.getSnTicket;
  const request = await zodParsesDuring(() => {
    route.query.safeParse(QUERY);
    route.body.safeParse(BODY);
  });
  const response = await zodParsesDuring(() => void route.responses[200].safeParse({ errcode: 0, errmsg: 'ok', sn_ticket: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' }));
  return { request, response };
}

describe('per-request cost of an emulated route (counted)', () => {
  // A valid request's query and body pass the contract's compiled check, which zod would accept unchanged: zod
  // parses neither (ADR 0046). A request the compiled check cannot vouch for still gets zod's parse and errors.
  it('compiled (the default outside this test suite): no zod parse at all, every response still checked', async () => {
    const costs = await schemaCosts();
    expect(costs.request).toBeGreaterThan(0);
    const { app, snTicket } = await platform('compiled');
    close = () => app.close();
    const parses = await zodParsesDuring(async () => {
      for (let i = 0; i < REQUESTS; i++) await snTicket();
    });
    expect(parses / REQUESTS).toBe(0);
  });

  it('firstOfShape: no zod parse once the response shape is known', async () => {
    const { app, snTicket } = await platform('firstOfShape');
    close = () => app.close();
    await snTicket(); // the response shape is parsed in full once, here
    const parses = await zodParsesDuring(async () => {
      for (let i = 0; i < REQUESTS; i++) await snTicket();
    });
    expect(parses / REQUESTS).toBe(0);
  });

  it('every (this test suite): the response is parsed on every request, the request by the compiled check', async () => {
    const costs = await schemaCosts();
    const { app, snTicket } = await platform('every');
    close = () => app.close();
    await snTicket();
    const parses = await zodParsesDuring(async () => {
      for (let i = 0; i < REQUESTS; i++) await snTicket();
    });
    expect(parses / REQUESTS).toBe(costs.response);
  });

  it('a request the compiled check refuses is parsed by zod, and answered with its errors', async () => {
    const costs = await schemaCosts();
    const { app } = await platform('compiled');
    close = () => app.close();
    const token = (JSON.parse((await app.inject({ method: 'GET', url: TOKEN_URL })).body) as { access_token: string }).access_token;
    let res: Awaited<ReturnType<typeof app.inject>> | undefined;
    const parses = await zodParsesDuring(async () => {
      res = await app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${token}`, payload: { sn: 'SN-LINUX-0001' } });
    });
    const route = wechatApiContract.getSnTicket;
    const bodyParses = await zodParsesDuring(() => void route.body.safeParse({ sn: 'SN-LINUX-0001' }));
    expect(costs.request).toBeGreaterThan(bodyParses);
    expect(parses).toBe(bodyParses); // the body went to zod, the valid query did not
    expect(JSON.parse(res!.body)).toEqual({ errcode: 47001, errmsg: expect.stringContaining('model_id') });
  });

  it('one journal entry per request', async () => {
    const { core, app, snTicket } = await platform('firstOfShape');
    close = () => app.close();
    await snTicket();
    const before = core.tenant().state.journal.next;
    for (let i = 0; i < REQUESTS; i++) await snTicket();
    expect((core.tenant().state.journal.next - before) / REQUESTS).toBe(1);
  });

  it('the journal summarizes a small body without encoding a copy of it (no TextEncoder per request)', async () => {
    const { core, app, snTicket } = await platform('firstOfShape');
    close = () => app.close();
    await snTicket();
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    try {
      for (let i = 0; i < REQUESTS; i++) await snTicket();
      expect(encode).not.toHaveBeenCalled();
    } finally {
      encode.mockRestore();
    }
    // …and still keeps both bodies whole, with their UTF-8 size in the budget.
    const last = core.tenant().state.journal.query({ kind: 'request', limit: 1_000 }).entries.at(-1);
    expect(last).toMatchObject({ requestBody: BODY, responseBody: { errcode: 0, sn_ticket: expect.any(String) } });
  });

  it('request logs off at info (the CLI): no pino child logger and no log line per request', async () => {
    const lines: string[] = [];
    const { app, snTicket } = await platform('firstOfShape', { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } }, logRequests: false });
    close = () => app.close();
    await snTicket();
    const child = vi.spyOn(app.log, 'child');
    const before = lines.length;
    for (let i = 0; i < REQUESTS; i++) await snTicket();
    expect(child).not.toHaveBeenCalled();
    expect(lines.length - before).toBe(0);
  });

  it('request logs off at debug: one line per request, from a child logger that carries the request id', async () => {
    const lines: string[] = [];
    const { app, snTicket } = await platform('firstOfShape', { logger: { level: 'debug', stream: { write: (line: string) => void lines.push(line) } }, logRequests: false });
    close = () => app.close();
    await snTicket();
    const before = lines.length;
    for (let i = 0; i < REQUESTS; i++) await snTicket();
    const logged = lines.slice(before).map((line) => JSON.parse(line) as { msg: string; reqId?: string });
    expect(logged).toHaveLength(REQUESTS);
    expect(logged[0]).toMatchObject({ msg: expect.stringMatching(/^POST \/wxa\/getsnticket\?access_token=\S+ 200 \d+ ms$/), reqId: expect.any(String) });
  });

  it('an emulated route runs one onRequest hook and no onResponse hook, and so does the push channel (no WebSocket plugin hooks)', async () => {
    const { app } = await platform('firstOfShape', { logger: { level: 'info', stream: { write: () => undefined } }, logRequests: false });
    close = () => app.close();
    const tree = app.printRoutes({ includeHooks: true, commonPrefix: false }).split('\n');
    /** The hook lines printed under the first route line that contains `label`, as `(hook) [names]`. */
    const hooksOf = (label: string) => {
      const at = tree.findIndex((line) => line.includes(label));
      expect(at).toBeGreaterThanOrEqual(0);
      const hooks: string[] = [];
      for (let i = at + 1; i < tree.length && tree[i]!.includes('• ('); i++) hooks.push(tree[i]!.slice(tree[i]!.indexOf('(')));
      return hooks;
    };
    for (const route of ['/wxa/getsnticket (POST)', '/cgi-bin/token (GET)', '/parties (POST)']) expect([route, hooksOf(route)]).toEqual([route, ['(onRequest) ["anonymous()"]']]);
    // The push channel's handshake is routed to `ws` without @fastify/websocket, whose hooks it used to add (ADR 0039).
    expect(hooksOf('/:partyId/channel (GET)')).toEqual(['(onRequest) ["anonymous()"]']);
  });
});
