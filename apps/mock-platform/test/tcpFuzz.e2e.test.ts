/**
 * Finding 7 (and 1, 2) of issue 13 at the TCP level, where `inject()` never goes: Node's own header limits, the
 * upgrade path and the HTTP parser. At least 5,000 generated requests over real sockets to one listening platform,
 * on all three APIs: Upgrade/h2c headers with and without bodies, deep nesting, 1-20 MB bodies, oversized heads, raw
 * UTF-8 and bad percent escapes in paths, the push-channel path, `__proto__`/`constructor` keys. Every answer must
 * be below 500, arrive whole on a connection that was not dropped, and be in its API's shape; the server must still
 * answer afterwards.
 */
import { ProblemDetails } from '@wxvoip/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPlatform, type MockPlatform } from '../src/platform/mockPlatform.js';
import { rawRequest, type RawAnswer } from './support/rawHttp.js';

const REQUESTS = 5_200;
const PARALLEL = 8;

/** mulberry32: the same requests on every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

const PATHS = [
  '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret',
  '/cgi-bin/stable_token',
  '/wxa/getsnticket?access_token=x',
  '/cgi-bin/message/device/subscribe/send?access_token=x',
  '/wxa/business/group/createid?access_token=x',
  '/__wxvoip/v1/parties',
  '/__wxvoip/v1/parties/me',
  '/__wxvoip/v1/rooms/x/join',
  '/__wxvoip/v1/rooms/%E0%A4/answer',
  '/__wxvoip/v1/parties/p-1/channel?access_token=x',
  '/__admin/info',
  '/__admin/reset',
  '/__admin/faults',
  '/__admin/journal?limit=100',
  '/__admin/clock/advance',
  '/__admin/rooms/%zz',
  '/nope',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];
const UPGRADES = [
  '',
  'Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n',
  'Connection: Upgrade\r\nUpgrade: websocket\r\n',
  'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n',
  'Connection: upgrade\r\nUpgrade: foo/1, bar\r\n',
];
const BODIES = [
  () => '',
  () => '{}',
  () => '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"sn":"SN-1","model_id":"model-linux-doorbell"}',
  () => '{"kind":"linuxDevice","appId":"wx_demo_app","sn":"SN-LINUX-0001","modelId":"model-linux-doorbell","__proto__":[]}',
  () => '[' .repeat(20_000) + ']'.repeat(20_000),
  () => '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  () => '{"sn":',
  () => 'not json at all',
  () => '{"ms":1000,"to":"seed","kind":"error","operation":"wechat.getAccessToken","errcode":40013,"times":1}',
];

interface Generated {
  readonly label: string;
  readonly path: string;
  readonly method: string;
  readonly bytes: (Buffer | string)[];
}

function generate(count: number): Generated[] {
  const random = prng(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: Generated[] = [];
  for (let i = 0; i < count; i++) {
    const method = pick(METHODS);
    let path = pick(PATHS);
    let rawPath: Buffer | undefined;
    const roll = random();
    if (roll < 0.04) rawPath = Buffer.concat([Buffer.from(path.split('?')[0]!), Buffer.from('/é你', 'utf8')]);
    else if (roll < 0.08) path = `${path.split('?')[0]}/%${pick(['zz', 'E0', 'E0%A4', 'C3', '%'])}`;
    const upgrade = pick(UPGRADES);
    const body = method === 'GET' || method === 'HEAD' ? (random() < 0.1 ? '{}' : '') : pick(BODIES)();
    const head = random() < 0.03 ? `X-Big: ${'a'.repeat(17_000 + Math.floor(random() * 10_000))}\r\n` : '';
    const contentType = path.startsWith('/__admin') && random() < 0.7 ? 'application/json' : pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'garbage']);
    const ns = random() < 0.2 ? `X-Wxvoip-Namespace: fuzz-${Math.floor(random() * 300)}\r\n` : '';
    const bodyBytes = Buffer.from(body, 'utf8');
    const headText = `${method} ${rawPath ? '' : path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${upgrade}${head}${ns}${bodyBytes.length > 0 ? `Content-Type: ${contentType}\r\nContent-Length: ${bodyBytes.length}\r\n` : ''}Connection: close\r\n\r\n`;
    const bytes = rawPath ? [Buffer.from(`${method} `), rawPath, Buffer.from(headText.slice(method.length + 1)), bodyBytes] : [headText, bodyBytes];
    out.push({ label: `#${i} ${method} ${rawPath ? `${path.split('?')[0]}/é你` : path}${upgrade ? ' +upgrade' : ''}${head ? ' +bighead' : ''} body ${bodyBytes.length}`, path, method, bytes });
  }
  // Large bodies: 1-20 MB, on each API, some with upgrade headers.
  for (let i = 0; i < 12; i++) {
    const size = 1_000_000 + Math.floor(random() * 19_000_000);
    const path = ['/wxa/getsnticket?access_token=x', '/__wxvoip/v1/rooms/x/join', '/__admin/reset'][i % 3]!;
    const body = Buffer.alloc(size, 'a');
    body[0] = 0x7b;
    const upgrade = i % 2 === 0 ? UPGRADES[1]! : '';
    out.push({ label: `big #${i} POST ${path} ${size} bytes`, path, method: 'POST', bytes: [`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${upgrade}Content-Type: application/json\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`, body] });
  }
  return out;
}

function path0(request: Generated): string {
  return request.path.split('?')[0] ?? request.path;
}

/** What is wrong with an answer, or undefined when it is in its API's shape. */
function shapeProblem(request: Generated, answer: RawAnswer): string | undefined {
  if (answer.dropped) return `dropped (${answer.error ?? 'closed'}) status ${answer.status}`;
  if (answer.status >= 500) return `status ${answer.status}: ${answer.body.slice(0, 200)}`;
  // A valid WebSocket handshake on the push-channel path is the one request that may switch protocols.
  if (answer.status === 101) return /^\/__wxvoip\/v1\/parties\/[^/]+\/channel/.test(path0(request)) && request.method === 'GET' ? undefined : 'switched protocols off the push channel';
  if (answer.status < 200) return `status ${answer.status}`;
  if (request.method === 'HEAD' || answer.status === 204 || answer.body === '') return request.method === 'HEAD' || answer.status === 204 ? undefined : `empty body with ${answer.status}`;
  const type = answer.headers['content-type'] ?? '';
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `not JSON (${type}): ${answer.body.slice(0, 120)}`;
  }
  const path = request.path;
  const api = path.startsWith('/__admin') ? 'control' : path.startsWith('/__wxvoip/v1') ? 'transport' : path.startsWith('/cgi-bin/') || path.startsWith('/wxa/') ? 'wechat' : 'other';
  if (api === 'control' || api === 'other') {
    if (answer.status < 300) return type.includes('application/json') ? undefined : `content-type ${type}`;
    if (!type.includes('application/problem+json')) return `problem content-type ${type}`;
    return ProblemDetails.safeParse(body).success ? undefined : `not a problem: ${answer.body.slice(0, 120)}`;
  }
  if (!type.includes('application/json')) return `content-type ${type}`;
  const record = body as Record<string, unknown>;
  if (typeof record['errcode'] === 'number' && typeof record['errmsg'] === 'string') return undefined;
  if (api === 'wechat' && typeof record['access_token'] === 'string') return undefined;
  return `not {errcode, errmsg}: ${answer.body.slice(0, 120)}`;
}

let platform: MockPlatform;
let port: number;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0 });
  port = Number(new URL(platform.url).port);
});
afterAll(() => platform.close());

describe('TCP fuzz of a listening platform', () => {
  it(`answers ${REQUESTS}+ generated requests over real sockets: no 5xx, no drop, every answer in its API's shape`, async () => {
    const requests = generate(REQUESTS);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          const answer = await rawRequest(port, request.bytes);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const problem = shapeProblem(request, answer);
          if (problem !== undefined) problems.push(`${request.label}: ${problem}`);
        }
      }),
    );
    console.log(`tcp fuzz: ${requests.length} requests in ${((performance.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(5_000);

    // Still alive, and the journal (which saw all of it) still reads.
    const info = await rawRequest(port, 'GET /__admin/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(info.status).toBe(200);
    const journal = await rawRequest(port, 'GET /__admin/journal?limit=1000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(journal.status).toBe(200);
    const token = await rawRequest(port, 'GET /cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(JSON.parse(token.body)).toMatchObject({ expires_in: 7200 });
  }, 120_000);
});
