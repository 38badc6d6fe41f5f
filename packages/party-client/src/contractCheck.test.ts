/**
 * The compiled fast path of the client's contract checks never accepts what zod refuses, and gives zod's own data
 * whenever it accepts: checked on the answers and push frames of a real call (in-process platform through msw) and
 * on thousands of mutations of them. Real answers and frames all take the fast path (a count, the guard of ADR 0043).
 */
import { PushMessage, contractCheck, contractCheckFallbacks, contractVerdict, platformTransportContract, type CheckableSchema } from '@wxvoip/contracts';
import type { MockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WebSocket as NodeWebSocket } from 'ws';
import { PartyClient } from './partyClient.js';
import type { FetchLike } from './transportClient.js';
import type { WebSocketConstructorLike } from './webSocketLike.js';

/** A check result as the client reads it: success and data, or the issues. */
const readable = (result: { success: boolean; data?: unknown; error?: { issues: unknown[] } }) => (result.success ? { success: true, data: result.data } : { success: false, issues: JSON.stringify(result.error?.issues) });

const server = setupServer();
let platform: MockPlatform;
const installedWebSocket = typeof globalThis.WebSocket === 'undefined';
/** What the call produced: each answer with the schema of its route's 200 body, and each push frame. */
const samples: { what: string; schema: CheckableSchema; value: unknown }[] = [];
let fallbacksDuringCall = -1;

const routes = Object.entries(platformTransportContract as unknown as Record<string, { method: string; path: string; responses: Record<number, unknown> }>).map(([key, route]) => ({
  key,
  method: route.method,
  pattern: new RegExp(`^${route.path.replace(/:[^/]+/g, '[^/]+')}$`),
  schema: route.responses[200] as CheckableSchema,
}));

/** The global fetch (msw's), recording each 200 answer with its route's schema. */
const recordingFetch: FetchLike = async (url, init) => {
  const res = await globalThis.fetch(url, init);
  const text = await res.text();
  const path = new URL(url).pathname;
  const route = routes.find((r) => r.method === init.method && r.pattern.test(path));
  if (route !== undefined && res.status === 200) samples.push({ what: `answer ${route.key}`, schema: route.schema, value: JSON.parse(text) });
  return { status: res.status, text: async () => text };
};

function recordingWebSocket(Base: WebSocketConstructorLike): WebSocketConstructorLike {
  return class extends (Base as unknown as new (url: string) => { addEventListener(type: string, listener: (event: { data: unknown }) => void): void }) {
    constructor(url: string) {
      super(url);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string') samples.push({ what: `push ${(JSON.parse(event.data) as { type: string }).type}`, schema: PushMessage as unknown as CheckableSchema, value: JSON.parse(event.data) });
      });
    }
  } as unknown as WebSocketConstructorLike;
}

