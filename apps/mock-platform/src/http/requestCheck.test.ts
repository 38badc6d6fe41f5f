import { checkZodSchema } from '@ts-rest/core';
import { platformTransportContract, wechatApiContract } from '@wxvoip/contracts';
import { describe, expect, it, vi } from 'vitest';
import { z, ZodType } from 'zod';
import { checkRequestPart, withCompiledRequestChecks } from './requestCheck.js';

/** A query object as fastify's parser (fast-querystring) makes it: an instance of an empty null-rooted class. */
function fastifyQuery(fields: Record<string, string>): Record<string, string> {
  const Empty = function () {} as unknown as new () => Record<string, string>;
  Empty.prototype = Object.create(null) as object;
  return Object.assign(new Empty(), fields);
}

/** zod parse steps taken while `run` runs. */
function zodParsesDuring(run: () => void): number {
  const spy = vi.spyOn(ZodType.prototype, '_parseSync');
  try {
    run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

const WithDefault = z.object({ roomType: z.enum(['voice', 'video']).default('voice'), sn: z.string().min(1) });
const Headers = z.object({ authorization: z.string().regex(/^Bearer \S+$/) });

/** Request parts, each with its schema and whether ts-rest passes its extra keys through. */
const cases: { what: string; schema: unknown; data: unknown; passThrough: boolean }[] = [
  { what: 'valid body', schema: wechatApiContract.getSnTicket.body, data: { sn: 'SN-1', model_id: 'm' }, passThrough: false },
  { what: 'body missing a field', schema: wechatApiContract.getSnTicket.body, data: { sn: 'SN-1' }, passThrough: false },
  { what: 'body with an extra key (stripped by zod)', schema: wechatApiContract.getSnTicket.body, data: { sn: 'SN-1', model_id: 'm', extra: 1 }, passThrough: false },
  { what: 'body not an object', schema: wechatApiContract.getSnTicket.body, data: 'text', passThrough: false },
  { what: 'absent body', schema: wechatApiContract.getSnTicket.body, data: undefined, passThrough: false },
  { what: 'body with a default left out (zod fills it)', schema: WithDefault, data: { sn: 'SN-1' }, passThrough: false },
  { what: 'fastify query', schema: wechatApiContract.getSnTicket.query, data: fastifyQuery({ access_token: 'tok' }), passThrough: false },
  { what: 'fastify query with an extra key', schema: wechatApiContract.getSnTicket.query, data: fastifyQuery({ access_token: 'tok', x: '1' }), passThrough: false },
  { what: 'headers with extra headers', schema: Headers, data: { authorization: 'Bearer abc', host: 'x', 'content-type': 'application/json' }, passThrough: true },
  { what: 'headers with a broken named header', schema: Headers, data: { authorization: 'Basic abc', host: 'x' }, passThrough: true },
  { what: 'headers without the named header', schema: Headers, data: { host: 'x' }, passThrough: true },
  { what: 'path parameters', schema: platformTransportContract.getRoomView.pathParams, data: { roomId: 'wxf830863afde621ebWmpfVoip112343434123434' }, passThrough: true },
  { what: 'no schema', schema: undefined, data: { anything: true }, passThrough: false },
];

/** A result as a handler or an error handler reads it: the data (compared as JSON), or the issues. */
const readable = (result: { success: boolean; data?: unknown; error?: unknown }) =>
  result.success ? { success: true, data: JSON.stringify(result.data) } : { success: false, issues: JSON.stringify((result.error as { issues: unknown }).issues) };

describe('checkRequestPart', () => {
  it.each(cases)('gives what ts-rest gives: $what', ({ schema, data, passThrough }) => {
    const ours = checkRequestPart(data, schema, passThrough);
    const tsRest = checkZodSchema(data, schema, { passThroughExtraKeys: passThrough });
    expect(readable(ours)).toEqual(readable(tsRest));
  });

  it('parses nothing with zod for parts zod would accept unchanged', () => {
    const valid = cases.filter((c) => ['valid body', 'fastify query', 'headers with extra headers', 'path parameters'].includes(c.what));
    expect(valid).toHaveLength(4);
    expect(zodParsesDuring(() => valid.forEach((c) => checkRequestPart(c.data, c.schema, c.passThrough)))).toBe(0);
    // … and gives the part itself, not a copy.
    const body = valid[0]!;
    expect(checkRequestPart(body.data, body.schema, false)).toEqual({ success: true, data: body.data });
    expect((checkRequestPart(body.data, body.schema, false) as { data: unknown }).data).toBe(body.data);
  });

  it('leaves every other part to zod', () => {
    const refused = cases.find((c) => c.what === 'body missing a field')!;
    expect(zodParsesDuring(() => void checkRequestPart(refused.data, refused.schema, false))).toBeGreaterThan(0);
  });
});

describe('withCompiledRequestChecks', () => {
  it('gives ts-rest views of the route schemas that answer as the schemas do, and leaves the contract alone', () => {
    const route = wechatApiContract.getSnTicket;
    const view = withCompiledRequestChecks(route);
    expect(view.body).not.toBe(route.body);
    expect(Object.getPrototypeOf(view.body)).toBe(route.body);
    expect(view.path).toBe(route.path);
    expect(route.body.safeParse).not.toBe((view.body as typeof route.body).safeParse);
    for (const data of [{ sn: 'SN-1', model_id: 'm' }, { sn: 'SN-1' }, null]) {
      expect(readable((view.body as typeof route.body).safeParse(data))).toEqual(readable(route.body.safeParse(data)));
    }
  });
});
