/**
 * Finding 7 of issue 13 over real sockets: what Node's HTTP parser and fastify refuse before any route runs (a head
 * past 16 KiB, raw non-ASCII bytes in the path, a body past the hard limit) is answered in the shape of the API the
 * path belongs to, never with a framework default body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemDetails } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '../platform/mockPlatform.js';
import { rawRequest } from '../../test/support/rawHttp.js';

let platform: MockPlatform;
let port: number;

beforeAll(async () => {
  platform = await startMockPlatform({ port: 0 });
  port = Number(new URL(platform.url).port);
});
afterAll(() => platform.close());

const big = `X-Big: ${'a'.repeat(20_000)}\r\n`;
const utf8Path = (prefix: string) => Buffer.concat([Buffer.from(`GET ${prefix}`), Buffer.from('é', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')]);

describe('a request head over 16 KiB', () => {
  it('answers 431 with errcode 47001 on a WeChat route', async () => {
    const answer = await rawRequest(port, `GET /cgi-bin/token HTTP/1.1\r\nHost: 127.0.0.1\r\n${big}\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(JSON.parse(answer.body)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('16 KiB') });
  });

  it('answers 431 with a headers-too-large problem on the control API', async () => {
    const answer = await rawRequest(port, `GET /__admin/info HTTP/1.1\r\nHost: 127.0.0.1\r\n${big}\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(ProblemDetails.parse(JSON.parse(answer.body))).toMatchObject({ type: 'urn:wxvoip:problem:headers-too-large', status: 431 });
  });
});

describe('raw UTF-8 bytes in the path', () => {
  it('answers 400 with errcode 47001 on a WeChat route and on the transport API', async () => {
    for (const prefix of ['/cgi-bin/tok', '/__wxvoip/v1/rooms/']) {
      const answer = await rawRequest(port, utf8Path(prefix));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('percent-encode') });
    }
  });

  it('answers a bad-request problem on the control API', async () => {
    const answer = await rawRequest(port, utf8Path('/__admin/rooms/'));
    expect(answer.status).toBe(400);
    expect(ProblemDetails.parse(JSON.parse(answer.body))).toMatchObject({ type: 'urn:wxvoip:problem:bad-request' });
  });

  it('and a bad percent escape answers 47001 too', async () => {
    const answer = await rawRequest(port, 'GET /__wxvoip/v1/rooms/%zz/join HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(answer.status).toBeLessThan(500);
    expect(JSON.parse(answer.body)).toMatchObject({ errcode: 47001 });
  });
});

describe('a body past the hard limit (64 MiB)', () => {
  it('answers 413 with errcode 47001 on a WeChat route without reading it', async () => {
    const answer = await rawRequest(port, 'POST /wxa/getsnticket HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 70000000\r\n\r\n{');
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('bytes') });
  });

  it('answers a payload-too-large problem on the control API', async () => {
    const answer = await rawRequest(port, 'POST /__admin/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 70000000\r\n\r\n{');
    expect(answer.status).toBe(413);
    expect(ProblemDetails.parse(JSON.parse(answer.body))).toMatchObject({ type: 'urn:wxvoip:problem:payload-too-large', status: 413 });
  });
});

it('the server still answers after all of that', async () => {
  const answer = await rawRequest(port, 'GET /__admin/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  expect(answer.status).toBe(200);
});