beforeAll(async () => {
  if (installedWebSocket) Object.defineProperty(globalThis, 'WebSocket', { value: NodeWebSocket, configurable: true, writable: true });
  const setup = await setupMockPlatform();
  platform = setup.platform;
  server.use(...setup.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const WebSocket = recordingWebSocket(globalThis.WebSocket as unknown as WebSocketConstructorLike);
  const options = { baseUrl: platform.url, namespace: 'contract-check', fetch: recordingFetch, WebSocket };
  const device = new PartyClient(options);
  const phone = new PartyClient(options);
  const before = contractCheckFallbacks();
  expect((await device.connect({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' })).ok).toBe(true);
  expect((await phone.connect({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice', envVersion: 'release', pluginVersion: '2.4.6' } as never)).ok).toBe(true);
  await device.openChannel({ onPush: () => undefined, onClosed: () => undefined });
  await phone.openChannel({ onPush: () => undefined, onClosed: () => undefined });
  const placed = await device.request('linuxSessionCall', { body: { roomType: 'voice', callee: { id: 'openid-alice' } } });
  if (!placed.ok) throw new Error(JSON.stringify(placed.failure));
  const params = { roomId: placed.data.roomId };
  expect((await phone.request('answerRoom', { params, body: {} })).ok).toBe(true);
  expect((await device.request('getRoomView', { params })).ok).toBe(true);
  expect((await phone.request('hangUpRoom', { params, body: {} })).ok).toBe(true);
  expect((await device.request('getSelf', {})).ok).toBe(true);
  await device.disconnect();
  await phone.disconnect();
  fallbacksDuringCall = contractCheckFallbacks() - before;
});
afterAll(async () => {
  server.close();
  await platform.close();
  if (installedWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
});

/** Every value one small change away from `value`: each field removed, retyped, emptied; an extra key in each object. */
function mutations(value: unknown): unknown[] {
  const replacements: unknown[] = [null, undefined, '', 'x', -1, 0, 1, 1.5, true, {}, [], 'room-0000000000000001', 2 ** 53];
  const out: unknown[] = [];
  const walk = (node: unknown, rebuild: (replacement: unknown, remove?: boolean) => unknown) => {
    for (const replacement of replacements) out.push(rebuild(replacement));
    out.push(rebuild(undefined, true));
    if (Array.isArray(node)) {
      out.push(rebuild([]));
      node.forEach((item, index) => walk(item, (r, remove) => rebuild(remove ? node.filter((_, i) => i !== index) : node.map((x, i) => (i === index ? r : x)))));
    } else if (typeof node === 'object' && node !== null) {
      out.push(rebuild({ ...node, zzExtra: 1 }));
      for (const key of Object.keys(node)) {
        walk((node as Record<string, unknown>)[key], (r, remove) => {
          const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
          if (remove) delete copy[key];
          else copy[key] = r;
          return rebuild(copy);
        });
      }
    }
  };
  walk(value, (r, remove) => (remove ? undefined : r));
  return out;
}

describe('contractCheck', () => {
  it('takes the fast path for every answer and push frame of a real call (no zod fallback)', () => {
    expect(samples.length).toBeGreaterThan(10);
    expect(samples.filter((s) => s.what.startsWith('push voipEvent') || s.what.startsWith('push incomingCall')).length).toBeGreaterThan(0);
    expect(samples.map((s) => [s.what, contractVerdict(s.schema, s.value)]).filter(([, verdict]) => verdict !== 'exact')).toEqual([]);
    expect(fallbacksDuringCall).toBe(0);
  });

  it('never accepts what zod refuses, and accepts only values zod returns unchanged, on every mutation of them', () => {
    let compared = 0;
    let fast = 0;
    for (const sample of samples) {
      for (const mutated of mutations(sample.value)) {
        const verdict = contractVerdict(sample.schema, mutated);
        const zod = sample.schema.safeParse(mutated);
        if (verdict === 'exact') {
          fast += 1;
          expect({ what: sample.what, success: zod.success }).toEqual({ what: sample.what, success: true });
          expect(zod.success && zod.data).toEqual(mutated);
        }
        if (verdict === 'invalid') expect({ what: sample.what, mutated, success: zod.success }).toMatchObject({ success: false });
        expect(readable(contractCheck(sample.schema, mutated))).toEqual(verdict === 'exact' ? { success: true, data: mutated } : readable(zod));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(4_000);
    expect(fast).toBeGreaterThan(100);
  });

  it('agrees with zod on the constructs it compiles, and leaves the others to zod', () => {
    const Schema = z.object({
      name: z.string().min(2).max(4).regex(/^[a-z]+$/),
      size: z.number().int().positive().max(10),
      ratio: z.number().finite().nonnegative().lt(1),
      tag: z.enum(['a', 'b']).nullable(),
      one: z.literal(1).optional(),
      list: z.array(z.boolean()).min(1).max(2),
      pick: z.union([z.object({ kind: z.literal('x') }).strict(), z.object({ kind: z.literal('x'), more: z.string() })]),
      tagged: z.discriminatedUnion('t', [z.object({ t: z.literal('p'), p: z.number() }), z.object({ t: z.literal('q') })]),
      even: z.number().refine((n) => n % 2 === 0, 'even'),
      defaulted: z.string().default('d'),
      trimmed: z.string().trim().optional(),
      loose: z.object({ a: z.number() }).passthrough().optional(),
    });
    const good = { name: 'abc', size: 3, ratio: 0.5, tag: null, list: [true], pick: { kind: 'x' }, tagged: { t: 'p', p: 1 }, even: 2, defaulted: 'x' };
    expect(contractVerdict(Schema as unknown as CheckableSchema, good)).toBe('exact');
    const cases: [string, unknown, 'exact' | 'invalid' | 'unknown'][] = [
      ['short name', { ...good, name: 'a' }, 'invalid'],
      ['long name', { ...good, name: 'abcde' }, 'invalid'],
      ['name off the pattern', { ...good, name: 'AB' }, 'invalid'],
      ['size 0 (positive)', { ...good, size: 0 }, 'invalid'],
      ['size 1.5', { ...good, size: 1.5 }, 'invalid'],
      ['size NaN', { ...good, size: Number.NaN }, 'invalid'],
      ['ratio 1 (lt)', { ...good, ratio: 1 }, 'invalid'],
      ['ratio Infinity', { ...good, ratio: Number.POSITIVE_INFINITY }, 'invalid'],
      ['tag c', { ...good, tag: 'c' }, 'invalid'],
      ['one 2', { ...good, one: 2 }, 'invalid'],
      ['empty list', { ...good, list: [] }, 'invalid'],
      ['pick with more: the strict option fails, the second accepts it as is', { ...good, pick: { kind: 'x', more: 'm' } }, 'exact'],
      ['tagged q', { ...good, tagged: { t: 'q' } }, 'exact'],
      ['tagged r', { ...good, tagged: { t: 'r' } }, 'invalid'],
      ['odd', { ...good, even: 3 }, 'invalid'],
      ['defaulted absent: zod adds the default', { ...good, defaulted: undefined }, 'unknown'],
      ['trimmed: a transform', { ...good, trimmed: ' a ' }, 'unknown'],
      ['extra key: zod strips it', { ...good, extra: 1 }, 'unknown'],
      ['passthrough object', { ...good, loose: { a: 1, b: 2 } }, 'unknown'],
      ['an array for the object', [good], 'invalid'],
    ];
    for (const [name, value, expected] of cases) {
      expect({ name, verdict: contractVerdict(Schema as unknown as CheckableSchema, value) }).toEqual({ name, verdict: expected });
      const zod = Schema.safeParse(value);
      if (expected === 'invalid') expect({ name, success: zod.success }).toEqual({ name, success: false });
      if (expected === 'exact') expect(zod).toEqual({ success: true, data: value });
      expect(readable(contractCheck(Schema as unknown as CheckableSchema, value))).toEqual(expected === 'exact' ? { success: true, data: value } : readable(zod));
    }
  });
});
